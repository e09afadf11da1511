package app.cloudey.internal;

import app.cloudey.model.JobProgress;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.spi.JobListener;
import app.cloudey.spi.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One job in this process: its current record, its cancel flag, and the work. State changes are
 * saved to the store at once; progress at most every {@link #PERSIST_INTERVAL} (the listener hears
 * every step), so a sync of thousands of scopes does not write thousands of rows.
 */
public final class JobExecution implements JobControl {
  static final Duration PERSIST_INTERVAL = Duration.ofSeconds(1);

  /** What the work ended with: its state (SUCCEEDED or CANCELLED), value and summary. */
  public record Outcome(JobState state, @Nullable Object value, Map<String, String> summary) {}

  private final JobStore store;
  private final Clock clock;
  private final JobListener listener;
  private final Function<JobControl, Outcome> work;
  private final CompletableFuture<JobRecord> finished = new CompletableFuture<>();
  private volatile boolean cancelRequested;
  private volatile JobRecord record;
  private volatile @Nullable Object value;
  private volatile @Nullable RuntimeException failure;
  private long lastPersistNanos;

  JobExecution(
      JobRecord queued,
      JobStore store,
      Clock clock,
      JobListener listener,
      Function<JobControl, Outcome> work) {
    this.record = queued;
    this.store = store;
    this.clock = clock;
    this.listener = listener;
    this.work = work;
  }

  public JobRecord record() {
    return record;
  }

  /**
   * Asks the job to stop: a queued job ends CANCELLED now; a running one stops issuing calls and
   * ends CANCELLED once the calls in flight have finished. The request is saved, so readers in
   * other processes see {@link JobRecord#cancelRequested()}.
   */
  public void cancel() {
    cancelRequested = true;
    synchronized (this) {
      if (record.isFinished()) {
        return;
      }
      record = record.withCancelRequested();
      if (record.state() == JobState.QUEUED) {
        end(JobState.CANCELLED, Map.of(), null);
      } else {
        save(record);
      }
    }
  }

  /**
   * What the store holds after this process's heartbeat: the new heartbeat time, and a cancel
   * request made by any process, which cancels the job here.
   */
  void heartbeatSaved(JobRecord stored) {
    synchronized (this) {
      if (record.isFinished()) {
        return;
      }
      record = record.withHeartbeat(stored.heartbeatAt());
    }
    if (stored.cancelRequested()) {
      cancel();
    }
  }

  /**
   * The store no longer holds this job as ours to run: another process abandoned it (this one
   * looked dead) or its account was deleted. Stop at the next check; the stored end stands.
   */
  void lost() {
    cancelRequested = true;
  }

  @Override
  public boolean isCancelled() {
    return cancelRequested;
  }

  @Override
  public void progress(JobProgress progress) {
    JobRecord now;
    synchronized (this) {
      if (record.isFinished()) {
        return;
      }
      record = record.withProgress(monotonic(record.progress(), progress));
      long nanos = System.nanoTime();
      if (nanos - lastPersistNanos >= PERSIST_INTERVAL.toNanos()) {
        lastPersistNanos = nanos;
        record = record.withHeartbeat(clock.instant()); // saving progress is a sign of life
        save(record);
      }
      now = record;
    }
    notifyProgress(now);
  }

  /**
   * Worker threads report concurrently, so a report may arrive after a later one: against the same
   * total, progress never goes back.
   */
  private static JobProgress monotonic(JobProgress before, JobProgress now) {
    if (before.total() != now.total()) {
      return now;
    }
    return new JobProgress(
        Math.max(before.done(), now.done()),
        now.total(),
        Math.max(before.itemsSeen(), now.itemsSeen()));
  }

  /** Runs the work on the calling (job) thread, unless the job was cancelled while queued. */
  void run() {
    JobRecord running;
    synchronized (this) {
      if (record.isFinished()) {
        return;
      }
      record = record.running(clock.instant());
      running = record;
      lastPersistNanos = System.nanoTime();
      save(running);
    }
    notifyProgress(running);
    try {
      Outcome outcome = work.apply(this);
      value = outcome.value();
      synchronized (this) {
        end(outcome.state(), outcome.summary(), null);
      }
    } catch (JobCancelledException e) {
      synchronized (this) {
        end(JobState.CANCELLED, Map.of(), null);
      }
    } catch (RuntimeException e) {
      failure = e;
      synchronized (this) {
        end(JobState.FAILED, Map.of(), InventorySync.describe(e));
      }
    }
  }

  /** Ends a job still queued that will never run (its Cloudey closed first). */
  synchronized void abandon(String reason) {
    if (record.state() == JobState.QUEUED) {
      end(JobState.ABANDONED, Map.of(), reason);
    }
  }

  /** Asks a running job to stop at its next check, without ending it (Cloudey is closing). */
  void requestStop() {
    cancelRequested = true;
  }

  private void end(JobState state, Map<String, String> summary, @Nullable String error) {
    if (record.isFinished()) {
      return;
    }
    Instant now = clock.instant();
    record = record.withHeartbeat(now).ended(state, now, summary, error);
    JobRecord ended = record;
    try {
      save(ended);
      // the stored end is the job's end: another process may have abandoned it first (this one
      // looked dead), or asked to cancel it since the last heartbeat
      ended = storedEnd(ended);
      record = ended;
    } finally {
      try {
        listener.finished(ended);
      } catch (RuntimeException ignored) {
        // a listener never disturbs the job it follows
      }
      finished.complete(ended);
    }
  }

  private JobRecord storedEnd(JobRecord ended) {
    try {
      return store.find(ended.accountId(), ended.id()).filter(JobRecord::isFinished).orElse(ended);
    } catch (RuntimeException e) {
      return ended; // saved a moment ago; readers see the same once the store answers
    }
  }

  private void save(JobRecord job) {
    try {
      store.save(job);
    } catch (RuntimeException e) {
      // the job goes on (or ends) in this process; readers elsewhere see it a step late
      if (job.isFinished()) {
        throw e;
      }
    }
  }

  private void notifyProgress(JobRecord job) {
    try {
      listener.progress(job);
    } catch (RuntimeException ignored) {
      // a listener never disturbs the job it follows
    }
  }

  /** Waits for the end and returns the final record. */
  public JobRecord await() {
    try {
      return finished.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new app.cloudey.CloudeyException("interrupted while waiting for job " + record.id(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits at most {@code timeout}; returns the record then, finished or not. */
  public JobRecord await(Duration timeout) {
    try {
      return finished.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return record;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new app.cloudey.CloudeyException("interrupted while waiting for job " + record.id(), e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** What the work returned; null if it failed or never ran. */
  public @Nullable Object value() {
    return value;
  }

  /** The error that failed the job, null unless FAILED here. */
  public @Nullable RuntimeException failure() {
    return failure;
  }
}
