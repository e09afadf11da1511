package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobRecord;
import app.cloudey.spi.JobListener;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Submits jobs to Cloudey's bounded job executor and tracks those of this process. */
public final class JobRunner implements AutoCloseable {
  /** How long closing waits for running jobs to stop. */
  static final Duration STOP_WAIT = Duration.ofSeconds(30);

  private final Runtime runtime;
  private final ExecutorService executor;
  private final Set<JobExecution> live = ConcurrentHashMap.newKeySet();

  public JobRunner(Runtime runtime, ExecutorService executor) {
    this.runtime = runtime;
    this.executor = executor;
  }

  /** Records the job QUEUED, then hands it to a job thread. */
  public JobExecution submit(
      AccountId accountId,
      JobKind kind,
      JobListener listener,
      Function<JobControl, JobExecution.Outcome> work) {
    runtime.account(accountId); // fail now, not in the job, for an unknown account
    JobRecord queued =
        JobRecord.queued(UUID.randomUUID().toString(), accountId, kind, runtime.clock().instant());
    runtime.store().jobs().save(queued);
    JobExecution job =
        new JobExecution(queued, runtime.store().jobs(), runtime.clock(), listener, work);
    live.add(job);
    try {
      executor.execute(
          () -> {
            try {
              job.run();
            } finally {
              live.remove(job);
            }
          });
    } catch (RejectedExecutionException e) {
      live.remove(job);
      job.abandon("Cloudey is closed: the job could not be started");
      throw new IllegalStateException("this Cloudey is closed; build a new one", e);
    }
    return job;
  }

  /**
   * Abandons the jobs still queued, asks running ones to stop at their next check and waits up to
   * {@link #STOP_WAIT} for their calls in flight, so they end CANCELLED with whole scopes written
   * before Cloudey closes the connections and workers they use. No interrupt: a job interrupted
   * mid-write would fail instead.
   */
  @Override
  public void close() {
    live.forEach(job -> job.abandon("Cloudey was closed before the job started"));
    live.forEach(JobExecution::requestStop);
    executor.shutdown();
    try {
      executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
