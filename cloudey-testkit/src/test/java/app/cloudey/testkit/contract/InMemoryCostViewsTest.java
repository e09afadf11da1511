package app.cloudey.testkit.contract;

import app.cloudey.memory.InMemoryStore;
import app.cloudey.spi.CloudeyStore;

/** The golden cost views on {@link InMemoryStore}. */
class InMemoryCostViewsTest extends CostViewsContract {
  @Override
  protected CloudeyStore createStore() {
    return InMemoryStore.create();
  }
}
