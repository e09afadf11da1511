package app.cloudey.store.postgres;

import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.contract.JobCancellationContract;
import app.cloudey.testkit.junit.PostgresExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Job cancellation against PostgreSQL; each Cloudey of a test has its own store on one database.
 */
class PostgresJobCancellationIT extends JobCancellationContract {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Override
  protected CloudeyStore createStore() {
    return TestDatabase.of(PG).store();
  }
}
