package app.cloudey.model;

import java.util.List;

/**
 * What a cost ingest wrote.
 *
 * @param accountId account
 * @param period the days replaced
 * @param lines lines written
 * @param totals sum of the written lines per currency
 */
public record IngestResult(AccountId accountId, Period period, long lines, List<Money> totals) {
  public IngestResult {
    Checks.notNull(accountId, "accountId");
    Checks.notNull(period, "period");
    Checks.require(lines >= 0, "lines must not be negative");
    totals = Checks.copy(totals, "totals");
  }
}
