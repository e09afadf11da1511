package app.cloudey.testkit.contract;

import app.cloudey.memory.InMemoryStore;
import app.cloudey.spi.CloudeyStore;

/** Job cancellation on {@link InMemoryStore}; each Cloudey of a test shares one store. */
class InMemoryJobCancellationTest extends JobCancellationContract {
  private final InMemoryStore shared = InMemoryStore.create();

  @Override
  protected CloudeyStore createStore() {
    return shared;
  }
}
