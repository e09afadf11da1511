package app.cloudey;

import app.cloudey.internal.CostEngine;
import app.cloudey.internal.JobExecution;
import app.cloudey.internal.JobRunner;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.IngestResult;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobState;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.PeriodSpec;
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
 * }</pre>
 */
public final class Costs {
  private final AccountId accountId;
  private final CostEngine engine;
  private final JobRunner jobs;

  Costs(AccountId accountId, CostEngine engine, JobRunner jobs) {
    this.accountId = accountId;
    this.engine = engine;
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
