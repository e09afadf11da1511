package app.cloudey;

import app.cloudey.internal.Runtime;
import app.cloudey.internal.WorkPlanner;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.model.Period;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.JobListener;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What background work is due per account, worked out from the account's own stored data and a
 * {@link Schedule}, and a way to run it. A host with its own scheduler drives it like this (the
 * {@code cloudey-scheduler} module does the same on db-scheduler, exactly once across processes):
 *
 * <pre>{@code
 * for (DueWork work : cloudey.schedules().due(accountId, Schedule.ofDefaults())) {
 *   cloudey.schedules().run(work);      // a job, listed by cloudey.jobs(); blocks until it ends,
 * }                                     // throws if it failed or was cancelled
 * }</pre>
 *
 * <p><b>What counts as done.</b> Inventory: the last sync that ran to its end (not failed,
 * cancelled or abandoned), made by anyone (a sync with failed scopes counts, so a permanently
 * failing scope does not cause a sync loop). Costs: the store's last ingest of cost lines (any
 * refresh, month close's included). Month close: the month's status. Metric syncs and
 * recommendation runs leave no other trace, so {@link #run} records them as {@link SyncRun}s
 * ({@link SyncKind#METRICS}, {@link SyncKind#RECOMMENDATIONS}) and only those count. Work that
 * failed stays due: back off before retrying it. Runs older than the last {@value #HISTORY_SCAN} of
 * the account are not looked at, so intervals should stay below two weeks.
 *
 * <p>Thread-safe. {@link #due} and {@link #plan} only read the store. {@link #start} runs the work
 * as a background {@link Job} (persisted, with progress, listed by {@link Cloudey#jobs()},
 * cancellable from any process); {@link #run} does the same and blocks until the job ends. The job
 * holds the account's lock like the call it makes.
 */
public final class Schedules {
  /** How many of the account's latest sync runs are searched for the last run of each kind. */
  public static final int HISTORY_SCAN = 100;

  private final Runtime runtime;
  private final Function<AccountId, CloudeyAccount> accounts;

  Schedules(Runtime runtime, Function<AccountId, CloudeyAccount> accounts) {
    this.runtime = runtime;
    this.accounts = accounts;
  }

  /** Cloudey's clock, on which every {@link DueWork#dueAt()} is computed. */
  public Clock clock() {
    return runtime.clock();
  }

  /**
   * The work due now for the account, in the order to run it ({@link WorkKind} order, month closes
   * oldest first); empty when nothing is due.
   *
   * @throws CloudeyNotFoundException when the account is not registered
   */
  public List<DueWork> due(AccountId accountId, Schedule schedule) {
    Instant now = runtime.clock().instant();
    return plan(accountId, schedule, now).stream().filter(w -> w.isDueAt(now)).toList();
  }

  /**
   * The next occurrence of every kind for the account, due or not, in the order of {@link #due}.
   * Several month closes appear when several months are due; {@link WorkKind#METRIC_SYNC} is absent
   * until the first inventory sync has finished.
   *
   * @throws CloudeyNotFoundException when the account is not registered
   */
  public List<DueWork> plan(AccountId accountId, Schedule schedule) {
    return plan(accountId, schedule, runtime.clock().instant());
  }

  private List<DueWork> plan(AccountId accountId, Schedule schedule, Instant now) {
    requireNonNull(schedule, "schedule");
    Account account = runtime.account(requireNonNull(accountId, "accountId"));
    CloudeyStore store = runtime.store();
    List<SyncRun> runs = store.syncRuns().recent(accountId, HISTORY_SCAN);
    List<YearMonth> unclosed = new ArrayList<>();
    for (YearMonth month : WorkPlanner.closeCandidates(now, account.createdAt())) {
      if (store.costs().findClosedMonth(accountId, month).isEmpty()) {
        unclosed.add(month);
      }
    }
    WorkPlanner.Facts facts =
        new WorkPlanner.Facts(
            now,
            account.createdAt(),
            lastDone(runs, SyncKind.INVENTORY),
            store.costs().lastIngestAt(accountId).orElse(null),
            lastDone(runs, SyncKind.METRICS),
            lastDone(runs, SyncKind.RECOMMENDATIONS),
            unclosed,
            runtime.settings().settlingDays());
    return WorkPlanner.plan(accountId, schedule, facts);
  }

  /**
   * End of the newest run of the kind that ran to its end (SUCCEEDED, failed scopes allowed): a
   * FAILED, CANCELLED or ABANDONED run leaves the work due.
   */
  private static @Nullable Instant lastDone(List<SyncRun> newestFirst, SyncKind kind) {
    for (SyncRun run : newestFirst) {
      if (run.kind() == kind && run.state() == SyncState.SUCCEEDED) {
        return run.finishedAt();
      }
    }
    return null;
  }

  /**
   * Starts the work as a background {@link Job} of this instance, persisted like any other (listed
   * by {@code cloudey.jobs()}, with progress, cancellable from any process): an inventory sync, a
   * cost refresh of the current month (and the previous one until it is closed), a month close, a
   * metric sync over the default look-back, or a recommendation run. Metric syncs and
   * recommendation runs are also recorded as {@link SyncRun}s when the job ends (see the class
   * comment), unsuccessful ones with their error.
   *
   * @throws CloudeyNotFoundException when the account is not registered
   */
  public Job start(DueWork work) {
    return start(work, JobListener.NOOP);
  }

  /** {@link #start(DueWork)} followed by {@code listener}. */
  public Job start(DueWork work, JobListener listener) {
    requireNonNull(listener, "listener");
    CloudeyAccount account = accounts.apply(requireNonNull(work, "work").accountId());
    return switch (work.kind()) {
      case INVENTORY_SYNC -> account.inventory().syncAsync(listener);
      case COST_REFRESH -> account.costs().refreshAsync(refreshPeriod(account), listener);
      case MONTH_CLOSE ->
          account.costs().closeMonthAsync(requireNonNull(work.month(), "month"), listener);
      case METRIC_SYNC -> account.metrics().syncAsync(recorded(SyncKind.METRICS, listener));
      case RECOMMENDATIONS ->
          account.recommendations().generateAsync(recorded(SyncKind.RECOMMENDATIONS, listener));
    };
  }

  /**
   * Does the work as a job ({@link #start(DueWork)}) and blocks until the job ends, so a scheduler
   * that calls it holds its task for exactly as long as the work runs.
   *
   * @return the job's final record, SUCCEEDED
   * @throws CloudeyException the error that failed the job; or, for a job that ended CANCELLED (by
   *     anyone, in any process) or ABANDONED (its Cloudey closed), an exception saying so; or, when
   *     the calling thread is interrupted while it waits, an exception saying so, after asking the
   *     job to stop. The work then stays due.
   */
  public JobRecord run(DueWork work) {
    Job job = start(work);
    JobRecord end;
    try {
      end = job.await();
    } catch (CloudeyException interrupted) {
      job.cancel(); // the caller gave up (e.g. its scheduler shuts down): stop at the next check
      throw interrupted;
    }
    if (end.state() == JobState.SUCCEEDED) {
      return end;
    }
    job.result(Object.class); // throws the error that failed it, when it failed here
    throw new CloudeyException(
        work.kind()
            + " of account '"
            + work.accountId()
            + "' (job "
            + end.id()
            + ") ended "
            + end.state()
            + (end.error() == null ? "" : ": " + end.error())
            + "; the work stays due and is run again by the next scheduled run");
  }

  /** The current month to date, plus the previous month while it is not closed (it settles). */
  private Period refreshPeriod(CloudeyAccount account) {
    YearMonth previous = YearMonth.from(Period.today(runtime.clock())).minusMonths(1);
    boolean previousClosed =
        runtime.store().costs().findClosedMonth(account.id(), previous).isPresent();
    return Period.lastMonths(previousClosed ? 0 : 1, runtime.clock());
  }

  /**
   * {@code listener}, and a record of the job as a {@link SyncRun} of {@code kind} when it ends,
   * before anyone waiting for the job is released. A run that did not succeed records its state and
   * error, so it does not count as done.
   */
  private JobListener recorded(SyncKind kind, JobListener listener) {
    return new JobListener() {
      @Override
      public void progress(JobRecord job) {
        listener.progress(job);
      }

      @Override
      public void finished(JobRecord job) {
        Instant startedAt = job.startedAt() == null ? job.createdAt() : job.startedAt();
        String error =
            job.state() == JobState.SUCCEEDED
                ? null
                : job.error() == null ? "the job ended " + job.state() : job.error();
        try {
          record(job.accountId(), kind, startedAt, error);
        } finally {
          listener.finished(job);
        }
      }
    };
  }

  private void record(
      AccountId accountId, SyncKind kind, Instant startedAt, @Nullable String error) {
    Instant finishedAt = runtime.clock().instant();
    SyncRun started = SyncRun.started(UUID.randomUUID().toString(), accountId, kind, startedAt);
    runtime
        .store()
        .syncRuns()
        .save(error == null ? started.succeeded(finishedAt) : started.failed(finishedAt, error));
  }

  private static <T> T requireNonNull(@Nullable T value, String field) {
    if (value == null) {
      throw new CloudeyConfigException(field + " must not be null");
    }
    return value;
  }
}
