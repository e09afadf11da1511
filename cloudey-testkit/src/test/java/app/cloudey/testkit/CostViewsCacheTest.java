package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.memory.InMemoryCache;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRest;
import app.cloudey.model.CostRow;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Forecast;
import app.cloudey.model.LabeledCost;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.TopCostRows;
import app.cloudey.spi.CacheKey;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.testkit.contract.GoldenCostData;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Caching of the cost views: the cached and the uncached path give identical results; a new ingest,
 * an inventory change and a new day change the answer; closed months never expire.
 */
class CostViewsCacheTest {
  private final MutableClock clock = MutableClock.at(GoldenCostData.NOW);
  private final RecordingListener listener = new RecordingListener();
  private final InMemoryStore store = InMemoryStore.create(clock);
  private FakeCloudProvider fake;
  private Cloudey cached;
  private Cloudey uncached;
  private AccountId id;

  /** A cache that never holds anything: every read computes. */
  private static final class NoCache implements CloudeyCache {
    @Override
    public <T> Optional<T> get(CacheKey key, Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void put(CacheKey key, Object value, @Nullable Duration ttl) {}

    @Override
    public void evictAccount(String storeId, AccountId accountId) {}
  }

  @BeforeEach
  void load() {
    fake = GoldenCostData.provider();
    cached =
        Cloudey.builder()
            .cloud(fake)
            .store(store)
            .clock(clock)
            .listener(listener)
            .cache(InMemoryCache.create(1_000, clock))
            .build();
    uncached = Cloudey.builder().cloud(fake).store(store).clock(clock).cache(new NoCache()).build();
    id = Fixtures.randomAccountId();
    cached.accounts().add(id, Fixtures.credentials());
    account().inventory().sync();
    fake.removeResource(GoldenCostData.OLD1);
    account().inventory().sync();
    account().costs().refresh(Period.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 11, 2)));
    listener.clear();
  }

  @AfterEach
  void close() {
    cached.close();
    uncached.close();
  }

  private CloudeyAccount account() {
    return cached.account(id);
  }

  private static final List<Function<CloudeyAccount, Object>> VIEWS =
      List.of(
          a -> a.costs().dashboard(),
          a -> a.costs().detailed(),
          a -> a.costs().trends(CostDimension.SERVICE, 4),
          a -> a.costs().trends(CostDimension.RESOURCE, 2),
          a -> a.costs().topDrivers(Period.month(YearMonth.of(2026, 9))),
          a -> a.costs().forecast(),
          a -> a.costs().forecast(Forecast.Horizon.QUARTER));

  @Test
  void theCachedAndTheUncachedPathsGiveIdenticalResults() {
    for (Function<CloudeyAccount, Object> view : VIEWS) {
      Object first = view.apply(account());
      int hits = listener.cacheHits();
      Object second = view.apply(account());
      assertThat(listener.cacheHits()).as("a second read is a hit").isEqualTo(hits + 1);
      assertThat(second).isSameAs(first);
      assertThat(view.apply(uncached.account(id))).isEqualTo(first);
    }
    // every view was a miss once, and each key names the data versions it read
    assertThat(listener.events(app.cloudey.testkit.RecordingListener.CacheMiss.class))
        .extracting(miss -> miss.key().query())
        .anySatisfy(
            q ->
                assertThat(q)
                    .startsWith("view:dashboard|asOf=2026-11-01")
                    .contains("|inventory=")
                    .contains("|recommendations=0"))
        .anySatisfy(
            q -> assertThat(q).startsWith("view:detailed|months=[2026-08, 2026-09, 2026-10]"));
  }

  /** A cache that also keeps every value it is given, to see what a query stores. */
  private static final class KeepingCache implements CloudeyCache {
    private final CloudeyCache delegate;
    private final List<Object> values = new ArrayList<>();

    KeepingCache(CloudeyCache delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> Optional<T> get(CacheKey key, Class<T> type) {
      return delegate.get(key, type);
    }

    @Override
    public void put(CacheKey key, Object value, @Nullable Duration ttl) {
      values.add(value);
      delegate.put(key, value, ttl);
    }

    @Override
    public void evictAccount(String storeId, AccountId accountId) {
      delegate.evictAccount(storeId, accountId);
    }
  }

  @Test
  void topNWithOthersCachesTheTopRowsAndTheSumsOfTheRestNeverEveryRow() {
    KeepingCache keeping = new KeepingCache(InMemoryCache.create(1_000, clock));
    try (Cloudey keeps =
        Cloudey.builder().cloud(fake).store(store).clock(clock).cache(keeping).build()) {
      CostQuery query =
          CostQuery.of(Period.month(YearMonth.of(2026, 9))).groupBy(CostDimension.RESOURCE).top(2);
      CostReport report = keeps.account(id).costs().queryWithOthers(query);
      // September by resource, 30 days of GoldenCostData: web1 300, db1 180, web2 120, eu1 90 EUR,
      // old1 60, vol1 45, (none) 3.75 (USD 708.75). Top 2: web1, db1; others in USD
      // 120 + 60 + 45 + 3.75 = 228.75 (= 708.75 - 480), in EUR 90; no credits
      assertThat(report.rows())
          .containsExactly(
              new CostRow(List.of(GoldenCostData.WEB1), Money.of("300", "USD")),
              new CostRow(List.of(GoldenCostData.DB1), Money.of("180", "USD")),
              new CostRow(List.of(LabeledCost.OTHERS), Money.of("228.75", "USD")),
              new CostRow(List.of(LabeledCost.OTHERS), Money.of("90", "EUR")));
      // cached: this report only (the two rows and the two others rows), never the seven rows
      assertThat(keeping.values).containsExactly(report);
      // queryTop: the store's answer, cached under a key of its own
      assertThat(keeps.account(id).costs().queryTop(query))
          .isEqualTo(
              new TopCostRows(
                  report.rows().subList(0, 2),
                  List.of(
                      new CostRest(
                          java.util.Currency.getInstance("EUR"),
                          new BigDecimal("90"),
                          1,
                          BigDecimal.ZERO,
                          0),
                      new CostRest(
                          java.util.Currency.getInstance("USD"),
                          new BigDecimal("228.75"),
                          4,
                          BigDecimal.ZERO,
                          0))));
      assertThat(keeping.values).hasSize(2).last().isInstanceOf(TopCostRows.class);
      // a second read is answered from the cache, and equals the uncached answer
      assertThat(keeps.account(id).costs().queryWithOthers(query)).isSameAs(report);
      assertThat(keeping.values).hasSize(2);
      assertThat(uncached.account(id).costs().queryWithOthers(query)).isEqualTo(report);
    }
  }

  @Test
  void aNewIngestChangesTheAnswer() {
    Dashboard before = account().costs().dashboard();
    DetailedCosts detailedBefore = account().costs().detailed();
    // re-ingesting the same lines changes no data: still a hit
    account().costs().refresh(Period.month(YearMonth.of(2026, 10)));
    assertThat(account().costs().dashboard()).isSameAs(before);

    // a 100 USD correction on October 31
    List<CostLine> lines = new ArrayList<>(GoldenCostData.lines());
    lines.add(
        lines.get(lines.size() - 1).toBuilder()
            .day(LocalDate.of(2026, 10, 31))
            .service("SUPPORT")
            .resourceId("")
            .cost(Money.of("100", "USD"))
            .build());
    fake.setCostLines(lines);
    account().costs().refresh(Period.month(YearMonth.of(2026, 10)));

    Dashboard after = account().costs().dashboard();
    // October: 732.375 + 100 = 832.375
    assertThat(after.currencies().get(1).completeMonths().get(2).total())
        .isEqualTo(Money.of("832.375", "USD"));
    assertThat(before.currencies().get(1).completeMonths().get(2).total())
        .isEqualTo(Money.of("732.375", "USD"));
    assertThat(account().costs().detailed().currencies().get(1).totals().get(2))
        .isEqualTo(Money.of("832.375", "USD"));
    assertThat(detailedBefore.currencies().get(1).totals().get(2))
        .isEqualTo(Money.of("732.375", "USD"));
    assertThat(uncached.account(id).costs().dashboard()).isEqualTo(after);
  }

  @Test
  void anInventoryChangeRenamesButLeavesTheForecastCached() {
    Dashboard before = account().costs().dashboard();
    Object forecast = account().costs().forecast();
    fake.removeResource(GoldenCostData.WEB2);
    account().inventory().sync();

    Dashboard after = account().costs().dashboard();
    assertThat(before.inventory().stoppedInstances()).isEqualTo(1);
    assertThat(after.inventory().stoppedInstances()).isZero();
    assertThat(
            account()
                .costs()
                .topDrivers(Period.month(YearMonth.of(2026, 9)))
                .currencies()
                .get(1)
                .drivers())
        .extracting(d -> d.resource().name())
        .contains("web-2 (deleted)");
    // the forecast reads costs only
    assertThat(account().costs().forecast()).isSameAs(forecast);
  }

  @Test
  void viewsOfTodayKeyOnTheDateAndClosedMonthsNeverExpire() {
    clock.set(Instant.parse("2026-11-01T23:59:30Z"));
    Dashboard lateOnTheFirst = account().costs().dashboard();
    DetailedCosts detailed = account().costs().detailed();

    clock.advance(Duration.ofMinutes(1)); // November 2, 00:00:30 UTC
    Dashboard second = account().costs().dashboard();
    assertThat(second.asOf()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(lateOnTheFirst.asOf()).isEqualTo(LocalDate.of(2026, 11, 1));
    // a new day, a new view; November 2 has no line yet, so the month to date (23.625) still ends
    // on November 1 and is compared with October 1 only, not with October 1-2
    assertThat(second.currencies().get(1).monthToDate().period())
        .isEqualTo(Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2)));
    assertThat(second.currencies().get(1).monthToDate().lastMonthPeriod())
        .isEqualTo(Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)));
    // 23.625 against October 1's 23.625: 0.0 %, not -50 % against October 1-2's 47.25
    assertThat(second.currencies().get(1).monthToDate().change().percent())
        .isEqualByComparingTo("0.0");
    assertThat(second).isNotSameAs(lateOnTheFirst);
    // same three months, within the open-month TTL: a hit
    assertThat(account().costs().detailed()).isSameAs(detailed);

    // once all three months are closed, their view is cached without expiry
    for (int month = 8; month <= 10; month++) {
      account().costs().closeMonth(YearMonth.of(2026, month));
    }
    DetailedCosts closed = account().costs().detailed();
    clock.advance(Duration.ofDays(20)); // November 22: same months, far past any TTL
    assertThat(account().costs().detailed()).isSameAs(closed);
    // the open-month dashboard of that day is computed again
    assertThat(account().costs().dashboard().asOf()).isEqualTo(LocalDate.of(2026, 11, 22));
  }
}
