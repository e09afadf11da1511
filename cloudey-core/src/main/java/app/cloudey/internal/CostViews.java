package app.cloudey.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostForecast;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRest;
import app.cloudey.model.CostRow;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DataKind;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Forecast;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.PeriodSpec;
import app.cloudey.model.TopCostRows;
import app.cloudey.model.TopDrivers;
import app.cloudey.spi.CloudeyStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The cost views (dashboard, detailed costs, trends, top drivers, forecast) computed from the store
 * on Cloudey's clock (UTC days and months) and cached through {@link QueryCache}.
 *
 * <p>Cache keys: the store's identity, the account and its {@link DataKind#COSTS} version (the
 * {@link app.cloudey.spi.CacheKey}'s version), and a query string naming the view, its arguments,
 * the {@link DataKind#INVENTORY} version of views that name or count resources, the {@link
 * DataKind#RECOMMENDATIONS} version for the dashboard, and the as-of date for views that depend on
 * today (dashboard, forecast). Views over closed months only (detailed costs, trends, top drivers
 * of a past period) are cached without expiry; the others for {@code openMonthCacheTtl}.
 */
public final class CostViews {
  /** Months a trend may span. */
  static final int MAX_TREND_MONTHS = 36;

  private final Runtime runtime;
  private final QueryCache cache;

  public CostViews(Runtime runtime, QueryCache cache) {
    this.runtime = runtime;
    this.cache = cache;
  }

  private CloudeyStore store() {
    return runtime.store();
  }

  private LocalDate today() {
    return Period.today(runtime.clock());
  }

  public Dashboard dashboard(AccountId accountId) {
    LocalDate today = today();
    return cached(
        accountId,
        "view:dashboard|asOf=" + today,
        List.of(DataKind.INVENTORY, DataKind.RECOMMENDATIONS),
        Dashboard.class,
        () -> runtime.settings().openMonthCacheTtl(),
        () -> {
          ConcurrentReads reads = runtime.viewReads();
          return DashboardView.compute(
              store(),
              reads,
              accountId,
              today,
              runtime.clock().instant(),
              reads.fork(() -> statuses(accountId, DashboardView.months(today), today)));
        });
  }

  public DetailedCosts detailed(AccountId accountId) {
    List<YearMonth> months = completeMonths(DashboardView.COMPLETE_MONTHS);
    // on a miss, the statuses the TTL needs are read while the view is computed
    List<ConcurrentReads.Read<Map<YearMonth, MonthStatus>>> statusRead = new ArrayList<>(1);
    return cached(
        accountId,
        "view:detailed|months=" + months,
        List.of(DataKind.INVENTORY),
        DetailedCosts.class,
        () ->
            ttl(
                statusRead.isEmpty()
                    ? statuses(accountId, months, today())
                    : statusRead.get(0).get()),
        () -> {
          ConcurrentReads reads = runtime.viewReads();
          statusRead.add(reads.fork(() -> statuses(accountId, months, today())));
          return DetailedView.compute(store(), reads, accountId, months, runtime.clock().instant());
        });
  }

  public CostTrends trends(AccountId accountId, CostDimension dimension, int months) {
    if (dimension == CostDimension.DAY || dimension == CostDimension.MONTH) {
      throw new CloudeyConfigException(
          "trends are by a dimension other than time: use SERVICE, COMPARTMENT, RESOURCE, REGION"
              + " or SKU, not "
              + dimension);
    }
    if (months < 2 || months > MAX_TREND_MONTHS) {
      throw new CloudeyConfigException(
          "months must be between 2 and " + MAX_TREND_MONTHS + " (complete months), was " + months);
    }
    List<YearMonth> list = completeMonths(months);
    return cached(
        accountId,
        "view:trends|by=" + dimension + "|months=" + list,
        List.of(DataKind.INVENTORY),
        CostTrends.class,
        () -> ttl(accountId, list),
        () -> TrendsView.compute(store(), accountId, dimension, list, runtime.clock().instant()));
  }

  public TopDrivers topDrivers(AccountId accountId, PeriodSpec spec) {
    Period period = spec.resolve(runtime.clock());
    return cached(
        accountId,
        "view:drivers|period=" + period,
        List.of(DataKind.INVENTORY),
        TopDrivers.class,
        () ->
            period.end().isAfter(today())
                ? runtime.settings().openMonthCacheTtl()
                : ttl(accountId, period.months()),
        () -> DriversView.compute(store(), accountId, period, runtime.clock().instant()));
  }

  public CostForecast forecast(AccountId accountId, Forecast.Horizon horizon) {
    LocalDate today = today();
    return cached(
        accountId,
        "view:forecast|horizon=" + horizon + "|asOf=" + today,
        List.of(),
        CostForecast.class,
        () -> runtime.settings().openMonthCacheTtl(),
        () -> computeForecast(accountId, horizon, today));
  }

  private CostForecast computeForecast(
      AccountId accountId, Forecast.Horizon horizon, LocalDate today) {
    YearMonth month = YearMonth.from(today);
    LocalDate periodStart =
        horizon == Forecast.Horizon.MONTH
            ? month.atDay(1)
            : YearMonth.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1).atDay(1);
    LocalDate periodEnd =
        horizon == Forecast.Horizon.MONTH
            ? month.plusMonths(1).atDay(1)
            : YearMonth.from(periodStart).plusMonths(3).atDay(1);
    LocalDate from = historyStart(today, periodStart, periodEnd);
    Map<String, Map<LocalDate, BigDecimal>> daily = dailyCosts(accountId, Period.of(from, today));
    List<Forecast> forecasts = new ArrayList<>();
    daily.forEach(
        (currency, days) -> forecasts.add(CostForecaster.forecast(days, today, currency, horizon)));
    return new CostForecast(today, horizon, forecasts);
  }

  /**
   * The first day of history the forecaster can use: its window and range back-forecasts need about
   * window + range origins + remaining days (see {@link CostForecaster}); and the period's own
   * first day for the actual to date.
   */
  static LocalDate historyStart(LocalDate today, LocalDate periodStart, LocalDate periodEnd) {
    long remaining = ChronoUnit.DAYS.between(today, periodEnd);
    LocalDate back =
        today.minusDays(remaining + CostForecaster.WINDOW_DAYS + CostForecaster.RANGE_ORIGINS + 7L);
    return back.isBefore(periodStart) ? back : periodStart;
  }

  /** Cost per day and currency over the period, currencies by code. */
  private Map<String, Map<LocalDate, BigDecimal>> dailyCosts(AccountId accountId, Period period) {
    Map<String, Map<LocalDate, BigDecimal>> daily = new TreeMap<>();
    if (period.start().isBefore(period.end())) {
      for (CostRow row :
          store().costs().aggregate(accountId, CostQuery.of(period).groupBy(CostDimension.DAY))) {
        daily
            .computeIfAbsent(ViewMath.code(row.cost()), k -> new TreeMap<>())
            .merge(ViewMath.day(row.key().get(0)), row.cost().amount(), BigDecimal::add);
      }
    }
    return daily;
  }

  /**
   * The rows of {@code top} (a grouped query's rows up to its limit), then per currency of {@code
   * totals} what was left out as {@link ViewMath#rest} says: an "others" row of the zero or
   * positive rows left out and, only when negative rows were left out, a "credits" row of those
   * (see {@link app.cloudey.model.LabeledCost}). The rows then always add up to {@link
   * CostReport#totals()}. The appended rows' keys hold {@link app.cloudey.model.LabeledCost#OTHERS}
   * or {@link app.cloudey.model.LabeledCost#CREDITS} in every position; the report's query is
   * {@code query}, its totals, version, time and freshness those of {@code totals} (the report of
   * {@code query.totalOnly()}). Only for a query that groups and has a limit; {@code top} and
   * {@code totals} are small, so is the report (what the cache then holds).
   */
  public static CostReport withOthers(CostQuery query, TopCostRows top, CostReport totals) {
    Map<String, BigDecimal> listed = new HashMap<>();
    for (CostRow row : top.rows()) {
      listed.merge(ViewMath.code(row.cost()), row.cost().amount(), BigDecimal::add);
    }
    Map<String, CostRest> leftOut = new HashMap<>();
    for (CostRest rest : top.rest()) {
      leftOut.put(rest.currency().getCurrencyCode(), rest);
    }
    List<CostRow> rows = new ArrayList<>(top.rows());
    int keySize = query.groupBy().size() + query.groupByTags().size();
    for (Money total : totals.totals()) {
      String code = ViewMath.code(total);
      ViewMath.rest(total.amount(), listed.getOrDefault(code, BigDecimal.ZERO), leftOut.get(code))
          .rows()
          .forEach(
              (key, amount) ->
                  rows.add(
                      new CostRow(
                          Collections.nCopies(keySize, key), new Money(amount, total.currency()))));
    }
    return new CostReport(
        query,
        rows,
        totals.totals(),
        totals.dataVersion(),
        totals.computedAt(),
        totals.freshness());
  }

  /** The {@code n} calendar months before today's, oldest first. */
  private List<YearMonth> completeMonths(int n) {
    YearMonth current = YearMonth.from(today());
    List<YearMonth> months = new ArrayList<>(n);
    for (int i = n; i >= 1; i--) {
      months.add(current.minusMonths(i));
    }
    return months;
  }

  /** The months' statuses from one {@link app.cloudey.spi.CostStore#freshness} read. */
  private Map<YearMonth, MonthStatus> statuses(
      AccountId accountId, List<YearMonth> months, LocalDate today) {
    Map<YearMonth, MonthStatus> statuses = new LinkedHashMap<>();
    if (months.isEmpty()) {
      return statuses;
    }
    Map<YearMonth, MonthStatus> read = new HashMap<>();
    Period span =
        Period.of(months.get(0).atDay(1), months.get(months.size() - 1).plusMonths(1).atDay(1));
    for (MonthFreshness f : store().costs().freshness(accountId, span, YearMonth.from(today))) {
      read.put(f.month(), f.status());
    }
    for (YearMonth m : months) {
      statuses.put(
          m, read.getOrDefault(m, MonthFreshness.statusOf(m, false, YearMonth.from(today))));
    }
    return statuses;
  }

  /** No expiry when every month is closed (they never change again), else the open-month TTL. */
  private @Nullable Duration ttl(AccountId accountId, List<YearMonth> months) {
    return ttl(statuses(accountId, months, today()));
  }

  private @Nullable Duration ttl(Map<YearMonth, MonthStatus> statuses) {
    for (MonthStatus status : statuses.values()) {
      if (status != MonthStatus.CLOSED) {
        return runtime.settings().openMonthCacheTtl();
      }
    }
    return null;
  }

  /**
   * The view through the cache, keyed by the COSTS version and {@code query} followed by the
   * versions of {@code kinds}, all read in one {@link CloudeyStore#dataVersions} call (one round
   * trip for a durable store, so a cache hit costs that and one cache read).
   */
  private <T> T cached(
      AccountId accountId,
      String query,
      List<DataKind> kinds,
      Class<T> type,
      Supplier<@Nullable Duration> ttl,
      Supplier<T> compute) {
    Set<DataKind> read = EnumSet.of(DataKind.COSTS);
    read.addAll(kinds);
    Map<DataKind, Long> versions = store().dataVersions(accountId, read);
    StringBuilder key = new StringBuilder(query);
    for (DataKind kind : kinds) {
      key.append('|')
          .append(kind.name().toLowerCase(Locale.ROOT))
          .append('=')
          .append(versions.get(kind));
    }
    return cache.get(accountId, versions.get(DataKind.COSTS), key.toString(), type, ttl, compute);
  }
}
