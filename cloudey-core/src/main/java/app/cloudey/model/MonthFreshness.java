package app.cloudey.model;

import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * How final and how recent the stored costs of one month are.
 *
 * @param month the month
 * @param status {@code CLOSED} once month close ran (and no later ingest changed it), otherwise
 *     {@code OPEN} for the current month (and later ones) and {@code SETTLING} for earlier ones
 * @param lastRefreshedAt when an ingest last replaced days of this month (whether or not its lines
 *     changed); null when the month was never refreshed
 */
public record MonthFreshness(
    YearMonth month, MonthStatus status, @Nullable Instant lastRefreshedAt) {
  public MonthFreshness {
    Checks.notNull(month, "month");
    Checks.notNull(status, "status");
  }

  /**
   * The status a month has when the store knows whether it is closed: CLOSED, else OPEN from {@code
   * currentMonth} on, SETTLING before it.
   */
  public static MonthStatus statusOf(YearMonth month, boolean closed, YearMonth currentMonth) {
    if (closed) {
      return MonthStatus.CLOSED;
    }
    return month.isBefore(currentMonth) ? MonthStatus.SETTLING : MonthStatus.OPEN;
  }
}
