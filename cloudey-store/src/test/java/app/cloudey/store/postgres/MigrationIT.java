package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A schema written by an earlier release migrates to the current one with its data intact. */
class MigrationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Test
  void anAccountsSingleVersionCarriesOverToEveryKindAndTheSequenceGoesOn() throws Exception {
    String schema = "cloudey_v1";
    TestDatabase.of(PG).migrateTo(schema, "1");
    AccountId id = Fixtures.randomAccountId();
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      // what release 1 wrote: one version per account, drawn from the sequence
      s.execute(
          "insert into cloudey_v1.account_state (account_id, data_version) values ('"
              + id
              + "', nextval('cloudey_v1.data_version_seq'))");
    }
    try (PostgresStore store =
        PostgresStore.builder()
            .dataSource(TestDatabase.of(PG).dataSource())
            .options(PostgresStore.Options.ofDefaults().withSchema(schema))
            .build()) {
      for (DataKind kind : DataKind.values()) {
        assertThat(store.dataVersion(id, kind)).as("%s", kind).isEqualTo(1);
      }
      assertThat(store.storeId()).hasSize(36);
      store.costs().replaceCostLines(id, Fixtures.COST_PERIOD, Fixtures.costLines(id).stream());
      assertThat(store.dataVersion(id, DataKind.COSTS)).isEqualTo(2);
      assertThat(store.dataVersion(id, DataKind.INVENTORY)).isEqualTo(1);
    }
  }
}
