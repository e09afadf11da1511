package app.cloudey.model;

import app.cloudey.CloudeyConfigException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Argument checks shared by the model records; every failure names the field. */
final class Checks {
  private Checks() {}

  static <T> T notNull(@Nullable T value, String field) {
    if (value == null) {
      throw new CloudeyConfigException(field + " must not be null");
    }
    return value;
  }

  static String notBlank(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new CloudeyConfigException(field + " must not be null or blank");
    }
    return value;
  }

  /** Blank becomes null: OCI returns "" and null interchangeably for absent optional text. */
  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  static <K, V> Map<K, V> copy(@Nullable Map<K, V> map, String field) {
    if (map == null) {
      return Map.of();
    }
    try {
      return Map.copyOf(map);
    } catch (NullPointerException e) {
      throw new CloudeyConfigException(field + " must not contain null keys or values", e);
    }
  }

  static <T> List<T> copy(@Nullable List<T> list, String field) {
    if (list == null) {
      return List.of();
    }
    try {
      return List.copyOf(list);
    } catch (NullPointerException e) {
      throw new CloudeyConfigException(field + " must not contain null elements", e);
    }
  }

  static <T> Set<T> copy(@Nullable Set<T> set, String field) {
    if (set == null) {
      return Set.of();
    }
    try {
      return Set.copyOf(set);
    } catch (NullPointerException e) {
      throw new CloudeyConfigException(field + " must not contain null elements", e);
    }
  }

  /** A set of varargs values: repeats collapse (they come from user input), nulls are refused. */
  static <T> Set<T> setOf(@Nullable T[] values, String field) {
    return values == null
        ? Set.of()
        : copy(new java.util.HashSet<>(java.util.Arrays.asList(values)), field);
  }

  static int notNegative(int value, String field) {
    if (value < 0) {
      throw new CloudeyConfigException(field + " must not be negative, was " + value);
    }
    return value;
  }

  static void require(boolean condition, String message) {
    if (!condition) {
      throw new CloudeyConfigException(message);
    }
  }

  /**
   * As {@link #require(boolean, String)}, building the message only on failure: records such as
   * {@link Period} and {@link Resource.Tracking} are made by the hundred thousand per read, and an
   * eager message formats their dates every time.
   */
  static void require(boolean condition, Supplier<String> message) {
    if (!condition) {
      throw new CloudeyConfigException(message.get());
    }
  }

  static boolean anyNull(Collection<?> values) {
    return values.stream().anyMatch(v -> v == null);
  }
}
