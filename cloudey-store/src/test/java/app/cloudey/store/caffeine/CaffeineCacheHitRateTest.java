package app.cloudey.store.caffeine;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.RecordingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process cache behind Cloudey's query path: repeated queries hit it. */
class CaffeineCacheHitRateTest {
  @Test
  void repeatedQueriesHitTheCacheAtLeastNinetyPercentOfTheTime() {
    MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
    RecordingListener listener = new RecordingListener();
    try (InMemoryStore store = InMemoryStore.create(clock);
        CaffeineCache cache = CaffeineCache.create(1_000, clock);
        Cloudey cloudey =
            Cloudey.builder().store(store).cache(cache).listener(listener).clock(clock).build()) {
      AccountId id = Fixtures.randomAccountId();
      store.accounts().add(Fixtures.account(id), Fixtures.credentials());
      store.costs().replaceCostLines(id, Fixtures.COST_PERIOD, Fixtures.costLines(id).stream());
      List<CostQuery> queries = new ArrayList<>();
      for (CostDimension d : CostDimension.values()) {
        queries.add(CostQuery.of(Fixtures.COST_PERIOD).groupBy(d));
      }
      queries.add(CostQuery.of(Fixtures.COST_PERIOD));
      for (int round = 0; round < 20; round++) {
        for (CostQuery q : queries) {
          cloudey.account(id).costs().query(q);
        }
      }
      // 9 queries (8 dimensions and the total) x 20 rounds = 180 reads; the first of each misses:
      // 171 hits = 95 %
      assertThat(queries).hasSize(9);
      assertThat(listener.cacheMisses()).isEqualTo(9);
      assertThat(listener.cacheHits()).isEqualTo(171);
      assertThat(listener.cacheErrors()).isZero();
    }
  }
}
