package app.cloudey.internal;

import app.cloudey.CloudeyException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs independent store reads at once, each on a thread of a small pool (so each on a connection
 * of its own in a pooled store), and the caller joins them: the cost views share one pool ({@code
 * Runtime.viewReads}), an advisor run has its own for its snapshot and its rules (so it never waits
 * behind a view nor starves one).
 *
 * <p>A read that finds no idle thread runs on the caller's thread at once (never queued: a view
 * never waits for another view's reads), so with {@code threads} 0 every read runs in turn on the
 * caller. Threads are daemons, started on demand and stopped after {@link #IDLE_SECONDS} idle. The
 * reads are independent statements either way (each sees its own snapshot, as reads one after
 * another do), so running them at once changes no result. Thread-safe.
 */
final class ConcurrentReads implements AutoCloseable {
  static final long IDLE_SECONDS = 30;

  private final @Nullable ThreadPoolExecutor pool;

  ConcurrentReads(int threads) {
    this(threads, "cloudey-view-read-");
  }

  /**
   * @param threads at most this many reads run on the pool's threads; 0 runs every read on its
   *     caller
   * @param threadName the prefix of the pool's thread names
   */
  ConcurrentReads(int threads, String threadName) {
    if (threads < 1) {
      pool = null;
      return;
    }
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            0,
            threads,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread = new Thread(task, threadName + n.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            // no idle thread, or shut down: the caller runs it (CallerRunsPolicy would drop it
            // once shut down, and its reader would wait forever)
            (task, executor) -> task.run());
  }

  /** Whether reads may run on threads of the pool (else each runs on its caller when forked). */
  boolean concurrent() {
    return pool != null;
  }

  /** A read started now; {@link Read#get} waits for it and rethrows what it threw. */
  <T> Read<T> fork(Supplier<T> read) {
    FutureTask<T> task = new FutureTask<>(read::get);
    if (pool == null) {
      task.run();
    } else {
      pool.execute(task); // no idle thread, or shut down: runs here and now
    }
    return () -> join(task);
  }

  private static <T> T join(FutureTask<T> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true; // the read holds a connection: let it finish, keep the interrupt
        }
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new CloudeyException("a store read failed: " + cause, cause);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown(); // running reads finish; later forks run on their caller
    }
  }

  /** The result of a forked read. */
  @FunctionalInterface
  interface Read<T> {
    T get();
  }
}
