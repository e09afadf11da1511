package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Per-account concurrency state shared by the in-memory stores: a read-write lock guarding the
 * account's data in every store (so one write is atomic across stores), the data version of each
 * {@link DataKind}, and the exclusive {@link app.cloudey.spi.CloudeyStore#lock account lock}.
 *
 * <p>Entries are never removed, even when the account is deleted: a lock object must stay the same
 * for as long as anyone may hold or wait for it.
 */
final class Tenants {
  private static final DataKind[] KINDS = DataKind.values();

  private final ConcurrentMap<AccountId, Tenant> tenants = new ConcurrentHashMap<>();

  /**
   * Versions of every kind come from one store-wide sequence so that a number is never handed out
   * twice: after {@code delete(account)} resets the versions to 0, the next write cannot reuse a
   * version an old cache entry is keyed by.
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
   * Runs {@code write} under the account's write lock. The write calls {@link #changed} for each
   * kind of data it actually changed; a write that throws has changed nothing (it validates before
   * mutating) and must not have called it.
   */
  <T> T write(AccountId accountId, Supplier<T> write) {
    ReentrantReadWriteLock.WriteLock lock = tenant(accountId).data.writeLock();
    lock.lock();
    try {
      return write.get();
    } finally {
      lock.unlock();
    }
  }

  /** Moves the account's version of {@code kind}; called by a write, under the write lock. */
  void changed(AccountId accountId, DataKind kind) {
    Tenant tenant = tenant(accountId);
    if (!tenant.data.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("a data version moves only inside a write");
    }
    tenant.versions.set(kind.ordinal(), versionSequence.incrementAndGet());
  }

  /** Runs {@code delete} under the write lock and resets every version: the account has no data. */
  <T> T deleteAll(AccountId accountId, Supplier<T> delete) {
    Tenant tenant = tenant(accountId);
    ReentrantReadWriteLock.WriteLock lock = tenant.data.writeLock();
    lock.lock();
    try {
      T result = delete.get();
      for (DataKind kind : KINDS) {
        tenant.versions.set(kind.ordinal(), 0);
      }
      return result;
    } finally {
      lock.unlock();
    }
  }

  long version(AccountId accountId, DataKind kind) {
    Tenant tenant = tenants.get(accountId);
    return tenant == null ? 0 : tenant.versions.get(kind.ordinal());
  }

  ReentrantLock accountLock(AccountId accountId) {
    return tenant(accountId).accountLock;
  }

  static final class Tenant {
    // fair: a month close waiting behind a long sync should not be overtaken forever
    final ReentrantReadWriteLock data = new ReentrantReadWriteLock(true);
    final AtomicLongArray versions = new AtomicLongArray(KINDS.length);
    final ReentrantLock accountLock = new ReentrantLock(true);
  }
}
