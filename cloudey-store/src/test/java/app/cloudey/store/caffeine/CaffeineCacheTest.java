package app.cloudey.store.caffeine;

import app.cloudey.spi.CloudeyCache;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.contract.CloudeyCacheContract;
import java.time.Duration;

class CaffeineCacheTest extends CloudeyCacheContract {
  private final MutableClock clock = MutableClock.at("2026-11-26T00:00:00Z");

  @Override
  protected CloudeyCache createCache() {
    return CaffeineCache.create(1_000, clock);
  }

  @Override
  protected void advance(Duration amount) {
    clock.advance(amount);
  }
}
