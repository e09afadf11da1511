package app.cloudey.scheduler;

import app.cloudey.Cloudey;
import app.cloudey.Credentials;
import app.cloudey.Schedule;
import app.cloudey.model.AccountId;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.RecordingListener;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

/**
 * What one application process holds: its own connection pool, PostgreSQL store, Cloudey and
 * scheduler over the shared database. Several nodes in one JVM share nothing but the database (and,
 * when a test wants to count calls across them, the fake provider).
 */
final class Node implements AutoCloseable {
  /** Cloudey's clock in these tests: October 2026 has settled and is due for close. */
  static final Instant NOW = Instant.parse("2026-11-10T12:00:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Credentials without secrets: the store needs no encryption key for them. */
  static final Credentials CREDENTIALS =
      new Credentials(Fixtures.PROVIDER, Map.of("tenancy", Fixtures.ROOT), Set.of());

  /**
   * For tests where no process dies: 20 s without a heartbeat are tolerated, so that a stall of a
   * loaded machine never looks like a death (which would rightly hand the work to another run).
   */
  static CloudeyScheduler.Options steadyOptions(String schema) {
    return options(schema, Duration.ofSeconds(2), 10);
  }

  /** For the failover test: a dead process's work moves after 6 seconds, not minutes. */
  static CloudeyScheduler.Options failoverOptions(String schema) {
    return options(schema, Duration.ofSeconds(1), 6);
  }

  private static CloudeyScheduler.Options options(String schema, Duration heartbeat, int missed) {
    return CloudeyScheduler.Options.ofDefaults()
        .withSchema(schema)
        .withPollInterval(Duration.ofMillis(200))
        .withHeartbeat(heartbeat, missed)
        .withThreads(2)
        .withShutdownWait(Duration.ofSeconds(5));
  }

  final HikariDataSource pool;
  final PostgresStore store;
  final RecordingListener listener = new RecordingListener();
  final Cloudey cloudey;

  Node(String jdbcUrl, String schema, FakeCloudProvider fake) {
    this(jdbcUrl, schema, fake, CLOCK);
  }

  Node(String jdbcUrl, String schema, FakeCloudProvider fake, Clock clock) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(6);
    config.setPoolName("node-" + schema);
    this.pool = new HikariDataSource(config);
    this.store =
        PostgresStore.builder()
            .dataSource(pool)
            .options(PostgresStore.Options.ofDefaults().withSchema(schema))
            .clock(clock)
            .build();
    this.cloudey =
        Cloudey.builder().cloud(fake).store(store).clock(clock).listener(listener).build();
  }

  CloudeyScheduler scheduler(String name, CloudeyScheduler.Options options, Schedule schedule) {
    return CloudeyScheduler.builder(cloudey, pool)
        .name(name)
        .options(options)
        .schedule(schedule)
        .build();
  }

  AccountId addAccount(String id) {
    return cloudey.accounts().add(id, CREDENTIALS).id();
  }

  @Override
  public void close() {
    cloudey.close();
    store.close();
    pool.close();
  }
}
