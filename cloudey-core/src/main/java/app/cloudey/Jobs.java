package app.cloudey;

import app.cloudey.internal.JobRunner;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import java.util.List;
import java.util.Optional;

/**
 * Background jobs as saved in the store: those of this process and of any other sharing the
 * database. Thread-safe.
 *
 * <p>Every Cloudey instance heartbeats the jobs it runs (see {@link Cloudey.Builder#jobHeartbeat}).
 * A QUEUED or RUNNING job whose heartbeat is older than the staleness timeout belongs to a process
 * that crashed or was stopped; any instance marks it {@link app.cloudey.model.JobState#ABANDONED}
 * (at build, after every heartbeat, and whenever {@link #find} or {@link #recent} meets it), so
 * these methods never show a dead job as running.
 *
 * <pre>{@code
 * JobRecord job = cloudey.jobs().find(jobId).orElseThrow(); // started by any process
 * cloudey.jobs().cancel(jobId);   // its process stops it within one heartbeat interval
 * }</pre>
 */
public final class Jobs {
  private final JobRunner runner;

  Jobs(JobRunner runner) {
    this.runner = runner;
  }

  /** The job with this id, of any account, started by any process sharing the store. */
  public Optional<JobRecord> find(String jobId) {
    return runner.find(requireNonNull(jobId));
  }

  /** The account's jobs, newest first, at most {@code limit}. */
  public List<JobRecord> recent(AccountId accountId, int limit) {
    if (accountId == null) {
      throw new CloudeyConfigException("accountId must not be null");
    }
    return runner.recent(accountId, limit);
  }

  /**
   * Asks the job to stop, whichever process sharing the store runs it, with the semantics of {@link
   * Job#cancel()}: calls in flight finish, what they fetched is written whole, nothing else is
   * called, and the job ends CANCELLED. A job of this process stops at once; one of another process
   * is flagged in the store ({@link JobRecord#cancelRequested()}) and its process cancels it at its
   * next heartbeat. No effect on a finished job.
   *
   * @return the job as now stored (its state may still be QUEUED or RUNNING: {@link #find} it again
   *     to see it end); empty when no job has this id
   */
  public Optional<JobRecord> cancel(String jobId) {
    return runner.cancel(requireNonNull(jobId));
  }

  private static String requireNonNull(String jobId) {
    if (jobId == null) {
      throw new CloudeyConfigException("jobId must not be null");
    }
    return jobId;
  }
}
