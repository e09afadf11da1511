package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.CacheKey;
import app.cloudey.spi.CloudeyCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A bounded in-process {@link CloudeyCache}: at most {@code maxEntries} entries, the least recently
 * used one evicted first, each entry expiring after its TTL as read from an injected {@link Clock}
 * (so tests can move time). No dependency beyond the JDK.
 *
 * <p>Values are kept by reference, not copied: cache only immutable values (Cloudey caches records
 * of model types). A value whose TTL is zero or negative has already expired and is not stored.
 * Expired entries are dropped when read, when they reach the LRU end, or by a sweep on one of every
 * {@code maxEntries} puts that overflow the bound (so a full cache's puts stay O(1) amortised).
 *
 * <p>Thread-safe: one lock around a small map, which a hit holds for well under a microsecond.
 * {@link #close()} empties the cache; it stays usable.
 *
 * <pre>{@code
 * InMemoryCache cache = InMemoryCache.create(1_000, clock);
 * CacheKey key = new CacheKey(store.storeId(), acme, store.dataVersion(acme), "costs:2026-10");
 * cache.put(key, report, Duration.ofMinutes(15));
 * Optional<CostReport> hit = cache.get(key, CostReport.class);
 * InMemoryCache.Stats stats = cache.stats(); // hits, misses, evictions, size
 * }</pre>
 */
public final class InMemoryCache implements CloudeyCache {
  /** Entries kept by {@link #create()}. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  private final int maxEntries;
  private final Clock clock;
  private final LinkedHashMap<CacheKey, Entry> entries;
  private long hits;
  private long misses;
  private long evictions;
  private long overflowsSinceSweep;

  private InMemoryCache(int maxEntries, Clock clock) {
    this.maxEntries = maxEntries;
    this.clock = clock;
    // access order: iteration starts at the least recently used entry
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** A cache of {@value #DEFAULT_MAX_ENTRIES} entries on the system UTC clock. */
  public static InMemoryCache create() {
    return new InMemoryCache(DEFAULT_MAX_ENTRIES, Clock.systemUTC());
  }

  /**
   * A cache of at most {@code maxEntries} entries whose TTLs run on {@code clock}.
   *
   * @throws CloudeyConfigException when {@code maxEntries < 1} or the clock is null
   */
  public static InMemoryCache create(int maxEntries, @Nullable Clock clock) {
    if (maxEntries < 1) {
      throw new CloudeyConfigException("maxEntries must be at least 1, was " + maxEntries);
    }
    return new InMemoryCache(maxEntries, Check.notNull(clock, "clock"));
  }

  @Override
  public <T> Optional<T> get(@Nullable CacheKey key, @Nullable Class<T> type) {
    Check.notNull(key, "key");
    Check.notNull(type, "type");
    Instant now = clock.instant();
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry != null && entry.isExpired(now)) {
        entries.remove(key);
        entry = null;
      }
      if (entry == null || !type.isInstance(entry.value())) {
        misses++;
        return Optional.empty();
      }
      hits++;
      return Optional.of(type.cast(entry.value()));
    }
  }

  @Override
  public void put(@Nullable CacheKey key, @Nullable Object value, @Nullable Duration ttl) {
    Check.notNull(key, "key");
    Check.notNull(value, "value");
    Instant now = clock.instant();
    synchronized (this) {
      if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
        entries.remove(key); // expired on arrival; drop an older value too, it is superseded
        return;
      }
      entries.put(key, new Entry(value, expiry(now, ttl)));
      evictOverflow(now);
    }
  }

  private static @Nullable Instant expiry(Instant now, @Nullable Duration ttl) {
    if (ttl == null) {
      return null;
    }
    try {
      return now.plus(ttl);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return null; // beyond Instant.MAX: never expires in practice
    }
  }

  /**
   * Keeps the bound: drops every expired entry, but at most once per {@code maxEntries} overflowing
   * puts (a full scan on each put would make a full cache's puts O(n)), then least recently used
   * ones; an expired entry at the LRU end is dropped without counting as an eviction.
   */
  private void evictOverflow(Instant now) {
    if (entries.size() <= maxEntries) {
      return;
    }
    if (overflowsSinceSweep++ % maxEntries == 0) {
      entries.values().removeIf(entry -> entry.isExpired(now));
    }
    Iterator<Map.Entry<CacheKey, Entry>> eldest = entries.entrySet().iterator();
    while (entries.size() > maxEntries && eldest.hasNext()) {
      boolean expired = eldest.next().getValue().isExpired(now);
      eldest.remove();
      if (!expired) {
        evictions++;
      }
    }
  }

  @Override
  public void evictAccount(@Nullable String storeId, @Nullable AccountId accountId) {
    Check.notNull(storeId, "storeId");
    Check.notNull(accountId, "accountId");
    synchronized (this) {
      entries
          .keySet()
          .removeIf(key -> key.storeId().equals(storeId) && key.accountId().equals(accountId));
    }
  }

  /** Counts since creation, and the entries held now (expired ones included until dropped). */
  public synchronized Stats stats() {
    return new Stats(hits, misses, evictions, entries.size());
  }

  @Override
  public synchronized void close() {
    entries.clear();
  }

  @Override
  public String toString() {
    return "InMemoryCache[maxEntries=" + maxEntries + ", " + stats() + "]";
  }

  /**
   * Cache counters.
   *
   * @param hits reads that found a live value of the asked type
   * @param misses reads that found nothing, an expired value, or a value of another type
   * @param evictions entries dropped to respect the size bound (expiry is not counted)
   * @param size entries held now
   */
  public record Stats(long hits, long misses, long evictions, int size) {
    /** Hits over reads, 0 when nothing was read. */
    public double hitRate() {
      long reads = hits + misses;
      return reads == 0 ? 0 : (double) hits / reads;
    }
  }

  private record Entry(Object value, @Nullable Instant expiresAt) {
    boolean isExpired(Instant now) {
      return expiresAt != null && !now.isBefore(expiresAt);
    }
  }
}
