package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyStoreException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.spi.CloudeyStore.AccountLock;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Account locks share one connection (the lock session) however many are held, and a lock session
 * that ends (here: terminated by the server, as an administrator, a restart or a network cut would)
 * loses its locks loudly while the next lock carries on with a new session.
 */
class AccountLockSessionIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  /** {@code AccountLocks.NAMESPACE}: "Cldy". */
  private static final int NAMESPACE = 0x436C6479;

  private static final Duration WAIT = Duration.ofSeconds(10);

  private HikariDataSource pool;
  private CountingDataSource connections;
  private PostgresStore store;
  private ExecutorService threads;

  @BeforeEach
  void open() {
    TestDatabase.of(PG).store().close(); // migrate once
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PG.database().jdbcUrl());
    config.setUsername(PG.database().user());
    config.setPassword(PG.database().password());
    // a pool this small would run dry at once if each held lock pinned a connection
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(5_000);
    pool = new HikariDataSource(config);
    connections = new CountingDataSource(pool);
    store =
        PostgresStore.builder()
            .dataSource(connections)
            .options(PostgresStore.Options.ofDefaults().withMigrate(false))
            .build();
    threads = Executors.newFixedThreadPool(16);
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    store.close();
    pool.close();
  }

  @Test
  void aThousandAccountsLockedInTurnUseOneConnectionForTheirLocks() {
    for (AccountId id : accounts(1_000)) {
      try (AccountLock lock = store.lock(id, WAIT)) {
        store.dataVersion(
            id, DataKind.COSTS); // work under the lock, on a pooled connection of its own
      }
    }
    assertThat(connections.peak()).as("the lock session plus the read under it").isEqualTo(2);
    assertThat(connections.open()).as("no lock held: the session went back").isZero();
  }

  @Test
  void locksTakenFromManyThreadsAndHeldAtOnceShareOneSession() throws Exception {
    List<AccountId> ids = accounts(1_000);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int first = t;
      workers.add(
          threads.submit(
              () -> {
                for (int i = first; i < ids.size(); i += 16) {
                  store.lock(ids.get(i), WAIT).close();
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    assertThat(connections.peak()).as("16 threads locking concurrently").isEqualTo(1);

    List<AccountLock> held = new ArrayList<>();
    try {
      ids.subList(0, 200).forEach(id -> held.add(store.lock(id, WAIT)));
      Map<Integer, Integer> byBackend = advisoryLocksByBackend();
      assertThat(byBackend).as("backends holding advisory locks").hasSize(1);
      assertThat(byBackend.values()).containsExactly(200);
      assertThat(connections.open()).isEqualTo(1);
    } finally {
      held.forEach(AccountLock::close);
    }
    assertThat(advisoryLocksByBackend()).isEmpty();
    assertThat(connections.peak()).isEqualTo(1);
  }

  @Test
  void aLockSessionThatEndsLosesItsLocksAndTheNextLockOpensANewOne() throws Exception {
    AccountId a = Fixtures.randomAccountId();
    AccountId b = Fixtures.randomAccountId();
    AccountLock lockA = store.lock(a, WAIT);
    AccountLock lockB = store.lock(b, WAIT);
    terminateLockSession();

    // the server released both: another process may take them
    awaitFreeElsewhere(a);
    assertThat(lockA.isHeld()).as("a lost lock is not held").isFalse();
    assertThat(lockB.isHeld()).as("every lock of the ended session is lost").isFalse();

    try (Connection other = connect()) {
      assertThat(tryLock(other, a)).as("another process takes the account").isTrue();
      assertThatThrownBy(lockA::close)
          .isInstanceOf(CloudeyStoreException.class)
          .hasMessageContaining("was lost while held");
      // a fresh session, and the other process's lock still excludes this one
      assertThatThrownBy(() -> store.lock(a, Duration.ofMillis(200)))
          .isInstanceOf(CloudeyException.class)
          .hasMessageContaining("is locked");
    }
    try (AccountLock again = store.lock(a, WAIT)) {
      assertThat(again.isHeld()).isTrue();
      assertThat(tryLockElsewhere(a)).as("held across processes again").isFalse();
    }
    assertThatThrownBy(lockB::close).isInstanceOf(CloudeyStoreException.class);
    assertThat(tryLockElsewhere(b)).isTrue();
  }

  @Test
  void aSessionFoundDeadByTheNextLockIsReplacedWithoutFailingIt() throws Exception {
    AccountId held = Fixtures.randomAccountId();
    AccountId next = Fixtures.randomAccountId();
    AccountLock lock = store.lock(held, WAIT);
    terminateLockSession();
    awaitFreeElsewhere(held);

    try (AccountLock nextLock = store.lock(next, WAIT)) {
      assertThat(nextLock.isHeld()).isTrue();
      assertThat(tryLockElsewhere(next)).isFalse();
      assertThat(lock.isHeld()).as("the earlier lock went with the dead session").isFalse();
    }
    assertThatThrownBy(lock::close).isInstanceOf(CloudeyStoreException.class);
    assertThat(connections.open()).isZero();
  }

  @Test
  void aLostLockStillExcludesThisProcessUntilItsHolderCloses() throws Exception {
    AccountId id = Fixtures.randomAccountId();
    AccountLock lost = store.lock(id, WAIT);
    terminateLockSession();
    awaitFreeElsewhere(id);

    Future<AccountLock> waiter = threads.submit(() -> store.lock(id, Duration.ofSeconds(20)));
    Thread.sleep(300);
    assertThat(waiter.isDone()).as("the holder has not closed its lost lock yet").isFalse();
    assertThatThrownBy(lost::close).isInstanceOf(CloudeyStoreException.class);
    try (AccountLock next = waiter.get(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      assertThat(next.isHeld()).isTrue();
      assertThat(tryLockElsewhere(id)).as("taken on a new session").isFalse();
    }
  }

  @Test
  void closingTheStoreReleasesItsLocksOnTheServer() throws Exception {
    AccountId id = Fixtures.randomAccountId();
    AccountLock lock = store.lock(id, WAIT);
    store.close();
    awaitFreeElsewhere(id);
    assertThat(lock.isHeld()).isFalse();
    assertThatThrownBy(lock::close).isInstanceOf(CloudeyStoreException.class);
  }

  private static List<AccountId> accounts(int n) {
    return IntStream.range(0, n).mapToObj(i -> Fixtures.randomAccountId()).toList();
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        PG.database().jdbcUrl(), PG.database().user(), PG.database().password());
  }

  /** Advisory locks in this test's database, counted per backend pid. */
  private static Map<Integer, Integer> advisoryLocksByBackend() throws SQLException {
    Map<Integer, Integer> byPid = new HashMap<>();
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "select pid, count(*) from pg_locks where locktype = 'advisory' and granted"
                    + " and database = (select oid from pg_database where datname ="
                    + " current_database()) group by pid");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        byPid.put(rs.getInt(1), rs.getInt(2));
      }
    }
    return byPid;
  }

  /** Ends the backend holding this store's locks, as a server restart or network cut would. */
  private static void terminateLockSession() throws SQLException {
    Map<Integer, Integer> byPid = advisoryLocksByBackend();
    assertThat(byPid).as("one lock session").hasSize(1);
    try (Connection c = connect();
        PreparedStatement s = c.prepareStatement("select pg_terminate_backend(?)")) {
      s.setInt(1, byPid.keySet().iterator().next());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
      }
    }
  }

  /** Waits until another process can take the lock (the server ends a session asynchronously). */
  private static void awaitFreeElsewhere(AccountId id) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!tryLockElsewhere(id)) {
      assertThat(System.nanoTime())
          .as("lock of %s released on the server", id)
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Tries the account's lock from a fresh session outside the store, releasing it at once. */
  private static boolean tryLockElsewhere(AccountId id) throws SQLException {
    try (Connection c = connect()) {
      return tryLock(c, id);
    }
  }

  private static boolean tryLock(Connection c, AccountId id) throws SQLException {
    CRC32 crc = new CRC32();
    crc.update(id.value().getBytes(StandardCharsets.UTF_8));
    try (PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
      s.setInt(1, NAMESPACE);
      s.setInt(2, (int) crc.getValue());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
