package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.SEEN_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostQuery;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.CloudeyStore.AccountLock;
import app.cloudey.testkit.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract of {@link CloudeyStore#lock} and {@link CloudeyStore#dataVersion}: the per-account lock
 * excludes other threads, gives up after its timeout, is released by close (which {@link
 * AccountLock#isHeld()} reflects) and never blocks another account; the data version is 0 without
 * data, changes on every kind of write, never repeats, and does not change on reads (so cached
 * query results stay valid exactly until the data changes).
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

  @Test
  public void locksOfDifferentAccountsAreIndependent() throws Exception {
    AccountId a = newAccount();
    AccountId b = newAccount();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<?> holder = holdLock(a, held, release);
    try {
      store().lock(b, Duration.ofSeconds(2)).close();
    } finally {
      release.countDown();
      holder.get(10, TimeUnit.SECONDS);
    }
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

  // ---- data version ----

  /**
   * Every kind of write a store offers, each changing data of an account that already holds the
   * fixture. Public so that the parameterised test can name it.
   */
  public enum Write {
    COMPARTMENTS(
        (s, id) ->
            s.inventory()
                .replaceCompartments(id, Fixtures.compartments(id).subList(0, 2), SEEN_AT)),
    SCOPE((s, id) -> s.inventory().replaceScope(id, Fixtures.INSTANCES, List.of(), SEEN_AT)),
    COST_LINES(
        (s, id) -> s.costs().replaceCostLines(id, Period.day(Fixtures.DAY2), Stream.empty())),
    CLOSE_MONTH((s, id) -> s.costs().closeMonth(id, Fixtures.OCTOBER, SEEN_AT)),
    METRICS(
        (s, id) ->
            s.metrics()
                .upsert(
                    id,
                    List.of(
                        new app.cloudey.model.MetricDaily(
                            id,
                            Fixtures.WEB1,
                            app.cloudey.model.MetricName.CPU_UTILIZATION,
                            Fixtures.DAY2,
                            1.0,
                            2.0,
                            2.0,
                            24)))),
    METRIC_RETENTION((s, id) -> s.metrics().deleteBefore(id, Fixtures.DAY2)),
    SYNC_RUN((s, id) -> s.syncRuns().save(run(id)));

    private final BiConsumer<CloudeyStore, AccountId> write;

    Write(BiConsumer<CloudeyStore, AccountId> write) {
      this.write = write;
    }

    public void apply(CloudeyStore store, AccountId id) {
      write.accept(store, id);
    }
  }

  private static SyncRun run(AccountId id) {
    return new SyncRun(
        "run-" + java.util.UUID.randomUUID(),
        id,
        SyncKind.INVENTORY,
        SEEN_AT,
        SEEN_AT.plusSeconds(3),
        1,
        1,
        List.of(),
        List.of(),
        null);
  }

  private void writeFixture(AccountId id) {
    store().inventory().replaceCompartments(id, Fixtures.compartments(id), SEEN_AT);
    for (var scope : Fixtures.POPULATED_SCOPES) {
      store().inventory().replaceScope(id, scope, Fixtures.resources(id, scope), SEEN_AT);
    }
    store().costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    store().metrics().upsert(id, Fixtures.metrics(id));
  }

  @Test
  public void anAccountWithoutDataIsAtVersionZero() {
    assertThat(store().dataVersion(Fixtures.randomAccountId())).isZero();
  }

  @ParameterizedTest
  @EnumSource(Write.class)
  public void everyKindOfWriteChangesTheDataVersion(Write write) {
    AccountId id = newAccount();
    writeFixture(id);
    long before = store().dataVersion(id);
    write.apply(store(), id);
    assertThat(store().dataVersion(id))
        .as("data version after a %s write", write)
        .isNotEqualTo(before);
  }

  @Test
  public void versionsNeverRepeat() {
    AccountId id = newAccount();
    List<Long> versions = new ArrayList<>();
    versions.add(store().dataVersion(id));
    writeFixture(id);
    versions.add(store().dataVersion(id));
    for (Write write : Write.values()) {
      write.apply(store(), id);
      versions.add(store().dataVersion(id));
    }
    // a version seen twice would make a stale cached result reachable again
    assertThat(new HashSet<>(versions)).hasSameSizeAs(versions);
  }

  @Test
  public void readsDoNotChangeTheDataVersion() {
    AccountId id = newAccount();
    writeFixture(id);
    long before = store().dataVersion(id);
    store().accounts().find(id);
    store().accounts().list();
    store().inventory().compartments(id);
    store().inventory().resources(id, ResourceFilter.ALL.withDeleted());
    store().inventory().findResource(id, Fixtures.WEB1);
    store().costs().aggregate(id, CostQuery.of(COST_PERIOD));
    try (Stream<?> lines = store().costs().lines(id, COST_PERIOD)) {
      assertThat(lines.count()).isEqualTo(12);
    }
    store().costs().lastIngestAt(id);
    store().costs().findClosedMonth(id, Fixtures.OCTOBER);
    store().metrics().daily(id, MetricQuery.of(Fixtures.METRIC_WINDOW));
    store().syncRuns().recent(id, 5);
    assertThat(store().dataVersion(id)).isEqualTo(before);
  }
}
