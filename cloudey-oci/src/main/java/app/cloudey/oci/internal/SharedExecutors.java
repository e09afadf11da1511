package app.cloudey.oci.internal;

import app.cloudey.oci.OciOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.jersey.client.ClientAsyncExecutor;
import org.glassfish.jersey.spi.ExecutorServiceProvider;

/**
 * The threads of one {@code OciCloud}, shared by all its connections, so a process with a thousand
 * accounts runs as many threads as one with a single account: one pool carries the SDK clients'
 * HTTP calls (left to themselves, each Jersey client keeps a pool of up to 50 threads of its own),
 * one prefetches Monitoring batches, one lists other compartments' volume attachments. All are
 * bounded, made of daemon threads started only when no idle one can take the work and ended after
 * {@link #KEEP_ALIVE_SECONDS} idle, so an {@code OciCloud} that is never closed leaves nothing
 * running. No task waits for another task of its own pool (consumers wait on other threads), so a
 * full pool only queues work. Thread-safe.
 */
public final class SharedExecutors implements AutoCloseable {
  /** Monitoring batches one metric stream fetches ahead of its consumer. */
  public static final int METRIC_PREFETCH = 8;

  /** Room for two metric syncs at full prefetch. */
  private static final int METRIC_THREADS = 2 * METRIC_PREFETCH;

  /** Attachment listings at once (each call is rate-limited anyway). */
  private static final int ATTACHMENT_THREADS = 8;

  static final long KEEP_ALIVE_SECONDS = 30;

  private final ThreadPoolExecutor http;
  private final ThreadPoolExecutor metrics;
  private final ThreadPoolExecutor attachments;
  private final ExecutorServiceProvider httpProvider;

  public SharedExecutors(OciOptions options) {
    this.http = pool(options.httpThreads(), "cloudey-oci-http-");
    this.httpProvider = new SharedHttpExecutor(http);
    this.metrics = pool(METRIC_THREADS, "cloudey-oci-metrics-");
    this.attachments =
        pool(Math.min(options.concurrency(), ATTACHMENT_THREADS), "cloudey-oci-attachments-");
  }

  /** What every SDK client runs its HTTP calls on (see {@link OciClients}). */
  public ExecutorServiceProvider http() {
    return httpProvider;
  }

  /** Runs Monitoring batches ahead of a metric stream's consumer. */
  public ExecutorService metrics() {
    return metrics;
  }

  /** Runs attachment listings of compartments other than the scope's own. */
  public ExecutorService attachments() {
    return attachments;
  }

  /**
   * Ends the threads once the queued work is done; work submitted later runs in the submitting
   * thread, so connections still open keep working.
   */
  @Override
  public void close() {
    http.shutdown();
    metrics.shutdown();
    attachments.shutdown();
  }

  /**
   * The shared HTTP pool as a Jersey client's async executor. A client being closed must not shut
   * it down: its owner does.
   */
  @ClientAsyncExecutor
  static final class SharedHttpExecutor implements ExecutorServiceProvider {
    private final ExecutorService executor;

    SharedHttpExecutor(ExecutorService executor) {
      this.executor = executor;
    }

    @Override
    public ExecutorService getExecutorService() {
      return executor;
    }

    @Override
    public void dispose(ExecutorService executorService) {
      // shared with every other client: SharedExecutors.close() ends it
    }
  }

  /**
   * A pool that starts a thread only when none is idle, up to {@code threads}, and queues work
   * beyond that. (A fixed pool starts a thread per task until it is full, idle ones or not, so its
   * size would follow the tasks seen rather than the work in flight.)
   */
  private static ThreadPoolExecutor pool(int threads, String prefix) {
    HandOffQueue queue = new HandOffQueue();
    AtomicInteger n = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        threads,
        KEEP_ALIVE_SECONDS,
        TimeUnit.SECONDS,
        queue,
        task -> {
          Thread thread = new Thread(task, prefix + n.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        (task, pool) -> {
          if (pool.isShutdown()) {
            task.run(); // closed: the caller does the work
          } else {
            queue.enqueue(task); // every thread is busy: wait for one
          }
        });
  }

  /** Offers succeed only into the hands of an idle thread, so the pool starts one otherwise. */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }
}
