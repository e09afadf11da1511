package app.cloudey.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.spi.CacheKey;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.store.postgres.StoreFixtures;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.RecordingListener;
import app.cloudey.testkit.junit.PostgresExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Redis cache under faults, end to end through Cloudey's query path with the PostgreSQL store:
 * Redis stopped or flushed mid-run never changes an answer, the cache comes back by itself, and
 * with Redis up repeated queries hit it.
 */
class RedisOutageIT {
  private static final String STORE = "store-1";

  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final Duration FAST = Duration.ofMillis(200);

  /** Ten distinct queries over the fixture month. */
  private static List<CostQuery> queries() {
    List<CostQuery> queries = new ArrayList<>();
    CostQuery october = CostQuery.of(Fixtures.COST_PERIOD);
    for (CostDimension d : CostDimension.values()) {
      queries.add(october.groupBy(d));
    }
    queries.add(october);
    queries.add(october.services("COMPUTE").groupBy(CostDimension.DAY));
    queries.add(october.groupBy(CostDimension.SERVICE, CostDimension.REGION).top(2));
    return queries;
  }

  private static RedisCache cache(String uri) {
    return RedisCache.create(
        uri,
        RedisCache.Options.ofDefaults()
            .withCommandTimeout(FAST)
            .withConnectTimeout(FAST)
            .withReconnectBackoff(FAST));
  }

  @Test
  void answersStayRightWhileRedisIsStoppedRestartedAndFlushedMidRun() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (StoppableRedis redis = new StoppableRedis().start();
        PostgresStore store = StoreFixtures.store(PG);
        RedisCache cache = cache(redis.uri());
        Cloudey cloudey =
            Cloudey.builder()
                .store(store)
                .cache(cache)
                .listener(listener)
                .clock(MutableClock.at("2026-11-26T10:00:00Z"))
                .build()) {
      AccountId id = StoreFixtures.accountWithOctober(store);
      List<CostQuery> queries = queries();
      List<CostReport> expected = new ArrayList<>();
      for (CostQuery q : queries) {
        expected.add(cloudey.account(id).costs().query(q));
      }
      int errorsBefore = listener.cacheErrors();
      for (int round = 0; round < 20; round++) {
        if (round == 5) {
          redis.stop();
        } else if (round == 10) {
          redis.start();
        } else if (round == 15) {
          flushAll(redis.uri());
        }
        for (int i = 0; i < queries.size(); i++) {
          long start = System.nanoTime();
          CostReport report = cloudey.account(id).costs().query(queries.get(i));
          assertThat(report.rows())
              .as("round %d query %d", round, i)
              .isEqualTo(expected.get(i).rows());
          assertThat(report.totals()).isEqualTo(expected.get(i).totals());
          // a dead Redis costs at most a timeout per call, never a hang
          assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
      }
      // the outage was seen and reported, not hidden
      assertThat(listener.cacheErrors()).isGreaterThan(errorsBefore);
      // after the restart and the flush, the cache works again without a new client
      int hitsBefore = listener.cacheHits();
      for (CostQuery q : queries) {
        cloudey.account(id).costs().query(q);
      }
      assertThat(listener.cacheHits() - hitsBefore).isEqualTo(queries.size());
    }
  }

  @Test
  void repeatedQueriesHitTheCacheAtLeastNinetyPercentOfTheTime() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (StoppableRedis redis = new StoppableRedis().start();
        PostgresStore store = StoreFixtures.store(PG);
        RedisCache cache = cache(redis.uri());
        Cloudey cloudey = Cloudey.builder().store(store).cache(cache).listener(listener).build()) {
      AccountId id = StoreFixtures.accountWithOctober(store);
      List<CostQuery> queries = queries();
      for (int round = 0; round < 20; round++) {
        for (CostQuery q : queries) {
          cloudey.account(id).costs().query(q);
        }
      }
      // 10 queries x 20 rounds = 200 reads: the first of each misses, 190 hit = 95 %
      assertThat(listener.cacheMisses()).isEqualTo(queries.size());
      assertThat(listener.cacheHits()).isEqualTo(19 * queries.size());
      double hitRate =
          listener.cacheHits() / (double) (listener.cacheHits() + listener.cacheMisses());
      assertThat(hitRate).isGreaterThanOrEqualTo(0.9);
      assertThat(listener.cacheErrors()).isZero();
    }
  }

  @Test
  void aRedisDownAtStartIsUsedOnceItComesUpWithoutRestartingTheClient() throws Exception {
    try (StoppableRedis redis = new StoppableRedis();
        RedisCache cache = cache(redis.uri())) {
      CacheKey key = new CacheKey(STORE, Fixtures.randomAccountId(), 1, "q");
      long start = System.nanoTime();
      assertThatThrownBy(() -> cache.get(key, String.class)).isInstanceOf(CloudeyException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      redis.start();
      Thread.sleep(FAST.toMillis() + 50);
      cache.put(key, "value", Duration.ofMinutes(1));
      assertThat(cache.get(key, String.class)).contains("value");
    }
  }

  @Test
  void keysFollowTheSchemeTtlsAreSetAndEvictionScansOnlyOneAccountOfOneStore() throws Exception {
    try (StoppableRedis redis = new StoppableRedis().start();
        RedisCache cache = cache(redis.uri());
        RedisClient client = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> raw = client.connect()) {
      AccountId a = Fixtures.randomAccountId();
      AccountId b = Fixtures.randomAccountId();
      CacheKey key = new CacheKey(STORE, a, 42, "costs:q");
      assertThat(cache.redisKey(key)).matches("cloudey:v1:" + STORE + ":" + a + ":42:[0-9a-f]{64}");
      cache.put(key, "v", Duration.ofSeconds(30));
      long pttl = raw.sync().pttl(cache.redisKey(key));
      assertThat(pttl).isBetween(1L, 30_000L);
      cache.put(new CacheKey(STORE, a, 42, "closed"), "v", null);
      // closed months get the max TTL (7 days by default), never "no expiry"
      assertThat(raw.sync().pttl(cache.redisKey(new CacheKey(STORE, a, 42, "closed"))))
          .isBetween(1L, RedisCache.Options.DEFAULT_MAX_TTL.toMillis());
      // more keys than one SCAN step returns (500), over several versions
      for (int i = 0; i < 1_200; i++) {
        cache.put(new CacheKey(STORE, a, i % 3, "q" + i), "v", null);
        if (i < 10) {
          cache.put(new CacheKey(STORE, b, 1, "q" + i), "v", null);
          // the same account in another store sharing this Redis
          cache.put(new CacheKey("store-2", a, 1, "q" + i), "v", null);
        }
      }
      cache.evictAccount(STORE, a);
      assertThat(raw.sync().keys("cloudey:v1:" + STORE + ":" + a + ":*")).isEmpty();
      assertThat(raw.sync().keys("cloudey:v1:" + STORE + ":" + b + ":*")).hasSize(10);
      assertThat(raw.sync().keys("cloudey:v1:store-2:" + a + ":*")).hasSize(10);
    }
  }

  private static void flushAll(String uri) {
    RedisClient client = RedisClient.create(uri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      c.sync().flushall();
    } finally {
      client.shutdown();
    }
  }
}
