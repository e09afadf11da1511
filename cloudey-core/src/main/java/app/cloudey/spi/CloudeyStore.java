package app.cloudey.spi;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import java.time.Duration;

/**
 * Durable storage for every account, split into focused stores. Every read and write takes the
 * {@link AccountId} it is scoped to; an implementation never returns another account's rows.
 * Thread-safe. Every write bumps the account's {@link #dataVersion data version}, which keys
 * Cloudey's query cache.
 *
 * <p>Reference implementations: {@code InMemoryStore} (core) and {@code PostgresStore}
 * (cloudey-store). Both pass the test kit's store contracts.
 */
public interface CloudeyStore extends AutoCloseable {

  AccountStore accounts();

  InventoryStore inventory();

  CostStore costs();

  MetricStore metrics();

  SyncRunStore syncRuns();

  /**
   * Takes the account's exclusive lock (across processes for shared stores), waiting at most {@code
   * timeout}. Used to serialise syncs and month close of one account.
   *
   * @throws CloudeyException when the lock is not acquired in time
   */
  AccountLock lock(AccountId accountId, Duration timeout);

  /**
   * A number that changes whenever any of the account's data changes; 0 for an account without
   * data.
   */
  long dataVersion(AccountId accountId);

  /** Releases what the store created (pools), never what it was given. */
  @Override
  void close();

  /** A held account lock; {@link #close()} releases it. */
  interface AccountLock extends AutoCloseable {
    /**
     * Whether the lock is still held: false once closed, and false once a shared store has lost it
     * (for PostgreSQL: the database session holding it ended), after which another process may hold
     * the account. Long work under the lock can check it between steps. May ask the store. The
     * default ({@code true}) is for locks that cannot be lost; an implementation should still
     * answer false after {@link #close()}, as the test kit's lock contract checks.
     */
    default boolean isHeld() {
      return true;
    }

    /**
     * Releases the lock; a second call does nothing.
     *
     * @throws app.cloudey.CloudeyStoreException when the lock was lost while held (see {@link
     *     #isHeld()}): the work done under it may have overlapped another holder's
     */
    @Override
    void close();
  }
}
