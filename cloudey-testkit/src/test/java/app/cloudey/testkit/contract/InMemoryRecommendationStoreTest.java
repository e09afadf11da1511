package app.cloudey.testkit.contract;

import app.cloudey.memory.InMemoryStore;
import app.cloudey.spi.CloudeyStore;

/** {@link InMemoryStore} honours the {@link RecommendationStoreContract}. */
class InMemoryRecommendationStoreTest extends RecommendationStoreContract {
  @Override
  protected CloudeyStore createStore() {
    return InMemoryStore.create();
  }
}
