package app.cloudey;

import app.cloudey.internal.JobExecution;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import java.time.Duration;
import java.util.Optional;

/**
 * A handle on a background job started in this process by one of the {@code *Async} methods ({@link
 * Inventory#syncAsync()}, {@link Costs#refreshAsync}, ...). Its state is also saved in the store,
 * so other processes follow it with {@link Jobs#find(String)} and stop it with {@link
 * Jobs#cancel(String)}. While it runs, this Cloudey heartbeats it; if this process dies, other
 * processes find it ABANDONED once the heartbeats stop. Thread-safe.
 *
 * <pre>{@code
 * Job job = cloudey.inventory().syncAsync();
 * job.progress();                            // e.g. 120 of 400 scopes, 3150 resources seen
 * job.cancel();                              // calls in flight finish, nothing else is called
 * SyncRun run = job.result(SyncRun.class).orElseThrow(); // state CANCELLED
 * }</pre>
 */
public final class Job {
  private final JobExecution execution;

  Job(JobExecution execution) {
    this.execution = execution;
  }

  public String id() {
    return execution.record().id();
  }

  public AccountId accountId() {
    return execution.record().accountId();
  }

  public JobKind kind() {
    return execution.record().kind();
  }

  public JobState state() {
    return execution.record().state();
  }

  public JobProgress progress() {
    return execution.record().progress();
  }

  /** The job as it is now. */
  public JobRecord record() {
    return execution.record();
  }

  /**
   * Asks the job to stop. A queued job ends CANCELLED at once; a running one issues no further
   * call: the calls in flight finish and what they fetched is written whole (a sync writes each
   * scope it listed, a refresh each month it fetched), nothing else is written or deleted, and the
   * job ends CANCELLED. No effect on a finished job. The request is saved, so other processes see
   * it; they cancel a job by id with {@link Jobs#cancel(String)}, which this job's process obeys at
   * its next heartbeat.
   */
  public void cancel() {
    execution.cancel();
  }

  /** Blocks until the job ends; returns its final record. */
  public JobRecord await() {
    return execution.await();
  }

  /** Blocks at most {@code timeout}; returns the record then (check {@link JobRecord#state()}). */
  public JobRecord await(Duration timeout) {
    return execution.await(timeout);
  }

  /**
   * Blocks until the job ends and returns what its work returned: a {@code SyncRun} (also for a
   * cancelled sync, in state CANCELLED), a {@code List<IngestResult>}, a {@code ClosedMonth}, a
   * {@link MetricSyncResult} or a {@code List<Recommendation>}. Empty for a job cancelled before it
   * returned a value.
   *
   * @throws CloudeyException the error that failed the job
   * @throws ClassCastException when the result is not a {@code type}
   */
  public <T> Optional<T> result(Class<T> type) {
    execution.await();
    RuntimeException failure = execution.failure();
    if (failure != null) {
      throw failure;
    }
    return Optional.ofNullable(execution.value()).map(type::cast);
  }

  @Override
  public String toString() {
    JobRecord r = record();
    return "Job[" + r.id() + " " + r.kind() + " " + r.state() + " " + r.progress() + "]";
  }
}
