package app.cloudey.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The persisted state of one background job, readable by any process sharing the store.
 *
 * <p><b>Liveness.</b> The Cloudey instance that runs a job ({@link #owner()}) refreshes its {@link
 * #heartbeatAt()} periodically while the job is QUEUED or RUNNING. A job whose heartbeat is older
 * than the staleness timeout belongs to a process that crashed or was stopped: any Cloudey sharing
 * the store marks it {@link JobState#ABANDONED}.
 *
 * @param id unique id of the job
 * @param accountId account the job works on
 * @param kind what the job does
 * @param state where the job is in its life
 * @param progress how far it got
 * @param createdAt when it was submitted
 * @param startedAt when a job thread took it, null while {@link JobState#QUEUED} (and for a job
 *     cancelled before it started)
 * @param finishedAt when it ended, null exactly while it is not {@link JobState#isFinal() final}
 * @param result a small summary of what it did (e.g. {@code syncRunId}, {@code linesIngested}),
 *     empty until it ends
 * @param error why it FAILED or was ABANDONED; null otherwise
 * @param owner id of the Cloudey instance running the job (see {@code Cloudey.instanceId()})
 * @param heartbeatAt when its owner last showed it was alive and working on the job (on the owner's
 *     clock); its creation time at first
 * @param cancelRequested true once anyone asked the job to stop ({@code Job.cancel()} or {@code
 *     cloudey.jobs().cancel(id)} in any process); the owner then ends it CANCELLED
 */
public record JobRecord(
    String id,
    AccountId accountId,
    JobKind kind,
    JobState state,
    JobProgress progress,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant finishedAt,
    Map<String, String> result,
    @Nullable String error,
    String owner,
    Instant heartbeatAt,
    boolean cancelRequested) {

  public JobRecord {
    Checks.notBlank(id, "id");
    Checks.notNull(accountId, "accountId");
    Checks.notNull(kind, "kind");
    Checks.notNull(state, "state");
    Checks.notNull(progress, "progress");
    Checks.notNull(createdAt, "createdAt");
    Checks.notBlank(owner, "owner");
    Checks.notNull(heartbeatAt, "heartbeatAt");
    Checks.require(
        state.isFinal() == (finishedAt != null),
        "finishedAt must be set exactly when the job is final; state "
            + state
            + ", finishedAt "
            + finishedAt);
    result = Checks.copy(result, "result");
    error = Checks.blankToNull(error);
    boolean explained = state == JobState.FAILED || state == JobState.ABANDONED;
    Checks.require(
        explained == (error != null),
        explained
            ? "error must say why the job is " + state
            : "error must be null for a " + state + " job, was '" + error + "'");
  }

  /** A job just submitted by {@code owner}: QUEUED, nothing done, its heartbeat its creation. */
  public static JobRecord queued(
      String id, AccountId accountId, JobKind kind, Instant createdAt, String owner) {
    return new JobRecord(
        id,
        accountId,
        kind,
        JobState.QUEUED,
        JobProgress.NONE,
        createdAt,
        null,
        null,
        Map.of(),
        null,
        owner,
        createdAt,
        false);
  }

  /** This job RUNNING since {@code at} (also its heartbeat). */
  public JobRecord running(Instant at) {
    return new JobRecord(
        id,
        accountId,
        kind,
        JobState.RUNNING,
        progress,
        createdAt,
        at,
        null,
        result,
        null,
        owner,
        at,
        cancelRequested);
  }

  /** This job with new progress. */
  public JobRecord withProgress(JobProgress now) {
    return new JobRecord(
        id,
        accountId,
        kind,
        state,
        now,
        createdAt,
        startedAt,
        finishedAt,
        result,
        error,
        owner,
        heartbeatAt,
        cancelRequested);
  }

  /** This job with its owner's heartbeat at {@code at}. */
  public JobRecord withHeartbeat(Instant at) {
    return new JobRecord(
        id,
        accountId,
        kind,
        state,
        progress,
        createdAt,
        startedAt,
        finishedAt,
        result,
        error,
        owner,
        at,
        cancelRequested);
  }

  /** This job with a cancel request recorded. */
  public JobRecord withCancelRequested() {
    return new JobRecord(
        id,
        accountId,
        kind,
        state,
        progress,
        createdAt,
        startedAt,
        finishedAt,
        result,
        error,
        owner,
        heartbeatAt,
        true);
  }

  /**
   * This job ended in {@code end} at {@code at} (not before it was created) with the result summary
   * and, for FAILED and ABANDONED, the error.
   */
  public JobRecord ended(
      JobState end, Instant at, Map<String, String> summary, @Nullable String why) {
    Checks.require(end.isFinal(), "a job ends in a final state, not " + end);
    Instant finished = at.isBefore(createdAt) ? createdAt : at;
    return new JobRecord(
        id,
        accountId,
        kind,
        end,
        progress,
        createdAt,
        startedAt,
        finished,
        summary,
        why,
        owner,
        heartbeatAt,
        cancelRequested);
  }

  public boolean isFinished() {
    return state.isFinal();
  }

  /**
   * True when the job is unfinished and its owner has not shown a sign of life for longer than
   * {@code timeout} at {@code now}: its process crashed or was stopped.
   */
  public boolean isStaleAt(Instant now, Duration timeout) {
    return !isFinished() && heartbeatAt.plus(timeout).isBefore(now);
  }
}
