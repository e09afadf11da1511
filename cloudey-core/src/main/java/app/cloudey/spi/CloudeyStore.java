package app.cloudey.spi;

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
   * Assistant conversations. Stores that keep none leave this default, and the assistant then fails
   * with a message saying so.
   *
   * @throws app.cloudey.CloudeyConfigException when this store keeps no conversations
   */
  default ConversationStore conversations() {
    throw new app.cloudey.CloudeyConfigException(
        getClass().getSimpleName()
            + " keeps no assistant conversations: use a store that implements"
            + " CloudeyStore.conversations(), such as InMemoryStore or PostgresStore");
  }

  /**
   * Takes the account's exclusive lock (across processes for shared stores), waiting at most {@code
   * timeout}. Used to serialise syncs and month close of one account.
   *
   * @throws app.cloudey.CloudeyLockTimeoutException when the lock is not acquired in time
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
    @Override
    void close();
  }
}
