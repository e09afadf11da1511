package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyLockTimeoutException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.CloudeyStore.AccountLock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Handle;

/**
 * Per-account exclusive locks as PostgreSQL session advisory locks, so they hold across processes
 * sharing the database. Each held lock keeps one pooled connection until released. The key is (a
 * Cloudey namespace, CRC-32 of the account id): two accounts may share a key, which only serialises
 * them needlessly.
 */
public final class AccountLocks {
  /** "Cldy": the first half of every advisory lock key Cloudey takes. */
  static final int NAMESPACE = 0x436C6479;

  private final Db db;
  private final Duration pollInterval;

  public AccountLocks(Db db, Duration pollInterval) {
    this.db = db;
    this.pollInterval = pollInterval;
  }

  public AccountLock lock(AccountId accountId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int key = key(accountId);
    Handle handle = db.open();
    try {
      while (true) {
        boolean acquired =
            handle
                .createQuery("select pg_try_advisory_lock(:namespace, :key)")
                .bind("namespace", NAMESPACE)
                .bind("key", key)
                .mapTo(Boolean.class)
                .one();
        if (acquired) {
          return new Held(db, handle, key);
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new CloudeyLockTimeoutException(
              "account "
                  + accountId
                  + " is locked by another sync or month close (waited "
                  + timeout.toMillis()
                  + " ms): retry later or wait longer");
        }
        Thread.sleep(Math.max(1, Math.min(pollInterval.toMillis(), left / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.close();
      throw new CloudeyException("interrupted while waiting for the lock of " + accountId, e);
    } catch (RuntimeException e) {
      handle.close();
      if (e instanceof CloudeyException ce) {
        throw ce;
      }
      throw Db.translate("lock the account", accountId, e);
    }
  }

  static int key(AccountId accountId) {
    CRC32 crc = new CRC32();
    crc.update(accountId.value().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  private static final class Held implements AccountLock {
    private final Db db;
    private final Handle handle;
    private final int key;
    private final AtomicBoolean released = new AtomicBoolean();

    Held(Db db, Handle handle, int key) {
      this.db = db;
      this.handle = handle;
      this.key = key;
    }

    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      try {
        handle
            .createQuery("select pg_advisory_unlock(:namespace, :key)")
            .bind("namespace", NAMESPACE)
            .bind("key", key)
            .mapTo(Boolean.class)
            .one();
      } catch (RuntimeException e) {
        // A dead connection has released its session locks already, but a live one (the unlock
        // failed for another reason) still holds the lock: back in the pool it would keep the
        // account locked for as long as the pool keeps it. End that session instead.
        db.discard(handle);
        return;
      }
      handle.close();
    }
  }
}
