package app.cloudey.spi;

import app.cloudey.model.AccountId;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A best-effort cache of query results (cost reports and the like: records of model types).
 * Implementations may throw on failure (e.g. Redis down); Cloudey reports the failure to its
 * listener and computes the result from the store, so a cache failure never fails a query. Entries
 * are keyed by {@link CacheKey}, which names the store they were computed from, so one cache (one
 * Redis) can serve several deployments. Thread-safe.
 */
public interface CloudeyCache extends AutoCloseable {

  /** The cached value for the key, if present and readable as {@code type}. */
  <T> Optional<T> get(CacheKey key, Class<T> type);

  /**
   * Caches a value.
   *
   * @param ttl time to live; null for no expiry (results about closed months)
   */
  void put(CacheKey key, Object value, @Nullable Duration ttl);

  /**
   * Drops every entry of the account computed from the store {@code storeId} (e.g. when the account
   * is deleted from that store). Entries of the same account id in other stores sharing this cache
   * stay.
   */
  void evictAccount(String storeId, AccountId accountId);

  @Override
  default void close() {}
}
