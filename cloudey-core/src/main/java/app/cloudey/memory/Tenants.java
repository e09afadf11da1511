package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Per-account concurrency state shared by the in-memory stores: a read-write lock guarding the
 * account's data in every store (so one write is atomic across stores), the data version, and the
 * exclusive {@link app.cloudey.spi.CloudeyStore#lock account lock}.
 *
 * <p>Entries are never removed, even when the account is deleted: a lock object must stay the same
 * for as long as anyone may hold or wait for it.
 */
final class Tenants {
  private final ConcurrentMap<AccountId, Tenant> tenants = new ConcurrentHashMap<>();

  /**
   * Versions come from one store-wide sequence so that a number is never handed out twice: after
   * {@code delete(account)} resets the version to 0, the next write cannot reuse a version an old
   * cache entry is keyed by.
   */
  private final AtomicLong versionSequence = new AtomicLong();

  Tenant tenant(@Nullable AccountId accountId) {
    if (accountId == null) {
      throw new CloudeyConfigException("accountId must not be null");
    }
    return tenants.computeIfAbsent(accountId, id -> new Tenant());
  }

  /** Runs {@code read} under the account's read lock. */
  <T> T read(AccountId accountId, Supplier<T> read) {
    ReentrantReadWriteLock.ReadLock lock = tenant(accountId).data.readLock();
    lock.lock();
    try {
      return read.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs {@code write} under the account's write lock and bumps the data version when it returns. A
   * write that throws has changed nothing (it validates before mutating) and bumps nothing.
   */
  <T> T write(AccountId accountId, Supplier<T> write) {
    Tenant tenant = tenant(accountId);
    ReentrantReadWriteLock.WriteLock lock = tenant.data.writeLock();
    lock.lock();
    try {
      T result = write.get();
      tenant.version.set(versionSequence.incrementAndGet());
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code delete} under the write lock and resets the version: the account has no data. */
  <T> T deleteAll(AccountId accountId, Supplier<T> delete) {
    Tenant tenant = tenant(accountId);
    ReentrantReadWriteLock.WriteLock lock = tenant.data.writeLock();
    lock.lock();
    try {
      T result = delete.get();
      tenant.version.set(0);
      return result;
    } finally {
      lock.unlock();
    }
  }

  long version(AccountId accountId) {
    Tenant tenant = tenants.get(accountId);
    return tenant == null ? 0 : tenant.version.get();
  }

  ReentrantLock accountLock(AccountId accountId) {
    return tenant(accountId).accountLock;
  }

  static final class Tenant {
    // fair: a month close waiting behind a long sync should not be overtaken forever
    final ReentrantReadWriteLock data = new ReentrantReadWriteLock(true);
    final AtomicLong version = new AtomicLong();
    final ReentrantLock accountLock = new ReentrantLock(true);
  }
}
