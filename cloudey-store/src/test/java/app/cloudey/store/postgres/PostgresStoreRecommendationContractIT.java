package app.cloudey.store.postgres;

import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.contract.RecommendationStoreContract;
import app.cloudey.testkit.junit.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreRecommendationContractIT extends RecommendationStoreContract {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Override
  protected CloudeyStore createStore() {
    return TestDatabase.of(PG).store();
  }
}
