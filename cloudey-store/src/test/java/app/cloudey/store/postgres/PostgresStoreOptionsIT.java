package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Options are checked before the store touches the database. */
class PostgresStoreOptionsIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Test
  void aBadSchemaNameFailsBeforeFlywayCreatesAnything() throws SQLException {
    for (String bad : new String[] {"Tenant_A", "bad-name", "1st", "a b", ""}) {
      assertThatThrownBy(
              () ->
                  PostgresStore.builder()
                      .dataSource(TestDatabase.of(PG).dataSource())
                      .credentialKeys(TestDatabase.keys())
                      .options(PostgresStore.Options.ofDefaults().withSchema(bad))
                      .build())
          .as(bad)
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("schema '" + bad + "' is invalid");
      assertThat(schemaExists(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> PostgresStore.Options.ofDefaults().withSchema("x".repeat(64)))
        .isInstanceOf(CloudeyConfigException.class);
    assertThat(PostgresStore.Options.ofDefaults().withSchema("tenant_a").schema())
        .isEqualTo("tenant_a");
  }

  @Test
  void aStoreBuiltFromAUrlPreparesStatementsOnTheServerFromTheirFirstUse() {
    // a view's reads spread over the pool's connections: with pgjdbc's default (the fifth use on
    // a connection) most were parsed again on every run
    String url = PG.database().jdbcUrl();
    assertThat(prepareThreshold(url)).isEqualTo(1);
    String own = url + (url.contains("?") ? "&" : "?") + "prepareThreshold=3";
    assertThat(prepareThreshold(own)).as("the URL's own setting wins").isEqualTo(3);
  }

  /** The prepareThreshold of the connections of a store built from {@code url}. */
  private static int prepareThreshold(String url) {
    java.util.concurrent.atomic.AtomicInteger threshold =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    try (PostgresStore store =
        PostgresStore.builder()
            .jdbcUrl(url, PG.database().user(), PG.database().password())
            .statementHook(
                (sql, connection) ->
                    threshold.set(
                        connection.unwrap(org.postgresql.PGConnection.class).getPrepareThreshold()))
            .build()) {
      store.dataVersion(app.cloudey.model.AccountId.of("a"), app.cloudey.model.DataKind.COSTS);
    }
    return threshold.get();
  }

  private static boolean schemaExists(String name) throws SQLException {
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select count(*) from information_schema.schemata where schema_name = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1) > 0;
      }
    }
  }
}
