package app.cloudey.store.postgres;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyStoreException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.spi.AccountStore;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.ConversationStore;
import app.cloudey.spi.CostStore;
import app.cloudey.spi.InventoryStore;
import app.cloudey.spi.JobStore;
import app.cloudey.spi.MetricStore;
import app.cloudey.spi.RecommendationStore;
import app.cloudey.spi.SyncRunStore;
import app.cloudey.store.postgres.internal.AccountLocks;
import app.cloudey.store.postgres.internal.CredentialCipher;
import app.cloudey.store.postgres.internal.Db;
import app.cloudey.store.postgres.internal.PgAccountStore;
import app.cloudey.store.postgres.internal.PgConversationStore;
import app.cloudey.store.postgres.internal.PgCostStore;
import app.cloudey.store.postgres.internal.PgInventoryStore;
import app.cloudey.store.postgres.internal.PgJobStore;
import app.cloudey.store.postgres.internal.PgMetricStore;
import app.cloudey.store.postgres.internal.PgRecommendationStore;
import app.cloudey.store.postgres.internal.PgSyncRunStore;
import app.cloudey.store.postgres.internal.StatementHook;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL {@link CloudeyStore}: accounts with encrypted credentials, inventory, cost lines
 * with month close and rollups, daily metrics, sync runs and assistant conversations, all in the
 * schema {@code cloudey} (created and migrated by Flyway with its own history table, so a host
 * application's Flyway never collides). Every row carries its account id and every statement
 * filters by it.
 *
 * <pre>{@code
 * PostgresStore store = PostgresStore.builder()
 *     .dataSource(dataSource)                                   // the host's pool; not closed by us
 *     .credentialKeys(CredentialKeys.of("k1", base64Key))       // no default key
 *     .build();
 * // or: PostgresStore.builder().jdbcUrl("jdbc:postgresql://localhost/app", "user", "pw").build()
 * }</pre>
 *
 * <p>Account locks ({@link #lock}) are PostgreSQL session advisory locks, all held on one
 * connection borrowed from the pool while any lock is held or awaited, however many accounts are
 * locked; if that session ends, its locks are lost ({@link CloudeyStore.AccountLock#isHeld()} turns
 * false and {@link CloudeyStore.AccountLock#close()} throws) and the next lock opens a new one.
 *
 * <p>Thread-safe; share one instance. {@link #close()} closes the pool only when the store built it
 * from a JDBC URL. Failures of the database surface as {@link CloudeyStoreException} (the
 * transaction was rolled back), bad input as {@link CloudeyConfigException}.
 */
public final class PostgresStore implements CloudeyStore {
  private final @Nullable HikariDataSource ownedPool;
  private final PgAccountStore accounts;
  private final PgInventoryStore inventory;
  private final PgCostStore costs;
  private final PgMetricStore metrics;
  private final PgSyncRunStore syncRuns;
  private final PgJobStore jobs;
  private final PgConversationStore conversations;
  private final PgRecommendationStore recommendations;
  private final AccountLocks locks;
  private final Db db;
  private volatile @Nullable String storeId;

  private PostgresStore(Builder b, DataSource dataSource, @Nullable HikariDataSource ownedPool) {
    this.ownedPool = ownedPool;
    Options options = b.options;
    if (options.migrate()) {
      migrate(dataSource, options.schema());
    }
    this.db = new Db(dataSource, options.schema(), b.hook);
    CredentialKeys keys = b.credentialKeys;
    CredentialCipher cipher =
        keys == null
            ? CredentialCipher.none()
            : CredentialCipher.of(keys.primaryKeyId(), keys.keyIds(), keys::key);
    this.accounts = new PgAccountStore(db, cipher);
    this.inventory = new PgInventoryStore(db, options.fetchSize());
    this.costs = new PgCostStore(db, b.clock, options.fetchSize());
    this.metrics = new PgMetricStore(db, options.fetchSize());
    this.syncRuns = new PgSyncRunStore(db);
    this.jobs = new PgJobStore(db);
    this.conversations = new PgConversationStore(db);
    this.recommendations = new PgRecommendationStore(db);
    this.locks = new AccountLocks(db, options.lockPollInterval());
  }

  /** A store over the host application's data source, default options, no credential key. */
  public static PostgresStore create(DataSource dataSource) {
    return builder().dataSource(dataSource).build();
  }

  /** A store over the host application's data source that encrypts credentials with the keys. */
  public static PostgresStore create(DataSource dataSource, CredentialKeys keys) {
    return builder().dataSource(dataSource).credentialKeys(keys).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public AccountStore accounts() {
    return accounts;
  }

  @Override
  public InventoryStore inventory() {
    return inventory;
  }

  @Override
  public CostStore costs() {
    return costs;
  }

  @Override
  public MetricStore metrics() {
    return metrics;
  }

  @Override
  public SyncRunStore syncRuns() {
    return syncRuns;
  }

  @Override
  public JobStore jobs() {
    return jobs;
  }

  @Override
  public ConversationStore conversations() {
    return conversations;
  }

  @Override
  public RecommendationStore recommendations() {
    return recommendations;
  }

  @Override
  public AccountLock lock(AccountId accountId, Duration timeout) {
    return locks.lock(accountId, timeout);
  }

  /** One statement reading every requested version from the account's state row. */
  @Override
  public java.util.Map<DataKind, Long> dataVersions(
      AccountId accountId, java.util.Set<DataKind> kinds) {
    java.util.List<DataKind> list = java.util.List.copyOf(kinds);
    java.util.Map<DataKind, Long> versions = new java.util.EnumMap<>(DataKind.class);
    if (list.isEmpty()) {
      return versions;
    }
    StringBuilder columns = new StringBuilder();
    for (DataKind kind : list) {
      columns.append(columns.length() == 0 ? "" : ", ").append(Db.versionColumn(kind));
    }
    long[] read =
        db.read(
            "read the data versions",
            accountId,
            h ->
                h.createQuery(
                        db.sql(
                            "select "
                                + columns
                                + " from {s}.account_state where account_id = :account_id"))
                    .bind("account_id", accountId.value())
                    .map(
                        (rs, ctx) -> {
                          long[] values = new long[list.size()];
                          for (int i = 0; i < values.length; i++) {
                            values[i] = rs.getLong(i + 1);
                          }
                          return values;
                        })
                    .findOne()
                    .orElse(new long[list.size()]));
    for (int i = 0; i < list.size(); i++) {
      versions.put(list.get(i), read[i]);
    }
    return versions;
  }

  @Override
  public long dataVersion(AccountId accountId, DataKind kind) {
    return db.read(
        "read the data version",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + Db.versionColumn(kind)
                            + " from {s}.account_state where account_id = :account_id"))
                .bind("account_id", accountId.value())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
  }

  /**
   * {@inheritDoc}
   *
   * <p>A random UUID drawn once by the schema migration and kept in the database (table {@code
   * store_identity} of the store's schema), so every process on this database and schema has the
   * same id, and another database or schema has another. Read on first use, then remembered.
   *
   * @throws CloudeyStoreException when the database cannot be read, or the schema was not migrated
   *     to version 2 (run the migrations: the default {@link Options#migrate()} does)
   */
  @Override
  public String storeId() {
    String id = storeId;
    if (id == null) {
      id = db.readGlobal("read the store identity", this::readStoreId);
      storeId = id;
    }
    return id;
  }

  private String readStoreId(Handle h) {
    return h.createQuery(db.sql("select store_id from {s}.store_identity"))
        .mapTo(String.class)
        .findOne()
        .orElseThrow(
            () ->
                new CloudeyStoreException(
                    "the store identity row of schema '"
                        + db.schema()
                        + "' is missing: it is written by migration V2; restore it, or insert a"
                        + " new one with gen_random_uuid()",
                    null));
  }

  /**
   * Re-encrypts with the primary key every account's credentials sealed with another (older) key,
   * one account per transaction. Run it after making a new key primary; then the old key can go.
   *
   * @return how many accounts' credentials were re-encrypted
   * @throws CloudeyConfigException when no keys are configured or a stored key id is unknown
   */
  public int reencryptCredentials() {
    return accounts.reencrypt();
  }

  /**
   * Releases the account locks still held (their holders find them lost) and closes the pool if the
   * store built it.
   */
  @Override
  public void close() {
    locks.close();
    if (ownedPool != null) {
      ownedPool.close();
    }
  }

  private static void migrate(DataSource dataSource, String schema) {
    try {
      Flyway.configure(PostgresStore.class.getClassLoader())
          .dataSource(dataSource)
          .schemas(schema)
          .defaultSchema(schema)
          .createSchemas(true)
          .table("cloudey_schema_history")
          .locations("classpath:db/cloudey/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new CloudeyStoreException(
          "migrating the Cloudey schema '"
              + schema
              + "' failed: "
              + e.getMessage()
              + " (the database user needs CREATE on the database, or create the schema first)",
          e);
    }
  }

  /**
   * Options of the store, grouped by concern with published defaults.
   *
   * @param schema PostgreSQL schema for Cloudey's tables, {@link #DEFAULT_SCHEMA} by default; a
   *     lower-case SQL identifier ({@code [a-z_][a-z0-9_]*}, at most 63 characters)
   * @param migrate run the Flyway migrations at start (off when the host migrates separately)
   * @param poolSize maximum connections of the pool the store builds from a JDBC URL
   * @param fetchSize rows fetched per round trip when streaming a large read (cost lines,
   *     per-resource costs, the inventory, metric summaries), so its rows are mapped as they arrive
   *     rather than all held as raw rows first
   * @param lockPollInterval how often a waiting {@link #lock} retries
   */
  public record Options(
      String schema, boolean migrate, int poolSize, int fetchSize, Duration lockPollInterval) {
    public static final String DEFAULT_SCHEMA = "cloudey";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final int DEFAULT_FETCH_SIZE = 5_000;
    public static final Duration DEFAULT_LOCK_POLL_INTERVAL = Duration.ofMillis(50);

    public Options {
      // checked here, before any Flyway migration could create a schema under a bad name
      Db.checkSchema(schema);
      if (poolSize < 1) {
        throw new CloudeyConfigException("poolSize must be at least 1, was " + poolSize);
      }
      if (fetchSize < 1) {
        throw new CloudeyConfigException("fetchSize must be at least 1, was " + fetchSize);
      }
      if (lockPollInterval == null || lockPollInterval.isNegative() || lockPollInterval.isZero()) {
        throw new CloudeyConfigException("lockPollInterval must be positive");
      }
    }

    public static Options ofDefaults() {
      return new Options(
          DEFAULT_SCHEMA, true, DEFAULT_POOL_SIZE, DEFAULT_FETCH_SIZE, DEFAULT_LOCK_POLL_INTERVAL);
    }

    public Options withSchema(String newSchema) {
      return new Options(newSchema, migrate, poolSize, fetchSize, lockPollInterval);
    }

    public Options withMigrate(boolean newMigrate) {
      return new Options(schema, newMigrate, poolSize, fetchSize, lockPollInterval);
    }

    public Options withPoolSize(int newPoolSize) {
      return new Options(schema, migrate, newPoolSize, fetchSize, lockPollInterval);
    }

    public Options withFetchSize(int newFetchSize) {
      return new Options(schema, migrate, poolSize, newFetchSize, lockPollInterval);
    }

    public Options withLockPollInterval(Duration interval) {
      return new Options(schema, migrate, poolSize, fetchSize, interval);
    }
  }

  /**
   * pgjdbc's {@code prepareThreshold} on the pool the store builds from a JDBC URL: a statement is
   * prepared on the server (parsed once per connection) from its first execution, not its fifth.
   */
  static final String PREPARE_THRESHOLD = "1";

  /** Builder of {@link PostgresStore}: a data source or a JDBC URL is required. */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private @Nullable String jdbcUrl;
    private @Nullable String username;
    private @Nullable String password;
    private @Nullable CredentialKeys credentialKeys;
    private Options options = Options.ofDefaults();
    private Clock clock = Clock.systemUTC();
    private StatementHook hook = StatementHook.NONE;

    private Builder() {}

    /** The host's data source (a pool); the store never closes it. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = dataSource;
      return this;
    }

    /**
     * Let the store build (and close) its own HikariCP pool, of {@link Options#poolSize()}
     * connections, whose statements are prepared on the server from their first execution (pgjdbc
     * {@code prepareThreshold=1}; a {@code prepareThreshold} parameter in the URL overrides it).
     */
    public Builder jdbcUrl(String jdbcUrl, @Nullable String username, @Nullable String password) {
      this.jdbcUrl = jdbcUrl;
      this.username = username;
      this.password = password;
      return this;
    }

    /** Keys that encrypt credentials at rest; without them secret properties cannot be stored. */
    public Builder credentialKeys(CredentialKeys keys) {
      this.credentialKeys = keys;
      return this;
    }

    public Builder options(Options options) {
      this.options = options;
      return this;
    }

    /** Clock for bookkeeping times such as the last ingest. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Tests only: runs before every statement (records SQL, kills connections). */
    Builder statementHook(StatementHook hook) {
      this.hook = hook;
      return this;
    }

    public PostgresStore build() {
      if ((dataSource == null) == (jdbcUrl == null)) {
        throw new CloudeyConfigException(
            "give PostgresStore exactly one of dataSource(...) or jdbcUrl(...)");
      }
      if (dataSource != null) {
        return new PostgresStore(this, dataSource, null);
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl);
      config.setUsername(username);
      config.setPassword(password);
      config.setMaximumPoolSize(options.poolSize());
      config.setPoolName("cloudey-store");
      // server-side prepared from the first use on a connection (pgjdbc's default is the fifth):
      // a view's reads are spread over the pool's connections, so with 5 most of them were parsed
      // again on every run; a prepareThreshold in the URL overrides this
      config.addDataSourceProperty("prepareThreshold", PREPARE_THRESHOLD);
      HikariDataSource pool = new HikariDataSource(config);
      try {
        return new PostgresStore(this, pool, pool);
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
    }
  }
}
