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
 * @param freshness one entry per month the query's period touches, in order: its status and when
 *     its lines were last refreshed, as of {@code computedAt} (a cached report keeps them until its
 *     entry expires); empty on a report built without it
 */
public record CostReport(
    CostQuery query,
    List<CostRow> rows,
    List<Money> totals,
    long dataVersion,
    Instant computedAt,
    List<MonthFreshness> freshness) {
  public CostReport {
    Checks.notNull(query, "query");
    rows = Checks.copy(rows, "rows");
    totals = Checks.copy(totals, "totals");
    Checks.notNull(computedAt, "computedAt");
    freshness = Checks.copy(freshness, "freshness");
  }

  /** A report without freshness. */
  public CostReport(
      CostQuery query,
      List<CostRow> rows,
      List<Money> totals,
      long dataVersion,
      Instant computedAt) {
    this(query, rows, totals, dataVersion, computedAt, List.of());
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
