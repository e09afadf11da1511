package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyLockTimeoutException;
import app.cloudey.CloudeyStoreException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.CloudeyStore.AccountLock;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Per-account exclusive locks as PostgreSQL session advisory locks, so they hold across processes
 * sharing the database. Every lock this store holds lives on one <em>lock session</em>: a single
 * connection borrowed from the data source while at least one lock is held or awaited, and given
 * back when none is, so a thousand accounts locked at once still use one connection.
 *
 * <p>A session's advisory locks are re-entrant for that session, so threads of this process are
 * excluded from each other here, by key, before the database is asked. The key is (a Cloudey
 * namespace, CRC-32 of the account id): two accounts may share a key, which only serialises them
 * needlessly.
 *
 * <p>When the lock session ends (the server restarted, an administrator terminated it, the network
 * dropped), PostgreSQL releases every lock on it. Its locks are then <em>lost</em>: {@link
 * AccountLock#isHeld()} turns false and {@link AccountLock#close()} throws, because another process
 * may have taken the account meanwhile. A lost lock still excludes this process's other threads
 * until its holder closes it. The next lock call opens a fresh session (a session found dead while
 * no lock is held costs nothing). Thread-safe.
 */
public final class AccountLocks implements AutoCloseable {
  /** "Cldy": the first half of every advisory lock key Cloudey takes. */
  static final int NAMESPACE = 0x436C6479;

  /**
   * Longest wait for an answer on the lock session; every lock and unlock of the store waits for
   * the one before it, so a dropped network must not hang them for the TCP timeout.
   */
  private static final int NETWORK_TIMEOUT_MILLIS = 15_000;

  /** How long a liveness check of the lock session may take. */
  private static final int VALID_CHECK_SECONDS = 5;

  private final Db db;
  private final long pollNanos;

  /** Guards every field below and every statement on the lock session. */
  private final ReentrantLock mutex = new ReentrantLock();

  /** Signalled whenever a lock of this process is released. */
  private final Condition released = mutex.newCondition();

  private @Nullable Session session;

  /** Locks held (or lost but not yet closed) in this process, by key. */
  private final Map<Integer, Held> holders = new HashMap<>();

  /** Locks held plus callers waiting for one: the lock session stays borrowed while positive. */
  private int users;

  public AccountLocks(Db db, Duration pollInterval) {
    this.db = db;
    this.pollNanos = pollInterval.toNanos();
  }

  public AccountLock lock(AccountId accountId, Duration timeout) {
    long deadline = System.nanoTime() + saturatedNanos(timeout);
    int key = key(accountId);
    mutex.lock();
    users++;
    Held held = null;
    try {
      while (true) {
        if (!holders.containsKey(key)) {
          held = tryLock(accountId, key);
          if (held != null) {
            return held;
          }
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
        // releases in this process signal at once; other processes' are found by polling
        released.awaitNanos(Math.min(pollNanos, left));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudeyException("interrupted while waiting for the lock of " + accountId, e);
    } finally {
      if (held == null) {
        users--;
        giveBackIfUnused();
      }
      mutex.unlock();
    }
  }

  /**
   * Whether the lock is held on a live session; a dead session found here loses all its locks. Call
   * with the mutex held.
   */
  private boolean isHeld(Held held) {
    if (held.closed || held.lost) {
      return false;
    }
    if (!isAlive(held.session)) {
      end(held.session);
      return false;
    }
    return true;
  }

  /**
   * One try on the lock session. A session found dead is ended (its locks lost) and the try is
   * repeated once on a fresh one, so a session that dropped while idle never fails a lock.
   */
  private @Nullable Held tryLock(AccountId accountId, int key) {
    for (int attempt = 1; ; attempt++) {
      Session current = session(accountId);
      try {
        boolean acquired =
            current
                .handle
                .createQuery("select pg_try_advisory_lock(:namespace, :key)")
                .bind("namespace", NAMESPACE)
                .bind("key", key)
                .mapTo(Boolean.class)
                .one();
        if (!acquired) {
          return null;
        }
        Held held = new Held(accountId, key, current);
        current.locks.add(held);
        holders.put(key, held);
        return held;
      } catch (RuntimeException e) {
        boolean dead = !isAlive(current);
        if (dead) {
          end(current);
        }
        if (!dead || attempt == 2) {
          throw e instanceof CloudeyException ce
              ? ce
              : Db.translate("lock the account", accountId, e);
        }
      }
    }
  }

  /** The open lock session, borrowing a connection for it if there is none. */
  private Session session(AccountId accountId) {
    Session current = session;
    if (current != null) {
      return current;
    }
    Handle handle;
    try {
      handle = db.open();
    } catch (RuntimeException e) {
      throw Db.translate("open a connection to lock the account", accountId, e);
    }
    try {
      handle.getConnection().setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
    } catch (SQLException | RuntimeException e) {
      db.discard(handle);
      throw Db.translate("open a connection to lock the account", accountId, e);
    }
    current = new Session(handle);
    session = current;
    return current;
  }

  private boolean isAlive(Session s) {
    try {
      return s.handle.getConnection().isValid(VALID_CHECK_SECONDS);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Ends a session: its locks are lost (they stay claimed in this process until closed) and its
   * connection is aborted, so the server releases whatever it still held.
   */
  private void end(Session s) {
    for (Held held : s.locks) {
      held.lost = true;
    }
    s.locks.clear();
    if (session == s) {
      session = null;
    }
    db.discard(s.handle);
  }

  /** Returns the lock session's connection to the pool once no lock is held or awaited. */
  private void giveBackIfUnused() {
    Session current = session;
    if (users > 0 || current == null) {
      return;
    }
    session = null;
    if (!current.locks.isEmpty()) {
      end(current); // cannot happen while users counts every holder; never pool a locking session
      return;
    }
    try {
      current.handle.close();
    } catch (RuntimeException e) {
      db.discard(current.handle);
    }
  }

  private void release(Held held) {
    mutex.lock();
    try {
      if (held.closed) {
        return;
      }
      held.closed = true;
      holders.remove(held.key, held);
      users--;
      released.signalAll();
      try {
        if (held.lost) {
          throw lost(held, null);
        }
        Session s = held.session;
        boolean unlocked;
        try {
          unlocked =
              s.handle
                  .createQuery("select pg_advisory_unlock(:namespace, :key)")
                  .bind("namespace", NAMESPACE)
                  .bind("key", held.key)
                  .mapTo(Boolean.class)
                  .one();
        } catch (RuntimeException e) {
          if (!isAlive(s)) {
            end(s); // the session died while held: the lock was released by the server, and lost
            throw lost(held, e);
          }
          // A live session that failed to unlock still holds the lock, and would keep the
          // account locked for as long as it lives: end it (its other locks are lost with it).
          s.locks.remove(held);
          end(s);
          return;
        }
        s.locks.remove(held);
        if (!unlocked) {
          throw lost(held, null); // the session no longer held it
        }
      } finally {
        giveBackIfUnused();
      }
    } finally {
      mutex.unlock();
    }
  }

  private static CloudeyStoreException lost(Held held, @Nullable Throwable cause) {
    return new CloudeyStoreException(
        "the lock of account "
            + held.accountId
            + " was lost while held: the PostgreSQL session holding it ended, so another process"
            + " may have locked the account meanwhile; check or re-run the work done under it",
        cause);
  }

  /** Ends the lock session: every lock still held is released on the server and lost. */
  @Override
  public void close() {
    mutex.lock();
    try {
      Session current = session;
      if (current != null) {
        end(current);
      }
    } finally {
      mutex.unlock();
    }
  }

  static int key(AccountId accountId) {
    CRC32 crc = new CRC32();
    crc.update(accountId.value().getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return TimeUnit.DAYS.toNanos(365 * 100L);
    }
  }

  /** One borrowed connection and the locks taken on it. Guarded by the mutex. */
  private static final class Session {
    final Handle handle;
    final List<Held> locks = new ArrayList<>();

    Session(Handle handle) {
      this.handle = handle;
    }
  }

  private final class Held implements AccountLock {
    final AccountId accountId;
    final int key;
    final Session session;
    // guarded by the mutex
    boolean lost;
    boolean closed;

    Held(AccountId accountId, int key, Session session) {
      this.accountId = accountId;
      this.key = key;
      this.session = session;
    }

    @Override
    public boolean isHeld() {
      mutex.lock();
      try {
        return AccountLocks.this.isHeld(this);
      } finally {
        mutex.unlock();
      }
    }

    /**
     * @throws CloudeyStoreException when the lock was lost while held (see the class comment)
     */
    @Override
    public void close() {
      release(this);
    }
  }
}
