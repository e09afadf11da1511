package app.cloudey.store.postgres;

import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.contract.ConversationStoreContract;
import app.cloudey.testkit.junit.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreConversationContractIT extends ConversationStoreContract {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Override
  protected CloudeyStore createStore() {
    return TestDatabase.of(PG).store();
  }
}
