package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Durable storage for every account, split into focused stores. Every read and write takes the
 * {@link AccountId} it is scoped to; an implementation never returns another account's rows.
 * Thread-safe. Each account has one {@link #dataVersion data version} per {@link DataKind}, moved
 * only by writes that change data of that kind; together with the {@link #storeId store id} it keys
 * Cloudey's query cache, so a cached result stays valid exactly as long as the data it read.
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

  /** Background jobs' state. */
  JobStore jobs();

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
   * Stored advisor runs. Stores that keep none leave this default; {@code
   * recommendations().generate()} then still works but keeps no history.
   *
   * @throws app.cloudey.CloudeyConfigException when this store keeps no recommendation runs
   */
  default RecommendationStore recommendations() {
    throw new app.cloudey.CloudeyConfigException(
        getClass().getSimpleName()
            + " keeps no recommendation runs: use a store that implements"
            + " CloudeyStore.recommendations(), such as InMemoryStore or PostgresStore");
  }

  /**
   * Takes the account's exclusive lock (across processes for shared stores), waiting at most {@code
   * timeout}. Used to serialise syncs and month close of one account.
   *
   * @throws app.cloudey.CloudeyLockTimeoutException when the lock is not acquired in time
   */
  AccountLock lock(AccountId accountId, Duration timeout);

  /**
   * The account's version of one kind of data: it changes whenever a write changes data of that
   * kind that queries read, and only then. Cloudey caches a query's result under the version of the
   * kind it reads, so the result is recomputed exactly when that data changed.
   *
   * <ul>
   *   <li>{@link DataKind#INVENTORY}: {@link InventoryStore#replaceCompartments} when a compartment
   *       was added, changed, deleted, or came back after a deletion; {@link
   *       InventoryStore#replaceScope} when a resource was created, updated or deleted (its {@code
   *       SyncCount} says so). Relisting what is stored moves nothing.
   *   <li>{@link DataKind#COSTS}: {@link CostStore#replaceCostLines} when the period's stored lines
   *       change (a line added, removed, or different in any field; the same lines in another order
   *       are no change); {@link CostStore#closeMonth} when the month's close record or rollups
   *       change (a first close, a close at another time, a close after the lines changed).
   *   <li>{@link DataKind#METRICS}: {@link MetricStore#upsert} when a stored row is inserted or
   *       changed (a missing day that is not stored over a day with data changes nothing); {@link
   *       MetricStore#deleteBefore} when it deletes rows.
   *   <li>{@link DataKind#RECOMMENDATIONS}: {@link RecommendationStore#save}.
   *   <li>Never: reads, refused writes, {@link SyncRunStore} writes, account registration and
   *       credential updates, bookkeeping such as {@link CostStore#lastIngestAt}.
   * </ul>
   *
   * <p>0 until the account's first change of that kind, and again after {@link
   * AccountStore#delete}. Versions of every kind and account are drawn from one store-wide sequence
   * and never reused, also after an account is deleted and re-created, so a cache entry keyed by an
   * old version can never become reachable again.
   */
  long dataVersion(AccountId accountId, DataKind kind);

  /**
   * The account's {@link #dataVersion data versions} of {@code kinds}, read together: what a cache
   * hit needs when a result is keyed by several kinds, in one round trip for a durable store. Each
   * value is what {@link #dataVersion} returns for its kind at the time of the read; the map has
   * exactly {@code kinds} as keys. The default reads them one by one.
   */
  default Map<DataKind, Long> dataVersions(AccountId accountId, Set<DataKind> kinds) {
    Map<DataKind, Long> versions = new EnumMap<>(DataKind.class);
    for (DataKind kind : kinds) {
      versions.put(kind, dataVersion(accountId, kind));
    }
    return versions;
  }

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
