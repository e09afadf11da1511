package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobRecord;
import app.cloudey.spi.JobListener;
import app.cloudey.spi.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits jobs to Cloudey's bounded job executor, tracks those of this process, and keeps the jobs
 * of every process sharing the store honest:
 *
 * <ul>
 *   <li><b>Heartbeat.</b> Every {@code heartbeatInterval} (real time) it stamps its live jobs with
 *       Cloudey's clock in one write. The answer carries cancel requests made by other processes,
 *       which cancel the job here, and drops jobs that are no longer this owner's (abandoned by
 *       another process, or deleted), which stop here.
 *   <li><b>Sweep.</b> At start and after every heartbeat it marks ABANDONED every unfinished job,
 *       of any process, whose heartbeat is older than {@code staleAfter}: its process crashed or
 *       was stopped before the job ended. Reads ({@link #find}, {@link #recent}) sweep too when
 *       they meet such a job, so a reader never sees a dead job as running.
 * </ul>
 */
public final class JobRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  /** How long closing waits for running jobs to stop. */
  static final Duration STOP_WAIT = Duration.ofSeconds(30);

  /** Heartbeat settings: a job is stale after {@code missed} intervals without a heartbeat. */
  public record Liveness(Duration interval, int missed) {
    public Duration staleAfter() {
      return interval.multipliedBy(missed);
    }
  }

  private final Runtime runtime;
  private final ExecutorService executor;
  private final Liveness liveness;
  private final String owner;
  private final Map<String, JobExecution> live = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor ticker;

  public JobRunner(Runtime runtime, ExecutorService executor, Liveness liveness, String owner) {
    this.runtime = runtime;
    this.executor = executor;
    this.liveness = liveness;
    this.owner = owner;
    this.ticker =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "cloudey-job-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Sweeps dead processes' jobs now, then heartbeats and sweeps every interval. */
  public void start() {
    sweepQuietly();
    long millis = liveness.interval().toMillis();
    ticker.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Id of this Cloudey instance, the {@link JobRecord#owner()} of the jobs it runs. */
  public String owner() {
    return owner;
  }

  private JobStore store() {
    return runtime.store().jobs();
  }

  /** Records the job QUEUED, then hands it to a job thread. */
  public JobExecution submit(
      AccountId accountId,
      JobKind kind,
      JobListener listener,
      Function<JobControl, JobExecution.Outcome> work) {
    runtime.account(accountId); // fail now, not in the job, for an unknown account
    JobRecord queued =
        JobRecord.queued(
            UUID.randomUUID().toString(), accountId, kind, runtime.clock().instant(), owner);
    store().save(queued);
    JobExecution job = new JobExecution(queued, store(), runtime.clock(), listener, work);
    live.put(queued.id(), job);
    try {
      executor.execute(
          () -> {
            try {
              job.run();
            } finally {
              live.remove(queued.id());
            }
          });
    } catch (RejectedExecutionException e) {
      live.remove(queued.id());
      job.abandon("Cloudey is closed: the job could not be started");
      throw new IllegalStateException("this Cloudey is closed; build a new one", e);
    }
    return job;
  }

  /** The job as stored; a job whose process stopped heartbeating is abandoned first. */
  public Optional<JobRecord> find(String jobId) {
    Optional<JobRecord> found = store().find(jobId);
    if (found.isPresent() && isDeadElsewhere(found.get())) {
      sweep();
      return store().find(jobId);
    }
    return found;
  }

  /** The account's jobs, newest first; dead processes' jobs are abandoned first. */
  public List<JobRecord> recent(AccountId accountId, int limit) {
    List<JobRecord> jobs = store().recent(accountId, limit);
    if (jobs.stream().anyMatch(this::isDeadElsewhere)) {
      sweep();
      return store().recent(accountId, limit);
    }
    return jobs;
  }

  /**
   * Asks the job to stop, wherever it runs: one of this process stops at once (see {@link
   * JobExecution#cancel()}); another process's is flagged in the store and stopped by its owner at
   * its next heartbeat.
   */
  public Optional<JobRecord> cancel(String jobId) {
    JobExecution mine = live.get(jobId);
    if (mine != null) {
      mine.cancel();
      return store().find(jobId);
    }
    store().requestCancel(jobId);
    return find(jobId);
  }

  private boolean isDeadElsewhere(JobRecord job) {
    return !live.containsKey(job.id())
        && job.isStaleAt(runtime.clock().instant(), liveness.staleAfter());
  }

  /** One heartbeat of the live jobs, then a sweep; never throws (the next tick tries again). */
  void tick() {
    sweepQuietly();
  }

  private void heartbeatQuietly() {
    try {
      heartbeat();
    } catch (RuntimeException e) {
      LOG.debug("job heartbeat failed; retrying in {}", liveness.interval(), e);
    }
  }

  private void heartbeat() {
    Map<String, JobExecution> jobs = new HashMap<>(live);
    if (jobs.isEmpty()) {
      return;
    }
    List<JobRecord> refreshed = store().heartbeat(owner, jobs.keySet(), runtime.clock().instant());
    Map<String, JobRecord> byId = new HashMap<>();
    refreshed.forEach(job -> byId.put(job.id(), job));
    jobs.forEach(
        (id, job) -> {
          JobRecord stored = byId.get(id);
          if (stored != null) {
            job.heartbeatSaved(stored);
          } else if (!job.record().isFinished() && live.containsKey(id)) {
            job.lost();
          }
        });
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.debug("sweeping abandoned jobs failed; retrying in {}", liveness.interval(), e);
    }
  }

  /**
   * Heartbeats this process's jobs first, so that however far the clock moved since the last tick,
   * a live job of this process is never taken for a dead one.
   */
  private int sweep() {
    heartbeatQuietly();
    Instant now = runtime.clock().instant();
    Instant before = now.minus(liveness.staleAfter());
    return store()
        .abandonStale(
            before,
            now,
            "the process running it stopped: no heartbeat since before "
                + before
                + " ("
                + liveness.missed()
                + " missed heartbeats of "
                + liveness.interval()
                + "), found by Cloudey instance "
                + owner
                + " at "
                + now
                + "; it crashed or was stopped before the job ended. Start the work again if it is"
                + " still needed");
  }

  /** The job of this process with this id, if it is still queued or running here. */
  @Nullable JobExecution live(String jobId) {
    return live.get(jobId);
  }

  /**
   * Abandons the jobs still queued, asks running ones to stop at their next check and waits up to
   * {@link #STOP_WAIT} for their calls in flight, so they end CANCELLED with whole scopes written
   * before Cloudey closes the connections and workers they use. No interrupt: a job interrupted
   * mid-write would fail instead. Heartbeats go on while it waits.
   */
  @Override
  public void close() {
    live.values().forEach(job -> job.abandon("Cloudey was closed before the job started"));
    live.values().forEach(JobExecution::requestStop);
    executor.shutdown();
    try {
      executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ticker.shutdownNow();
    }
  }
}
