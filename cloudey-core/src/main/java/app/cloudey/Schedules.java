package app.cloudey;

import app.cloudey.internal.Runtime;
import app.cloudey.internal.WorkPlanner;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Period;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudeyStore;
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
 *   cloudey.schedules().run(work);      // blocks; throws if the work failed
 * }
 * }</pre>
 *
 * <p><b>What counts as done.</b> Inventory: the last sync that finished without a run-level error,
 * made by anyone (a sync with failed scopes counts, so a permanently failing scope does not cause a
 * sync loop). Costs: the store's last ingest of cost lines (any refresh, month close's included).
 * Month close: the month's status. Metric syncs and recommendation runs leave no other trace, so
 * {@link #run} records them as {@link SyncRun}s ({@link SyncKind#METRICS}, {@link
 * SyncKind#RECOMMENDATIONS}) and only those count. Work that failed stays due: back off before
 * retrying it. Runs older than the last {@value #HISTORY_SCAN} of the account are not looked at, so
 * intervals should stay below two weeks.
 *
 * <p>Thread-safe. {@link #due} and {@link #plan} only read the store; {@link #run} blocks for the
 * whole work and holds the account's lock like the call it makes.
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

  /** End of the newest run of the kind that finished without a run-level error. */
  private static @Nullable Instant lastDone(List<SyncRun> newestFirst, SyncKind kind) {
    for (SyncRun run : newestFirst) {
      if (run.kind() == kind && run.isFinished() && run.error() == null) {
        return run.finishedAt();
      }
    }
    return null;
  }

  /**
   * Does the work with the facade's blocking calls: inventory sync, cost refresh of the current
   * month (and the previous one until it is closed), month close, metric sync over the default
   * look-back, or a recommendation run. Metric syncs and recommendation runs are recorded (see the
   * class comment), failed ones with their error.
   *
   * @throws CloudeyException whatever the call throws; the work then stays due
   */
  public void run(DueWork work) {
    CloudeyAccount account = accounts.apply(requireNonNull(work, "work").accountId());
    switch (work.kind()) {
      case INVENTORY_SYNC -> account.inventory().sync();
      case COST_REFRESH -> account.costs().refresh(refreshPeriod(account));
      case MONTH_CLOSE -> account.costs().closeMonth(requireNonNull(work.month(), "month"));
      case METRIC_SYNC -> recorded(account.id(), SyncKind.METRICS, () -> account.metrics().sync());
      case RECOMMENDATIONS ->
          recorded(
              account.id(),
              SyncKind.RECOMMENDATIONS,
              () -> failIfRulesFailed(account.recommendations().run()));
    }
  }

  /**
   * A scheduled run whose rules failed is stored (the others' findings count) but fails the work,
   * so it stays due and the recorded run says which rules failed.
   */
  private static void failIfRulesFailed(app.cloudey.model.RecommendationRun run) {
    if (!run.failures().isEmpty()) {
      throw new CloudeyException(run.failureSummary());
    }
  }

  /** The current month to date, plus the previous month while it is not closed (it settles). */
  private Period refreshPeriod(CloudeyAccount account) {
    YearMonth previous = YearMonth.from(Period.today(runtime.clock())).minusMonths(1);
    boolean previousClosed =
        runtime.store().costs().findClosedMonth(account.id(), previous).isPresent();
    return Period.lastMonths(previousClosed ? 0 : 1, runtime.clock());
  }

  private void recorded(AccountId accountId, SyncKind kind, Runnable call) {
    Instant startedAt = runtime.clock().instant();
    try {
      call.run();
    } catch (RuntimeException e) {
      try {
        record(accountId, kind, startedAt, e.getMessage() == null ? e.toString() : e.getMessage());
      } catch (RuntimeException recordFailure) {
        e.addSuppressed(recordFailure);
      }
      throw e;
    }
    record(accountId, kind, startedAt, null);
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
