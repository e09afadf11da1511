package app.cloudey.oci.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Conversions from SDK model values to Cloudey's model, without float noise. */
public final class Mapping {
  private static final BigDecimal GIB = new BigDecimal(BigInteger.ONE.shiftLeft(30));

  private Mapping() {}

  /** Freeform tags as {@code key}, defined tags as {@code namespace.key}. */
  public static Map<String, String> tags(
      @Nullable Map<String, String> freeform, @Nullable Map<String, Map<String, Object>> defined) {
    Map<String, String> tags = new TreeMap<>();
    if (freeform != null) {
      freeform.forEach(
          (k, v) -> {
            if (k != null && v != null) {
              tags.put(k, v);
            }
          });
    }
    if (defined != null) {
      defined.forEach(
          (ns, values) -> {
            if (ns != null && values != null) {
              values.forEach(
                  (k, v) -> {
                    if (k != null && v != null) {
                      tags.put(ns + "." + k, String.valueOf(v));
                    }
                  });
            }
          });
    }
    return tags;
  }

  public static @Nullable Instant instant(@Nullable Date date) {
    return date == null ? null : date.toInstant();
  }

  /** A float from the SDK as the decimal it prints as ({@code 1.5f} is 1.5, not 1.50000001). */
  public static @Nullable BigDecimal decimal(@Nullable Float value) {
    return value == null ? null : new BigDecimal(Float.toString(value));
  }

  public static @Nullable BigDecimal decimal(@Nullable Double value) {
    return value == null ? null : new BigDecimal(Double.toString(value));
  }

  public static @Nullable BigDecimal decimal(@Nullable Long value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  public static @Nullable BigDecimal decimal(@Nullable Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  /** Bytes as GiB (exact: a power-of-two divisor always terminates). */
  public static @Nullable BigDecimal gib(@Nullable Long bytes) {
    return bytes == null ? null : new BigDecimal(bytes).divide(GIB);
  }

  public static @Nullable Integer intValue(@Nullable Long value) {
    return value == null ? null : Math.toIntExact(value);
  }

  public static String text(@Nullable Object value) {
    return value == null ? "" : String.valueOf(value);
  }

  /** Adds {@code key=value} when the value is present. */
  public static void put(Map<String, String> map, String key, @Nullable Object value) {
    if (value != null && !String.valueOf(value).isBlank()) {
      map.put(key, String.valueOf(value));
    }
  }
}
