package app.cloudey.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link CostQuery}.
 *
 * @param query the query answered (compartment subtrees expanded)
 * @param rows grouped sums, cost descending, at most {@code query.limit()} when set
 * @param totals sum of every matching line, one per currency (empty when nothing matched), whatever
 *     the limit
 * @param dataVersion the account's {@link DataKind#COSTS} data version the report was computed at
 * @param computedAt when it was computed
 */
public record CostReport(
    CostQuery query, List<CostRow> rows, List<Money> totals, long dataVersion, Instant computedAt) {
  public CostReport {
    Checks.notNull(query, "query");
    rows = Checks.copy(rows, "rows");
    totals = Checks.copy(totals, "totals");
    Checks.notNull(computedAt, "computedAt");
  }

  /** The total when the data is in one currency; empty when nothing matched. */
  public Optional<Money> total() {
    if (totals.size() > 1) {
      throw new app.cloudey.CloudeyConfigException(
          "report mixes currencies " + totals + ": use totals()");
    }
    return totals.stream().findFirst();
  }
}
