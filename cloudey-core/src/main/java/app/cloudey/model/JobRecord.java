package app.cloudey.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The persisted state of one background job, readable by any process sharing the store.
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
    @Nullable String error) {

  public JobRecord {
    Checks.notBlank(id, "id");
    Checks.notNull(accountId, "accountId");
    Checks.notNull(kind, "kind");
    Checks.notNull(state, "state");
    Checks.notNull(progress, "progress");
    Checks.notNull(createdAt, "createdAt");
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

  /** A job just submitted: QUEUED, nothing done. */
  public static JobRecord queued(String id, AccountId accountId, JobKind kind, Instant createdAt) {
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
        null);
  }

  /** This job RUNNING since {@code at}. */
  public JobRecord running(Instant at) {
    return new JobRecord(
        id, accountId, kind, JobState.RUNNING, progress, createdAt, at, null, result, null);
  }

  /** This job with new progress. */
  public JobRecord withProgress(JobProgress now) {
    return new JobRecord(
        id, accountId, kind, state, now, createdAt, startedAt, finishedAt, result, error);
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
        id, accountId, kind, end, progress, createdAt, startedAt, finished, summary, why);
  }

  public boolean isFinished() {
    return state.isFinal();
  }
}
