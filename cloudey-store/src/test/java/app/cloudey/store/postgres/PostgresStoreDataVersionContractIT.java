package app.cloudey.store.postgres;

import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.contract.DataVersionContract;
import app.cloudey.testkit.junit.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreDataVersionContractIT extends DataVersionContract {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Override
  protected CloudeyStore createStore() {
    return TestDatabase.of(PG).store();
  }
}
