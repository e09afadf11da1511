package app.cloudey;

import app.cloudey.internal.CostEngine;
import app.cloudey.internal.CostViews;
import app.cloudey.internal.JobExecution;
import app.cloudey.internal.JobRunner;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostForecast;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Forecast;
import app.cloudey.model.IngestResult;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobState;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.PeriodSpec;
import app.cloudey.model.TopCostRows;
import app.cloudey.model.TopDrivers;
import app.cloudey.spi.JobListener;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One account's costs: refresh them from the cloud's usage API into the store, query any slice
 * (cached by the account's data version), and close settled months. Thread-safe.
 *
 * <pre>{@code
 * costs.refresh(Period.lastMonths(3));         // on Cloudey's clock
 * CostReport top = costs.query(CostQuery.of(Period.month(2026, 10)).groupBy(SERVICE).top(5));
 * Dashboard dashboard = costs.dashboard();      // month to date, last 3 months, forecast, top 5s
 * DetailedCosts detail = costs.detailed();      // 3 complete months: compartment > service > resource
 * CostTrends trends = costs.trends(SERVICE, 6); // month over month, largest movers
 * }</pre>
 *
 * <p>The views ({@link #dashboard}, {@link #detailed}, {@link #trends}, {@link #topDrivers}, {@link
 * #forecast}) read only the store (names from the synced inventory, never a live call), work on
 * Cloudey's clock with UTC month boundaries, keep every currency apart (one section per currency,
 * never summed across currencies), and are cached by the data versions they read. Each returns a
 * record of model types that Jackson serialises as it is.
 */
public final class Costs {
  private final AccountId accountId;
  private final CostEngine engine;
  private final CostViews views;
  private final JobRunner jobs;

  Costs(AccountId accountId, CostEngine engine, CostViews views, JobRunner jobs) {
    this.accountId = accountId;
    this.engine = engine;
    this.views = views;
    this.jobs = jobs;
  }

  /** {@link #refresh} as a background job; its result is the {@code List<IngestResult>}. */
  public Job refreshAsync(PeriodSpec period) {
    return refreshAsync(period, JobListener.NOOP);
  }

  /**
   * {@link #refresh} as a background job followed by {@code listener}; progress counts months and
   * cost lines. Cancelling it fetches no further month: the month in flight is written whole.
   */
  public Job refreshAsync(PeriodSpec period, JobListener listener) {
    return new Job(
        jobs.submit(
            accountId,
            JobKind.COST_REFRESH,
            listener,
            control -> {
              List<IngestResult> results = engine.refresh(accountId, period, control);
              long lines = results.stream().mapToLong(IngestResult::lines).sum();
              return new JobExecution.Outcome(
                  JobState.SUCCEEDED,
                  results,
                  Map.of("months", String.valueOf(results.size()), "lines", String.valueOf(lines)));
            }));
  }

  /** {@link #closeMonth} as a background job; its result is the {@code ClosedMonth}. */
  public Job closeMonthAsync(YearMonth month) {
    return closeMonthAsync(month, JobListener.NOOP);
  }

  /**
   * {@link #closeMonth} as a background job followed by {@code listener}. Cancelled before its
   * re-fetch is written, the month stays unclosed.
   */
  public Job closeMonthAsync(YearMonth month, JobListener listener) {
    return new Job(
        jobs.submit(
            accountId,
            JobKind.MONTH_CLOSE,
            listener,
            control -> {
              ClosedMonth closed = engine.closeMonth(accountId, month, control);
              return new JobExecution.Outcome(
                  JobState.SUCCEEDED,
                  closed,
                  Map.of("month", month.toString(), "lines", String.valueOf(closed.lines())));
            }));
  }

  /**
   * Fetches the period and replaces the stored lines of exactly those days (one transaction per
   * month). Re-running never duplicates a cost. A relative period such as {@code
   * Period.lastMonths(3)} is resolved on Cloudey's clock.
   */
  public List<IngestResult> refresh(PeriodSpec period) {
    return engine.refresh(accountId, period);
  }

  /**
   * Sums stored lines as the query asks; compartment subtrees include nested compartments, tags
   * come from each line's resource in the synced inventory (see {@link CostQuery}), whole closed
   * months come from their rollups where the query allows, and the report carries the freshness of
   * every month it touches.
   */
  public CostReport query(CostQuery query) {
    return engine.query(accountId, query);
  }

  /**
   * {@link #query} whose top-N rows end with what the limit left out, per currency, so the rows
   * always add up to {@link CostReport#totals()}: one "others" row of the zero or positive rows
   * left out and, only when negative rows (credits, refunds) were left out, one "credits" row of
   * those; the others row is then never negative. The rule is {@link
   * app.cloudey.model.LabeledCost}'s; the appended rows' keys are {@link
   * app.cloudey.model.LabeledCost#OTHERS} or {@link app.cloudey.model.LabeledCost#CREDITS} in every
   * position. With a limit, the store reads the first rows and the sums of the rest by sign (as
   * {@link #queryTop} does), never every row, and the cache holds this report only. Without a limit
   * or grouping it is {@link #query}.
   */
  public CostReport queryWithOthers(CostQuery query) {
    if (query.ungrouped() || query.limit() == 0) {
      return engine.query(accountId, query);
    }
    return engine.queryWithOthers(accountId, query);
  }

  /**
   * The rows of {@link #query} up to the query's limit, and per currency the sums and counts of the
   * rows beyond it, split by sign ({@link TopCostRows}): for a top-N list that says what it left
   * out without reading every row (the store sums them where they are). Cached like {@link #query};
   * the cache entry holds only this small answer. Without a limit nothing is left out.
   */
  public TopCostRows queryTop(CostQuery query) {
    return engine.top(accountId, query);
  }

  /**
   * The dashboard on today's date (Cloudey's clock, UTC): month to date against the same days of
   * last month, the last three complete months, the forecast to month end, the top services and
   * compartments, the stored inventory's counts and the recommendations summary. See {@link
   * Dashboard}.
   */
  public Dashboard dashboard() {
    return views.dashboard(accountId);
  }

  /**
   * The three complete calendar months before the current one, compartment → service → resource,
   * with change, direction and shares, each service's top resources and the newest month's top cost
   * drivers. See {@link DetailedCosts}.
   */
  public DetailedCosts detailed() {
    return views.detailed(accountId);
  }

  /**
   * The last {@code months} complete calendar months by {@code dimension}, with the largest movers
   * of the newest month up and down. See {@link CostTrends}.
   *
   * @param dimension SERVICE, COMPARTMENT, RESOURCE, REGION or SKU
   * @param months how many complete months, 2 to 36
   * @throws CloudeyConfigException for DAY or MONTH, or months out of range
   */
  public CostTrends trends(CostDimension dimension, int months) {
    return views.trends(accountId, dimension, months);
  }

  /**
   * The {@value TopDrivers#DEFAULT_LIMIT} most expensive resources of a period (a relative period
   * is resolved on Cloudey's clock), with what is left as "others". See {@link TopDrivers}.
   */
  public TopDrivers topDrivers(PeriodSpec period) {
    return views.topDrivers(accountId, period);
  }

  /** {@code forecast(Forecast.Horizon.MONTH)}: this month's total, forecast today. */
  public CostForecast forecast() {
    return forecast(Forecast.Horizon.MONTH);
  }

  /**
   * The total of this month or this quarter, forecast today per currency from the stored daily
   * costs (method {@code dow-trend-run-rate-28d}: a run rate with day-of-week factors and a trend
   * over the trailing 28 days, plus the known period to date, with a low–high range; see {@link
   * Forecast}).
   */
  public CostForecast forecast(Forecast.Horizon horizon) {
    return views.forecast(accountId, horizon);
  }

  /** OPEN (current month), SETTLING (past, not yet closed) or CLOSED. */
  public MonthStatus monthStatus(YearMonth month) {
    return engine.monthStatus(accountId, month);
  }

  /** True when a settling month is old enough to close (see the builder's {@code settlingDays}). */
  public boolean isDueForClose(YearMonth month) {
    return engine.isDueForClose(accountId, month);
  }

  /**
   * Month close: re-fetches the month, computes its rollups and marks it CLOSED. Idempotent.
   *
   * @throws app.cloudey.CloudeyConfigException for the current or a future month
   */
  public ClosedMonth closeMonth(YearMonth month) {
    return engine.closeMonth(accountId, month);
  }

  /**
   * Rollups of a closed month by any dimension (DAY and MONTH included), cost descending; empty
   * while the month is not closed. See {@link app.cloudey.spi.CostStore#rollups}.
   */
  public List<CostRow> rollups(YearMonth month, CostDimension dimension) {
    return engine.rollups(accountId, month, dimension);
  }

  /**
   * Status (OPEN, SETTLING, CLOSED) and last refresh time of each month the period touches, in
   * order; the same as {@link CostReport#freshness()} of a query over the period, read now.
   */
  public List<MonthFreshness> freshness(Period period) {
    return engine.freshness(accountId, period);
  }
}
