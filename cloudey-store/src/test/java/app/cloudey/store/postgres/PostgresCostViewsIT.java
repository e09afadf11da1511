package app.cloudey.store.postgres;

import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.contract.CostViewsContract;
import app.cloudey.testkit.junit.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The golden cost views on {@link PostgresStore}: the same figures as in memory. */
class PostgresCostViewsIT extends CostViewsContract {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Override
  protected CloudeyStore createStore() {
    return TestDatabase.of(PG).store();
  }
}
