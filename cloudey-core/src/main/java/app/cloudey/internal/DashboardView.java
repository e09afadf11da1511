package app.cloudey.internal;

import static app.cloudey.internal.ViewMath.money;

import app.cloudey.model.AccountId;
import app.cloudey.model.Change;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Dashboard;
import app.cloudey.model.InventorySummary;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.MonthTotal;
import app.cloudey.model.Period;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.model.ResourceType;
import app.cloudey.spi.CloudeyStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the {@link Dashboard} from the store on one day. Reads: one daily aggregate from the
 * first day of the third complete month before today to today (every total, the month to date, last
 * month's same days and the forecast's history come from it), the month to date by service and by
 * compartment, the stored compartments and live resources, the three months' close records.
 */
final class DashboardView {
  static final int COMPLETE_MONTHS = 3;

  private DashboardView() {}

  static Dashboard compute(
      CloudeyStore store,
      AccountId accountId,
      LocalDate today,
      Instant now,
      Map<YearMonth, MonthStatus> statuses) {
    YearMonth current = YearMonth.from(today);
    LocalDate from = current.minusMonths(COMPLETE_MONTHS).atDay(1);
    Period monthToDate = Period.of(current.atDay(1), today.plusDays(1));
    YearMonth last = current.minusMonths(1);

    List<CostRow> days = dailyRows(store, accountId, Period.of(from, today.plusDays(1)), statuses);
    // one read by service and compartment, summed both ways here (one round trip instead of two)
    List<CostRow> serviceCompartment =
        store
            .costs()
            .aggregate(
                accountId,
                CostQuery.of(monthToDate)
                    .groupBy(CostDimension.SERVICE, CostDimension.COMPARTMENT));
    Map<String, List<CostRow>> services =
        ViewMath.byCurrency(ViewMath.sumBy(serviceCompartment, 0));
    Map<String, List<CostRow>> compartments =
        ViewMath.byCurrency(ViewMath.sumBy(serviceCompartment, 1));
    Labels labels = Labels.compartmentsOnly(store.inventory(), accountId);

    List<Dashboard.CurrencyDashboard> sections = new ArrayList<>();
    for (Map.Entry<String, List<CostRow>> e : ViewMath.byCurrency(days).entrySet()) {
      String currency = e.getKey();
      TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
      for (CostRow row : e.getValue()) {
        daily.merge(LocalDate.parse(row.key().get(0)), row.cost().amount(), BigDecimal::add);
      }
      // Usage data lags by a day or so: compare the days this month has costs for with the same
      // days of last month, not with days that are not billed yet (that would read as a drop)
      LocalDate latest = daily.floorKey(today);
      LocalDate through =
          latest != null && !latest.isBefore(current.atDay(1)) ? latest : current.atDay(1);
      Period billedSoFar = Period.of(current.atDay(1), through.plusDays(1));
      Period lastMonthSameDays =
          Period.of(
              last.atDay(1),
              last.atDay(Math.min(through.getDayOfMonth(), last.lengthOfMonth())).plusDays(1));
      BigDecimal mtd = sum(daily, monthToDate);
      BigDecimal sameDays = sum(daily, lastMonthSameDays);
      List<MonthTotal> months = new ArrayList<>();
      for (int i = COMPLETE_MONTHS; i >= 1; i--) {
        YearMonth m = current.minusMonths(i);
        months.add(
            new MonthTotal(m, money(sum(daily, Period.month(m)), currency), statuses.get(m)));
      }
      BigDecimal olderMean =
          months
              .get(0)
              .total()
              .amount()
              .add(months.get(1).total().amount())
              .divide(BigDecimal.valueOf(2));
      sections.add(
          new Dashboard.CurrencyDashboard(
              currency,
              new Dashboard.MonthToDate(
                  billedSoFar,
                  money(mtd, currency),
                  lastMonthSameDays,
                  money(sameDays, currency),
                  Change.of(sameDays, mtd)),
              months,
              Change.of(olderMean, months.get(2).total().amount()),
              CostForecaster.toMonthEnd(forecastHistory(daily, today), today, currency),
              ViewMath.topWithOthers(
                  services.getOrDefault(currency, List.of()),
                  Dashboard.TOP,
                  money(mtd, currency),
                  service -> service),
              ViewMath.topWithOthers(
                  compartments.getOrDefault(currency, List.of()),
                  Dashboard.TOP,
                  money(mtd, currency),
                  labels::compartmentDisplay)));
    }
    return new Dashboard(
        today,
        sections,
        inventory(store, accountId, labels.compartmentCount()),
        recommendations(store, accountId),
        now);
  }

  /** The latest stored advisor run in brief; an empty summary when the store keeps no runs. */
  static RecommendationSummary recommendations(CloudeyStore store, AccountId accountId) {
    List<app.cloudey.model.RecommendationRun> lastTwo;
    try {
      lastTwo = store.recommendations().history(accountId, 2);
    } catch (app.cloudey.CloudeyConfigException noRecommendationStore) {
      lastTwo = List.of();
    }
    return RecommendationSummary.of(
        accountId,
        lastTwo.isEmpty() ? null : lastTwo.get(0),
        lastTwo.size() < 2 ? null : lastTwo.get(1));
  }

  /**
   * Cost per day and currency over the period: a closed month's days from its DAY rollup (exactly
   * the aggregate at close, and a closed month does not change; every such month in one {@link
   * app.cloudey.spi.CostStore#rollups(AccountId, List, CostDimension)} read), the other days from
   * the lines.
   */
  static List<CostRow> dailyRows(
      CloudeyStore store, AccountId accountId, Period period, Map<YearMonth, MonthStatus> status) {
    List<YearMonth> closed = new ArrayList<>();
    for (Period month : period.splitByMonth()) {
      YearMonth m = YearMonth.from(month.start());
      if (status.get(m) == MonthStatus.CLOSED && month.equals(Period.month(m))) {
        closed.add(m);
      }
    }
    List<CostRow> rows = new ArrayList<>();
    if (!closed.isEmpty()) {
      store.costs().rollups(accountId, closed, CostDimension.DAY).values().forEach(rows::addAll);
    }
    LocalDate openFrom = null; // start of the current run of days read from the lines
    for (Period month : period.splitByMonth()) {
      if (closed.contains(YearMonth.from(month.start()))) {
        if (openFrom != null) {
          rows.addAll(days(store, accountId, Period.of(openFrom, month.start())));
          openFrom = null;
        }
      } else if (openFrom == null) {
        openFrom = month.start();
      }
    }
    if (openFrom != null) {
      rows.addAll(days(store, accountId, Period.of(openFrom, period.end())));
    }
    return rows;
  }

  private static List<CostRow> days(CloudeyStore store, AccountId accountId, Period period) {
    return store.costs().aggregate(accountId, CostQuery.of(period).groupBy(CostDimension.DAY));
  }

  /** The days {@link CostViews#forecast} reads, so both forecasts agree. */
  private static Map<LocalDate, BigDecimal> forecastHistory(
      Map<LocalDate, BigDecimal> daily, LocalDate today) {
    YearMonth month = YearMonth.from(today);
    LocalDate from = CostViews.historyStart(today, month.atDay(1), month.plusMonths(1).atDay(1));
    Map<LocalDate, BigDecimal> history = new TreeMap<>();
    daily.forEach(
        (day, cost) -> {
          if (!day.isBefore(from) && day.isBefore(today)) {
            history.put(day, cost);
          }
        });
    return history;
  }

  private static BigDecimal sum(Map<LocalDate, BigDecimal> daily, Period period) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<LocalDate, BigDecimal> e : daily.entrySet()) {
      if (period.contains(e.getKey())) {
        sum = sum.add(e.getValue());
      }
    }
    return sum;
  }

  /** The inventory counts; {@code compartments} is the number of live stored compartments. */
  static InventorySummary inventory(CloudeyStore store, AccountId accountId, int compartments) {
    // counted by the store (a GROUP BY in PostgreSQL), not read resource by resource
    Map<ResourceType, Map<String, Integer>> byType = new EnumMap<>(ResourceType.class);
    store
        .inventory()
        .liveResourceCounts(accountId)
        .forEach((type, states) -> byType.put(type, new TreeMap<>(states)));
    int live = 0;
    for (Map<String, Integer> states : byType.values()) {
      for (int n : states.values()) {
        live += n;
      }
    }
    List<InventorySummary.TypeCount> types = new ArrayList<>();
    byType.forEach(
        (type, states) -> {
          List<InventorySummary.StateCount> counts = new ArrayList<>();
          states.forEach((state, n) -> counts.add(new InventorySummary.StateCount(state, n)));
          types.add(
              new InventorySummary.TypeCount(
                  type, states.values().stream().mapToInt(Integer::intValue).sum(), counts));
        });
    Map<String, Integer> instances = byType.getOrDefault(ResourceType.INSTANCE, new HashMap<>());
    return new InventorySummary(
        compartments,
        live,
        instances.getOrDefault("RUNNING", 0),
        instances.getOrDefault("STOPPED", 0),
        types);
  }

  /** The months whose status the dashboard shows. */
  static List<YearMonth> months(LocalDate today) {
    YearMonth current = YearMonth.from(today);
    return new ArrayList<>(
        new TreeSet<>(
            List.of(current.minusMonths(3), current.minusMonths(2), current.minusMonths(1))));
  }
}
