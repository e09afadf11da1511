package app.cloudey.store.postgres;

import app.cloudey.testkit.junit.PostgresDatabase;
import app.cloudey.testkit.junit.PostgresExtension;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The database of a test class, from the test kit's {@link PostgresExtension} (embedded by default,
 * {@code CLOUDEY_TEST_PG_URL} when set), with a small pool over it so tests that open many
 * connections stay fast, and stores that run the migrations only once per database.
 */
final class TestDatabase {
  /** A fixed test key (base64 of bytes 0..31); never use a key like this outside tests. */
  static final String KEY_1 = key(0);

  /** A second test key (bytes 100..131), for rotation. */
  static final String KEY_2 = key(100);

  private static final Map<String, TestDatabase> BY_NAME = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> BY_NAME.values().forEach(db -> db.pool.close()), "test-pools"));
  }

  private final PostgresDatabase database;
  private final HikariDataSource pool;
  private boolean migrated;

  private TestDatabase(PostgresDatabase database) {
    this.database = database;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(database.user());
    config.setPassword(database.password());
    config.setMaximumPoolSize(8);
    // no idle connections to refill once the extension drops the database after the class
    config.setMinimumIdle(0);
    config.setPoolName("test-" + database.name());
    this.pool = new HikariDataSource(config);
  }

  /** The pooled database of the class that registered {@code pg}. */
  static TestDatabase of(PostgresExtension pg) {
    PostgresDatabase db = pg.database();
    return BY_NAME.computeIfAbsent(db.name(), name -> new TestDatabase(db));
  }

  DataSource dataSource() {
    return pool;
  }

  String jdbcUrl() {
    return database.jdbcUrl();
  }

  static CredentialKeys keys() {
    return CredentialKeys.of("k1", KEY_1);
  }

  /**
   * Migrates the empty database only up to version {@code target}, as an older release left it, so
   * a test can write old rows before a store runs the later migrations.
   */
  void migrateTo(String target) {
    migrateTo("cloudey", target);
  }

  /** {@link #migrateTo(String)} into {@code schema}. */
  void migrateTo(String schema, String target) {
    org.flywaydb.core.Flyway.configure(PostgresStore.class.getClassLoader())
        .dataSource(pool)
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .table("cloudey_schema_history")
        .locations("classpath:db/cloudey/migration")
        .target(target)
        .load()
        .migrate();
  }

  /** A store with the test key; only the first one of the database runs the migrations. */
  synchronized PostgresStore store() {
    return builder().build();
  }

  synchronized PostgresStore.Builder builder() {
    PostgresStore.Builder builder =
        PostgresStore.builder()
            .dataSource(pool)
            .credentialKeys(keys())
            .options(PostgresStore.Options.ofDefaults().withMigrate(!migrated));
    if (!migrated) {
      builder.build();
      migrated = true;
      builder.options(PostgresStore.Options.ofDefaults().withMigrate(false));
    }
    return builder;
  }

  private static String key(int first) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (first + i);
    }
    return Base64.getEncoder().encodeToString(key);
  }
}
