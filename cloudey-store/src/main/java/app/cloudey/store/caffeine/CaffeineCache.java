package app.cloudey.store.caffeine;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.CacheKey;
import app.cloudey.spi.CloudeyCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An in-process {@link CloudeyCache} (Caffeine), bounded by entry count, each entry with its own
 * TTL. Values are kept as the (immutable) model records themselves, so a hit costs a hash lookup.
 *
 * <pre>{@code
 * CloudeyCache cache = CaffeineCache.create();                       // 10,000 entries
 * CloudeyCache small = CaffeineCache.create(1_000, Clock.systemUTC());
 * }</pre>
 *
 * <p>Thread-safe. TTLs follow the given clock (tests pass a mutable one).
 */
public final class CaffeineCache implements CloudeyCache {
  /** Entries kept by {@link #create()}. */
  public static final long DEFAULT_MAXIMUM_SIZE = 10_000;

  private final Cache<CacheKey, Entry> cache;

  private CaffeineCache(long maximumSize, Clock clock) {
    if (maximumSize < 1) {
      throw new CloudeyConfigException("maximumSize must be at least 1, was " + maximumSize);
    }
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .ticker(() -> clock.millis() * 1_000_000L)
            .expireAfter(new PerEntryTtl())
            .build();
  }

  public static CaffeineCache create() {
    return new CaffeineCache(DEFAULT_MAXIMUM_SIZE, Clock.systemUTC());
  }

  public static CaffeineCache create(long maximumSize, Clock clock) {
    return new CaffeineCache(maximumSize, clock);
  }

  @Override
  public <T> Optional<T> get(CacheKey key, Class<T> type) {
    Entry entry = cache.getIfPresent(key);
    return entry != null && type.isInstance(entry.value())
        ? Optional.of(type.cast(entry.value()))
        : Optional.empty();
  }

  @Override
  public void put(CacheKey key, Object value, @Nullable Duration ttl) {
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      cache.invalidate(key);
      return;
    }
    cache.put(key, new Entry(value, ttl == null ? Long.MAX_VALUE : ttl.toNanos()));
  }

  @Override
  public void evictAccount(String storeId, AccountId accountId) {
    cache
        .asMap()
        .keySet()
        .removeIf(k -> k.storeId().equals(storeId) && k.accountId().equals(accountId));
  }

  /** Entries currently held (expired ones may still count until cleaned up). */
  public long estimatedSize() {
    return cache.estimatedSize();
  }

  @Override
  public void close() {
    cache.invalidateAll();
  }

  private record Entry(Object value, long ttlNanos) {}

  private static final class PerEntryTtl implements Expiry<CacheKey, Entry> {
    @Override
    public long expireAfterCreate(CacheKey key, Entry entry, long now) {
      return entry.ttlNanos();
    }

    @Override
    public long expireAfterUpdate(CacheKey key, Entry entry, long now, long currentDuration) {
      return entry.ttlNanos();
    }

    @Override
    public long expireAfterRead(CacheKey key, Entry entry, long now, long currentDuration) {
      return currentDuration;
    }
  }
}
