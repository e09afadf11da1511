package app.cloudey.memory;

import static app.cloudey.memory.Data.ACME;
import static app.cloudey.memory.Data.GLOBEX;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.Money;
import app.cloudey.spi.CacheKey;
import app.cloudey.testing.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryCacheTest {
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final String STORE = "store-1";

  private final TestClock clock = TestClock.at("2026-11-26T10:00:00Z");
  private final InMemoryCache cache = InMemoryCache.create(3, clock);

  private static CacheKey key(String query) {
    return new CacheKey(STORE, ACME, 1, query);
  }

  @Test
  void returnsWhatWasPutAndCountsHitsAndMisses() {
    Money value = Money.of("12.5", "USD");
    assertThat(cache.get(key("q"), Money.class)).isEmpty();
    cache.put(key("q"), value, TEN_SECONDS);
    assertThat(cache.get(key("q"), Money.class)).containsSame(value);
    assertThat(cache.get(key("q"), Money.class)).containsSame(value);
    // a newer data version is another key: old results are unreachable
    assertThat(cache.get(new CacheKey(STORE, ACME, 2, "q"), Money.class)).isEmpty();
    assertThat(cache.stats()).isEqualTo(new InMemoryCache.Stats(2, 2, 0, 1));
    assertThat(cache.stats().hitRate()).isEqualTo(0.5);
    assertThat(new InMemoryCache.Stats(0, 0, 0, 0).hitRate()).isZero();
  }

  @Test
  void aValueOfAnotherTypeIsAMiss() {
    cache.put(key("q"), "text", null);
    assertThat(cache.get(key("q"), Money.class)).isEmpty();
    assertThat(cache.get(key("q"), CharSequence.class)).contains("text");
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void entriesExpireAfterTheirTtlOnTheInjectedClock() {
    cache.put(key("q"), "v", TEN_SECONDS);
    clock.advance(Duration.ofSeconds(9));
    assertThat(cache.get(key("q"), String.class)).contains("v");
    clock.advance(Duration.ofSeconds(1)); // exactly 10 s: expired
    assertThat(cache.get(key("q"), String.class)).isEmpty();
    assertThat(cache.stats().size()).isZero(); // dropped when read
  }

  @Test
  void entriesWithoutTtlNeverExpire() {
    cache.put(key("closed-month"), "v", null);
    clock.advance(Duration.ofDays(3650));
    assertThat(cache.get(key("closed-month"), String.class)).contains("v");
    cache.put(key("huge-ttl"), "v", Duration.ofSeconds(Long.MAX_VALUE)); // past Instant.MAX
    assertThat(cache.get(key("huge-ttl"), String.class)).contains("v");
  }

  @Test
  void aZeroOrNegativeTtlStoresNothingAndDropsTheOldValue() {
    cache.put(key("q"), "old", TEN_SECONDS);
    cache.put(key("q"), "new", Duration.ZERO);
    assertThat(cache.get(key("q"), String.class)).isEmpty();
    cache.put(key("q"), "new", Duration.ofSeconds(-1));
    assertThat(cache.get(key("q"), String.class)).isEmpty();
  }

  @Test
  void evictsTheLeastRecentlyUsedEntryBeyondTheBound() {
    cache.put(key("a"), "a", null);
    cache.put(key("b"), "b", null);
    cache.put(key("c"), "c", null);
    cache.get(key("a"), String.class); // a is now the most recently used; b the least
    cache.put(key("d"), "d", null);
    assertThat(cache.get(key("b"), String.class)).isEmpty();
    assertThat(cache.get(key("a"), String.class)).contains("a");
    assertThat(cache.get(key("c"), String.class)).contains("c");
    assertThat(cache.get(key("d"), String.class)).contains("d");
    assertThat(cache.stats().evictions()).isEqualTo(1);
    assertThat(cache.stats().size()).isEqualTo(3);
  }

  @Test
  void expiredEntriesGoBeforeLiveOnes() {
    cache.put(key("short"), "s", Duration.ofSeconds(1));
    cache.put(key("b"), "b", null);
    cache.put(key("c"), "c", null);
    cache.get(key("short"), String.class); // most recently used, but about to expire
    clock.advance(Duration.ofSeconds(2));
    cache.put(key("d"), "d", null);
    assertThat(cache.stats().evictions()).isZero(); // room came from the expired entry
    assertThat(cache.get(key("b"), String.class)).contains("b");
  }

  @Test
  void evictsOneAccountOfOneStoreOnly() {
    cache.put(key("q1"), "acme1", null);
    cache.put(new CacheKey(STORE, ACME, 7, "q2"), "acme2", null);
    cache.put(new CacheKey(STORE, GLOBEX, 1, "q1"), "globex", null);
    cache.evictAccount(STORE, ACME);
    assertThat(cache.get(key("q1"), String.class)).isEmpty();
    assertThat(cache.get(new CacheKey(STORE, ACME, 7, "q2"), String.class)).isEmpty();
    assertThat(cache.get(new CacheKey(STORE, GLOBEX, 1, "q1"), String.class)).contains("globex");
  }

  @Test
  void theSameAccountInAnotherStoreIsAnotherEntryAndSurvivesEviction() {
    cache.put(key("q"), "ours", null);
    cache.put(new CacheKey("other-store", ACME, 1, "q"), "theirs", null);
    assertThat(cache.get(key("q"), String.class)).contains("ours");
    cache.evictAccount(STORE, ACME);
    assertThat(cache.get(key("q"), String.class)).isEmpty();
    assertThat(cache.get(new CacheKey("other-store", ACME, 1, "q"), String.class))
        .contains("theirs");
  }

  @Test
  void closeEmptiesTheCache() {
    cache.put(key("q"), "v", null);
    cache.close();
    assertThat(cache.stats().size()).isZero();
    assertThat(InMemoryCache.create().toString()).contains("maxEntries=10000");
  }

  @Test
  void refusesBadArguments() {
    refused(
        () -> InMemoryCache.create(0, Clock.systemUTC()), "maxEntries must be at least 1, was 0");
    refused(() -> InMemoryCache.create(10, null), "clock must not be null");
    refused(() -> cache.put(key("q"), null, null), "value must not be null");
    refused(() -> cache.put(null, "v", null), "key must not be null");
    refused(() -> cache.get(key("q"), null), "type must not be null");
    refused(() -> cache.evictAccount(STORE, null), "accountId must not be null");
    refused(() -> cache.evictAccount(null, ACME), "storeId must not be null");
  }

  @Test
  void staysBoundedUnderConcurrentUse() throws Exception {
    InMemoryCache shared = InMemoryCache.create(100, clock);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Void>> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        workers.add(
            CompletableFuture.runAsync(
                () -> {
                  for (int i = 0; i < 20_000; i++) {
                    CacheKey k = key("q" + (i * 7 + thread) % 300);
                    if (shared.get(k, String.class).isEmpty()) {
                      shared.put(k, "v" + i, TEN_SECONDS);
                    }
                  }
                },
                pool));
      }
      CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    InMemoryCache.Stats stats = shared.stats();
    assertThat(stats.size()).isLessThanOrEqualTo(100);
    assertThat(stats.hits() + stats.misses()).isEqualTo(80_000);
  }
}
