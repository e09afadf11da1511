package app.cloudey.testkit.contract;

import app.cloudey.memory.InMemoryStore;
import app.cloudey.spi.CloudeyStore;

/** {@link InMemoryStore} honours the {@link CostStoreContract}. */
class InMemoryCostStoreTest extends CostStoreContract {
  @Override
  protected CloudeyStore createStore() {
    return InMemoryStore.create();
  }
}
