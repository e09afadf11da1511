package app.cloudey.spi;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
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

  /** The account's version of one kind of data; 0 for an account without data. */
  long dataVersion(AccountId accountId, DataKind kind);

  /**
   * This store's identity: a stable id, unique among stores, that keys Cloudey's query cache
   * together with the account and its data version, so deployments that share one cache (one Redis)
   * never read each other's results even for the same account id at the same version. The same
   * stored data always has the same id (a durable store keeps it with the data, across restarts and
   * processes); 1 to 64 characters from {@code [A-Za-z0-9._-]}, starting with a letter or digit (a
   * random UUID, say).
   */
  String storeId();

  /** Releases what the store created (pools), never what it was given. */
  @Override
  void close();

  /** A held account lock; {@link #close()} releases it. */
  interface AccountLock extends AutoCloseable {
    @Override
    void close();
  }
}
