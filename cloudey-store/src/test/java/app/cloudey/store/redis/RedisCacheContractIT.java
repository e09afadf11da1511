package app.cloudey.store.redis;

import app.cloudey.spi.CloudeyCache;
import app.cloudey.testkit.contract.CloudeyCacheContract;
import app.cloudey.testkit.junit.RedisExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisCacheContractIT extends CloudeyCacheContract {
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.create();

  @Override
  protected CloudeyCache createCache() {
    return RedisCache.create(REDIS.info().uri());
  }
}
