package app.cloudey.store.postgres.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.TopCostRows;
import app.cloudey.spi.CostStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Cost lines, aggregates, month close and rollups in PostgreSQL. */
public final class PgCostStore implements CostStore {
  private final Db db;
  private final CostIngest ingest;
  private final MonthClose close;
  private final ResourceCostRead resourceCosts;
  private final int fetchSize;

  public PgCostStore(Db db, Clock clock, int fetchSize) {
    this.db = db;
    this.ingest = new CostIngest(db, clock);
    this.close = new MonthClose(db, this);
    this.resourceCosts = new ResourceCostRead(db, fetchSize);
    this.fetchSize = fetchSize;
  }

  @Override
  public IngestResult replaceCostLines(AccountId accountId, Period days, Stream<CostLine> lines) {
    return ingest.replace(accountId, days, lines);
  }

  /**
   * One statement, reading as few rows as the query allows:
   *
   * <ul>
   *   <li>a query without tags that neither groups nor filters by resource reads the day rollups
   *       ({@code cost_day_rollup}, equal to the lines at every ingest) instead of the lines;
   *   <li>whole closed months come from their rollups: by one dimension ({@code month_rollup}) when
   *       the query names at most one, otherwise, without tags and the DAY dimension, from {@code
   *       month_rollup_detail} (every dimension but the day).
   * </ul>
   *
   * When closed months are used, they are read first and the statement reads their rollup rows
   * instead of their lines, both in one repeatable-read transaction so a concurrent reopen cannot
   * slip in between. The rows are the same whichever source answers.
   */
  @Override
  public List<CostRow> aggregate(AccountId accountId, CostQuery query) {
    List<CostRow> rows = new ArrayList<>();
    aggregate(accountId, query, rows::add);
    return rows;
  }

  /** {@link #aggregate(AccountId, CostQuery)}, each row handed out as the driver reads it. */
  @Override
  public void aggregate(AccountId accountId, CostQuery query, Consumer<? super CostRow> rows) {
    // inside a transaction the driver fetches fetchSize rows at a time (a cursor): the detailed
    // view's tens of thousands of rows are never all held as raw rows
    answer(
        accountId,
        query,
        (h, sql, inTransaction) -> {
          sql.run(h, accountId.value(), inTransaction ? fetchSize : 0, rows);
          return null;
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Queries over the same days and filters that the day rollups answer alone (no closed month's
   * rollup, no resource, no tags, no limit) are answered by one statement with a grouping set per
   * query ({@link CostGroupingsSql}): one round trip and one scan of their rows. Others are read in
   * turn.
   */
  @Override
  public List<List<CostRow>> aggregateEach(AccountId accountId, List<CostQuery> queries) {
    CostGroupingsSql together = CostGroupingsSql.of(db::sql, queries);
    if (together == null) {
      return CostStore.super.aggregateEach(accountId, queries);
    }
    return db.read("aggregate costs", accountId, h -> together.run(h, accountId.value()));
  }

  /**
   * {@link #aggregate(AccountId, CostQuery)}'s statement, rollup paths included, wrapped to number
   * its rows in the same order and sum those beyond the limit per currency and sign: one statement,
   * the first rows and one row per currency read (see {@code CostQuerySql#topText}).
   */
  @Override
  public TopCostRows aggregateTop(AccountId accountId, CostQuery query) {
    if (query.limit() == 0) {
      return new TopCostRows(aggregate(accountId, query), List.of());
    }
    return answer(accountId, query, (h, sql, inTransaction) -> sql.runTop(h, accountId.value()));
  }

  /** Runs the statement a {@link CostQuerySql} chosen for the query gives. */
  @FunctionalInterface
  private interface Statement<T> {
    /**
     * @param inTransaction whether {@code h} is inside a transaction (a cursor can fetch in
     *     batches)
     */
    T run(Handle h, CostQuerySql sql, boolean inTransaction);
  }

  /**
   * Chooses the statement that reads as few rows as the query allows (see {@link
   * #aggregate(AccountId, CostQuery)}) and runs it: one place for the rollup paths, shared by
   * {@link #aggregate} and {@link #aggregateTop}.
   */
  private <T> T answer(AccountId accountId, CostQuery query, Statement<T> statement) {
    Optional<CostDimension> rollup = CostStore.rollupDimension(query);
    boolean fromDays = fromDays(query);
    List<LocalDate> whole = CostQuerySql.wholeMonths(query.period());
    if (!closedMonthsHelp(query, whole, rollup)) {
      return db.read(
          "aggregate costs", accountId, h -> statement.run(h, unrolled(query, fromDays), false));
    }
    String lineTable = fromDays ? CostQuerySql.DAYS : CostQuerySql.LINES;
    return db.read(
        "aggregate costs",
        accountId,
        h ->
            h.inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ,
                tx -> {
                  List<YearMonth> closed =
                      tx.createQuery(
                              db.sql(
                                  "select month from {s}.month_status where account_id ="
                                      + " :account_id and status = 'CLOSED' and month ="
                                      + " any(cast(:months as date[])) order by month"))
                          .bind("account_id", accountId.value())
                          .bindArray(
                              "months",
                              String.class,
                              whole.stream().map(LocalDate::toString).toList())
                          .mapTo(LocalDate.class)
                          .map(YearMonth::from)
                          .list();
                  CostQuerySql sql;
                  if (closed.isEmpty()) {
                    sql = unrolled(query, fromDays);
                  } else if (rollup.isPresent()) {
                    sql = CostQuerySql.withRollups(db::sql, query, closed, rollup.get(), lineTable);
                  } else {
                    sql = CostQuerySql.withDetail(db::sql, query, closed);
                  }
                  if (!sql.readsLines()) {
                    // rollup rows only (tens of thousands at most): parallel workers cost more
                    // than they save, and the grouping fits in memory (see the README)
                    ROLLUP_READ_SETTINGS.apply(tx);
                  }
                  return statement.run(tx, sql, true);
                }));
  }

  /**
   * Whether the day rollups answer {@code query} alone, as {@link #aggregate} reads it: they can
   * (see {@link #fromDays}) and no whole month's rollups would serve it instead.
   */
  static boolean readsDayRollupsOnly(CostQuery query) {
    return fromDays(query)
        && !closedMonthsHelp(
            query, CostQuerySql.wholeMonths(query.period()), CostStore.rollupDimension(query));
  }

  /** Whether the day rollups can answer {@code query}: no tags and no resource. */
  private static boolean fromDays(CostQuery query) {
    return !query.usesTags()
        && !query.groupBy().contains(CostDimension.RESOURCE)
        && query.resourceIds().isEmpty();
  }

  /**
   * Whether closed months' rollups may answer part of {@code query}: it covers a whole month
   * ({@code whole}, its whole months), and the month rollups have its dimension ({@code rollup}),
   * or it reads lines that the detail rollups can replace.
   */
  private static boolean closedMonthsHelp(
      CostQuery query, List<LocalDate> whole, Optional<CostDimension> rollup) {
    boolean detail = !query.usesTags() && !query.groupBy().contains(CostDimension.DAY);
    return !whole.isEmpty() && (rollup.isPresent() || (detail && !fromDays(query)));
  }

  /** The query over the day rollups when they can answer it, else over the lines. */
  private CostQuerySql unrolled(CostQuery query, boolean fromDays) {
    return fromDays
        ? CostQuerySql.daysOnly(db::sql, query)
        : CostQuerySql.linesOnly(db::sql, query);
  }

  /**
   * Transaction-local settings of a statement that reads rollups only: no parallel workers, and
   * enough {@code work_mem} to group the detailed view's ~80,000 rollup rows in a hash table
   * instead of an on-disk sort.
   */
  static final LocalSettings ROLLUP_READ_SETTINGS =
      LocalSettings.of("max_parallel_workers_per_gather", "0", "work_mem", "32MB");

  @Override
  public List<MonthFreshness> freshness(
      AccountId accountId, Period period, YearMonth currentMonth) {
    List<YearMonth> months = period.months();
    return db.read(
        "read month freshness",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select m.month, s.month is not null, r.refreshed_at from"
                            + " unnest(cast(string_to_array(:months, ',') as date[])) as m (month)"
                            + " left join"
                            + " {s}.month_status s on s.account_id = :account_id and s.month ="
                            + " m.month and s.status = 'CLOSED' left join {s}.month_refresh r on"
                            + " r.account_id = :account_id and r.month = m.month order by m.month"))
                .bind("account_id", accountId.value())
                // one text parameter, not a bound array: binding a list through Jdbi's array
                // support (type reflection, array type lookup) was most of the dashboard's
                // Java time in its reads
                .bind("months", monthList(months))
                .map(
                    (rs, ctx) -> {
                      YearMonth month = YearMonth.from(rs.getObject(1, LocalDate.class));
                      OffsetDateTime refreshed = rs.getObject(3, OffsetDateTime.class);
                      return new MonthFreshness(
                          month,
                          MonthFreshness.statusOf(month, rs.getBoolean(2), currentMonth),
                          refreshed == null ? null : refreshed.toInstant());
                    })
                .list());
  }

  /** The months' first days, comma-separated ({@code 2026-09-01,2026-10-01}). */
  private static String monthList(List<YearMonth> months) {
    StringBuilder list = new StringBuilder();
    for (YearMonth m : months) {
      list.append(list.length() == 0 ? "" : ",").append(m.atDay(1));
    }
    return list.toString();
  }

  @Override
  public Stream<CostLine> lines(AccountId accountId, Period period) {
    Handle handle = db.open();
    try {
      // a transaction lets the driver fetch with a cursor, fetchSize rows at a time
      handle.begin();
      return handle
          .createQuery(
              db.sql(
                  "select "
                      + CostIngest.COPY_COLUMNS
                      + " from {s}.cost_line where account_id = :account_id and day >= :start and"
                      + " day < :end order by day, service, sku_part_number, sku_name, unit,"
                      + " region, compartment_id, resource_id"))
          .bind("account_id", accountId.value())
          .bind("start", period.start())
          .bind("end", period.end())
          .setFetchSize(fetchSize)
          .map((rs, ctx) -> line(accountId, rs))
          .stream()
          .onClose(
              () -> {
                try {
                  handle.rollback();
                } finally {
                  handle.close();
                }
              });
    } catch (RuntimeException e) {
      handle.close();
      throw Db.translate("read cost lines", accountId, e);
    }
  }

  @Override
  public Optional<Instant> lastIngestAt(AccountId accountId) {
    return db.read(
        "read the last ingest time",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select last_ingest_at from {s}.account_state where account_id ="
                            + " :account_id and last_ingest_at is not null"))
                .bind("account_id", accountId.value())
                .map((rs, ctx) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .findOne());
  }

  @Override
  public ClosedMonth closeMonth(AccountId accountId, YearMonth month, Instant closedAt) {
    return close.close(accountId, month, closedAt);
  }

  @Override
  public Optional<ClosedMonth> findClosedMonth(AccountId accountId, YearMonth month) {
    return db.read("read a closed month", accountId, h -> findClosedMonth(h, accountId, month));
  }

  Optional<ClosedMonth> findClosedMonth(Handle h, AccountId accountId, YearMonth month) {
    Optional<Object[]> status =
        h.createQuery(
                db.sql(
                    "select closed_at, lines from {s}.month_status where account_id = :account_id"
                        + " and month = :month and status = 'CLOSED'"))
            .bind("account_id", accountId.value())
            .bind("month", month.atDay(1))
            .map(
                (rs, ctx) ->
                    new Object[] {rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2)})
            .findOne();
    if (status.isEmpty()) {
      return Optional.empty();
    }
    List<Money> totals =
        rollups(h, accountId, month, CostDimension.MONTH).stream()
            .map(CostRow::cost)
            .sorted(java.util.Comparator.comparing(m -> m.currency().getCurrencyCode()))
            .toList();
    return Optional.of(
        new ClosedMonth(
            accountId, month, (Instant) status.get()[0], (Long) status.get()[1], totals));
  }

  @Override
  public List<CostRow> rollups(AccountId accountId, YearMonth month, CostDimension dimension) {
    return db.read("read rollups", accountId, h -> rollups(h, accountId, month, dimension));
  }

  /** One statement for every month: {@code month = any(:months)}, split by month in Java. */
  @Override
  public Map<YearMonth, List<CostRow>> rollups(
      AccountId accountId, List<YearMonth> months, CostDimension dimension) {
    Map<YearMonth, List<CostRow>> byMonth = new LinkedHashMap<>();
    for (YearMonth month : months) {
      byMonth.put(month, new ArrayList<>());
    }
    if (months.isEmpty()) {
      return byMonth;
    }
    db.read(
            "read rollups",
            accountId,
            h -> {
              org.jdbi.v3.core.statement.Query q =
                  h.createQuery(
                          db.sql(
                              "select month, key, currency, cost from {s}.month_rollup where"
                                  + " account_id = :account_id and month in ("
                                  + CostQuerySql.monthParameters("month", months.size())
                                  + ") and dimension = :dimension order by month, cost desc, key"
                                  + " collate \"C\", currency"))
                      .bind("account_id", accountId.value())
                      .bind("dimension", dimension.name());
              CostQuerySql.bindMonths(q, "month", months);
              return q.map(
                      (rs, ctx) ->
                          Map.entry(
                              YearMonth.from(rs.getObject(1, LocalDate.class)),
                              new CostRow(
                                  List.of(rs.getString(2)),
                                  new Money(
                                      rs.getBigDecimal(4), Currency.getInstance(rs.getString(3))))))
                  .list();
            })
        .forEach(row -> byMonth.get(row.getKey()).add(row.getValue()));
    return byMonth;
  }

  private List<CostRow> rollups(
      Handle h, AccountId accountId, YearMonth month, CostDimension dimension) {
    return h.createQuery(
            db.sql(
                "select key, currency, cost from {s}.month_rollup where account_id = :account_id"
                    + " and month = :month and dimension = :dimension order by cost desc, key"
                    + " collate \"C\", currency"))
        .bind("account_id", accountId.value())
        .bind("month", month.atDay(1))
        .bind("dimension", dimension.name())
        .map(
            (rs, ctx) ->
                new CostRow(
                    List.of(rs.getString(1)),
                    new Money(rs.getBigDecimal(3), Currency.getInstance(rs.getString(2)))))
        .list();
  }

  private static CostLine line(AccountId accountId, ResultSet rs) throws SQLException {
    return CostLine.builder()
        .accountId(accountId)
        .day(rs.getObject("day", java.time.LocalDate.class))
        .service(rs.getString("service"))
        .skuPartNumber(rs.getString("sku_part_number"))
        .skuName(rs.getString("sku_name"))
        .unit(rs.getString("unit"))
        .region(rs.getString("region"))
        .compartmentId(rs.getString("compartment_id"))
        .resourceId(rs.getString("resource_id"))
        .compartmentPath(rs.getString("compartment_path"))
        .quantity(rs.getBigDecimal("quantity"))
        .cost(new Money(rs.getBigDecimal("cost"), Currency.getInstance(rs.getString("currency"))))
        .unitPrice(rs.getBigDecimal("unit_price"))
        .listRate(rs.getBigDecimal("list_rate"))
        .discount(rs.getBigDecimal("discount"))
        .tags(Json.stringMap(rs.getString("tags")))
        .build();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Answered from the per-resource monthly rollups the ingest keeps, never from the lines: whole
   * months from their sums, a month the period cuts from the running sums per day on each rollup
   * row (see {@link ResourceCostRead}).
   */
  @Override
  public List<ResourceSkuCost> resourceCosts(AccountId accountId, Period period) {
    return resourceCosts.read(accountId, period);
  }

  /** {@inheritDoc} Computed from the rollups, as a read would, and written with COPY (V20). */
  @Override
  public void refreshResourceCosts(AccountId accountId, Period period) {
    resourceCosts.keep(accountId, period);
  }
}
