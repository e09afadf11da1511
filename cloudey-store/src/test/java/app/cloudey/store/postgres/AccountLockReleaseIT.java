package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.spi.CloudeyStore.AccountLock;
import app.cloudey.store.postgres.internal.StatementHook;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A lock whose unlock fails on a live connection must not stay held by a pooled session. */
class AccountLockReleaseIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  /** {@code AccountLocks.NAMESPACE}: "Cldy". */
  private static final int NAMESPACE = 0x436C6479;

  @Test
  void aFailedUnlockOnALiveConnectionEndsTheSessionInsteadOfPoolingIt() throws Exception {
    AtomicBoolean failUnlock = new AtomicBoolean(true);
    StatementHook hook =
        (sql, connection) -> {
          if (sql.startsWith("select pg_advisory_unlock") && failUnlock.getAndSet(false)) {
            throw new SQLException("simulated unlock failure on a live connection");
          }
        };
    AccountId id = Fixtures.randomAccountId();
    TestDatabase.of(PG).store().close();
    try (PostgresStore store = TestDatabase.of(PG).builder().statementHook(hook).build()) {
      AccountLock lock = store.lock(id, Duration.ofSeconds(1));
      assertThat(tryLockElsewhere(id)).as("held while open").isFalse();
      lock.close(); // the unlock fails: must not throw, must not leave the lock held
      assertThat(failUnlock).isFalse();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      boolean free = tryLockElsewhere(id);
      while (!free && System.nanoTime() < deadline) {
        Thread.sleep(20); // the server ends an aborted session asynchronously
        free = tryLockElsewhere(id);
      }
      assertThat(free).as("lock released after a failed unlock").isTrue();
      // the pool still works, and the account can be locked again through the store
      try (AccountLock again = store.lock(id, Duration.ofSeconds(2))) {
        assertThat(store.accounts().find(id)).isEmpty();
      }
    }
  }

  /** Tries the account's lock from a fresh session outside the pool, releasing it at once. */
  private static boolean tryLockElsewhere(AccountId id) throws SQLException {
    CRC32 crc = new CRC32();
    crc.update(id.value().getBytes(StandardCharsets.UTF_8));
    try (Connection c =
            DriverManager.getConnection(
                PG.database().jdbcUrl(), PG.database().user(), PG.database().password());
        PreparedStatement s = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
      s.setInt(1, NAMESPACE);
      s.setInt(2, (int) crc.getValue());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }
}
