package app.cloudey.internal;

import static app.cloudey.internal.ViewMath.money;

import app.cloudey.model.AccountId;
import app.cloudey.model.Change;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Dashboard;
import app.cloudey.model.Forecast;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Computes the {@link Dashboard} from the store on one day. Reads, all at once ({@link
 * ConcurrentReads}): the cost per day from the first day of the third complete month before today
 * to today (every total, the month to date, last month's same days and the forecast's history come
 * from it: the closed months' DAY rollups and this month's days), the month to date by service and
 * compartment (in one {@link app.cloudey.spi.CostStore#aggregateEach} read with this month's days),
 * the stored compartments, the live resource counts, the latest advisor runs and the three months'
 * statuses.
 */
final class DashboardView {
  static final int COMPLETE_MONTHS = 3;

  private DashboardView() {}

  static Dashboard compute(
      CloudeyStore store,
      ConcurrentReads reads,
      AccountId accountId,
      LocalDate today,
      Instant now,
      ConcurrentReads.Read<Map<YearMonth, MonthStatus>> statusRead) {
    YearMonth current = YearMonth.from(today);
    LocalDate from = current.minusMonths(COMPLETE_MONTHS).atDay(1);
    Period monthToDate = Period.of(current.atDay(1), today.plusDays(1));
    YearMonth last = current.minusMonths(1);

    // every read at once (none needs another's answer), each on its own connection; the days
    // first, as the forecast (the view's own work) needs only them. The month to date by day and
    // by service and compartment in one read (a store may answer both in one statement); the
    // latter is summed both ways here
    ConcurrentReads.Read<List<List<CostRow>>> monthToDateRead =
        reads.fork(
            () ->
                store
                    .costs()
                    .aggregateEach(
                        accountId,
                        List.of(
                            CostQuery.of(monthToDate).groupBy(CostDimension.DAY),
                            CostQuery.of(monthToDate)
                                .groupBy(CostDimension.SERVICE, CostDimension.COMPARTMENT))));
    ConcurrentReads.Read<List<CostRow>> daysRead =
        dailyRows(
            store,
            reads,
            accountId,
            Period.of(from, today.plusDays(1)),
            months(today),
            monthToDate,
            () -> monthToDateRead.get().get(0));
    ConcurrentReads.Read<List<CostRow>> serviceCompartmentRead = () -> monthToDateRead.get().get(1);
    ConcurrentReads.Read<Labels> labelsRead =
        reads.fork(() -> Labels.compartmentsOnly(store.inventory(), accountId));
    ConcurrentReads.Read<Map<ResourceType, Map<String, Integer>>> countsRead =
        reads.fork(() -> store.inventory().liveResourceCounts(accountId));
    ConcurrentReads.Read<RecommendationSummary> recommendationsRead =
        reads.fork(() -> recommendations(store, accountId));
    // cost per day and the forecast of each currency, while the other reads finish
    Map<String, TreeMap<LocalDate, BigDecimal>> dailyByCurrency = new LinkedHashMap<>();
    Map<String, Forecast> forecasts = new HashMap<>();
    for (Map.Entry<String, List<CostRow>> e : ViewMath.byCurrency(daysRead.get()).entrySet()) {
      TreeMap<LocalDate, BigDecimal> daily = new TreeMap<>();
      for (CostRow row : e.getValue()) {
        daily.merge(ViewMath.day(row.key().get(0)), row.cost().amount(), BigDecimal::add);
      }
      dailyByCurrency.put(e.getKey(), daily);
      forecasts.put(
          e.getKey(), CostForecaster.toMonthEnd(forecastHistory(daily, today), today, e.getKey()));
    }
    Map<YearMonth, MonthStatus> statuses = statusRead.get();
    List<CostRow> serviceCompartment = serviceCompartmentRead.get();
    Map<String, List<CostRow>> services =
        ViewMath.byCurrency(ViewMath.sumBy(serviceCompartment, 0));
    Map<String, List<CostRow>> compartments =
        ViewMath.byCurrency(ViewMath.sumBy(serviceCompartment, 1));
    Labels labels = labelsRead.get();

    // Usage data lags by a day or so: compare the days this month has costs for with the same days
    // of last month, not with days that are not billed yet (that would read as a drop). The
    // latest billed day is the account's (any currency): a currency without lines on billed days
    // has a real zero. Before the month's first billed day there is nothing to compare yet.
    @Nullable LocalDate through = latestBilledDay(dailyByCurrency.values(), current, today);
    @Nullable Period billedSoFar =
        through == null ? null : Period.of(current.atDay(1), through.plusDays(1));
    @Nullable Period lastMonthSameDays =
        through == null
            ? null
            : Period.of(
                last.atDay(1),
                last.atDay(Math.min(through.getDayOfMonth(), last.lengthOfMonth())).plusDays(1));

    List<Dashboard.CurrencyDashboard> sections = new ArrayList<>();
    for (Map.Entry<String, TreeMap<LocalDate, BigDecimal>> e : dailyByCurrency.entrySet()) {
      String currency = e.getKey();
      TreeMap<LocalDate, BigDecimal> daily = e.getValue();
      Dashboard.MonthToDate monthToDateSection =
          billedSoFar == null || lastMonthSameDays == null
              ? Dashboard.MonthToDate.notBilledYet(currency)
              : monthToDate(daily, billedSoFar, lastMonthSameDays, currency);
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
              monthToDateSection,
              months,
              Change.of(olderMean, months.get(2).total().amount()),
              forecasts.get(currency),
              ViewMath.topWithOthers(
                  services.getOrDefault(currency, List.of()),
                  Dashboard.TOP,
                  monthToDateSection.cost(),
                  service -> service),
              ViewMath.topWithOthers(
                  compartments.getOrDefault(currency, List.of()),
                  Dashboard.TOP,
                  monthToDateSection.cost(),
                  labels::compartmentDisplay)));
    }
    return new Dashboard(
        today,
        sections,
        inventory(countsRead.get(), labels.compartmentCount()),
        recommendationsRead.get(),
        now);
  }

  /**
   * This month's latest day, today at most, with a cost line in any of the currencies; null before
   * the month's first billed day.
   */
  static @Nullable LocalDate latestBilledDay(
      Iterable<TreeMap<LocalDate, BigDecimal>> dailyByCurrency,
      YearMonth current,
      LocalDate today) {
    LocalDate latest = null;
    for (TreeMap<LocalDate, BigDecimal> daily : dailyByCurrency) {
      LocalDate day = daily.floorKey(today);
      if (day != null
          && !day.isBefore(current.atDay(1))
          && (latest == null || day.isAfter(latest))) {
        latest = day;
      }
    }
    return latest;
  }

  /** The month to date of one currency once this month has a billed day. */
  private static Dashboard.MonthToDate monthToDate(
      Map<LocalDate, BigDecimal> daily,
      Period billedSoFar,
      Period lastMonthSameDays,
      String currency) {
    BigDecimal mtd = sum(daily, billedSoFar);
    BigDecimal sameDays = sum(daily, lastMonthSameDays);
    return new Dashboard.MonthToDate(
        billedSoFar,
        money(mtd, currency),
        lastMonthSameDays,
        money(sameDays, currency),
        Change.of(sameDays, mtd));
  }

  /** The latest stored advisor run in brief; an empty summary when the store keeps no runs. */
  static RecommendationSummary recommendations(CloudeyStore store, AccountId accountId) {
    try {
      return store.recommendations().summary(accountId);
    } catch (app.cloudey.CloudeyConfigException noRecommendationStore) {
      return RecommendationSummary.none(accountId);
    }
  }

  /**
   * Cost per day and currency over the period: a closed month's days from its DAY rollup (exactly
   * the aggregate at close, and a closed month does not change), the other days from the lines. The
   * DAY rollups of the whole months of {@code closable} (one {@link
   * app.cloudey.spi.CostStore#rollups(AccountId, List, CostDimension)} read) and the days of the
   * other months are read at once; a month of {@code closable} without rollups (not closed, or
   * closed without lines) is then read from the lines. So no month status is needed first, and the
   * rows are those of a closed month's rollups or of its lines, as its status says. The reads start
   * now; the returned read joins them. The days of {@code given}, when they are one of the runs of
   * days read from the lines, come from {@code givenRows} (a read the caller started) instead.
   */
  static ConcurrentReads.Read<List<CostRow>> dailyRows(
      CloudeyStore store,
      ConcurrentReads reads,
      AccountId accountId,
      Period period,
      List<YearMonth> closable,
      Period given,
      ConcurrentReads.Read<List<CostRow>> givenRows) {
    List<YearMonth> candidates = new ArrayList<>();
    for (Period month : period.splitByMonth()) {
      YearMonth m = YearMonth.from(month.start());
      if (closable.contains(m) && month.equals(Period.month(m))) {
        candidates.add(m);
      }
    }
    ConcurrentReads.Read<Map<YearMonth, List<CostRow>>> rollupRead =
        candidates.isEmpty()
            ? Map::of
            : reads.fork(() -> store.costs().rollups(accountId, candidates, CostDimension.DAY));
    List<ConcurrentReads.Read<List<CostRow>>> lineReads = new ArrayList<>();
    for (Period range : ranges(period, candidates)) {
      lineReads.add(
          range.equals(given) ? givenRows : reads.fork(() -> days(store, accountId, range)));
    }
    return () -> {
      List<CostRow> rows = new ArrayList<>();
      Map<YearMonth, List<CostRow>> rolled = rollupRead.get();
      List<YearMonth> unrolled = new ArrayList<>();
      for (YearMonth m : candidates) {
        List<CostRow> monthRows = rolled.getOrDefault(m, List.of());
        if (monthRows.isEmpty()) {
          unrolled.add(m);
        } else {
          rows.addAll(monthRows);
        }
      }
      for (ConcurrentReads.Read<List<CostRow>> read : lineReads) {
        rows.addAll(read.get());
      }
      for (Period range : ranges(period, notIn(period, unrolled))) {
        rows.addAll(days(store, accountId, range));
      }
      return rows;
    };
  }

  /** The months of {@code period} that are not in {@code months}. */
  private static List<YearMonth> notIn(Period period, List<YearMonth> months) {
    List<YearMonth> others = new ArrayList<>();
    for (YearMonth m : period.months()) {
      if (!months.contains(m)) {
        others.add(m);
      }
    }
    return others;
  }

  /** The runs of consecutive days of {@code period} outside the months {@code skipped}. */
  static List<Period> ranges(Period period, List<YearMonth> skipped) {
    List<Period> ranges = new ArrayList<>();
    LocalDate openFrom = null; // start of the current run
    for (Period month : period.splitByMonth()) {
      if (skipped.contains(YearMonth.from(month.start()))) {
        if (openFrom != null) {
          ranges.add(Period.of(openFrom, month.start()));
          openFrom = null;
        }
      } else if (openFrom == null) {
        openFrom = month.start();
      }
    }
    if (openFrom != null) {
      ranges.add(Period.of(openFrom, period.end()));
    }
    return ranges;
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
  static InventorySummary inventory(
      Map<ResourceType, Map<String, Integer>> stored, int compartments) {
    // counted by the store (a GROUP BY in PostgreSQL), not read resource by resource
    Map<ResourceType, Map<String, Integer>> byType = new EnumMap<>(ResourceType.class);
    stored.forEach((type, states) -> byType.put(type, new TreeMap<>(states)));
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
