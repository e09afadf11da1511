package app.cloudey.store.postgres;

import static app.cloudey.model.CostDimension.SERVICE;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static app.cloudey.testkit.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.DataKind;
import app.cloudey.model.Period;
import app.cloudey.store.redis.RedisCache;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.RecordingListener;
import app.cloudey.testkit.junit.PostgresDatabase;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.junit.RedisExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two deployments, each with its own PostgreSQL database and the same account id ({@code default})
 * at the same data versions, share one Redis: neither may ever read or evict the other's cached
 * reports.
 */
class SharedRedisIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.create();

  private static final String SECOND_DATABASE =
      "cloudey_test_second_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private static final CostQuery BY_SERVICE = CostQuery.of(Period.month(OCTOBER)).groupBy(SERVICE);

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final RecordingListener listenerA = new RecordingListener();
  private final RecordingListener listenerB = new RecordingListener();
  private PostgresStore storeA;
  private PostgresStore storeB;
  private RedisCache cacheA;
  private RedisCache cacheB;
  private Cloudey deploymentA;
  private Cloudey deploymentB;

  @BeforeAll
  static void createSecondDatabase() throws SQLException {
    execute("create database " + SECOND_DATABASE);
  }

  @AfterAll
  static void dropSecondDatabase() throws SQLException {
    execute("drop database if exists " + SECOND_DATABASE + " with (force)");
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = PG.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @BeforeEach
  void start() {
    PostgresDatabase first = PG.database();
    String secondUrl = first.jdbcUrl().replace("/" + first.name(), "/" + SECOND_DATABASE);
    // a fresh schema per test in each database: both stores start from version sequences at 1
    String schema = "deployment_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    storeA = store(first.jdbcUrl(), first, schema);
    storeB = store(secondUrl, first, schema);
    cacheA = RedisCache.create(REDIS.info().uri());
    cacheB = RedisCache.create(REDIS.info().uri());
    // A bills the fixture's whole October; B only its 2 October (different numbers, same keys)
    FakeCloudProvider providerB = Fixtures.provider();
    providerB.setCostLines(Fixtures.costLines(AccountId.of("fixture"), Fixtures.DAY2));
    deploymentA = deployment(Fixtures.provider(), storeA, cacheA, listenerA);
    deploymentB = deployment(providerB, storeB, cacheB, listenerB);
  }

  private static PostgresStore store(String jdbcUrl, PostgresDatabase credentials, String schema) {
    return PostgresStore.builder()
        .jdbcUrl(jdbcUrl, credentials.user(), credentials.password())
        .credentialKeys(TestDatabase.keys())
        .options(PostgresStore.Options.ofDefaults().withSchema(schema))
        .build();
  }

  private Cloudey deployment(
      FakeCloudProvider provider,
      PostgresStore store,
      RedisCache cache,
      RecordingListener listener) {
    return Cloudey.builder()
        .cloud(provider, Fixtures.credentials())
        .store(store)
        .cache(cache)
        .clock(clock)
        .listener(listener)
        .build();
  }

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {deploymentA, deploymentB, cacheA, cacheB}) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    storeA.close();
    storeB.close();
  }

  private void refreshBoth() {
    deploymentA.costs().refresh(Period.month(OCTOBER));
    deploymentB.costs().refresh(Period.month(OCTOBER));
    // the same account id at the same version: only the store tells their cache keys apart
    assertThat(storeB.dataVersion(Cloudey.DEFAULT_ACCOUNT, DataKind.COSTS))
        .isEqualTo(storeA.dataVersion(Cloudey.DEFAULT_ACCOUNT, DataKind.COSTS));
  }

  @Test
  void sameAccountAndVersionInTwoDeploymentsDoNotShareCachedReports() {
    refreshBoth();

    CostReport a = deploymentA.costs().query(BY_SERVICE);
    CostReport b = deploymentB.costs().query(BY_SERVICE);

    // A: the fixture's October, COMPUTE 12.34, BLOCK_STORAGE 5.60, NETWORK 0.30 = 18.24
    assertThat(a.rows())
        .containsExactly(
            new CostRow(List.of("COMPUTE"), usd("12.34")),
            new CostRow(List.of("BLOCK_STORAGE"), usd("5.6")),
            new CostRow(List.of("NETWORK"), usd("0.3")));
    assertThat(a.total()).contains(usd("18.24"));
    // B: only 10-02, COMPUTE 3.00 + 1.14 = 4.14, BLOCK_STORAGE 1.70, NETWORK 0.40 = 6.24
    assertThat(b.rows())
        .containsExactly(
            new CostRow(List.of("COMPUTE"), usd("4.14")),
            new CostRow(List.of("BLOCK_STORAGE"), usd("1.7")),
            new CostRow(List.of("NETWORK"), usd("0.4")));
    assertThat(b.total()).contains(usd("6.24"));
    assertThat(listenerB.cacheMisses()).isEqualTo(1);
    assertThat(listenerB.cacheHits()).isZero();
  }

  @Test
  void removingTheAccountInOneDeploymentKeepsTheOthersCachedReports() {
    refreshBoth();
    deploymentA.costs().query(BY_SERVICE);
    deploymentB.costs().query(BY_SERVICE);

    assertThat(deploymentB.accounts().remove(Cloudey.DEFAULT_ACCOUNT)).isTrue();

    assertThat(deploymentA.costs().query(BY_SERVICE).total()).contains(usd("18.24"));
    assertThat(listenerA.cacheMisses()).isEqualTo(1);
    assertThat(listenerA.cacheHits()).as("A's report survived B's eviction").isEqualTo(1);
  }
}
