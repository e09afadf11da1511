package app.cloudey.scheduler.internal;

import app.cloudey.Cloudey;
import app.cloudey.DueWork;
import app.cloudey.Schedule;
import app.cloudey.Schedules;
import app.cloudey.WorkKind;
import app.cloudey.model.AccountId;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of an account's task: asks core what is due, runs it one piece at a time in run
 * order, each as a Cloudey job the execution waits for ({@link Schedules#run}: the job is listed by
 * {@code cloudey.jobs()}; a failed, cancelled or abandoned job fails the piece), asking again after
 * each (finishing one can make another due), then plans the next execution at the earliest time any
 * kind is due. db-scheduler gives the execution to one scheduler at a time; if that process dies,
 * another revives the execution and, since core reads what is due from stored data, finishes
 * exactly the work the dead one had not recorded.
 *
 * <p>Times: core computes due times on Cloudey's clock; db-scheduler runs on the system clock. A
 * due time becomes "now + (dueAt - Cloudey's now)", so a Cloudey on a test clock still works.
 */
public final class AccountWork {
  private static final Logger LOG = LoggerFactory.getLogger(AccountWork.class);

  private final Cloudey cloudey;
  private final Schedule schedule;
  private final Duration retryDelay;
  private final Duration maxRetryDelay;
  private final Clock clock;

  public AccountWork(
      Cloudey cloudey,
      Schedule schedule,
      Duration retryDelay,
      Duration maxRetryDelay,
      Clock clock) {
    this.cloudey = cloudey;
    this.schedule = schedule;
    this.retryDelay = retryDelay;
    this.maxRetryDelay = maxRetryDelay;
    this.clock = clock;
  }

  public CompletionHandler<String> execute(
      TaskInstance<String> instance, ExecutionContext context) {
    AccountId id = AccountId.of(instance.getId());
    if (cloudey.accounts().find(id).isEmpty()) {
      LOG.debug("account {} is no longer registered; its scheduled task ends", id);
      return new CompletionHandler.OnCompleteRemove<>();
    }
    Schedules schedules = cloudey.schedules();
    TaskState state = TaskState.decode(instance.getData());
    Set<String> attempted = new HashSet<>();
    // stop taking new work once the scheduler shuts down: the next execution (any process) goes on
    while (!context.getSchedulerState().isShuttingDown()) {
      DueWork work = next(schedules.due(id, schedule), state, attempted);
      if (work == null) {
        break;
      }
      attempted.add(key(work));
      Instant started = clock.instant();
      try {
        schedules.run(work);
        state.succeeded(work, started, clock.instant());
      } catch (RuntimeException e) {
        Instant finished = clock.instant();
        int failures = state.get(work.kind()).consecutiveFailures() + 1;
        state.failed(work, started, finished, describe(e), finished.plus(backoff(failures)));
        LOG.debug("{} of account {} failed ({} in a row)", work.kind(), id, failures, e);
      }
    }
    Instant nextRun = plan(schedules, id, state, attempted);
    String data = state.encode();
    return (complete, operations) -> operations.reschedule(complete, nextRun, data);
  }

  /** Failures outside the work itself (the store is down): retried with back-off, data kept. */
  public FailureHandler<String> onFailure() {
    return (ExecutionComplete complete, ExecutionOperations<String> operations) -> {
      int failures = complete.getExecution().consecutiveFailures + 1;
      operations.reschedule(complete, clock.instant().plus(backoff(failures)));
    };
  }

  /** The first due work not yet tried in this execution and not waiting out a back-off. */
  private @Nullable DueWork next(List<DueWork> due, TaskState state, Set<String> attempted) {
    Instant now = clock.instant();
    for (DueWork work : due) {
      Instant retryAt = state.get(work.kind()).retryAt();
      if (!attempted.contains(key(work)) && (retryAt == null || !retryAt.isAfter(now))) {
        return work;
      }
    }
    return null;
  }

  /** Records every kind's next due time and returns the earliest: the next execution. */
  private Instant plan(Schedules schedules, AccountId id, TaskState state, Set<String> attempted) {
    List<DueWork> plan = schedules.plan(id, schedule);
    Instant cloudeyNow = schedules.clock().instant();
    Instant now = clock.instant();
    Map<WorkKind, Instant> planned = new EnumMap<>(WorkKind.class);
    for (DueWork work : plan) {
      Duration until = Duration.between(cloudeyNow, work.dueAt());
      Instant at = until.isNegative() ? now : now.plus(until);
      Instant retryAt = state.get(work.kind()).retryAt();
      if (retryAt != null && retryAt.isAfter(at)) {
        at = retryAt;
      }
      if (attempted.contains(key(work)) && !at.isAfter(now)) {
        // ran here and still due (e.g. a store that does not record it): never spin on it
        at = now.plus(retryDelay);
      }
      planned.merge(work.kind(), at, (a, b) -> a.isBefore(b) ? a : b);
    }
    state.plan(planned);
    return planned.values().stream().min(Instant::compareTo).orElse(now.plus(retryDelay));
  }

  /** {@code retryDelay} doubled per consecutive failure, at most {@code maxRetryDelay}. */
  Duration backoff(int failures) {
    Duration delay = retryDelay.multipliedBy(1L << Math.min(failures - 1, 30));
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }

  private static String key(DueWork work) {
    return work.kind() + (work.month() == null ? "" : " " + work.month());
  }

  private static String describe(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
