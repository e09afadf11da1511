package app.cloudey.ai.internal;

import app.cloudey.model.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Periods as the tools take them, resolved on Cloudey's clock: {@code this_month} (month to date),
 * {@code last_month}, {@code last_N_months} (complete months), {@code last_N_days} (whole days
 * before today), {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM..YYYY-MM} and {@code
 * YYYY-MM-DD..YYYY-MM-DD} (both ends included).
 */
final class Periods {
  static final String FORMATS =
      "this_month, last_month, last_N_months, last_N_days, YYYY, YYYY-MM, YYYY-MM..YYYY-MM or"
          + " YYYY-MM-DD..YYYY-MM-DD (both ends included)";

  private static final Pattern LAST_N = Pattern.compile("(?:last|past)_(\\d{1,3})_(month|day)s?");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Clock clock;

  Periods(Clock clock) {
    this.clock = clock;
  }

  LocalDate today() {
    return Period.today(clock);
  }

  YearMonth currentMonth() {
    return YearMonth.from(today());
  }

  /** The last complete month. */
  Period lastMonth() {
    return Period.month(currentMonth().minusMonths(1));
  }

  /** The current month from its first day to today included. */
  Period monthToDate() {
    return Period.of(currentMonth().atDay(1), today().plusDays(1));
  }

  /** The period the text names, or {@code otherwise} when it is blank. */
  Period parse(@Nullable String text, Period otherwise) {
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    String[] range = t.split("\\s*(?:\\.\\.|/| to )\\s*");
    try {
      if (range.length == 2) {
        return range(range[0], range[1], text);
      }
      if (YEAR.matcher(t).matches()) {
        int year = Integer.parseInt(t);
        return Period.of(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
      }
      if (MONTH.matcher(t).matches()) {
        return Period.month(YearMonth.parse(t));
      }
      if (DAY.matcher(t).matches()) {
        return Period.day(LocalDate.parse(t));
      }
    } catch (DateTimeParseException | app.cloudey.CloudeyConfigException e) {
      throw new ToolInputException(
          "period '"
              + text
              + "' is not a valid date range: "
              + e.getMessage()
              + "; use "
              + FORMATS);
    }
    String words = t.replaceAll("[\\s-]+", "_");
    switch (words) {
      case "this_month", "current_month", "month_to_date", "mtd" -> {
        return monthToDate();
      }
      case "last_month", "previous_month", "prior_month" -> {
        return lastMonth();
      }
      default -> {
        // last_N_months / last_N_days
      }
    }
    Matcher last = LAST_N.matcher(words);
    if (last.matches()) {
      int n = Integer.parseInt(last.group(1));
      if (n < 1) {
        throw new ToolInputException("period '" + text + "' must count at least 1");
      }
      if (last.group(2).equals("month")) {
        return Period.of(currentMonth().minusMonths(n).atDay(1), currentMonth().atDay(1));
      }
      return Period.lastDays(n, clock);
    }
    throw new ToolInputException("period '" + text + "' is not understood; use " + FORMATS);
  }

  private static Period range(String from, String to, String text) {
    if (MONTH.matcher(from).matches() && MONTH.matcher(to).matches()) {
      YearMonth first = YearMonth.parse(from);
      YearMonth last = YearMonth.parse(to);
      if (last.isBefore(first)) {
        throw new ToolInputException("period '" + text + "' ends before it starts");
      }
      return Period.of(first.atDay(1), last.plusMonths(1).atDay(1));
    }
    if (DAY.matcher(from).matches() && DAY.matcher(to).matches()) {
      LocalDate first = LocalDate.parse(from);
      LocalDate last = LocalDate.parse(to);
      if (last.isBefore(first)) {
        throw new ToolInputException("period '" + text + "' ends before it starts");
      }
      return Period.of(first, last.plusDays(1));
    }
    throw new ToolInputException("period '" + text + "' mixes formats; use " + FORMATS);
  }

  /** E.g. {@code 2026-10 (2026-10-01 to 2026-10-31)} or {@code 2026-11-01 to 2026-11-20}. */
  static String describe(Period period) {
    LocalDate last = period.end().minusDays(1);
    String days = period.start() + " to " + last;
    if (period.isWholeMonth()) {
      return YearMonth.from(period.start()) + " (" + days + ")";
    }
    return days;
  }
}
