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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@code CostStore.resourceCosts} on PostgreSQL, from the per-resource monthly rollups alone
 * ({@code cost_resource_month}, kept by the ingest): no cost line is read, whatever the period.
 *
 * <ul>
 *   <li>A month the period covers whole: its rows' sums.
 *   <li>A month the period cuts: each row's running sums (V16: cost and quantity summed up to each
 *       day with a line, aligned with the set bits of its day mask, V11) at the period's last day
 *       in the month, minus those at the day before its first day. The running sum at day {@code d}
 *       is element {@code n(d)}, where {@code n(d)} counts the row's days with a line up to day
 *       {@code d} ({@code bit_count} of the mask with the later days' bits cleared); element 0
 *       reads as zero. Rows with no line in the period are left out by their mask.
 * </ul>
 *
 * The days of each row in the period, its first and last day there, come from its mask ANDed with
 * the period's days. Before V16, a cut month read up to 15 days of lines (2.4 million on the
 * advisor benchmark as of the 16th, 7 s of grouping in PostgreSQL). With more than one statement,
 * all are read in one repeatable-read transaction, so a concurrent ingest cannot slip between them.
 */
final class ResourceCostRead {
  private static final String KEY = CostIngest.RESOURCE_KEY;

  private final Db db;
  private final int fetchSize;

  ResourceCostRead(Db db, int fetchSize) {
    this.db = db;
    this.fetchSize = fetchSize;
  }

  /** One month of the period and the days of it in the period. */
  private record Piece(YearMonth month, Period days) {
    /** Bit {@code d - 1} for each day {@code d} of the month that is in the period. */
    int mask() {
      return daysUpTo(days.end().minusDays(1).getDayOfMonth()) & ~before();
    }

    /** The bits of the month's days before the period's first day in it. */
    int before() {
      return daysUpTo(days.start().getDayOfMonth() - 1);
    }

    boolean whole() {
      return days.isWholeMonth();
    }

    /** Bits {@code 0 .. day - 1}: days 1 to {@code day} of a month. */
    private static int daysUpTo(int day) {
      return day >= 31 ? Integer.MAX_VALUE : (1 << day) - 1;
    }
  }

  List<ResourceSkuCost> read(AccountId accountId, Period period) {
    List<Piece> pieces =
        period.splitByMonth().stream().map(p -> new Piece(YearMonth.from(p.start()), p)).toList();
    return db.read(
        "read per-resource costs",
        accountId,
        h ->
            h.inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ, tx -> read(tx, accountId, pieces)));
  }

  /**
   * Transaction-local settings of the read (see the README): no JIT, whose compilation cost more
   * than a month's rollup rows take to read; and a month's rows read as a bitmap heap scan, each
   * page once in physical order (a month's rows are written together), not one page visit per row
   * in the primary key's order, nor a scan of every month's rows.
   */
  static final LocalSettings READ_SETTINGS =
      LocalSettings.of("jit", "off", "random_page_cost", "1.1", "enable_indexscan", "off");

  private List<ResourceSkuCost> read(Handle h, AccountId accountId, List<Piece> pieces) {
    READ_SETTINGS.apply(h);
    Map<ResourceSkuCost.Key, Acc> sums = new LinkedHashMap<>();
    SharedStrings strings = new SharedStrings();
    Map<YearMonth, Piece> whole = new HashMap<>();
    pieces.stream().filter(Piece::whole).forEach(p -> whole.put(p.month(), p));
    if (!whole.isEmpty()) {
      List<YearMonth> months = List.copyOf(whole.keySet());
      // months bound as dates, as the other rollup reads do, so the planner sees them
      Query rollups =
          h.createQuery(
                  db.sql(
                      "select month, "
                          + KEY
                          + ", amount, quantity, day_mask from {s}.cost_resource_month where"
                          + " account_id = :account_id and month in ("
                          + CostQuerySql.monthParameters("month", months.size())
                          + ")"))
              .bind("account_id", accountId.value());
      CostQuerySql.bindMonths(rollups, "month", months);
      accumulate(rollups, sums, strings, rs -> whole.get(YearMonth.from(monthOf(rs))));
    }
    for (Piece p : pieces) {
      if (!p.whole()) {
        // n(d) for the last day and the day before the first; bit_count needs a bit string
        String upToLast = "bit_count((day_mask & :last)::bit(32))::integer";
        String beforeFirst = "bit_count((day_mask & :before)::bit(32))::integer";
        Query cut =
            h.createQuery(
                    db.sql(
                        "select month, "
                            + KEY
                            + ", coalesce(cum_cost["
                            + upToLast
                            + "], 0) - coalesce(cum_cost["
                            + beforeFirst
                            + "], 0), coalesce(cum_quantity["
                            + upToLast
                            + "], 0) - coalesce(cum_quantity["
                            + beforeFirst
                            + "], 0), day_mask from {s}.cost_resource_month where account_id ="
                            + " :account_id and month = :month and day_mask & :days <> 0"))
                .bind("account_id", accountId.value())
                .bind("month", p.month().atDay(1))
                .bind("last", p.mask() | p.before())
                .bind("before", p.before())
                .bind("days", p.mask());
        accumulate(cut, sums, strings, rs -> p);
      }
    }
    List<ResourceSkuCost> out = new ArrayList<>(sums.size());
    sums.forEach(
        (k, a) ->
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
                    a.days)));
    return out;
  }

  /** Which piece a row belongs to. */
  private interface PieceOf {
    Piece of(ResultSet rs) throws SQLException;
  }

  /**
   * Adds each row of {@code query} (month, the six key columns, amount, quantity, day mask) to its
   * key's sums, streamed with the store's fetch size.
   */
  private void accumulate(
      Query query, Map<ResourceSkuCost.Key, Acc> sums, SharedStrings strings, PieceOf pieceOf) {
    query
        .setFetchSize(fetchSize)
        .map(
            (rs, ctx) -> {
              Piece piece = pieceOf.of(rs);
              acc(sums, rs, strings).add(rs, piece, rs.getInt(10) & piece.mask());
              return null;
            })
        .forEach(ignored -> {});
  }

  private static LocalDate monthOf(ResultSet rs) throws SQLException {
    return rs.getObject(1, LocalDate.class);
  }

  /** The accumulator of the row's key, whose six columns start at the second. */
  private static Acc acc(Map<ResourceSkuCost.Key, Acc> sums, ResultSet rs, SharedStrings strings)
      throws SQLException {
    ResourceSkuCost.Key key =
        new ResourceSkuCost.Key(
            rs.getString(2),
            strings.of(rs.getString(3)),
            strings.of(rs.getString(4)),
            strings.of(rs.getString(5)),
            strings.of(rs.getString(6)),
            Currency.getInstance(rs.getString(7)));
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
    void add(ResultSet rs, Piece piece, int mask) throws SQLException {
      amount = amount.add(rs.getBigDecimal(8));
      quantity = quantity.add(rs.getBigDecimal(9));
      days += Integer.bitCount(mask);
      LocalDate monthStart = piece.month().atDay(1);
      LocalDate from = monthStart.plusDays(Integer.numberOfTrailingZeros(mask));
      LocalDate to = monthStart.plusDays(31 - Integer.numberOfLeadingZeros(mask));
      first = from.isBefore(first) ? from : first;
      last = to.isAfter(last) ? to : last;
    }
  }
}
