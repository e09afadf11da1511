package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.spi.CacheKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Read-through caching of query results keyed by the store's identity and the account's version of
 * the kind of data the query reads. The cache is best effort: any failure is reported to the
 * listener and the result is computed from the store.
 */
public final class QueryCache {
  private final Runtime runtime;

  public QueryCache(Runtime runtime) {
    this.runtime = runtime;
  }

  /**
   * The cached result of a query that reads data of {@code kind} only, or {@code compute}'s (then
   * cached with {@code ttl}'s lifetime; the TTL is only worked out on a miss, so a hit costs one
   * data-version read and one cache read).
   */
  public <T> T get(
      AccountId accountId,
      DataKind kind,
      String query,
      Class<T> type,
      Supplier<@Nullable Duration> ttl,
      Supplier<T> compute) {
    return get(accountId, runtime.store().dataVersion(accountId, kind), query, type, ttl, compute);
  }

  /**
   * {@link #get(AccountId, DataKind, String, Class, Supplier, Supplier)} with the data version the
   * caller already read (with others, in one round trip: {@link
   * app.cloudey.spi.CloudeyStore#dataVersions}).
   */
  public <T> T get(
      AccountId accountId,
      long dataVersion,
      String query,
      Class<T> type,
      Supplier<@Nullable Duration> ttl,
      Supplier<T> compute) {
    CacheKey key = new CacheKey(runtime.store().storeId(), accountId, dataVersion, query);
    Optional<T> cached;
    try {
      cached = runtime.cache().get(key, type);
    } catch (RuntimeException e) {
      runtime.listener().cacheError("get", e);
      return compute.get();
    }
    if (cached.isPresent()) {
      runtime.listener().cacheHit(key);
      return cached.get();
    }
    runtime.listener().cacheMiss(key);
    T value = compute.get();
    try {
      runtime.cache().put(key, value, ttl.get());
    } catch (RuntimeException e) {
      runtime.listener().cacheError("put", e);
    }
    return value;
  }

  public void evict(AccountId accountId) {
    try {
      runtime.cache().evictAccount(runtime.store().storeId(), accountId);
    } catch (RuntimeException e) {
      runtime.listener().cacheError("evictAccount", e);
    }
  }
}
