package app.cloudey.oci.simulator.internal;

import org.jspecify.annotations.Nullable;

/**
 * OCI-style pagination: {@code limit} (capped at the simulator's page size) and an opaque {@code
 * page} token; {@code opc-next-page} is set while more items follow.
 */
final class Pages {
  private Pages() {}

  /** {from, to, hasNext} over {@code total} items. */
  record Window(int from, int to, @Nullable String next) {}

  static Window window(ApiRequest req, int total, int pageSize) {
    int limit = limit(req, pageSize);
    int from = offset(req.param("page"));
    if (from > total) {
      throw ApiException.invalid(
          "page token '" + req.param("page") + "' is past the end of the list");
    }
    int to = Math.min(total, from + limit);
    return new Window(from, to, to < total ? token(to) : null);
  }

  static int limit(ApiRequest req, int pageSize) {
    String limit = req.param("limit");
    if (limit == null) {
      return pageSize;
    }
    try {
      int value = Integer.parseInt(limit);
      if (value < 1) {
        throw ApiException.invalid("limit must be at least 1, was " + value);
      }
      return Math.min(value, pageSize);
    } catch (NumberFormatException e) {
      throw ApiException.invalid("limit '" + limit + "' is not a number");
    }
  }

  static String token(long offset) {
    return "sim1-" + Long.toString(offset * 7919 + 13, 36);
  }

  static int offset(@Nullable String token) {
    long offset = offsetLong(token);
    if (offset > Integer.MAX_VALUE) {
      // a forged token: no list is that long (400, not an overflow and a 500)
      throw ApiException.invalid("page token '" + token + "' is past the end of the list");
    }
    return (int) offset;
  }

  static long offsetLong(@Nullable String token) {
    if (token == null) {
      return 0;
    }
    try {
      if (token.startsWith("sim1-")) {
        long encoded = Long.parseLong(token.substring(5), 36) - 13;
        if (encoded >= 0 && encoded % 7919 == 0) {
          return encoded / 7919;
        }
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw ApiException.invalid(
        "page token '" + token + "' is not valid: pass opc-next-page unchanged");
  }
}
