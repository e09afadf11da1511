package app.cloudey.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * A month made final by month close.
 *
 * @param accountId account
 * @param month the month
 * @param closedAt when it was (last) closed
 * @param lines number of cost lines in the month
 * @param totals the month's total per currency
 */
public record ClosedMonth(
    AccountId accountId, YearMonth month, Instant closedAt, long lines, List<Money> totals) {
  public ClosedMonth {
    Checks.notNull(accountId, "accountId");
    Checks.notNull(month, "month");
    Checks.notNull(closedAt, "closedAt");
    Checks.require(lines >= 0, "lines must not be negative");
    totals = Checks.copy(totals, "totals");
  }
}
