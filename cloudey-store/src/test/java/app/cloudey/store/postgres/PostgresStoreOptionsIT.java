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
