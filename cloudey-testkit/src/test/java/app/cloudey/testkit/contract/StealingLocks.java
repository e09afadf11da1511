package app.cloudey.testkit.contract;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.CloudeyStore.AccountLock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deliberately broken account locks: one fair semaphore per account, so one account's lock excludes
 * other threads, times out and is released by close, but taking any account's lock first releases
 * every other account's held lock. It is the bug of a store that runs {@code
 * pg_advisory_unlock_all()} on a shared session before each lock: a second account's sync silently
 * frees the first one's.
 */
final class StealingLocks {
  private final Map<AccountId, Semaphore> permits = new ConcurrentHashMap<>();
  private final Map<AccountId, Held> held = new ConcurrentHashMap<>();

  AccountLock lock(AccountId accountId, Duration timeout) {
    // BUG: frees every other account's lock
    held.forEach(
        (other, lock) -> {
          if (!other.equals(accountId)) {
            lock.close();
          }
        });
    Semaphore permit = permits.computeIfAbsent(accountId, id -> new Semaphore(1, true));
    try {
      if (!permit.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new CloudeyException("account '" + accountId + "' is locked; waited " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudeyException("interrupted while waiting for the lock", e);
    }
    Held lock = new Held(accountId, permit);
    held.put(accountId, lock);
    return lock;
  }

  private final class Held implements AccountLock {
    private final AccountId accountId;
    private final Semaphore permit;
    private final AtomicBoolean released = new AtomicBoolean();

    Held(AccountId accountId, Semaphore permit) {
      this.accountId = accountId;
      this.permit = permit;
    }

    @Override
    public boolean isHeld() {
      return !released.get();
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        held.remove(accountId, this);
        permit.release();
      }
    }
  }
}
