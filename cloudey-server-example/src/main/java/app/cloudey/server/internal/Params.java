package app.cloudey.server.internal;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Query parameters, checked: a bad value is a 400 naming the parameter. */
public final class Params {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

  private Params() {}

  public static int intIn(Context ctx, String name, int fallback, int min, int max) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_" + name,
          name
              + " must be a whole number from "
              + min
              + " to "
              + max
              + ", was '"
              + Auth.clip(raw)
              + "'");
    }
  }

  /** A required {@code YYYY-MM}. */
  public static YearMonth month(Context ctx, String name) {
    YearMonth month = optionalMonth(ctx, name);
    if (month == null) {
      throw ApiException.badRequest("invalid_" + name, name + " is required, as YYYY-MM");
    }
    return month;
  }

  public static @Nullable YearMonth optionalMonth(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      if (!MONTH.matcher(raw.strip()).matches()) {
        throw new DateTimeParseException("shape", raw, 0);
      }
      YearMonth m = YearMonth.parse(raw.strip());
      if (m.getYear() < 2000 || m.getYear() > 2100) {
        throw new DateTimeParseException("range", raw, 0);
      }
      return m;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "invalid_" + name, name + " must be a month as YYYY-MM, was '" + Auth.clip(raw) + "'");
    }
  }

  public static @Nullable LocalDate optionalDate(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      LocalDate d = LocalDate.parse(raw.strip());
      if (d.getYear() < 2000 || d.getYear() > 2100) {
        throw new DateTimeParseException("range", raw, 0);
      }
      return d;
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          "invalid_" + name, name + " must be a date as YYYY-MM-DD, was '" + Auth.clip(raw) + "'");
    }
  }

  public static boolean bool(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return false;
    }
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default ->
          throw ApiException.badRequest(
              "invalid_" + name, name + " must be true or false, was '" + Auth.clip(raw) + "'");
    };
  }
}
