package app.cloudey.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first rows of a grouped {@link CostQuery} up to its limit, and per currency what the rows
 * beyond the limit add up to, split by sign: the answer of {@link
 * app.cloudey.spi.CostStore#aggregateTop}, from which a top-N list with "others" and "credits" rows
 * is built without reading every row.
 *
 * @param rows the rows of {@link app.cloudey.spi.CostStore#aggregate} with the query's limit, in
 *     its order (amount descending, key ascending, currency code)
 * @param rest one entry per currency that has rows beyond the limit, by currency code ascending;
 *     empty when nothing was left out (no limit, or no more rows than the limit)
 */
public record TopCostRows(List<CostRow> rows, List<CostRest> rest) {
  public TopCostRows {
    rows = Checks.copy(rows, "rows");
    rest = Checks.copy(rest, "rest");
    for (int i = 1; i < rest.size(); i++) {
      Checks.require(
          rest.get(i - 1)
                  .currency()
                  .getCurrencyCode()
                  .compareTo(rest.get(i).currency().getCurrencyCode())
              < 0,
          "rest must have one entry per currency, by currency code ascending: " + rest);
    }
  }

  /**
   * Cuts {@code all}, every row of a query in {@link app.cloudey.spi.CostStore#aggregate}'s order,
   * after its first {@code limit} rows (0: no limit, nothing left out) and sums the rows beyond.
   */
  public static TopCostRows of(List<CostRow> all, int limit) {
    Checks.require(limit >= 0, "limit must not be negative, was " + limit);
    int shown = limit == 0 ? all.size() : Math.min(limit, all.size());
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    Map<String, long[]> counts = new TreeMap<>();
    for (CostRow row : all.subList(shown, all.size())) {
      String code = row.cost().currency().getCurrencyCode();
      BigDecimal[] sum =
          sums.computeIfAbsent(code, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      long[] count = counts.computeIfAbsent(code, k -> new long[2]);
      int sign = row.cost().amount().signum() < 0 ? 1 : 0;
      sum[sign] = sum[sign].add(row.cost().amount());
      count[sign]++;
    }
    List<CostRest> rest = new ArrayList<>(sums.size());
    sums.forEach(
        (code, sum) -> {
          long[] count = counts.get(code);
          rest.add(
              new CostRest(
                  java.util.Currency.getInstance(code), sum[0], count[0], sum[1], count[1]));
        });
    return new TopCostRows(all.subList(0, shown), rest);
  }

  /** Every row of the query: the rows here and those left out. */
  public long rowCount() {
    long count = rows.size();
    for (CostRest r : rest) {
      count += r.rows();
    }
    return count;
  }
}
