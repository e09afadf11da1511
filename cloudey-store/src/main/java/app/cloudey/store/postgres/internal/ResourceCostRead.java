package app.cloudey.store.postgres.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceSkuCost;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@code CostStore.resourceCosts} on PostgreSQL: the period's months from the per-resource monthly
 * rollups ({@code cost_resource_month}, kept by the ingest with the mask of the days that have
 * lines, V11), and as few lines as possible for the months the period covers only in part.
 *
 * <p>Each month of the period is read one of three ways:
 *
 * <ul>
 *   <li><b>whole</b> (the period covers the month): its rollup rows;
 *   <li><b>minus</b> (a partial month whose excluded days hold fewer lines than its included days):
 *       its rollup rows minus the lines of its excluded days. Amount and quantity come from the
 *       subtraction; the days, first and last day from the row's day mask ANDed with the period's
 *       days. A row none of whose days is in the period drops out (its lines were all excluded, so
 *       the subtraction leaves exactly zero);
 *   <li><b>lines</b> (a partial month otherwise): its included days' lines, summed.
 * </ul>
 *
 * Which days hold more lines is estimated from the day rollups ({@code cost_day_rollup}, rows per
 * day, kept by the same ingest): a day without lines costs nothing to subtract, so the trailing 30
 * days ending today read the few days at the start of last month that the window leaves out, and
 * this month (whose later days have no lines yet) entirely from its rollups. The estimate only
 * chooses the plan; every plan gives the same rows. Everything is read in one repeatable-read
 * transaction, so a concurrent ingest cannot slip between the rollups and the lines subtracted from
 * them.
 */
final class ResourceCostRead {
  private static final String KEY =
      "resource_id, service, sku_part_number, sku_name, unit, currency";

  private final Db db;
  private final int fetchSize;

  ResourceCostRead(Db db, int fetchSize) {
    this.db = db;
    this.fetchSize = fetchSize;
  }

  /** How one month of the period is read. */
  private enum Mode {
    WHOLE,
    MINUS,
    LINES
  }

  /** One month of the period: the days of it in the period, and how it is read. */
  private record Piece(YearMonth month, Period days, Mode mode) {
    /** Bit {@code d - 1} for each day {@code d} of the month that is in the period. */
    int mask() {
      return mask(days.start().getDayOfMonth(), days.end().minusDays(1).getDayOfMonth());
    }

    static int mask(int firstDay, int lastDay) {
      int upTo = lastDay == 31 ? Integer.MAX_VALUE : (1 << lastDay) - 1;
      return upTo & ~((1 << (firstDay - 1)) - 1);
    }

    /** The day ranges of the month outside the period (for a MINUS month). */
    List<Period> excluded() {
      Period whole = Period.month(month);
      List<Period> out = new ArrayList<>(2);
      if (whole.start().isBefore(days.start())) {
        out.add(Period.of(whole.start(), days.start()));
      }
      if (days.end().isBefore(whole.end())) {
        out.add(Period.of(days.end(), whole.end()));
      }
      return out;
    }
  }

  List<ResourceSkuCost> read(AccountId accountId, Period period) {
    return db.read(
        "read per-resource costs",
        accountId,
        h ->
            h.inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ, tx -> read(tx, accountId, period)));
  }

  /**
   * Transaction-local settings of the read (see the README): no JIT, which spent seconds compiling
   * the grouping of a few days' lines on the benchmark; a cheaper random page, so the lines of a
   * few days (a small slice of {@code cost_line}) are not read by a scan of the whole table; no
   * plain index scan, so that slice is read as a bitmap heap scan, each page once in physical order
   * (lines are stored day by day, about 45 to a page) rather than one page visit per line in the
   * primary key's order (8,600 pages instead of 377,000 buffer visits for 386,000 lines on the
   * benchmark); and hashing rather than sorting on the six text columns of the key, with room to
   * group in memory (a larger grouping spills to disk rather than failing).
   */
  static final LocalSettings READ_SETTINGS =
      LocalSettings.of(
          "jit", "off",
          "random_page_cost", "1.1",
          "enable_indexscan", "off",
          "enable_sort", "off",
          "work_mem", "64MB");

  private List<ResourceSkuCost> read(Handle h, AccountId accountId, Period period) {
    READ_SETTINGS.apply(h);
    List<Piece> pieces = plan(h, accountId, period);
    Map<YearMonth, Piece> byMonth = new HashMap<>();
    pieces.forEach(p -> byMonth.put(p.month(), p));
    Map<ResourceSkuCost.Key, Acc> sums = new LinkedHashMap<>();
    SharedStrings strings = new SharedStrings();
    List<YearMonth> rollupMonths =
        pieces.stream().filter(p -> p.mode() != Mode.LINES).map(Piece::month).toList();
    if (!rollupMonths.isEmpty()) {
      // months bound as dates, as the other rollup reads do, so the planner sees them
      Query rollups =
          h.createQuery(
                  db.sql(
                      "select month, "
                          + KEY
                          + ", amount, quantity, day_mask from {s}.cost_resource_month where"
                          + " account_id = :account_id and month in ("
                          + CostQuerySql.monthParameters("month", rollupMonths.size())
                          + ")"))
              .bind("account_id", accountId.value());
      CostQuerySql.bindMonths(rollups, "month", rollupMonths);
      rollups
          .setFetchSize(fetchSize)
          .map(
              (rs, ctx) -> {
                Piece piece = byMonth.get(YearMonth.from(rs.getObject(1, LocalDate.class)));
                acc(sums, rs, strings, 2).addDays(rs, piece, rs.getInt(10) & piece.mask());
                return null;
              })
          .forEach(ignored -> {});
    }
    // a MINUS month's excluded days are only subtracted: their lines are grouped by the key alone,
    // without the month and the mask of days per line (a third less work for PostgreSQL)
    for (Piece p : pieces) {
      if (p.mode() == Mode.MINUS) {
        lines(h, accountId, p.excluded(), KEY + ", sum(cost), sum(quantity)", KEY)
            .map(
                (rs, ctx) -> {
                  acc(sums, rs, strings, 1).subtract(rs, 7);
                  return null;
                })
            .forEach(ignored -> {});
      }
    }
    List<Period> lineRanges =
        pieces.stream().filter(p -> p.mode() == Mode.LINES).map(Piece::days).toList();
    if (!lineRanges.isEmpty()) {
      lines(
              h,
              accountId,
              lineRanges,
              "date_trunc('month', day::timestamp)::date, "
                  + KEY
                  + ", sum(cost), sum(quantity), bit_or(1 << (extract(day from day)::integer - 1))",
              "1, " + KEY)
          .map(
              (rs, ctx) -> {
                Piece piece = byMonth.get(YearMonth.from(rs.getObject(1, LocalDate.class)));
                acc(sums, rs, strings, 2).addDays(rs, piece, rs.getInt(10));
                return null;
              })
          .forEach(ignored -> {});
    }
    List<ResourceSkuCost> out = new ArrayList<>(sums.size());
    sums.forEach(
        (k, a) -> {
          if (a.days > 0) { // a row with no line in the period (all its lines excluded) drops out
            out.add(
                new ResourceSkuCost(
                    k.resourceId(),
                    k.service(),
                    k.skuPartNumber(),
                    k.skuName(),
                    k.unit(),
                    k.currency(),
                    a.amount,
                    a.quantity,
                    a.first,
                    a.last,
                    a.days));
          }
        });
    return out;
  }

  /**
   * The account's lines with a resource on the given days, grouped: {@code select ... group by}.
   */
  private Query lines(
      Handle h, AccountId accountId, List<Period> ranges, String columns, String groupBy) {
    StringBuilder days = new StringBuilder();
    for (int i = 0; i < ranges.size(); i++) {
      days.append(i == 0 ? "" : " or ")
          .append("(day >= :start")
          .append(i)
          .append(" and day < :end")
          .append(i)
          .append(')');
    }
    Query query =
        h.createQuery(
                db.sql(
                    "select "
                        + columns
                        + " from {s}.cost_line where account_id = :account_id and ("
                        + days
                        + ") and resource_id <> '' group by "
                        + groupBy))
            .bind("account_id", accountId.value());
    for (int i = 0; i < ranges.size(); i++) {
      query.bind("start" + i, ranges.get(i).start()).bind("end" + i, ranges.get(i).end());
    }
    query.setFetchSize(fetchSize);
    return query;
  }

  /**
   * How each month of the period is read: whole months from rollups; a partial month as its rollup
   * minus its excluded days when those hold fewer day-rollup rows (a proxy for lines) than its
   * included days, else from its included days' lines.
   */
  private List<Piece> plan(Handle h, AccountId accountId, Period period) {
    List<Period> split = period.splitByMonth();
    TreeSet<YearMonth> partial = new TreeSet<>();
    for (Period p : split) {
      if (!p.isWholeMonth()) {
        partial.add(YearMonth.from(p.start()));
      }
    }
    Map<LocalDate, Long> perDay = new HashMap<>();
    if (!partial.isEmpty()) {
      YearMonth first = partial.first();
      YearMonth last = partial.last();
      h.createQuery(
              db.sql(
                  "select day, count(*) from {s}.cost_day_rollup where account_id = :account_id"
                      + " and day >= :start and day < :end and date_trunc('month',"
                      + " day::timestamp)::date = any(cast(:months as date[])) group by day"))
          .bind("account_id", accountId.value())
          .bind("start", first.atDay(1))
          .bind("end", last.plusMonths(1).atDay(1))
          .bindArray(
              "months", String.class, partial.stream().map(m -> m.atDay(1).toString()).toList())
          .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getLong(2)))
          .forEach(e -> perDay.put(e.getKey(), e.getValue()));
    }
    List<Piece> pieces = new ArrayList<>(split.size());
    for (Period p : split) {
      YearMonth month = YearMonth.from(p.start());
      if (!partial.contains(month)) {
        pieces.add(new Piece(month, p, Mode.WHOLE));
        continue;
      }
      long included = 0;
      long excluded = 0;
      for (Map.Entry<LocalDate, Long> day : perDay.entrySet()) {
        if (YearMonth.from(day.getKey()).equals(month)) {
          if (p.contains(day.getKey())) {
            included += day.getValue();
          } else {
            excluded += day.getValue();
          }
        }
      }
      // no line in either part: reading the included days' lines costs an index probe
      pieces.add(new Piece(month, p, excluded < included ? Mode.MINUS : Mode.LINES));
    }
    return pieces;
  }

  /** The accumulator of the row's key, whose six columns start at column {@code first}. */
  private static Acc acc(
      Map<ResourceSkuCost.Key, Acc> sums, ResultSet rs, SharedStrings strings, int first)
      throws SQLException {
    ResourceSkuCost.Key key =
        new ResourceSkuCost.Key(
            rs.getString(first),
            strings.of(rs.getString(first + 1)),
            strings.of(rs.getString(first + 2)),
            strings.of(rs.getString(first + 3)),
            strings.of(rs.getString(first + 4)),
            Currency.getInstance(rs.getString(first + 5)));
    return sums.computeIfAbsent(key, k -> new Acc());
  }

  /** One key's sums over the period's months. */
  private static final class Acc {
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal quantity = BigDecimal.ZERO;
    int days;
    LocalDate first = LocalDate.MAX;
    LocalDate last = LocalDate.MIN;

    /** Adds a month's sums and its days in the period ({@code mask}: bit d - 1 for day d). */
    void addDays(ResultSet rs, Piece piece, int mask) throws SQLException {
      amount = amount.add(rs.getBigDecimal(8));
      quantity = quantity.add(rs.getBigDecimal(9));
      if (mask == 0) {
        return; // a MINUS month's row whose lines are all excluded: subtracted back to zero
      }
      days += Integer.bitCount(mask);
      LocalDate monthStart = piece.month().atDay(1);
      LocalDate from = monthStart.plusDays(Integer.numberOfTrailingZeros(mask));
      LocalDate to = monthStart.plusDays(31 - Integer.numberOfLeadingZeros(mask));
      first = from.isBefore(first) ? from : first;
      last = to.isAfter(last) ? to : last;
    }

    /**
     * Subtracts the sums of a MINUS month's excluded days: amount, then quantity, from {@code
     * column}.
     */
    void subtract(ResultSet rs, int column) throws SQLException {
      amount = amount.subtract(rs.getBigDecimal(column));
      quantity = quantity.subtract(rs.getBigDecimal(column + 1));
    }
  }
}
