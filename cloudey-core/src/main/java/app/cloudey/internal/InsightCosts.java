package app.cloudey.internal;

import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One advisor run's account-wide cost aggregates of the recent, usually still open, months. The
 * insight rules ask several unfiltered aggregates of the same days (last month by service, by
 * region and in total, the trailing weeks by service and day); over open months each is a scan of
 * the lines. This answers every such query from one grouped query by service, region and day over
 * {@link #range}, read on the first such question, by summing its rows: the sums are exact ({@link
 * java.math.BigDecimal}), so the rows equal the store's, in the order of {@link
 * app.cloudey.spi.CostStore#aggregate} (amount descending, then key, then currency). Other queries
 * (filtered, by other dimensions, tags, a limit, or days outside the range) are left to the store.
 */
final class InsightCosts {
  private static final Set<CostDimension> FINE =
      Set.of(CostDimension.SERVICE, CostDimension.REGION, CostDimension.DAY);
  private static final List<CostDimension> FINE_ORDER =
      List.of(CostDimension.SERVICE, CostDimension.REGION, CostDimension.DAY);

  private final Period range;
  private final Function<CostQuery, List<CostRow>> store;
  private @Nullable List<CostRow> fine;

  /**
   * @param range the days answered here: from the first day of last month to today (excluded)
   * @param store the store's aggregate
   */
  InsightCosts(Period range, Function<CostQuery, List<CostRow>> store) {
    this.range = range;
    this.store = store;
  }

  /** The first day of the month before today's, to today. */
  static Period recentMonths(LocalDate today) {
    return new Period(today.withDayOfMonth(1).minusMonths(1), today);
  }

  /** The query's rows when it can be answered here, else empty. */
  Optional<List<CostRow>> answer(CostQuery query) {
    if (!answerable(query)) {
      return Optional.empty();
    }
    List<CostRow> rows = fine();
    List<CostDimension> wanted = query.groupBy();
    List<Integer> positions = wanted.stream().map(FINE_ORDER::indexOf).toList();
    int day = FINE_ORDER.indexOf(CostDimension.DAY);
    Map<List<String>, Map<Currency, Money>> sums = new LinkedHashMap<>();
    for (CostRow row : rows) {
      LocalDate d = LocalDate.parse(row.key().get(day));
      if (!query.period().contains(d)) {
        continue;
      }
      List<String> key = new ArrayList<>(positions.size());
      positions.forEach(p -> key.add(row.key().get(p)));
      sums.computeIfAbsent(List.copyOf(key), k -> new LinkedHashMap<>())
          .merge(row.cost().currency(), row.cost(), Money::plus);
    }
    List<CostRow> out = new ArrayList<>();
    sums.forEach(
        (key, byCurrency) -> byCurrency.values().forEach(m -> out.add(new CostRow(key, m))));
    out.sort(ORDER);
    return Optional.of(List.copyOf(out));
  }

  private boolean answerable(CostQuery query) {
    return FINE.containsAll(query.groupBy())
        && !query.period().start().isBefore(range.start())
        && !query.period().end().isAfter(range.end())
        // no filter, tag, or limit: the same query as the one built from its period and groups
        && query.equals(
            CostQuery.of(query.period()).groupBy(query.groupBy().toArray(CostDimension[]::new)));
  }

  private List<CostRow> fine() {
    if (fine == null) {
      fine = store.apply(fineQuery(range));
    }
    return fine;
  }

  /**
   * The one grouped query asked of the store, by service, region and day over {@code range}, so the
   * engine can start it early, alongside its other snapshot reads.
   */
  static CostQuery fineQuery(Period range) {
    return CostQuery.of(range).groupBy(FINE_ORDER.toArray(CostDimension[]::new));
  }

  /** The store's order: amount descending, then key element by element, then currency code. */
  private static final Comparator<CostRow> ORDER =
      Comparator.comparing((CostRow r) -> r.cost().amount(), Comparator.reverseOrder())
          .thenComparing(CostRow::key, InsightCosts::compareKeys)
          .thenComparing(r -> r.cost().currency().getCurrencyCode());

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
