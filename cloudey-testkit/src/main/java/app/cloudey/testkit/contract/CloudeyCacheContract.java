package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.spi.CacheKey;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link CloudeyCache}: values of model types come back equal, a key differing in
 * store, account, data version or query misses, a wrong type misses instead of failing, TTLs
 * expire, no TTL keeps, and {@code evictAccount} drops every version of exactly one account of one
 * store.
 *
 * <p>Extend it and implement {@link #createCache()}. Entries are keyed by fresh random accounts, so
 * one cache server can serve every test. TTL tests move time with {@link #advance(Duration)}, which
 * sleeps by default; a cache that reads an injected clock overrides it to move that clock instead.
 *
 * <pre>{@code
 * class InMemoryCacheTest extends CloudeyCacheContract {
 *   final MutableClock clock = MutableClock.at("2026-11-26T00:00:00Z");
 *   protected CloudeyCache createCache() { return InMemoryCache.create(1000, clock); }
 *   protected void advance(Duration d) { clock.advance(d); }
 * }
 * }</pre>
 */
public abstract class CloudeyCacheContract {

  /** A short TTL used by the expiry test; {@link #advance} moves past it. */
  protected static final Duration SHORT_TTL = Duration.ofMillis(300);

  private @Nullable CloudeyCache cache;

  /** Creates the cache under test; called before each test, closed after it. */
  protected abstract CloudeyCache createCache();

  /** Lets {@code amount} of time pass for the cache's TTLs. Default: sleeps. */
  protected void advance(Duration amount) throws InterruptedException {
    Thread.sleep(amount.toMillis());
  }

  @BeforeEach
  protected final void openCache() {
    cache = createCache();
  }

  @AfterEach
  protected final void closeCache() {
    if (cache != null) {
      cache.close();
      cache = null;
    }
  }

  protected final CloudeyCache cache() {
    if (cache == null) {
      throw new IllegalStateException("the cache is created before each test");
    }
    return cache;
  }

  private static final String QUERY = "costs:2026-10-01..2026-10-04:SERVICE";

  /** Store ids of the keys: three stores sharing the cache under test. */
  private static final String STORE = "store-a";

  private static final String OTHER_STORE = "store-b";
  private static final String THIRD_STORE = "store-c";

  /** The report Cloudey would cache for the fixture's by-service query. */
  protected static CostReport report(long version) {
    return new CostReport(
        CostQuery.of(Fixtures.COST_PERIOD).groupBy(CostDimension.SERVICE).top(5),
        List.of(
            new CostRow(List.of("COMPUTE"), usd("12.34")),
            new CostRow(List.of("BLOCK_STORAGE"), usd("5.6")),
            new CostRow(List.of("NETWORK"), usd("0.3"))),
        List.of(usd("18.24")),
        version,
        Instant.parse("2026-11-26T09:15:30.123Z"));
  }

  @Test
  public void aCachedReportComesBackEqual() {
    CacheKey key = new CacheKey(STORE, Fixtures.randomAccountId(), 7, QUERY);
    cache().put(key, report(7), Duration.ofMinutes(5));
    assertThat(cache().get(key, CostReport.class)).contains(report(7));
  }

  @Test
  public void otherModelValuesComeBackEqual() {
    AccountId id = Fixtures.randomAccountId();
    Money money = Money.of("-0.10", "EUR");
    ClosedMonth closed =
        new ClosedMonth(
            id, Fixtures.OCTOBER, Instant.parse("2026-11-06T02:00:00Z"), 12, List.of(usd("18.24")));
    cache().put(new CacheKey(STORE, id, 1, "money"), money, Duration.ofMinutes(5));
    cache().put(new CacheKey(STORE, id, 1, "closed"), closed, null);
    assertThat(cache().get(new CacheKey(STORE, id, 1, "money"), Money.class)).contains(money);
    assertThat(cache().get(new CacheKey(STORE, id, 1, "closed"), ClosedMonth.class))
        .contains(closed);
  }

  @Test
  public void anUnknownKeyMisses() {
    assertThat(
            cache()
                .get(new CacheKey(STORE, Fixtures.randomAccountId(), 1, QUERY), CostReport.class))
        .isEmpty();
  }

  @Test
  public void aKeyDifferingInVersionAccountOrQueryMisses() {
    AccountId id = Fixtures.randomAccountId();
    cache().put(new CacheKey(STORE, id, 7, QUERY), report(7), Duration.ofMinutes(5));
    assertThat(cache().get(new CacheKey(STORE, id, 8, QUERY), CostReport.class)).isEmpty();
    assertThat(
            cache()
                .get(new CacheKey(STORE, Fixtures.randomAccountId(), 7, QUERY), CostReport.class))
        .isEmpty();
    assertThat(cache().get(new CacheKey(STORE, id, 7, QUERY + ":top10"), CostReport.class))
        .isEmpty();
  }

  @Test
  public void aValueOfAnotherTypeMissesInsteadOfFailing() {
    CacheKey key = new CacheKey(STORE, Fixtures.randomAccountId(), 7, QUERY);
    cache().put(key, report(7), Duration.ofMinutes(5));
    assertThat(cache().get(key, Money.class)).isEmpty();
    assertThat(cache().get(key, CostReport.class)).contains(report(7));
  }

  @Test
  public void aSecondPutReplacesTheValue() {
    CacheKey key = new CacheKey(STORE, Fixtures.randomAccountId(), 7, QUERY);
    cache().put(key, report(7), Duration.ofMinutes(5));
    CostReport newer =
        new CostReport(
            report(7).query(),
            List.of(new CostRow(List.of("COMPUTE"), usd("1"))),
            List.of(usd("1")),
            7,
            Instant.parse("2026-11-26T10:00:00Z"));
    cache().put(key, newer, Duration.ofMinutes(5));
    assertThat(cache().get(key, CostReport.class)).contains(newer);
  }

  @Test
  public void anEntryExpiresAfterItsTtlAndOneWithoutTtlStays() throws InterruptedException {
    AccountId id = Fixtures.randomAccountId();
    CacheKey shortLived = new CacheKey(STORE, id, 1, "short");
    CacheKey forever = new CacheKey(STORE, id, 1, "forever");
    cache().put(shortLived, report(1), SHORT_TTL);
    cache().put(forever, report(1), null);
    assertThat(cache().get(shortLived, CostReport.class)).contains(report(1));
    advance(SHORT_TTL.multipliedBy(3));
    assertThat(cache().get(shortLived, CostReport.class)).isEmpty();
    assertThat(cache().get(forever, CostReport.class)).contains(report(1));
  }

  @Test
  public void aKeyOfAnotherStoreMissesForTheSameAccountVersionAndQuery() {
    AccountId id = Fixtures.randomAccountId();
    cache().put(new CacheKey(STORE, id, 7, QUERY), report(7), Duration.ofMinutes(5));
    cache().put(new CacheKey(OTHER_STORE, id, 7, QUERY), report(8), Duration.ofMinutes(5));
    assertThat(cache().get(new CacheKey(STORE, id, 7, QUERY), CostReport.class))
        .contains(report(7));
    assertThat(cache().get(new CacheKey(OTHER_STORE, id, 7, QUERY), CostReport.class))
        .contains(report(8));
    assertThat(cache().get(new CacheKey(THIRD_STORE, id, 7, QUERY), CostReport.class)).isEmpty();
  }

  @Test
  public void evictAccountDropsEveryVersionOfThatAccountOnly() {
    AccountId a = Fixtures.randomAccountId();
    AccountId b = Fixtures.randomAccountId();
    cache().put(new CacheKey(STORE, a, 1, QUERY), report(1), Duration.ofMinutes(5));
    cache().put(new CacheKey(STORE, a, 2, QUERY), report(2), null);
    cache().put(new CacheKey(STORE, b, 1, QUERY), report(1), Duration.ofMinutes(5));
    cache().evictAccount(STORE, a);
    assertThat(cache().get(new CacheKey(STORE, a, 1, QUERY), CostReport.class)).isEmpty();
    assertThat(cache().get(new CacheKey(STORE, a, 2, QUERY), CostReport.class)).isEmpty();
    assertThat(cache().get(new CacheKey(STORE, b, 1, QUERY), CostReport.class)).contains(report(1));
  }

  @Test
  public void evictAccountLeavesTheSameAccountOfAnotherStore() {
    AccountId id = Fixtures.randomAccountId();
    cache().put(new CacheKey(STORE, id, 1, QUERY), report(1), Duration.ofMinutes(5));
    cache().put(new CacheKey(OTHER_STORE, id, 1, QUERY), report(1), null);
    cache().evictAccount(STORE, id);
    assertThat(cache().get(new CacheKey(STORE, id, 1, QUERY), CostReport.class)).isEmpty();
    assertThat(cache().get(new CacheKey(OTHER_STORE, id, 1, QUERY), CostReport.class))
        .contains(report(1));
  }
}
