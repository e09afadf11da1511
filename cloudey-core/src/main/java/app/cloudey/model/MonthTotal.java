package app.cloudey.model;

import java.time.YearMonth;

/**
 * One calendar month's total cost in one currency (zero for a month without cost lines).
 *
 * @param month the calendar month (UTC days)
 * @param total sum of the month's lines in this currency
 * @param status the month's lifecycle: OPEN, SETTLING or CLOSED
 */
public record MonthTotal(YearMonth month, Money total, MonthStatus status) {
  public MonthTotal {
    Checks.notNull(month, "month");
    Checks.notNull(total, "total");
    Checks.notNull(status, "status");
  }
}
