package app.cloudey.bench.store;

import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

/**
 * The PostgreSQL a benchmark runs against: the JDBC URL in {@code CLOUDEY_BENCH_PG_URL}, or an
 * embedded server (zonky) started for the run. Each run uses a fresh schema, dropped at the end.
 */
public final class BenchDatabase implements AutoCloseable {
  public final String jdbcUrl;
  public final String schema;
  private final EmbeddedPostgres embedded;
  private boolean keep;

  private BenchDatabase(String jdbcUrl, String schema, EmbeddedPostgres embedded) {
    this.jdbcUrl = jdbcUrl;
    this.schema = schema;
    this.embedded = embedded;
  }

  /**
   * Like {@link #start} but keeps the schema (at start and at close) when {@code
   * CLOUDEY_BENCH_PG_URL} names a running server, so a loaded database is reused between runs.
   */
  public static BenchDatabase reuse(String schema) throws IOException, SQLException {
    String url = System.getenv("CLOUDEY_BENCH_PG_URL");
    if (url == null || url.isBlank()) {
      return start(schema);
    }
    BenchDatabase db = new BenchDatabase(url, schema, null);
    db.keep = true;
    return db;
  }

  public static BenchDatabase start(String schema) throws IOException, SQLException {
    String url = System.getenv("CLOUDEY_BENCH_PG_URL");
    EmbeddedPostgres embedded = null;
    if (url == null || url.isBlank()) {
      embedded = EmbeddedPostgres.builder().start();
      url = embedded.getJdbcUrl("postgres", "postgres");
    }
    BenchDatabase db = new BenchDatabase(url, schema, embedded);
    db.execute("drop schema if exists " + schema + " cascade");
    return db;
  }

  /**
   * A {@link PostgresStore} on this database's schema (migrated by its build), with an all-zero
   * credential key: benchmark accounts hold no real credentials.
   */
  public PostgresStore store() {
    return PostgresStore.builder()
        .jdbcUrl(jdbcUrl, null, null)
        .credentialKeys(
            CredentialKeys.of("bench", Base64.getEncoder().encodeToString(new byte[32])))
        .options(PostgresStore.Options.ofDefaults().withSchema(schema))
        .build();
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }

  public void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /**
   * {@code VACUUM (ANALYZE)} of every table of the schema, as autovacuum would have done on a
   * production server by the time the data is read: planner statistics (without them a 20,000-row
   * grouping was planned as one row and sorted) and the visibility map. Autovacuum is off on the
   * machines these benchmarks run on, so nothing else does it. Quick when nothing changed.
   */
  public void vacuumAnalyze() throws SQLException {
    java.util.List<String> tables = new java.util.ArrayList<>();
    try (Connection c = connect();
        java.sql.PreparedStatement list =
            c.prepareStatement(
                "select table_name from information_schema.tables where table_schema = ? and"
                    + " table_type = 'BASE TABLE' order by 1")) {
      list.setString(1, schema);
      try (java.sql.ResultSet rs = list.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      try (Statement s = c.createStatement()) {
        for (String table : tables) {
          s.execute("vacuum (analyze) " + schema + "." + table);
        }
      }
    }
  }

  public String describe() {
    return embedded == null ? "PostgreSQL at CLOUDEY_BENCH_PG_URL" : "embedded PostgreSQL (zonky)";
  }

  @Override
  public void close() throws Exception {
    try {
      if (!keep) {
        execute("drop schema if exists " + schema + " cascade");
      }
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
