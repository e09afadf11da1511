package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.IngestResult;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.Period;
import app.cloudey.model.TopCostRows;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Stored cost lines, their month rollups and month status. */
public interface CostStore {

  /**
   * Replaces the account's lines for exactly the days of {@code days} with {@code lines}, in one
   * transaction, consuming the stream without holding it all in memory. Re-ingesting the same lines
   * changes nothing. Replacing days of a closed month with different lines reopens that month (its
   * rollups are dropped); identical lines leave it closed. If the stream throws, or a line belongs
   * to another account or lies outside {@code days}, nothing is changed.
   */
  IngestResult replaceCostLines(AccountId accountId, Period days, Stream<CostLine> lines);

  /**
   * Sums the lines of {@code query.period()} (first day included, end excluded) that pass every
   * filter, grouped by {@code query.groupBy()}: one row per distinct key and currency (lines of two
   * currencies never share a row; without group-by, one total row per currency). Rows are ordered
   * by amount descending, then key ascending (element by element, by {@link String#compareTo}),
   * then currency code; {@code query.limit()} keeps the first rows of that order. Each {@link
   * app.cloudey.model.CostDimension} gives the key of {@link
   * app.cloudey.model.CostDimension#valueOf} ({@code ""} for a line without a resource), followed
   * by the value of each of {@code query.groupByTags()}. An empty filter means any; a resource
   * filter of {@code ""} selects the lines without a resource, a tag filter value of {@code ""} the
   * untagged lines.
   *
   * <p>Tag values are those of {@link CostQuery}'s class documentation: the line's own tag, else
   * the tag of its resource in this store's inventory ({@link InventoryStore}, live or deleted
   * resources), else untagged ({@code ""}).
   *
   * <p>A month that lies wholly within the period and is closed may be answered from its rollups
   * instead of its lines when {@link #rollupDimension} allows it; the rows are identical either
   * way, because a closed month's lines cannot change without reopening it.
   *
   * <p>With {@code query.includeSubcompartments()}, the compartment filter covers the given
   * compartments and every live compartment below them in the account's stored compartment tree
   * ({@link InventoryStore#compartments}); deleted compartments are not part of the tree, and an id
   * the tree does not know is kept as an exact id.
   */
  List<CostRow> aggregate(AccountId accountId, CostQuery query);

  /**
   * The rows of {@link #aggregate(AccountId, CostQuery)}, in the same order, handed to {@code rows}
   * one at a time, so a caller that sums them into something smaller (the detailed view's tens of
   * thousands of rows) need not hold them all. Called on the caller's thread; if {@code rows}
   * throws, reading stops and the exception propagates. The default hands out {@link
   * #aggregate(AccountId, CostQuery)}'s list; a store that reads rows in batches should hand each
   * out as it is read (as {@code PostgresStore} does).
   */
  default void aggregate(AccountId accountId, CostQuery query, Consumer<? super CostRow> rows) {
    aggregate(accountId, query).forEach(rows);
  }

  /**
   * The rows of each query, exactly as {@link #aggregate(AccountId, CostQuery)} gives them, in the
   * order of {@code queries}: for a view that needs several groupings at once (the dashboard's
   * month to date by day and by service and compartment). The default asks {@link
   * #aggregate(AccountId, CostQuery)} for each in turn; a store may answer queries over the same
   * days together ({@code PostgresStore} answers those its day rollups serve in one statement).
   */
  default List<List<CostRow>> aggregateEach(AccountId accountId, List<CostQuery> queries) {
    List<List<CostRow>> rows = new java.util.ArrayList<>(queries.size());
    for (CostQuery query : queries) {
      rows.add(aggregate(accountId, query));
    }
    return rows;
  }

  /**
   * The rows of {@link #aggregate(AccountId, CostQuery)} with {@code query.limit()}, and per
   * currency the sums and counts of the rows beyond the limit, split by sign (see {@link
   * TopCostRows}): what a top-N list needs to end with "others" and "credits" rows that make it add
   * up to the total, without reading every row. The rows are exactly {@code aggregate(accountId,
   * query)}'s (same order and tie-breaking, same rollup paths); the rows left out are those of
   * {@code aggregate(accountId, query.unlimited())} after them. Without a limit nothing is left
   * out.
   *
   * <p>The default reads {@code aggregate(accountId, query.unlimited())}, every row, and cuts it
   * ({@link TopCostRows#of}); a store with many rows (a by-resource grouping of a large account has
   * hundreds of thousands) should sum the rows beyond the limit where they are, so that only the
   * first rows and one sum per currency and sign travel (as {@code PostgresStore} does in one
   * statement).
   */
  default TopCostRows aggregateTop(AccountId accountId, CostQuery query) {
    if (query.limit() == 0) {
      return new TopCostRows(aggregate(accountId, query), List.of());
    }
    return TopCostRows.of(aggregate(accountId, query.unlimited()), query.limit());
  }

  /** The stored lines of the period, ordered by day. The caller closes the stream. */
  Stream<CostLine> lines(AccountId accountId, Period period);

  /** When lines of the account were last written, if ever. */
  Optional<Instant> lastIngestAt(AccountId accountId);

  /**
   * Month close: recomputes the month's rollups (by every {@link CostDimension}) from its lines and
   * marks it closed, in one transaction. Idempotent; safe to run twice or concurrently; a crash
   * leaves the old or the new state.
   */
  ClosedMonth closeMonth(AccountId accountId, YearMonth month, Instant closedAt);

  /** The month's close record, if it is closed. */
  Optional<ClosedMonth> findClosedMonth(AccountId accountId, YearMonth month);

  /**
   * Rollup rows of a closed month by one dimension, as computed by its last close: exactly the rows
   * of {@link #aggregate} over the month ({@code CostQuery.of(Period.month(month))
   * .groupBy(dimension)}) at that time, in the same order (amount descending, key ascending,
   * currency code). Every dimension has rollups: {@link CostDimension#DAY} one row per day that has
   * lines, {@link CostDimension#MONTH} the month's total per currency keyed by the month ({@code
   * 2026-10}), the others one row per value. Empty if the month is not closed, or closed without
   * lines.
   */
  List<CostRow> rollups(AccountId accountId, YearMonth month, CostDimension dimension);

  /**
   * {@link #rollups} of several months by one dimension in one read: for each month of {@code
   * months}, in that order, exactly {@code rollups(accountId, month, dimension)} (an empty list for
   * a month that is not closed). The default calls {@link #rollups} once per month; a store behind
   * a network should answer in one round trip (as {@code PostgresStore} does), since views read
   * several months' rollups at once.
   */
  default Map<YearMonth, List<CostRow>> rollups(
      AccountId accountId, List<YearMonth> months, CostDimension dimension) {
    Map<YearMonth, List<CostRow>> byMonth = new LinkedHashMap<>();
    for (YearMonth month : months) {
      byMonth.put(month, rollups(accountId, month, dimension));
    }
    return byMonth;
  }

  /**
   * The freshness of each month {@code period} touches, in order: CLOSED when the month is closed,
   * otherwise OPEN from {@code currentMonth} on and SETTLING before it ({@link
   * MonthFreshness#statusOf}); and when an ingest last replaced days of the month, whether or not
   * its lines changed (null if never).
   */
  List<MonthFreshness> freshness(AccountId accountId, Period period, YearMonth currentMonth);

  /**
   * The dimension whose month rollups can answer {@code query} for a whole closed month, if any:
   * the query must not use tags, and its group-by (other than {@link CostDimension#MONTH}, which
   * every rollup row knows) and its filters together name at most one dimension (none: the {@code
   * MONTH} rollup). A compartment filter counts as {@code COMPARTMENT}, resource as {@code
   * RESOURCE}, and so on; SKU filters as {@code SKU}.
   */
  static Optional<CostDimension> rollupDimension(CostQuery query) {
    if (query.usesTags()) {
      return Optional.empty();
    }
    Set<CostDimension> named = new HashSet<>(query.groupBy());
    named.remove(CostDimension.MONTH);
    if (!query.services().isEmpty()) {
      named.add(CostDimension.SERVICE);
    }
    if (!query.compartmentIds().isEmpty()) {
      named.add(CostDimension.COMPARTMENT);
    }
    if (!query.resourceIds().isEmpty()) {
      named.add(CostDimension.RESOURCE);
    }
    if (!query.regions().isEmpty()) {
      named.add(CostDimension.REGION);
    }
    if (!query.skus().isEmpty()) {
      named.add(CostDimension.SKU);
    }
    if (named.size() > 1) {
      return Optional.empty();
    }
    return Optional.of(named.isEmpty() ? CostDimension.MONTH : named.iterator().next());
  }

  /** The values {@code query} filters {@code dimension} by; empty for none (any value). */
  static Set<String> filterOf(CostQuery query, CostDimension dimension) {
    return switch (dimension) {
      case SERVICE -> query.services();
      case COMPARTMENT -> query.compartmentIds();
      case RESOURCE -> query.resourceIds();
      case REGION -> query.regions();
      case SKU -> query.skus();
      case DAY, MONTH, SKU_NAME -> Set.of();
    };
  }

  /**
   * The billed cost of every resource over {@code period}: the lines that name a resource, summed
   * per resource, service, SKU (part number, name, unit) and currency, with the first and last day
   * and the number of distinct days that have a line. Lines without a resource are left out. Rows
   * are in no particular order.
   *
   * <p>What the advisor reads instead of raw lines, over the trailing 30 days, a window that almost
   * never covers a whole month. The default sums {@link #lines}; a store with many lines should
   * answer from per-resource monthly rollups it keeps up to date at ingest rather than from the
   * lines. {@code PostgresStore} keeps with each monthly rollup row the mask of the days that have
   * lines and the running sums of cost and quantity at each of those days, so a month the period
   * cuts is the running sums at its last day in the period minus those at the day before its first
   * (the days and the first and last day from the mask limited to the period): no line is read.
   * Whatever the plan, the rows equal the sums of the period's lines, and a resource and SKU
   * without a line in the period has no row, even when it has lines elsewhere in the same month.
   * Everything read must come from one consistent state of the store (one transaction), never from
   * either side of a concurrent ingest.
   */
  default List<app.cloudey.model.ResourceSkuCost> resourceCosts(
      AccountId accountId, Period period) {
    try (Stream<CostLine> lines = lines(accountId, period)) {
      return app.cloudey.model.ResourceSkuCost.sum(lines::iterator);
    }
  }

  /**
   * Gets {@link #resourceCosts} of {@code period} ready ahead of the reads, for a store where
   * computing them on read is costly: the cost refresh and the month close call it with the
   * advisor's window once they have written. It never changes what {@link #resourceCosts} returns:
   * a store that keeps them serves them only for this period and only until a cost of the account
   * changes, and computes them as before otherwise. The default does nothing.
   */
  default void refreshResourceCosts(AccountId accountId, Period period) {}
}
