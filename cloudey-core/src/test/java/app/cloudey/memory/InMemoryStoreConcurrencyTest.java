package app.cloudey.memory;

import static app.cloudey.memory.Data.ACME;
import static app.cloudey.memory.Data.ASHBURN;
import static app.cloudey.memory.Data.GLOBEX;
import static app.cloudey.memory.Data.T0;
import static app.cloudey.memory.Data.account;
import static app.cloudey.memory.Data.cpu;
import static app.cloudey.memory.Data.credentials;
import static app.cloudey.memory.Data.line;
import static app.cloudey.memory.Data.resource;
import static app.cloudey.memory.Data.run;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyLockTimeoutException;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.DataKind;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.CloudeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
@SuppressWarnings("try") // locks are held for their effect, not referenced
class InMemoryStoreConcurrencyTest {
  private static final Scope SCOPE = new Scope(ASHBURN, "c-prod", ResourceType.INSTANCE);
  private static final Period OCTOBER = Period.month(2026, 10);

  private final InMemoryStore store = InMemoryStore.create();
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  void writesMoveTheVersionOfTheKindTheyChangeForTheirAccountOnly() {
    for (DataKind kind : DataKind.values()) {
      assertThat(store.dataVersion(ACME, kind)).isZero();
    }
    List<Long> versions = new ArrayList<>();
    record Write(DataKind kind, Runnable run) {}
    List<Write> writes =
        List.of(
            new Write(
                DataKind.INVENTORY,
                () ->
                    store
                        .inventory()
                        .replaceScope(ACME, SCOPE, List.of(resource(ACME, SCOPE, "i-1", "a")), T0)),
            new Write(
                DataKind.COSTS,
                () ->
                    store
                        .costs()
                        .replaceCostLines(
                            ACME,
                            OCTOBER,
                            Stream.of(line(ACME, "2026-10-01", "COMPUTE", "1").build()))),
            new Write(
                DataKind.COSTS, () -> store.costs().closeMonth(ACME, YearMonth.of(2026, 10), T0)),
            new Write(
                DataKind.METRICS,
                () -> store.metrics().upsert(ACME, List.of(cpu(ACME, "i-1", "2026-10-01", 1)))),
            new Write(
                DataKind.METRICS,
                () -> store.metrics().deleteBefore(ACME, LocalDate.parse("2026-10-02"))),
            new Write(
                DataKind.INVENTORY,
                () -> store.inventory().replaceScope(ACME, SCOPE, List.of(), T0)));
    for (Write write : writes) {
      long others = otherVersionsSum(write.kind());
      write.run().run();
      versions.add(store.dataVersion(ACME, write.kind()));
      assertThat(otherVersionsSum(write.kind()))
          .as("after a %s write", write.kind())
          .isEqualTo(others);
    }
    // one store-wide sequence: every version is new
    assertThat(versions).doesNotHaveDuplicates().isSorted();
    for (DataKind kind : DataKind.values()) {
      assertThat(store.dataVersion(GLOBEX, kind)).isZero();
    }
  }

  private long otherVersionsSum(DataKind kind) {
    long sum = 0;
    for (DataKind other : DataKind.values()) {
      if (other != kind) {
        sum += store.dataVersion(ACME, other);
      }
    }
    return sum;
  }

  @Test
  void readsRefusedWritesRegistrationAndSyncRunsMoveNoVersion() {
    store.inventory().replaceScope(ACME, SCOPE, List.of(resource(ACME, SCOPE, "i-1", "a")), T0);
    long version = store.dataVersion(ACME, DataKind.INVENTORY);
    store.inventory().resources(ACME, ResourceFilter.ALL);
    store.costs().aggregate(ACME, CostQuery.of(OCTOBER));
    store.costs().lines(ACME, OCTOBER).close();
    refused(
        () ->
            store
                .inventory()
                .replaceScope(ACME, SCOPE, List.of(resource(GLOBEX, SCOPE, "g", "g")), T0));
    store.accounts().add(account(ACME), credentials("k"));
    refused(() -> store.accounts().add(account(ACME), credentials("k")));
    store.accounts().updateCredentials(ACME, credentials("k2"));
    store.syncRuns().save(run(ACME, "r", T0, T0));
    store.syncRuns().deleteBefore(ACME, T0.plusSeconds(1));
    // the same listing again changes nothing either
    store.inventory().replaceScope(ACME, SCOPE, List.of(resource(ACME, SCOPE, "i-1", "a")), T0);
    assertThat(store.dataVersion(ACME, DataKind.INVENTORY)).isEqualTo(version);
    assertThat(store.dataVersion(ACME, DataKind.COSTS)).isZero();
    assertThat(store.dataVersion(ACME, DataKind.METRICS)).isZero();
  }

  @Test
  void aVersionIsNeverReusedAfterADelete() {
    store.accounts().add(account(ACME), credentials("k"));
    store.inventory().replaceScope(ACME, SCOPE, List.of(resource(ACME, SCOPE, "i-1", "a")), T0);
    long beforeDelete = store.dataVersion(ACME, DataKind.INVENTORY);
    store.accounts().delete(ACME);
    assertThat(store.dataVersion(ACME, DataKind.INVENTORY)).isZero();
    store.accounts().add(account(ACME), credentials("k"));
    store.inventory().replaceScope(ACME, SCOPE, List.of(resource(ACME, SCOPE, "i-1", "a")), T0);
    // a cache entry keyed by an old version must never match the new data
    assertThat(store.dataVersion(ACME, DataKind.INVENTORY)).isGreaterThan(beforeDelete);
  }

  @Test
  void aHeldLockMakesOthersTimeOut() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () -> {
              try (CloudeyStore.AccountLock lock = store.lock(ACME, Duration.ZERO)) {
                held.countDown();
                await(release);
              }
            },
            pool);
    assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    assertThatThrownBy(() -> store.lock(ACME, Duration.ofMillis(50)))
        .isExactlyInstanceOf(CloudeyLockTimeoutException.class)
        .hasMessageContaining("account 'acme' is locked by another sync or month close")
        .hasMessageContaining("PT0.05S");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(50));
    // another account is not blocked
    store.lock(GLOBEX, Duration.ZERO).close();

    // once released, a waiter gets it
    CompletableFuture<Void> waiter =
        CompletableFuture.runAsync(() -> store.lock(ACME, Duration.ofSeconds(10)).close(), pool);
    release.countDown();
    waiter.get(10, TimeUnit.SECONDS);
    holder.get(10, TimeUnit.SECONDS);
  }

  @Test
  void lockReleaseIsIdempotentAndRefusesBadTimeouts() {
    CloudeyStore.AccountLock lock = store.lock(ACME, Duration.ofSeconds(1));
    lock.close();
    lock.close(); // no IllegalMonitorStateException
    CompletableFuture.runAsync(() -> store.lock(ACME, Duration.ZERO).close(), pool).join();
    refused(() -> store.lock(ACME, Duration.ofSeconds(-1)), "timeout must not be negative");
    refused(() -> store.lock(ACME, null), "timeout must not be null");
    refused(() -> store.lock(null, Duration.ZERO), "accountId must not be null");
    store
        .lock(ACME, Duration.ofSeconds(Long.MAX_VALUE))
        .close(); // saturates instead of overflowing
  }

  @Test
  void anInterruptedWaiterGivesUpAndKeepsItsInterrupt() throws Exception {
    try (CloudeyStore.AccountLock lock = store.lock(ACME, Duration.ZERO)) {
      CompletableFuture<Throwable> waiter =
          CompletableFuture.supplyAsync(
              () -> {
                Thread.currentThread().interrupt();
                try {
                  store.lock(ACME, Duration.ofSeconds(10)).close();
                  return null;
                } catch (CloudeyException e) {
                  return Thread.currentThread().isInterrupted()
                      ? e
                      : new AssertionError("flag lost");
                } finally {
                  Thread.interrupted(); // leave the pool thread clean
                }
              },
              pool);
      assertThat(waiter.get(5, TimeUnit.SECONDS))
          .isInstanceOf(CloudeyException.class)
          .hasMessageContaining("interrupted while waiting for the lock of account 'acme'");
    }
  }

  @Test
  void readersNeverSeeHalfAnIngest() throws Exception {
    // two versions of Oct 1-10, both summing to 100.00 in a different number of lines:
    // 10 lines of 10.00, or 20 lines of 5.00; any mix of them would not sum to 100
    List<CostLine> tens = new ArrayList<>();
    List<CostLine> fives = new ArrayList<>();
    for (int day = 1; day <= 10; day++) {
      String date = LocalDate.of(2026, 10, day).toString();
      tens.add(line(ACME, date, "COMPUTE", "10").build());
      fives.add(line(ACME, date, "COMPUTE", "5").resourceId("a").build());
      fives.add(line(ACME, date, "COMPUTE", "5").resourceId("b").build());
    }
    Period days = Period.parse("2026-10-01", "2026-10-11");
    store.costs().replaceCostLines(ACME, days, tens.stream());
    AtomicBoolean stop = new AtomicBoolean();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<Void>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(
          CompletableFuture.runAsync(
              () -> {
                while (!stop.get()) {
                  List<CostRow> rows = store.costs().aggregate(ACME, CostQuery.of(OCTOBER));
                  seen.add(rows.get(0).cost().toString());
                  long lines = store.costs().lines(ACME, OCTOBER).count();
                  assertThat(lines).isIn(10L, 20L);
                }
              },
              pool));
    }
    for (int i = 0; i < 300; i++) {
      store.costs().replaceCostLines(ACME, days, (i % 2 == 0 ? fives : tens).stream());
    }
    stop.set(true);
    for (CompletableFuture<Void> reader : readers) {
      reader.get(10, TimeUnit.SECONDS);
    }
    assertThat(seen).containsExactly(Money.of("100", "USD").toString());
  }

  @Test
  void concurrentScopeWritesOfManyAccountsAllLand() throws Exception {
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int a = 0; a < 8; a++) {
      app.cloudey.model.AccountId id = app.cloudey.model.AccountId.of("acct-" + a);
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 50; i++) {
                  Scope scope = new Scope(ASHBURN, "c-" + i, ResourceType.INSTANCE);
                  store
                      .inventory()
                      .replaceScope(id, scope, List.of(resource(id, scope, "i-" + i, "n")), T0);
                }
              },
              pool));
    }
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    for (int a = 0; a < 8; a++) {
      assertThat(
              store
                  .inventory()
                  .resources(app.cloudey.model.AccountId.of("acct-" + a), ResourceFilter.ALL))
          .hasSize(50);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
