package app.cloudey.internal;

import app.cloudey.CloudeyException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

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

  private final @Nullable ExecutorService threads;
  private boolean done;

  /**
   * @param threads threads for the reads started here (the caller's own thread does one more); 0
   *     runs each read on the calling thread when it is started
   */
  SnapshotReads(int threads) {
    int run = RUNS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.threads =
        threads == 0
            ? null
            : Executors.newFixedThreadPool(
                threads,
                task -> {
                  Thread t =
                      new Thread(task, "cloudey-advisor-read-" + run + "-" + n.incrementAndGet());
                  t.setDaemon(true);
                  return t;
                });
  }

  /** Whether reads run on threads of their own (else on the caller's, when started). */
  boolean concurrent() {
    return threads != null;
  }

  /** Starts {@code read} on a thread of its own, or runs it now when not {@link #concurrent}. */
  <T> Future<T> start(Supplier<T> read) {
    if (threads == null) {
      CompletableFuture<T> done = new CompletableFuture<>();
      try {
        done.complete(read.get());
      } catch (RuntimeException | Error e) {
        done.completeExceptionally(e);
      }
      return done;
    }
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
    if (threads == null) {
      return;
    }
    if (done) {
      threads.shutdown();
    } else {
      threads.shutdownNow();
    }
  }
}
