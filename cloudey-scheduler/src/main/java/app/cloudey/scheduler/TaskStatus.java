package app.cloudey.scheduler;

import app.cloudey.WorkKind;
import app.cloudey.model.AccountId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One line of {@link CloudeyScheduler#status()}: a kind of work of one account, or the task that
 * finds new accounts ({@link CloudeyScheduler#ACCOUNT_SCAN_TASK}, without account and work). Times
 * are on the system clock.
 *
 * @param task the db-scheduler task name ({@link CloudeyScheduler#ACCOUNT_TASK} or {@link
 *     CloudeyScheduler#ACCOUNT_SCAN_TASK})
 * @param accountId the account, null for the account scan
 * @param work the kind of work, null for the account scan
 * @param nextRun when it is next due; null when it is not planned (a metric sync before the
 *     account's first inventory sync)
 * @param runningOn name of the scheduler executing the account's task right now, else null
 * @param lastRun when the last attempt ended; null if none yet
 * @param lastResult how the last attempt ended; null if none yet
 * @param lastError why the last attempt failed; null unless {@link Result#FAILED}
 * @param consecutiveFailures failed attempts since the last success
 */
public record TaskStatus(
    String task,
    @Nullable AccountId accountId,
    @Nullable WorkKind work,
    @Nullable Instant nextRun,
    @Nullable String runningOn,
    @Nullable Instant lastRun,
    @Nullable Result lastResult,
    @Nullable String lastError,
    int consecutiveFailures) {

  /** How an attempt ended. */
  public enum Result {
    SUCCEEDED,
    FAILED
  }

  /** True while a scheduler is executing it. */
  public boolean isRunning() {
    return runningOn != null;
  }
}
