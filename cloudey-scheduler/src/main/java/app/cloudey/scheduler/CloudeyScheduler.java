package app.cloudey.scheduler;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyConfigException;
import app.cloudey.Schedule;
import app.cloudey.WorkKind;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.scheduler.internal.AccountWork;
import app.cloudey.scheduler.internal.Migrations;
import app.cloudey.scheduler.internal.TaskState;
import app.cloudey.scheduler.internal.Utf8Serializer;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Runs every account's scheduled work — inventory sync, cost refresh, month close, metric sync,
 * recommendations, as {@code cloudey.schedules()} says is due on a {@link Schedule} — on <a
 * href="https://github.com/kagkarlsson/db-scheduler">db-scheduler</a> over the same PostgreSQL, so
 * that several processes sharing the database run each piece of work exactly once:
 *
 * <pre>{@code
 * try (CloudeyScheduler scheduler = CloudeyScheduler.create(cloudey, dataSource).start()) {
 *   ... // serve requests; scheduler.status() for a status page
 * }
 * }</pre>
 *
 * <p><b>How.</b> Each account has one task instance ({@value #ACCOUNT_TASK}, instance = account
 * id); a recurring task ({@value #ACCOUNT_SCAN_TASK}) adds them for new accounts and a task whose
 * account is gone removes itself. db-scheduler hands an instance to one process at a time (an
 * optimistic update of its row); that process asks core what is due, runs it in run order, and sets
 * the next execution to the earliest next due time. Each piece of work runs as a Cloudey job
 * ({@code cloudey.schedules().run(work)}): persisted with its progress, listed by {@code
 * cloudey.jobs()} for the account, cancellable from any process; the execution waits for the job's
 * end, and a job that fails, is cancelled or is abandoned fails that piece of work. A process that
 * dies stops heartbeating; after {@link Options#heartbeatInterval()} × {@link
 * Options#missedHeartbeats()} another process revives the execution, and since core reads what is
 * due from stored data, it does exactly the work the dead one had not finished. Failed work is
 * retried with a back-off ({@link Options#retryDelay()}, doubling up to {@link
 * Options#maxRetryDelay()}).
 *
 * <p><b>Storage.</b> db-scheduler's {@code scheduled_tasks} table, created by this module's own
 * Flyway migrations ({@code db/cloudey-scheduler/migration}, history table {@code
 * cloudey_scheduler_schema_history}) in {@link Options#schema()} ({@code cloudey} by default).
 * Build the PostgreSQL store first (it is, since the {@link Cloudey} is built first): the store's
 * own Flyway refuses a schema that already holds tables but not its history.
 *
 * <p><b>Lifecycle.</b> {@link #start()} once; {@link #close()} stops taking work and waits up to
 * {@link Options#shutdownWait()} for running work (longer work continues in this JVM while another
 * process may revive it, so make it longer than your longest sync, or stop the JVM). Neither closes
 * the {@link Cloudey} or the data source. Thread-safe.
 */
public final class CloudeyScheduler implements AutoCloseable {
  /** The db-scheduler task that runs one account's work; its instance id is the account id. */
  public static final String ACCOUNT_TASK = "cloudey-account-work";

  /** The recurring db-scheduler task that adds {@link #ACCOUNT_TASK} instances for new accounts. */
  public static final String ACCOUNT_SCAN_TASK = "cloudey-account-scan";

  private final Cloudey cloudey;
  private final String name;
  private final Clock clock;
  private final CustomTask<String> accountTask;
  private final Scheduler scheduler;
  private boolean started;
  private boolean closed;

  private CloudeyScheduler(Builder b, String name) {
    this.cloudey = b.cloudey;
    this.name = name;
    this.clock = Clock.systemUTC();
    Options o = b.options;
    if (o.migrate()) {
      Migrations.migrate(b.dataSource, o.schema());
    }
    AccountWork work =
        new AccountWork(cloudey, b.schedule, o.retryDelay(), o.maxRetryDelay(), clock);
    this.accountTask =
        Tasks.custom(ACCOUNT_TASK, String.class)
            .onFailure(work.onFailure())
            .onDeadExecutionRevive()
            .execute(work::execute);
    RecurringTask<Void> scanTask =
        Tasks.recurring(ACCOUNT_SCAN_TASK, FixedDelay.of(o.accountScanInterval()))
            .execute((instance, context) -> scan(context.getSchedulerClient()));
    this.scheduler =
        Scheduler.create(b.dataSource, List.of(accountTask))
            .startTasks(scanTask)
            .tableName(o.schema() + ".scheduled_tasks")
            .serializer(new Utf8Serializer())
            .schedulerName(new SchedulerName.Fixed(name))
            .threads(o.threads())
            .pollingInterval(o.pollInterval())
            .heartbeatInterval(o.heartbeatInterval())
            .missedHeartbeatsLimit(o.missedHeartbeats())
            .shutdownMaxWait(o.shutdownWait())
            .enableImmediateExecution()
            .build();
  }

  /** A scheduler with {@link Schedule#ofDefaults()} and {@link Options#ofDefaults()}. */
  public static CloudeyScheduler create(Cloudey cloudey, DataSource dataSource) {
    return builder(cloudey, dataSource).build();
  }

  public static Builder builder(Cloudey cloudey, DataSource dataSource) {
    return new Builder(cloudey, dataSource);
  }

  /**
   * Adds a task for every registered account that has none, then starts polling; returns this.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized CloudeyScheduler start() {
    if (closed) {
      throw new IllegalStateException("this scheduler is closed; build a new one");
    }
    if (!started) {
      scanAccounts();
      scheduler.start();
      started = true;
    }
    return this;
  }

  /**
   * Adds a task for every registered account that has none (the scan task does this every {@link
   * Options#accountScanInterval()}); call it after {@code cloudey.accounts().add(...)} to start at
   * once. Safe from any number of processes at once.
   *
   * @return how many tasks were added
   */
  public int scanAccounts() {
    return scan(scheduler);
  }

  private int scan(SchedulerClient client) {
    int added = 0;
    Instant now = clock.instant();
    for (Account account : cloudey.accounts().list()) {
      if (client.scheduleIfNotExists(accountTask.instance(account.id().value()), now)) {
        added++;
      }
    }
    return added;
  }

  /**
   * Every task in the database (this process's and the others'): the account scan first, then per
   * account (by id) one line per kind of work in run order.
   */
  public List<TaskStatus> status() {
    List<TaskStatus> scans = new ArrayList<>();
    scheduler.fetchScheduledExecutionsForTask(
        ACCOUNT_SCAN_TASK,
        Void.class,
        ScheduledExecutionsFilter.all(),
        e -> scans.add(scanStatus(e)));
    List<ScheduledExecution<String>> accounts = new ArrayList<>();
    scheduler.fetchScheduledExecutionsForTask(
        ACCOUNT_TASK, String.class, ScheduledExecutionsFilter.all(), accounts::add);
    accounts.sort(Comparator.comparing(e -> e.getTaskInstance().getId()));
    List<TaskStatus> status = new ArrayList<>(scans);
    for (ScheduledExecution<String> execution : accounts) {
      TaskState state = TaskState.decode(execution.getData());
      for (WorkKind kind : WorkKind.values()) {
        status.add(work(execution, state, kind));
      }
    }
    return List.copyOf(status);
  }

  private static TaskStatus work(
      ScheduledExecution<String> execution, TaskState state, WorkKind kind) {
    TaskState.KindState s = state.get(kind);
    Instant executionTime = execution.getExecutionTime();
    Instant nextRun;
    if (!state.isKnown()) {
      nextRun = executionTime; // not executed yet: everything is looked at then
    } else if (s.plannedAt() == null) {
      nextRun = null;
    } else {
      nextRun = s.plannedAt().isBefore(executionTime) ? executionTime : s.plannedAt();
    }
    TaskStatus.Result result =
        s.lastFinished() == null
            ? null
            : s.lastError() == null ? TaskStatus.Result.SUCCEEDED : TaskStatus.Result.FAILED;
    return new TaskStatus(
        ACCOUNT_TASK,
        AccountId.of(execution.getTaskInstance().getId()),
        kind,
        nextRun,
        execution.isPicked() ? execution.getPickedBy() : null,
        s.lastFinished(),
        result,
        s.lastError(),
        s.consecutiveFailures());
  }

  private static TaskStatus scanStatus(ScheduledExecution<Void> execution) {
    Instant success = execution.getLastSuccess();
    Instant failure = execution.getLastFailure();
    boolean failedLast = failure != null && (success == null || failure.isAfter(success));
    Instant lastRun = failedLast ? failure : success;
    return new TaskStatus(
        ACCOUNT_SCAN_TASK,
        null,
        null,
        execution.getExecutionTime(),
        execution.isPicked() ? execution.getPickedBy() : null,
        lastRun,
        lastRun == null
            ? null
            : failedLast ? TaskStatus.Result.FAILED : TaskStatus.Result.SUCCEEDED,
        null,
        execution.getConsecutiveFailures());
  }

  /** This process's scheduler name, shown in {@link TaskStatus#runningOn()}. */
  public String name() {
    return name;
  }

  /** Stops taking work and waits for running work (see the class comment); idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (started) {
      scheduler.stop();
    }
  }

  /**
   * Options of the scheduler, with published defaults.
   *
   * @param schema PostgreSQL schema of the {@code scheduled_tasks} table, {@value #DEFAULT_SCHEMA}
   *     by default (the store's); a lower-case SQL identifier
   * @param migrate create and migrate the table at build (off when the host migrates separately)
   * @param pollInterval how often due executions are looked for
   * @param threads accounts worked on at once by this process; each runs its work as a Cloudey job,
   *     so give the Cloudey at least as many job threads ({@code Cloudey.Builder.jobThreads}), or
   *     executions wait for one
   * @param heartbeatInterval how often a running execution proves its process alive
   * @param missedHeartbeats heartbeats missed before another process revives the execution (at
   *     least 4)
   * @param accountScanInterval how often accounts added by any process get their task
   * @param retryDelay wait after a failure; doubles with each consecutive failure
   * @param maxRetryDelay the longest wait after failures
   * @param shutdownWait how long {@link #close()} waits for running work
   */
  public record Options(
      String schema,
      boolean migrate,
      Duration pollInterval,
      int threads,
      Duration heartbeatInterval,
      int missedHeartbeats,
      Duration accountScanInterval,
      Duration retryDelay,
      Duration maxRetryDelay,
      Duration shutdownWait) {
    public static final String DEFAULT_SCHEMA = "cloudey";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_THREADS = 4;
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);

    /** With the default heartbeat, a dead process's work moves after 3 minutes. */
    public static final int DEFAULT_MISSED_HEARTBEATS = 6;

    public static final Duration DEFAULT_ACCOUNT_SCAN_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMinutes(1);
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofHours(1);
    public static final Duration DEFAULT_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    public Options {
      Migrations.checkSchema(schema);
      positive(pollInterval, "pollInterval");
      if (threads < 1) {
        throw new CloudeyConfigException("threads must be at least 1, was " + threads);
      }
      positive(heartbeatInterval, "heartbeatInterval");
      if (missedHeartbeats < 4) {
        throw new CloudeyConfigException(
            "missedHeartbeats must be at least 4 (db-scheduler's minimum), was "
                + missedHeartbeats);
      }
      positive(accountScanInterval, "accountScanInterval");
      positive(retryDelay, "retryDelay");
      positive(maxRetryDelay, "maxRetryDelay");
      if (maxRetryDelay.compareTo(retryDelay) < 0) {
        throw new CloudeyConfigException(
            "maxRetryDelay ("
                + maxRetryDelay
                + ") must not be below retryDelay ("
                + retryDelay
                + ")");
      }
      if (shutdownWait == null || shutdownWait.isNegative()) {
        throw new CloudeyConfigException("shutdownWait must not be negative, was " + shutdownWait);
      }
    }

    public static Options ofDefaults() {
      return new Options(
          DEFAULT_SCHEMA,
          true,
          DEFAULT_POLL_INTERVAL,
          DEFAULT_THREADS,
          DEFAULT_HEARTBEAT_INTERVAL,
          DEFAULT_MISSED_HEARTBEATS,
          DEFAULT_ACCOUNT_SCAN_INTERVAL,
          DEFAULT_RETRY_DELAY,
          DEFAULT_MAX_RETRY_DELAY,
          DEFAULT_SHUTDOWN_WAIT);
    }

    public Options withSchema(String newSchema) {
      return new Options(
          newSchema,
          migrate,
          pollInterval,
          threads,
          heartbeatInterval,
          missedHeartbeats,
          accountScanInterval,
          retryDelay,
          maxRetryDelay,
          shutdownWait);
    }

    public Options withMigrate(boolean newMigrate) {
      return new Options(
          schema,
          newMigrate,
          pollInterval,
          threads,
          heartbeatInterval,
          missedHeartbeats,
          accountScanInterval,
          retryDelay,
          maxRetryDelay,
          shutdownWait);
    }

    public Options withPollInterval(Duration interval) {
      return new Options(
          schema,
          migrate,
          interval,
          threads,
          heartbeatInterval,
          missedHeartbeats,
          accountScanInterval,
          retryDelay,
          maxRetryDelay,
          shutdownWait);
    }

    public Options withThreads(int newThreads) {
      return new Options(
          schema,
          migrate,
          pollInterval,
          newThreads,
          heartbeatInterval,
          missedHeartbeats,
          accountScanInterval,
          retryDelay,
          maxRetryDelay,
          shutdownWait);
    }

    /** How quickly a dead process's work moves: after {@code interval × missed}. */
    public Options withHeartbeat(Duration interval, int missed) {
      return new Options(
          schema,
          migrate,
          pollInterval,
          threads,
          interval,
          missed,
          accountScanInterval,
          retryDelay,
          maxRetryDelay,
          shutdownWait);
    }

    public Options withAccountScanInterval(Duration interval) {
      return new Options(
          schema,
          migrate,
          pollInterval,
          threads,
          heartbeatInterval,
          missedHeartbeats,
          interval,
          retryDelay,
          maxRetryDelay,
          shutdownWait);
    }

    public Options withRetryDelay(Duration first, Duration max) {
      return new Options(
          schema,
          migrate,
          pollInterval,
          threads,
          heartbeatInterval,
          missedHeartbeats,
          accountScanInterval,
          first,
          max,
          shutdownWait);
    }

    public Options withShutdownWait(Duration wait) {
      return new Options(
          schema,
          migrate,
          pollInterval,
          threads,
          heartbeatInterval,
          missedHeartbeats,
          accountScanInterval,
          retryDelay,
          maxRetryDelay,
          wait);
    }

    private static void positive(@Nullable Duration value, String field) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new CloudeyConfigException(field + " must be a positive duration, was " + value);
      }
    }
  }

  /** Builder of a {@link CloudeyScheduler}. Not thread-safe. */
  public static final class Builder {
    private final Cloudey cloudey;
    private final DataSource dataSource;
    private Schedule schedule = Schedule.ofDefaults();
    private Options options = Options.ofDefaults();
    private @Nullable String name;

    private Builder(@Nullable Cloudey cloudey, @Nullable DataSource dataSource) {
      if (cloudey == null || dataSource == null) {
        throw new CloudeyConfigException(
            "cloudey and dataSource must not be null: the scheduler runs the Cloudey's work and"
                + " keeps its tasks in the PostgreSQL database of the data source");
      }
      this.cloudey = cloudey;
      this.dataSource = dataSource;
    }

    /** When work is due; default {@link Schedule#ofDefaults()}. */
    public Builder schedule(Schedule schedule) {
      this.schedule = require(schedule, "schedule");
      return this;
    }

    public Builder options(Options options) {
      this.options = require(options, "options");
      return this;
    }

    /** {@code options(options.withPollInterval(interval))}. */
    public Builder pollInterval(Duration interval) {
      this.options = options.withPollInterval(interval);
      return this;
    }

    /** {@code options(options.withThreads(threads))}. */
    public Builder threads(int threads) {
      this.options = options.withThreads(threads);
      return this;
    }

    /**
     * This process's name in {@link TaskStatus#runningOn()}; default the host name. Give each
     * process on one host its own.
     */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new CloudeyConfigException("name must not be null or blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Creates or migrates the table (unless {@link Options#migrate()} is off) and builds the
     * scheduler, not yet started.
     *
     * @throws app.cloudey.CloudeyStoreException the migration failed
     */
    public CloudeyScheduler build() {
      String theName = name != null ? name : new SchedulerName.Hostname().getName();
      return new CloudeyScheduler(this, theName);
    }

    private static <T> T require(@Nullable T value, String field) {
      if (value == null) {
        throw new CloudeyConfigException(field + " must not be null");
      }
      return value;
    }
  }
}
