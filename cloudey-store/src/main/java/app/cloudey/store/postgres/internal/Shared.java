package app.cloudey.store.postgres.internal;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One instance per distinct value among those a large read decodes: the driver makes a new object
 * for every column of every row, and a read of 100k resources or 170k per-resource SKU rows repeats
 * a few hundred services, SKUs, regions and shapes, each resource id once per SKU, and a few sync
 * times. Sharing them keeps the advisor's snapshot (which lives for a whole run) tens of megabytes
 * smaller and the collector quieter. Not thread-safe: one per read.
 *
 * @param <T> an immutable value type with value equality (strings, instants, dates)
 */
final class Shared<T> {
  private final Map<T, T> seen = new HashMap<>();

  /** {@code value}, or the equal value this instance returned before; null stays null. */
  @Nullable T of(@Nullable T value) {
    if (value == null) {
      return null;
    }
    T first = seen.putIfAbsent(value, value);
    return first == null ? value : first;
  }
}
