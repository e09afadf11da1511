package app.cloudey.internal;

import app.cloudey.internal.ViewMath.Columns;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.spi.CloudeyStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link CostTrends} from one aggregate of the months by month and the dimension. */
final class TrendsView {
  private TrendsView() {}

  static CostTrends compute(
      CloudeyStore store,
      AccountId accountId,
      CostDimension dimension,
      List<YearMonth> months,
      Instant now) {
    Period period =
        Period.of(months.get(0).atDay(1), months.get(months.size() - 1).plusMonths(1).atDay(1));
    List<CostRow> rows =
        store
            .costs()
            .aggregate(accountId, CostQuery.of(period).groupBy(CostDimension.MONTH, dimension));
    Labels labels =
        switch (dimension) {
          case RESOURCE -> Labels.load(store.inventory(), accountId);
          case COMPARTMENT -> Labels.compartmentsOnly(store.inventory(), accountId);
          default -> Labels.none(); // services, regions and SKUs are their own names
        };
    List<CostTrends.CurrencyTrends> sections = new ArrayList<>();
    ViewMath.byCurrency(rows)
        .forEach(
            (currency, currencyRows) -> {
              Columns totals = new Columns(months.size());
              Map<String, Columns> byKey = new HashMap<>();
              for (CostRow row : currencyRows) {
                int m = months.indexOf(YearMonth.parse(row.key().get(0)));
                BigDecimal amount = row.cost().amount();
                totals.add(m, amount);
                byKey
                    .computeIfAbsent(row.key().get(1), k -> new Columns(months.size()))
                    .add(m, amount);
              }
              List<CostTrends.TrendRow> trendRows = new ArrayList<>();
              for (Map.Entry<String, Columns> e : byKey.entrySet()) {
                Columns c = e.getValue();
                trendRows.add(
                    new CostTrends.TrendRow(
                        e.getKey(),
                        name(dimension, e.getKey(), labels),
                        c.money(currency),
                        Money.of(c.latest().subtract(c.previous()), currency),
                        c.change()));
              }
              trendRows.sort(
                  Comparator.comparing(
                          (CostTrends.TrendRow r) -> last(r.months()), Comparator.reverseOrder())
                      .thenComparing(CostTrends.TrendRow::key));
              Comparator<CostTrends.TrendRow> byDelta =
                  Comparator.comparing(r -> r.delta().amount());
              List<CostTrends.TrendRow> risers =
                  trendRows.stream()
                      .filter(r -> r.delta().amount().signum() > 0)
                      .sorted(byDelta.reversed().thenComparing(CostTrends.TrendRow::key))
                      .limit(CostTrends.MOVERS)
                      .toList();
              List<CostTrends.TrendRow> fallers =
                  trendRows.stream()
                      .filter(r -> r.delta().amount().signum() < 0)
                      .sorted(byDelta.thenComparing(CostTrends.TrendRow::key))
                      .limit(CostTrends.MOVERS)
                      .toList();
              sections.add(
                  new CostTrends.CurrencyTrends(
                      currency,
                      totals.money(currency),
                      totals.change(),
                      trendRows,
                      risers,
                      fallers));
            });
    return new CostTrends(dimension, months, sections, now);
  }

  private static BigDecimal last(List<Money> months) {
    return months.get(months.size() - 1).amount();
  }

  private static String name(CostDimension dimension, String key, Labels labels) {
    return switch (dimension) {
      case RESOURCE -> labels.resource(key).name();
      case COMPARTMENT -> labels.compartmentDisplay(key);
      default -> key.isEmpty() ? "(none)" : key;
    };
  }
}
