package app.cloudey.testkit.contract;

import app.cloudey.memory.InMemoryStore;
import app.cloudey.spi.CloudeyStore;

/** {@link InMemoryStore} honours the {@link ConversationStoreContract}. */
class InMemoryConversationStoreTest extends ConversationStoreContract {
  @Override
  protected CloudeyStore createStore() {
    return InMemoryStore.create();
  }
}
