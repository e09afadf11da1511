package app.cloudey.memory;

import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Grouping and summing of cost lines, shared by queries and month rollups. Stateless. */
final class CostAggregation {
  private CostAggregation() {}

  /**
   * Rows in the documented order: cost descending, then key ascending (element by element), then
   * currency code. Compares amounts, not {@link Money}, because {@code Money.compareTo} refuses to
   * mix currencies.
   */
  static final Comparator<CostRow> ROW_ORDER =
      Comparator.comparing((CostRow row) -> row.cost().amount())
          .reversed()
          .thenComparing(CostRow::key, CostAggregation::compareKeys)
          .thenComparing(row -> row.cost().currency().getCurrencyCode());

  /**
   * Sums {@code lines} per value of {@code groupBy} (in order), at most {@code limit} rows (0 for
   * all). Lines of different currencies never share a row: a group holding two currencies gives two
   * rows with the same key.
   */
  static List<CostRow> group(Iterable<CostLine> lines, List<CostDimension> groupBy, int limit) {
    Sums sums = new Sums();
    for (CostLine line : lines) {
      List<String> key = new ArrayList<>(groupBy.size());
      for (CostDimension dimension : groupBy) {
        key.add(dimension.valueOf(line));
      }
      sums.add(key, line.cost().amount(), line.cost().currency());
    }
    return sums.rows(limit);
  }

  /**
   * Sums per (key, currency), from lines and rollup rows alike; {@link #rows} gives them in the
   * documented order. Not thread-safe.
   */
  static final class Sums {
    private final Map<GroupKey, BigDecimal> sums = new HashMap<>();

    void add(List<String> key, BigDecimal amount, Currency currency) {
      sums.merge(new GroupKey(List.copyOf(key), currency), amount, BigDecimal::add);
    }

    /** The rows, ordered, at most {@code limit} (0 for all). */
    List<CostRow> rows(int limit) {
      List<CostRow> rows = new ArrayList<>(sums.size());
      sums.forEach(
          (group, sum) -> rows.add(new CostRow(group.key(), new Money(sum, group.currency()))));
      rows.sort(ROW_ORDER);
      return limit > 0 && rows.size() > limit ? List.copyOf(rows.subList(0, limit)) : rows;
    }
  }

  /** The sum of {@code lines} per currency, ordered by currency code; empty for no lines. */
  static List<Money> totals(Iterable<CostLine> lines) {
    Map<String, Money> totals = new TreeMap<>();
    for (CostLine line : lines) {
      totals.merge(line.cost().currency().getCurrencyCode(), line.cost(), Money::plus);
    }
    return List.copyOf(totals.values());
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private record GroupKey(List<String> key, Currency currency) {}
}
