package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.CloudeyStore.AccountLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link CloudeyStore#lock}: the per-account lock excludes other threads, gives up
 * after its timeout, is released by close (which {@link AccountLock#isHeld()} reflects) and never
 * blocks, releases or is released by another account's lock. (The data version has its own {@link
 * DataVersionContract}.)
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}. A shared store (for
 * example PostgreSQL advisory locks) must exclude threads that hold different connections.
 */
public abstract class StoreLockContract extends StoreContract {

  private ExecutorService threads = Executors.newSingleThreadExecutor();

  @BeforeEach
  protected final void startThreads() {
    threads.shutdownNow();
    threads = Executors.newCachedThreadPool();
  }

  @AfterEach
  protected final void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  public void theLockExcludesOtherThreads() throws Exception {
    AccountId id = newAccount();
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger mostInside = new AtomicInteger();
    AtomicInteger entries = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      workers.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 5; i++) {
                  AccountLock lock = store().lock(id, Duration.ofSeconds(30));
                  try {
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    entries.incrementAndGet();
                    sleep(2);
                    inside.decrementAndGet();
                  } finally {
                    lock.close();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    assertThat(entries).hasValue(20);
    assertThat(mostInside).hasValue(1);
  }

  @Test
  public void aSecondLockerGivesUpAfterItsTimeout() throws Exception {
    AccountId id = newAccount();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = holdLock(id, held, release);
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> store().lock(id, Duration.ofMillis(300)).close())
          .isInstanceOf(CloudeyException.class);
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      assertThat(waited).isLessThan(Duration.ofSeconds(10));
    } finally {
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  public void aWaitingLockerGetsTheLockOnceItIsReleased() throws Exception {
    AccountId id = newAccount();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = holdLock(id, held, release);
    Future<Duration> waiter =
        threads.submit(
            () -> {
              long start = System.nanoTime();
              store().lock(id, Duration.ofSeconds(20)).close();
              return Duration.ofNanos(System.nanoTime() - start);
            });
    sleep(300);
    assertThat(waiter.isDone()).as("the waiter must wait while the lock is held").isFalse();
    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    assertThat(waiter.get(20, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
  }

  @Test
  public void closingTheLockReleasesIt() throws Exception {
    AccountId id = newAccount();
    AccountLock lock = store().lock(id, Duration.ofSeconds(5));
    assertThat(lock.isHeld()).as("held until closed").isTrue();
    lock.close();
    assertThat(lock.isHeld()).as("held after close").isFalse();
    lock.close(); // a second close does nothing
    Future<?> other =
        threads.submit(
            () -> {
              store().lock(id, Duration.ofSeconds(5)).close();
              return null;
            });
    other.get(10, TimeUnit.SECONDS);
  }

  /**
   * While another thread holds a's lock, b's is free; and taking b's neither releases a's nor is
   * released by it: at every step each held lock still excludes a third thread. (Taking b's lock
   * alone proves nothing: a lock that never excludes, or one that hands a's lock over to b, would
   * let it through too.)
   */
  @Test
  public void locksOfDifferentAccountsAreIndependent() throws Exception {
    AccountId a = newAccount();
    AccountId b = newAccount();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = holdLock(a, held, release);
    try {
      assertLockedByAnotherThread(a);
      // a's holder keeps it until release: if b waited for a, this would time out and throw
      try (AccountLock lockB = store().lock(b, Duration.ofSeconds(5))) {
        assertThat(holder.isDone()).as("a's holder still holds a's lock").isFalse();
        assertLockedByAnotherThread(a);
        assertLockedByAnotherThread(b);
      }
      assertLockedByAnotherThread(a);
    } finally {
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
    // a's lock was held until its holder let go, and is free now
    threads
        .submit(
            () -> {
              store().lock(a, Duration.ofSeconds(5)).close();
              return null;
            })
        .get(10, TimeUnit.SECONDS);
  }

  /** A fresh thread cannot take the account's lock within 200 ms: somebody holds it. */
  private void assertLockedByAnotherThread(AccountId id) throws InterruptedException {
    Future<?> attempt =
        threads.submit(
            () -> {
              store().lock(id, Duration.ofMillis(200)).close();
              return null;
            });
    assertThatThrownBy(() -> attempt.get(10, TimeUnit.SECONDS))
        .as("the lock of %s must be held", id)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CloudeyException.class);
  }

  /** Takes the lock in another thread, signals {@code held}, and keeps it until {@code release}. */
  private Future<?> holdLock(AccountId id, CountDownLatch held, CountDownLatch release)
      throws InterruptedException {
    Future<?> holder =
        threads.submit(
            () -> {
              AccountLock lock = store().lock(id, Duration.ofSeconds(10));
              try {
                held.countDown();
                release.await(30, TimeUnit.SECONDS);
              } finally {
                lock.close();
              }
              return null;
            });
    assertThat(held.await(15, TimeUnit.SECONDS)).as("the holder got the lock").isTrue();
    return holder;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
