package app.cloudey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ViewReadsTest {

  /** Two reads that each wait for the other finish only if they run at once. */
  @Test
  @Timeout(10)
  void forkedReadsRunAtOnce() throws Exception {
    try (ViewReads reads = new ViewReads(2)) {
      CyclicBarrier both = new CyclicBarrier(2);
      ViewReads.Read<String> a = reads.fork(() -> await(both, "a"));
      ViewReads.Read<String> b = reads.fork(() -> await(both, "b"));
      assertThat(a.get() + b.get()).isEqualTo("ab");
    }
  }

  @Test
  void withoutThreadsEveryReadRunsOnTheCaller() {
    try (ViewReads reads = new ViewReads(0)) {
      Thread caller = Thread.currentThread();
      assertThat(reads.fork(Thread::currentThread).get()).isSameAs(caller);
    }
  }

  @Test
  @Timeout(10)
  void aReadThatFindsNoIdleThreadRunsOnTheCaller() throws Exception {
    try (ViewReads reads = new ViewReads(1)) {
      CyclicBarrier both = new CyclicBarrier(2);
      // the only thread waits for the second read, which must therefore run on the caller
      ViewReads.Read<String> first = reads.fork(() -> await(both, "first"));
      Thread caller = Thread.currentThread();
      ViewReads.Read<Thread> second =
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
    try (ViewReads reads = new ViewReads(2)) {
      IllegalStateException failure = new IllegalStateException("store down");
      ViewReads.Read<Object> read =
          reads.fork(
              () -> {
                throw failure;
              });
      assertThatThrownBy(read::get).isSameAs(failure);
    }
  }

  @Test
  void afterCloseReadsStillRunOnTheCaller() {
    ViewReads reads = new ViewReads(2);
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
