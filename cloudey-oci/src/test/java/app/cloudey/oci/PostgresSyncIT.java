package app.cloudey.oci;

import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.testkit.junit.PostgresExtension;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sync ITs on the PostgreSQL store (embedded server, or {@code CLOUDEY_TEST_PG_URL}): another
 * seed and size, 2 regions, 10 compartments up to 4 deep, page size 7, GBP.
 */
class PostgresSyncIT extends AbstractOciSyncIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(8)
              .regions(2)
              .compartments(10)
              .compartmentDepth(4)
              .instances(40)
              .days(20)
              .pageSize(7)
              .usagePageSize(300)
              .currency("GBP")
              .now(LocalDate.of(2026, 11, 20)));

  private static PostgresStore store;

  /** One store for the class: each test re-syncs the same tenancy, so earlier data is harmless. */
  @Override
  protected CloudeyStore store() {
    if (store == null) {
      // a test-only AES-256 key (32 zero bytes): the store encrypts the private key at rest
      store =
          PostgresStore.create(
              PG.dataSource(),
              CredentialKeys.of(
                  "test", java.util.Base64.getEncoder().encodeToString(new byte[32])));
    }
    return store;
  }

  @AfterAll
  static void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  @Override
  protected OciSimulator simulator() {
    return SIM.simulator();
  }
}
