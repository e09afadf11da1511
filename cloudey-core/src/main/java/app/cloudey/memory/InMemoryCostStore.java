package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.DataKind;
import app.cloudey.model.IngestResult;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.Period;
import app.cloudey.spi.CostStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Cost lines by day, month close records and rollups.
 *
 * <p>An ingest consumes its stream into a staging list <em>before</em> taking the account's write
 * lock (so a slow provider never blocks readers), validates every line, and only then swaps the
 * period's days in one step. A stream that throws, a line of another account or outside the period,
 * or a natural key given twice leaves everything as it was. The {@link DataKind#COSTS} version
 * moves when an ingest changes the period's lines, or a close changes the month's close record or
 * rollups.
 */
final class InMemoryCostStore implements CostStore, InMemoryAccountStore.AccountDataOwner {
  private final Tenants tenants;
  private final Clock clock;
  private final InMemoryInventoryStore inventory;
  private final ConcurrentMap<AccountId, Costs> costs = new ConcurrentHashMap<>();
  private final AtomicLong monthsFromRollups = new AtomicLong();

  InMemoryCostStore(Tenants tenants, Clock clock, InMemoryInventoryStore inventory) {
    this.tenants = tenants;
    this.clock = clock;
    this.inventory = inventory;
  }

  @Override
  public IngestResult replaceCostLines(
      @Nullable AccountId accountId, @Nullable Period days, @Nullable Stream<CostLine> lines) {
    Check.notNull(accountId, "accountId");
    Check.notNull(days, "days");
    Check.notNull(lines, "lines");
    List<CostLine> staged = stage(accountId, days, lines);
    TreeMap<LocalDate, Map<CostLine.Key, CostLine>> fresh = new TreeMap<>();
    for (CostLine line : staged) {
      fresh.computeIfAbsent(line.day(), d -> new LinkedHashMap<>()).put(line.key(), line);
    }
    return tenants.write(
        accountId,
        () -> {
          Costs state = costs(accountId);
          NavigableMap<LocalDate, Map<CostLine.Key, CostLine>> old =
              state.byDay.subMap(days.start(), true, days.end(), false);
          if (!old.equals(fresh)) {
            reopenChangedMonths(state, days, old, fresh);
            old.clear();
            state.byDay.putAll(fresh);
            tenants.changed(accountId, DataKind.COSTS);
          }
          state.lastIngestAt = clock.instant();
          for (YearMonth month : days.months()) {
            state.refreshedAt.put(month, state.lastIngestAt);
          }
          return new IngestResult(accountId, days, staged.size(), CostAggregation.totals(staged));
        });
  }

  /** Reads the whole stream, refusing it at the first invalid line. Closes the stream. */
  private static List<CostLine> stage(AccountId accountId, Period days, Stream<CostLine> lines) {
    List<CostLine> staged = new ArrayList<>();
    Set<CostLine.Key> keys = new HashSet<>();
    try (lines) {
      Iterator<CostLine> iterator = lines.iterator();
      while (iterator.hasNext()) {
        CostLine line = iterator.next();
        if (line == null) {
          throw new CloudeyConfigException(
              "cost line #" + staged.size() + " is null; nothing was written");
        }
        if (!line.accountId().equals(accountId)) {
          throw new CloudeyConfigException(
              "cost line #"
                  + staged.size()
                  + " belongs to account '"
                  + line.accountId()
                  + "', not '"
                  + accountId
                  + "': a cost source may only return the connected account's lines; nothing"
                  + " was written");
        }
        if (!days.contains(line.day())) {
          throw new CloudeyConfigException(
              "cost line #"
                  + staged.size()
                  + " is on "
                  + line.day()
                  + ", outside the days being replaced "
                  + days
                  + "; nothing was written");
        }
        if (!keys.add(line.key())) {
          throw new CloudeyConfigException(
              "cost line natural key "
                  + line.key()
                  + " appears twice in one ingest: a source must return one line per key (sum"
                  + " duplicates, or add the dimension that tells them apart); nothing was"
                  + " written");
        }
        staged.add(line);
      }
    }
    return staged;
  }

  /**
   * Reopens (drops the close record and rollups of) every closed month whose lines in {@code days}
   * change. Re-ingesting a closed month's exact lines changes nothing, so it stays closed.
   */
  private static void reopenChangedMonths(
      Costs state,
      Period days,
      NavigableMap<LocalDate, Map<CostLine.Key, CostLine>> old,
      NavigableMap<LocalDate, Map<CostLine.Key, CostLine>> fresh) {
    state
        .closed
        .keySet()
        .removeIf(
            month ->
                Period.month(month)
                    .intersection(days)
                    .map(
                        touched ->
                            !old.subMap(touched.start(), true, touched.end(), false)
                                .equals(fresh.subMap(touched.start(), true, touched.end(), false)))
                    .orElse(false));
  }

  @Override
  public List<CostRow> aggregate(@Nullable AccountId accountId, @Nullable CostQuery query) {
    Check.notNull(accountId, "accountId");
    Check.notNull(query, "query");
    return tenants.read(
        accountId,
        () -> {
          // the engine normally expands subtrees; do it here too so a direct caller gets it right
          CostQuery exact =
              query.includeSubcompartments() && !query.compartmentIds().isEmpty()
                  ? query.compartments(inventory.subtreeLocked(accountId, query.compartmentIds()))
                  : query;
          Costs state = costs.get(accountId);
          if (state == null) {
            return List.of();
          }
          CostAggregation.Sums sums = new CostAggregation.Sums();
          Set<YearMonth> fromRollups = new HashSet<>();
          Optional<CostDimension> rollup = CostStore.rollupDimension(exact);
          if (rollup.isPresent()) {
            for (YearMonth month : exact.period().months()) {
              MonthClose close = state.closed.get(month);
              if (close != null && exact.period().contains(Period.month(month))) {
                addRollups(sums, exact, month, rollup.get(), close.rollups().get(rollup.get()));
                fromRollups.add(month);
              }
            }
            monthsFromRollups.addAndGet(fromRollups.size());
          }
          for (Map<CostLine.Key, CostLine> day :
              state
                  .byDay
                  .subMap(exact.period().start(), true, exact.period().end(), false)
                  .values()) {
            for (CostLine line : day.values()) {
              if (fromRollups.contains(YearMonth.from(line.day()))) {
                break; // the whole day belongs to a month answered from its rollups
              }
              Map<String, String> resourceTags =
                  exact.usesTags() && line.hasResource()
                      ? inventory.tagsLocked(accountId, line.resourceId())
                      : Map.of();
              if (exact.matches(line, resourceTags)) {
                sums.add(
                    key(exact, line, resourceTags), line.cost().amount(), line.cost().currency());
              }
            }
          }
          return sums.rows(exact.limit());
        });
  }

  /** A line's row key: its group-by dimension values, then its group-by tag values. */
  private static List<String> key(
      CostQuery query, CostLine line, Map<String, String> resourceTags) {
    List<String> key = new ArrayList<>(query.groupBy().size() + query.groupByTags().size());
    for (CostDimension dimension : query.groupBy()) {
      key.add(dimension.valueOf(line));
    }
    for (String tag : query.groupByTags()) {
      key.add(CostQuery.tagValue(tag, line, resourceTags));
    }
    return key;
  }

  /**
   * Adds a closed month's rollup rows by {@code dimension} that pass the query's filter on that
   * dimension, keyed by the query's group-by ({@code MONTH} is the month itself).
   */
  private static void addRollups(
      CostAggregation.Sums sums,
      CostQuery query,
      YearMonth month,
      CostDimension dimension,
      List<CostRow> rollups) {
    Set<String> filter = CostStore.filterOf(query, dimension);
    for (CostRow row : rollups) {
      String value = row.key().get(0);
      if (!filter.isEmpty() && !filter.contains(value)) {
        continue;
      }
      List<String> key = new ArrayList<>(query.groupBy().size());
      for (CostDimension d : query.groupBy()) {
        key.add(d == CostDimension.MONTH ? month.toString() : value);
      }
      sums.add(key, row.cost().amount(), row.cost().currency());
    }
  }

  /** How many months queries answered from rollups so far (tests prove the rollup path with it). */
  long monthsAnsweredFromRollups() {
    return monthsFromRollups.get();
  }

  @Override
  public List<MonthFreshness> freshness(
      @Nullable AccountId accountId, @Nullable Period period, @Nullable YearMonth currentMonth) {
    Check.notNull(accountId, "accountId");
    Check.notNull(period, "period");
    Check.notNull(currentMonth, "currentMonth");
    return tenants.read(
        accountId,
        () -> {
          Costs state = costs.get(accountId);
          List<MonthFreshness> months = new ArrayList<>();
          for (YearMonth month : period.months()) {
            boolean closed = state != null && state.closed.containsKey(month);
            months.add(
                new MonthFreshness(
                    month,
                    MonthFreshness.statusOf(month, closed, currentMonth),
                    state == null ? null : state.refreshedAt.get(month)));
          }
          return months;
        });
  }

  @Override
  public Stream<CostLine> lines(@Nullable AccountId accountId, @Nullable Period period) {
    Check.notNull(accountId, "accountId");
    Check.notNull(period, "period");
    // a snapshot: the caller may consume it slowly without holding the lock
    return tenants.read(accountId, () -> linesLocked(accountId, period)).stream();
  }

  private List<CostLine> linesLocked(AccountId accountId, Period period) {
    Costs state = costs.get(accountId);
    if (state == null) {
      return List.of();
    }
    List<CostLine> lines = new ArrayList<>();
    state
        .byDay
        .subMap(period.start(), true, period.end(), false)
        .values()
        .forEach(day -> lines.addAll(day.values()));
    return lines;
  }

  @Override
  public Optional<Instant> lastIngestAt(@Nullable AccountId accountId) {
    Check.notNull(accountId, "accountId");
    return tenants.read(
        accountId,
        () -> Optional.ofNullable(costs.get(accountId)).map(state -> state.lastIngestAt));
  }

  @Override
  public ClosedMonth closeMonth(
      @Nullable AccountId accountId, @Nullable YearMonth month, @Nullable Instant closedAt) {
    Check.notNull(accountId, "accountId");
    Check.notNull(month, "month");
    Check.notNull(closedAt, "closedAt");
    return tenants.write(
        accountId,
        () -> {
          Costs state = costs(accountId);
          List<CostLine> lines = linesLocked(accountId, Period.month(month));
          Map<CostDimension, List<CostRow>> rollups = new EnumMap<>(CostDimension.class);
          for (CostDimension dimension : CostDimension.values()) {
            rollups.put(dimension, CostAggregation.group(lines, List.of(dimension), 0));
          }
          ClosedMonth closed =
              new ClosedMonth(
                  accountId, month, closedAt, lines.size(), CostAggregation.totals(lines));
          MonthClose close = new MonthClose(closed, rollups);
          if (!close.equals(state.closed.put(month, close))) {
            tenants.changed(accountId, DataKind.COSTS);
          }
          return closed;
        });
  }

  @Override
  public Optional<ClosedMonth> findClosedMonth(
      @Nullable AccountId accountId, @Nullable YearMonth month) {
    Check.notNull(accountId, "accountId");
    Check.notNull(month, "month");
    return tenants.read(accountId, () -> findClose(accountId, month).map(MonthClose::month));
  }

  @Override
  public List<CostRow> rollups(
      @Nullable AccountId accountId, @Nullable YearMonth month, @Nullable CostDimension dimension) {
    Check.notNull(accountId, "accountId");
    Check.notNull(month, "month");
    Check.notNull(dimension, "dimension");
    return tenants.read(
        accountId,
        () ->
            findClose(accountId, month)
                .map(close -> close.rollups().get(dimension))
                .orElse(List.of()));
  }

  private Optional<MonthClose> findClose(AccountId accountId, YearMonth month) {
    return Optional.ofNullable(costs.get(accountId)).map(state -> state.closed.get(month));
  }

  @Override
  public void clear(AccountId accountId) {
    costs.remove(accountId);
  }

  private Costs costs(AccountId accountId) {
    return costs.computeIfAbsent(accountId, id -> new Costs());
  }

  /** One account's costs; guarded by the account's read-write lock. */
  private static final class Costs {
    final TreeMap<LocalDate, Map<CostLine.Key, CostLine>> byDay = new TreeMap<>();
    final Map<YearMonth, MonthClose> closed = new HashMap<>();
    final Map<YearMonth, Instant> refreshedAt = new HashMap<>();
    @Nullable Instant lastIngestAt;
  }

  private record MonthClose(ClosedMonth month, Map<CostDimension, List<CostRow>> rollups) {}
}
