package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.oci.OciOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared pools start threads for work in flight only, queue beyond their bound, and outlive a
 * client.
 */
class SharedExecutorsTest {
  private final SharedExecutors executors = new SharedExecutors(OciOptions.ofDefaults());

  @AfterEach
  void close() {
    executors.close();
  }

  @Test
  void workOneTaskAtATimeKeepsOneThread() throws Exception {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) executors.metrics();
    Set<Thread> used = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      used.add(pool.submit(Thread::currentThread).get(10, TimeUnit.SECONDS));
      awaitIdleThread(pool);
    }
    // a fixed pool would have started a thread per task up to its size
    assertThat(used).hasSize(1);
    assertThat(pool.getLargestPoolSize()).isEqualTo(1);
  }

  @Test
  void workBeyondTheBoundWaitsInLine() throws Exception {
    ThreadPoolExecutor pool = (ThreadPoolExecutor) executors.attachments();
    CountDownLatch release = new CountDownLatch(1);
    List<Future<Boolean>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tasks.add(pool.submit(() -> release.await(10, TimeUnit.SECONDS)));
    }
    assertThat(pool.getPoolSize()).as("min(concurrency 16, 8) threads").isEqualTo(8);
    assertThat(pool.getQueue()).hasSize(12);
    release.countDown();
    for (Future<Boolean> task : tasks) {
      assertThat(task.get(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(pool.getLargestPoolSize()).isEqualTo(8);
  }

  @Test
  void aClientDisposingItsExecutorLeavesTheSharedOneRunning() throws Exception {
    ExecutorService http = executors.http().getExecutorService();
    executors.http().dispose(http);
    assertThat(http.isShutdown()).isFalse();
    assertThat(http.submit(() -> "still running").get(10, TimeUnit.SECONDS))
        .isEqualTo("still running");
  }

  @Test
  void afterCloseWorkRunsInTheSubmittingThread() throws Exception {
    executors.close();
    Thread caller = Thread.currentThread();
    assertThat(executors.metrics().submit(Thread::currentThread).get()).isSameAs(caller);
    assertThat(executors.http().getExecutorService().submit(Thread::currentThread).get())
        .isSameAs(caller);
  }

  /** Waits until a thread of the pool is idle, ready to be handed the next task. */
  private static void awaitIdleThread(ThreadPoolExecutor pool) throws InterruptedException {
    LinkedTransferQueue<Runnable> queue = (LinkedTransferQueue<Runnable>) pool.getQueue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!queue.hasWaitingConsumer()) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(1);
    }
  }
}
