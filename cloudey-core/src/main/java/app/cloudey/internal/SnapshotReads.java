package app.cloudey.internal;

import app.cloudey.CloudeyException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The independent store reads of one advisor snapshot, run at the same time on threads of their own
 * (a few per run, gone when it ends) rather than on Cloudey's shared executor, so a snapshot never
 * waits behind a sync nor starves one. Each read is one store call, as it was when they ran one
 * after another: running them together changes no read's consistency (each is its own statement or
 * transaction), only the wall time, which becomes that of the slowest read when the store has the
 * connections and cores to serve them together.
 *
 * <p>{@link #close()} after a failure cancels (interrupts) the reads still running; after success
 * it lets any read nobody waited for finish on its own thread.
 */
final class SnapshotReads implements AutoCloseable {
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final ExecutorService threads;
  private boolean done;

  SnapshotReads(int reads) {
    int run = RUNS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newFixedThreadPool(
            reads,
            task -> {
              Thread t =
                  new Thread(task, "cloudey-advisor-read-" + run + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts {@code read} on a thread of its own. */
  <T> Future<T> start(Supplier<T> read) {
    return threads.submit(read::get);
  }

  /** The read's result, or what it threw (a store failure as itself). */
  static <T> T get(Future<T> read) {
    try {
      return read.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      read.cancel(true);
      throw new CloudeyException("interrupted while reading the advisor's snapshot", e);
    } catch (CancellationException e) {
      throw new CloudeyException("a read of the advisor's snapshot was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new CloudeyException("a read of the advisor's snapshot failed: " + cause, cause);
    }
  }

  /** Marks the snapshot complete: reads nobody waited for yet may still finish. */
  void complete() {
    done = true;
  }

  @Override
  public void close() {
    if (done) {
      threads.shutdown();
    } else {
      threads.shutdownNow();
    }
  }
}
