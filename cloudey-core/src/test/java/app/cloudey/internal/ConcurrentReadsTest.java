package app.cloudey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrentReadsTest {

  /** Two reads that each wait for the other finish only if they run at once. */
  @Test
  @Timeout(10)
  void forkedReadsRunAtOnce() throws Exception {
    try (ConcurrentReads reads = new ConcurrentReads(2)) {
      CyclicBarrier both = new CyclicBarrier(2);
      ConcurrentReads.Read<String> a = reads.fork(() -> await(both, "a"));
      ConcurrentReads.Read<String> b = reads.fork(() -> await(both, "b"));
      assertThat(a.get() + b.get()).isEqualTo("ab");
    }
  }

  @Test
  void withoutThreadsEveryReadRunsOnTheCaller() {
    try (ConcurrentReads reads = new ConcurrentReads(0)) {
      Thread caller = Thread.currentThread();
      assertThat(reads.fork(Thread::currentThread).get()).isSameAs(caller);
    }
  }

  @Test
  @Timeout(10)
  void aReadThatFindsNoIdleThreadRunsOnTheCaller() throws Exception {
    try (ConcurrentReads reads = new ConcurrentReads(1)) {
      CyclicBarrier both = new CyclicBarrier(2);
      // the only thread waits for the second read, which must therefore run on the caller
      ConcurrentReads.Read<String> first = reads.fork(() -> await(both, "first"));
      Thread caller = Thread.currentThread();
      ConcurrentReads.Read<Thread> second =
          reads.fork(
              () -> {
                await(both, "second");
                return Thread.currentThread();
              });
      assertThat(second.get()).isSameAs(caller);
      assertThat(first.get()).isEqualTo("first");
    }
  }

  @Test
  void aReadsExceptionIsRethrownAsItIs() {
    try (ConcurrentReads reads = new ConcurrentReads(2)) {
      IllegalStateException failure = new IllegalStateException("store down");
      ConcurrentReads.Read<Object> read =
          reads.fork(
              () -> {
                throw failure;
              });
      assertThatThrownBy(read::get).isSameAs(failure);
    }
  }

  @Test
  void afterCloseReadsStillRunOnTheCaller() {
    ConcurrentReads reads = new ConcurrentReads(2);
    reads.close();
    Thread caller = Thread.currentThread();
    assertThat(reads.fork(Thread::currentThread).get()).isSameAs(caller);
  }

  private static String await(CyclicBarrier barrier, String value) {
    try {
      barrier.await(5, TimeUnit.SECONDS);
      return value;
    } catch (Exception e) {
      throw new IllegalStateException("the other read did not run at the same time", e);
    }
  }
}
