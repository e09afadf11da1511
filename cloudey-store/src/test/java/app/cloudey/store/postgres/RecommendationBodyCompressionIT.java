package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V18, then V21 for the parts a body is stored in now: a run's body is compressed with lz4 where
 * the server is built with it, and keeps the default (pglz) where it is not, with the migrations
 * succeeding on both. Which branch runs depends on the server: the embedded PostgreSQL of the tests
 * has no lz4, Debian's has.
 */
class RecommendationBodyCompressionIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Test
  void theBodyIsCompressedWithLz4WhereTheServerHasIt() throws SQLException {
    TestDatabase.of(PG).store().close(); // runs the migrations
    boolean lz4 = hasLz4();
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select attcompression from pg_attribute where attrelid ="
                    + " 'cloudey.recommendation_run_part'::regclass and attname = 'bytes'")) {
      assertThat(rs.next()).isTrue();
      // 'l' for lz4; the default is the "char" zero, which reads as an empty string
      assertThat(rs.getString(1)).isEqualTo(lz4 ? "l" : "");
    }
  }

  /**
   * Whether the server accepts lz4 as a column's compression (SQLSTATE 0A000 if not built in, on
   * which the pool discards the connection: hence one of its own).
   */
  private static boolean hasLz4() throws SQLException {
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create temp table lz4_probe (t text compression lz4) on commit drop");
      return true;
    } catch (SQLException e) {
      if ("0A000".equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }
}
