package app.cloudey.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.DataKind;
import app.cloudey.model.IngestResult;
import app.cloudey.model.JobProgress;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.PeriodSpec;
import app.cloudey.model.TopCostRows;
import app.cloudey.spi.CloudeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Cost refresh (source → store, a month at a time), cached queries, month status and close. */
public final class CostEngine {
  private final Runtime runtime;
  private final QueryCache cache;

  public CostEngine(Runtime runtime, QueryCache cache) {
    this.runtime = runtime;
    this.cache = cache;
  }

  /**
   * Fetches the period from the account's cost source and replaces the stored lines of exactly
   * those days, one month per transaction, oldest first; then has the store refresh the
   * per-resource costs of the advisor's window ({@link
   * app.cloudey.spi.CostStore#refreshResourceCosts}).
   */
  public List<IngestResult> refresh(AccountId accountId, PeriodSpec spec) {
    return refresh(accountId, spec, JobControl.NONE);
  }

  /**
   * {@link #refresh(AccountId, PeriodSpec)} for a job: a cancelled job stops before the next month
   * (the month in flight is written whole) with {@link JobCancelledException}.
   */
  public List<IngestResult> refresh(AccountId accountId, PeriodSpec spec, JobControl control) {
    try (CloudeyStore.AccountLock lock = runtime.lockAccount(accountId)) {
      List<IngestResult> results = ingest(accountId, spec.resolve(runtime.clock()), control);
      keepResourceCosts(accountId);
      return results;
    }
  }

  /** The refresh's fetch and ingest, month by month, under the caller's account lock. */
  private List<IngestResult> ingest(AccountId accountId, Period period, JobControl control) {
    List<IngestResult> results = new ArrayList<>();
    CloudeyStore store = runtime.store();
    List<Period> months = period.splitByMonth();
    long linesSeen = 0;
    control.progress(new JobProgress(0, months.size(), 0));
    for (Period month : months) {
      control.stopIfCancelled();
      IngestResult result;
      try (Runtime.Lease lease = runtime.lease(accountId);
          Stream<CostLine> lines = lease.connection().costs().fetch(month)) {
        result = store.costs().replaceCostLines(accountId, month, lines);
      }
      runtime.listener().costsIngested(result);
      results.add(result);
      linesSeen += result.lines();
      control.progress(new JobProgress(results.size(), months.size(), linesSeen));
    }
    return results;
  }

  public CostReport query(AccountId accountId, CostQuery query) {
    CostQuery resolved = expandSubtrees(accountId, query);
    // subtrees are expanded into the key, so the result depends on cost data only
    return cache.get(
        accountId,
        DataKind.COSTS,
        "costs:" + canonical(resolved),
        CostReport.class,
        () -> ttlFor(accountId, resolved.period()),
        () -> compute(accountId, resolved));
  }

  /**
   * {@link app.cloudey.spi.CostStore#aggregateTop} of the query, cached like {@link #query} under a
   * key of its own: the entry holds the first rows and one sum per currency and sign, never the
   * rows beyond the limit.
   */
  public TopCostRows top(AccountId accountId, CostQuery query) {
    CostQuery resolved = expandSubtrees(accountId, query);
    return cache.get(
        accountId,
        DataKind.COSTS,
        "costs-top:" + canonical(resolved),
        TopCostRows.class,
        () -> ttlFor(accountId, resolved.period()),
        () -> runtime.store().costs().aggregateTop(accountId, resolved));
  }

  /**
   * The report of {@code Costs.queryWithOthers} for a grouped query with a limit: {@link
   * CostViews#withOthers} of {@link app.cloudey.spi.CostStore#aggregateTop} and the query's total,
   * cached as one entry (the top rows and the others and credits rows, never every row) under a key
   * of its own, read with one data-version read on a hit. The report names {@code query} as asked.
   */
  public CostReport queryWithOthers(AccountId accountId, CostQuery query) {
    CostQuery resolved = expandSubtrees(accountId, query);
    CostReport report =
        cache.get(
            accountId,
            DataKind.COSTS,
            "costs-others:" + canonical(resolved),
            CostReport.class,
            () -> ttlFor(accountId, resolved.period()),
            () ->
                CostViews.withOthers(
                    resolved,
                    runtime.store().costs().aggregateTop(accountId, resolved),
                    compute(accountId, resolved.totalOnly())));
    // the key is the resolved query's (subtrees expanded); the answer names the query asked
    return report.query().equals(query)
        ? report
        : new CostReport(
            query,
            report.rows(),
            report.totals(),
            report.dataVersion(),
            report.computedAt(),
            report.freshness());
  }

  private CostReport compute(AccountId accountId, CostQuery query) {
    long version = runtime.store().dataVersion(accountId, DataKind.COSTS);
    List<CostRow> rows = runtime.store().costs().aggregate(accountId, query);
    List<Money> totals =
        query.ungrouped() && query.limit() == 0
            ? rows.stream().map(CostRow::cost).toList()
            : runtime.store().costs().aggregate(accountId, query.totalOnly()).stream()
                .map(CostRow::cost)
                .toList();
    return new CostReport(
        query,
        rows,
        totals,
        version,
        runtime.clock().instant(),
        freshness(accountId, query.period()));
  }

  /** Status and last refresh of each month the period touches, on Cloudey's clock. */
  public List<MonthFreshness> freshness(AccountId accountId, Period period) {
    YearMonth current = YearMonth.from(Period.today(runtime.clock()));
    return runtime.store().costs().freshness(accountId, period, current);
  }

  /** Closed months never change again, so their results are cached without expiry. */
  private @Nullable Duration ttlFor(AccountId accountId, Period period) {
    for (YearMonth month : period.months()) {
      if (runtime.store().costs().findClosedMonth(accountId, month).isEmpty()) {
        return runtime.settings().openMonthCacheTtl();
      }
    }
    return null;
  }

  /** Replaces compartment-subtree filters by the explicit ids of the stored tree. */
  private CostQuery expandSubtrees(AccountId accountId, CostQuery query) {
    if (!query.includeSubcompartments() || query.compartmentIds().isEmpty()) {
      return query;
    }
    Map<String, List<String>> children = new HashMap<>();
    for (Compartment c : runtime.store().inventory().compartments(accountId)) {
      if (c.parentId() != null) {
        children.computeIfAbsent(c.parentId(), k -> new ArrayList<>()).add(c.id());
      }
    }
    Set<String> ids = new HashSet<>();
    List<String> todo = new ArrayList<>(query.compartmentIds());
    while (!todo.isEmpty()) {
      String id = todo.remove(todo.size() - 1);
      if (ids.add(id)) {
        todo.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return query.compartments(ids);
  }

  /** A key independent of set iteration order, so processes sharing Redis agree on it. */
  static String canonical(CostQuery q) {
    return q.period()
        + "|g="
        + q.groupBy()
        + "|s="
        + new TreeSet<>(q.services())
        + "|c="
        + new TreeSet<>(q.compartmentIds())
        + "|r="
        + new TreeSet<>(q.resourceIds())
        + "|re="
        + new TreeSet<>(q.regions())
        + "|l="
        + q.limit()
        + "|sku="
        + new TreeSet<>(q.skus())
        + "|gt="
        + q.groupByTags()
        + "|t="
        + canonicalTags(q);
  }

  private static String canonicalTags(CostQuery q) {
    Map<String, Set<String>> sorted = new java.util.TreeMap<>();
    q.tags().forEach((key, values) -> sorted.put(key, new TreeSet<>(values)));
    return sorted.toString();
  }

  /** OPEN for the current month, SETTLING for past months until closed, CLOSED after close. */
  public MonthStatus monthStatus(AccountId accountId, YearMonth month) {
    YearMonth current = YearMonth.from(Period.today(runtime.clock()));
    if (month.isAfter(current)) {
      throw new CloudeyConfigException(
          "month " + month + " is in the future (today is in " + current + ")");
    }
    if (runtime.store().costs().findClosedMonth(accountId, month).isPresent()) {
      return MonthStatus.CLOSED;
    }
    return month.equals(current) ? MonthStatus.OPEN : MonthStatus.SETTLING;
  }

  /** True when a past month has settled long enough to close (see {@code settlingDays}). */
  public boolean isDueForClose(AccountId accountId, YearMonth month) {
    LocalDate today = Period.today(runtime.clock());
    return monthStatus(accountId, month) == MonthStatus.SETTLING
        && !today.isBefore(
            month.plusMonths(1).atDay(1).plusDays(runtime.settings().settlingDays()));
  }

  /** The advisor reads the per-resource costs of its window: kept ready while costs are still. */
  private void keepResourceCosts(AccountId accountId) {
    runtime.keepReadyForAdvisor(
        accountId,
        "per-resource costs",
        () -> runtime.store().costs().refreshResourceCosts(accountId, runtime.advisorCostWindow()));
  }

  /** Re-fetches the month, then computes its rollups and marks it closed. */
  public ClosedMonth closeMonth(AccountId accountId, YearMonth month) {
    return closeMonth(accountId, month, JobControl.NONE);
  }

  /**
   * {@link #closeMonth(AccountId, YearMonth)} for a job: re-fetches the month and closes it under
   * the account's lock, then has the store keep the advisor's per-resource costs (once, after the
   * close, whose rollups move the costs version). A cancelled job does not close.
   */
  public ClosedMonth closeMonth(AccountId accountId, YearMonth month, JobControl control) {
    YearMonth current = YearMonth.from(Period.today(runtime.clock()));
    if (!month.isBefore(current)) {
      throw new CloudeyConfigException(
          "cannot close "
              + month
              + ": only months before the current month ("
              + current
              + ") can close");
    }
    ClosedMonth closed;
    try (CloudeyStore.AccountLock lock = runtime.lockAccount(accountId)) {
      ingest(accountId, Period.month(month), control);
      control.stopIfCancelled();
      closed = runtime.store().costs().closeMonth(accountId, month, runtime.clock().instant());
      // once, after the close: its rollups move the costs version the ingest left
      keepResourceCosts(accountId);
    }
    runtime.listener().monthClosed(closed);
    return closed;
  }

  public List<CostRow> rollups(AccountId accountId, YearMonth month, CostDimension dimension) {
    return runtime.store().costs().rollups(accountId, month, dimension);
  }
}
