package app.cloudey.testkit.contract;

import app.cloudey.memory.InMemoryCache;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.testkit.MutableClock;
import java.time.Duration;

/** {@link InMemoryCache} honours the {@link CloudeyCacheContract}, its TTLs on a moved clock. */
class InMemoryCacheTest extends CloudeyCacheContract {
  private final MutableClock clock = MutableClock.at("2026-11-26T09:00:00Z");

  @Override
  protected CloudeyCache createCache() {
    return InMemoryCache.create(1_000, clock);
  }

  @Override
  protected void advance(Duration amount) {
    clock.advance(amount);
  }
}
