package app.cloudey.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.spi.CacheKey;
import app.cloudey.testkit.Fixtures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** TTL capping and corrupt-value handling of the Redis cache, checked against a real Redis. */
class RedisCacheIT {
  private static final String STORE = "store-1";

  @Test
  void entriesWithoutTtlExpireAfterMaxTtlAndLongerTtlsAreCapped() throws Exception {
    Duration maxTtl = Duration.ofMinutes(10);
    try (StoppableRedis redis = new StoppableRedis().start();
        RedisCache cache =
            RedisCache.create(redis.uri(), RedisCache.Options.ofDefaults().withMaxTtl(maxTtl));
        RedisClient client = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> raw = client.connect()) {
      CacheKey closed = new CacheKey(STORE, Fixtures.randomAccountId(), 1, "closed");
      CacheKey tooLong = new CacheKey(STORE, Fixtures.randomAccountId(), 1, "long");
      CacheKey shortTtl = new CacheKey(STORE, Fixtures.randomAccountId(), 1, "short");
      cache.put(closed, "v", null);
      cache.put(tooLong, "v", Duration.ofDays(30));
      cache.put(shortTtl, "v", Duration.ofSeconds(30));
      // no entry is ever stored without expiry (PTTL -1): that would orphan it forever
      assertThat(raw.sync().pttl(cache.redisKey(closed)))
          .isBetween(maxTtl.toMillis() - 5_000, maxTtl.toMillis());
      assertThat(raw.sync().pttl(cache.redisKey(tooLong)))
          .isBetween(maxTtl.toMillis() - 5_000, maxTtl.toMillis());
      assertThat(raw.sync().pttl(cache.redisKey(shortTtl))).isBetween(1L, 30_000L);
      assertThat(cache.get(closed, String.class)).contains("v");
    }
  }

  @Test
  void theDefaultMaxTtlIsSevenDaysAndMustBePositive() {
    assertThat(RedisCache.Options.ofDefaults().maxTtl()).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> RedisCache.Options.ofDefaults().withMaxTtl(Duration.ZERO))
        .isInstanceOf(CloudeyException.class)
        .hasMessageContaining("maxTtl");
    assertThatThrownBy(() -> RedisCache.Options.ofDefaults().withMaxTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(CloudeyException.class)
        .hasMessageContaining("maxTtl");
  }

  @Test
  void aCorruptValueIsDeletedSoTheNextQueryCanRewriteIt() throws Exception {
    try (StoppableRedis redis = new StoppableRedis().start();
        RedisCache cache = RedisCache.create(redis.uri());
        RedisClient client = RedisClient.create(redis.uri());
        StatefulRedisConnection<String, String> raw = client.connect()) {
      for (String garbage : new String[] {"{not json", "{\"x\":1}"}) {
        CacheKey key = new CacheKey(STORE, Fixtures.randomAccountId(), 3, "costs:q");
        raw.sync().set(cache.redisKey(key), garbage);
        assertThatThrownBy(() -> cache.get(key, String.class)).isInstanceOf(CloudeyException.class);
        assertThat(raw.sync().exists(cache.redisKey(key))).isZero();
        // the next read misses instead of failing again, and a rewrite works
        assertThat(cache.get(key, String.class)).isEmpty();
        cache.put(key, "fresh", Duration.ofMinutes(1));
        assertThat(cache.get(key, String.class)).contains("fresh");
      }
    }
  }
}
