package app.cloudey.store.postgres.internal;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One instance per distinct value among the strings a large read decodes: the driver makes a new
 * {@code String} for every column of every row, and a read of 100k resources or 170k per-resource
 * SKU rows repeats a few hundred services, SKUs, regions and shapes. Sharing them keeps the
 * advisor's snapshot (which lives for a whole run) tens of megabytes smaller and the collector
 * quieter. Not thread-safe: one per read.
 */
final class SharedStrings {
  private final Map<String, String> seen = new HashMap<>();

  /** {@code value}, or the equal string this instance returned before; null stays null. */
  @Nullable String of(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String first = seen.putIfAbsent(value, value);
    return first == null ? value : first;
  }
}
