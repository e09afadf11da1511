package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobRecord;
import app.cloudey.spi.JobListener;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/** Submits jobs to Cloudey's bounded job executor and tracks those of this process. */
public final class JobRunner implements AutoCloseable {
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

  /** Stops running jobs at their next check and abandons those still queued. */
  @Override
  public void close() {
    live.forEach(JobExecution::requestStop);
    executor.shutdownNow();
    live.forEach(job -> job.abandon("Cloudey was closed before the job started"));
  }
}
