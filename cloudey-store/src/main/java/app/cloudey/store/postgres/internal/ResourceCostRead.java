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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * {@code CostStore.resourceCosts} on PostgreSQL, from the per-resource monthly rollups alone
 * ({@code cost_resource_month}, kept by the ingest): no cost line is read, whatever the period.
 *
 * <p>Each rollup row carries the mask of its days with a line (V11: bit {@code d - 1} for day
 * {@code d}) and its running sums of cost and quantity at each of those days (V16, in day order).
 * The row's sums over days {@code a..b} of its month are its running sums at {@code b} minus those
 * at {@code a - 1}; the running sum at day {@code d} is element {@code n(d)}, where {@code n(d)}
 * counts the row's days with a line up to day {@code d} ({@code bit_count} of the mask with the
 * later days' bits cleared), and element 0 reads as zero. A month the period covers whole is the
 * same formula with {@code b} its last day and {@code a} its first. The row's days in the period,
 * first and last, come from its mask ANDed with the period's days, and a row with no line in the
 * period is left out by it. All months of the period are one statement, so one snapshot.
 *
 * <p>Before V16, a month the period cut read up to 15 days of lines (2.4 million on the advisor
 * benchmark as of the 16th, 7 s of grouping in PostgreSQL).
 */
final class ResourceCostRead {
  private static final String KEY = CostIngest.RESOURCE_KEY;

  /** {@code n(d)} of the row: its days with a line up to the days in {@code mask}. */
  private static final String UP_TO = "bit_count((r.day_mask & w.%s)::bit(32))::integer";

  private final Db db;
  private final int fetchSize;

  ResourceCostRead(Db db, int fetchSize) {
    this.db = db;
    this.fetchSize = fetchSize;
  }

  /**
   * One month of the period and the days of it in the period.
   *
   * @param dates the month's days by day of month (index 0 unused): one instance per date in a
   *     read, where a first and a last date per row would be two new objects each (hundreds of
   *     thousands in the advisor's snapshot, alive for the whole run)
   */
  private record Piece(YearMonth month, Period days, LocalDate[] dates) {
    Piece(YearMonth month, Period days) {
      this(month, days, new LocalDate[month.lengthOfMonth() + 1]);
      for (int d = 1; d <= month.lengthOfMonth(); d++) {
        dates[d] = month.atDay(d);
      }
    }

    /** Bit {@code d - 1} for each day {@code d} of the month that is in the period. */
    int mask() {
      return upToLast() & ~before();
    }

    /** The bits of the month's days up to the period's last day in it. */
    int upToLast() {
      return daysUpTo(days.end().minusDays(1).getDayOfMonth());
    }

    /** The bits of the month's days before the period's first day in it. */
    int before() {
      return daysUpTo(days.start().getDayOfMonth() - 1);
    }

    /** Bits {@code 0 .. day - 1}: days 1 to {@code day} of a month. */
    private static int daysUpTo(int day) {
      return day >= 31 ? Integer.MAX_VALUE : (1 << day) - 1;
    }
  }

  /**
   * Transaction-local settings of the read (see the README): no JIT, whose compilation cost more
   * than the rows take to read; and the period's months read as a bitmap heap scan, each page once
   * in physical order (a month's rows are written together), not one page visit per row in the
   * primary key's order.
   */
  static final LocalSettings READ_SETTINGS =
      LocalSettings.of("jit", "off", "random_page_cost", "1.1", "enable_indexscan", "off");

  List<ResourceSkuCost> read(AccountId accountId, Period period) {
    List<Piece> pieces =
        period.splitByMonth().stream().map(p -> new Piece(YearMonth.from(p.start()), p)).toList();
    StringBuilder windows = new StringBuilder();
    for (int i = 0; i < pieces.size(); i++) {
      windows
          .append(i == 0 ? "" : ", ")
          .append(String.format("(%d, :month%d, :up_to%d, :before%d, :days%d)", i, i, i, i, i));
    }
    String upToLast = String.format(UP_TO, "up_to");
    String beforeFirst = String.format(UP_TO, "before");
    String sql =
        "select w.piece, "
            + KEY
            + ", coalesce(r.cum_cost["
            + upToLast
            + "], 0) - coalesce(r.cum_cost["
            + beforeFirst
            + "], 0), coalesce(r.cum_quantity["
            + upToLast
            + "], 0) - coalesce(r.cum_quantity["
            + beforeFirst
            + "], 0), r.day_mask & w.days from {s}.cost_resource_month r join (values "
            + windows
            + ") as w (piece, month, up_to, before, days) on r.month = w.month where r.account_id ="
            + " :account_id and r.month in ("
            + CostQuerySql.monthParameters("month", pieces.size())
            + ") and r.day_mask & w.days <> 0";
    return db.read(
        "read per-resource costs",
        accountId,
        h ->
            h.inTransaction(
                tx -> {
                  READ_SETTINGS.apply(tx);
                  Query query = tx.createQuery(db.sql(sql)).bind("account_id", accountId.value());
                  for (int i = 0; i < pieces.size(); i++) {
                    Piece p = pieces.get(i);
                    query
                        .bind("month" + i, p.month().atDay(1))
                        .bind("up_to" + i, p.upToLast())
                        .bind("before" + i, p.before())
                        .bind("days" + i, p.mask());
                  }
                  Map<ResourceSkuCost.Key, Acc> sums = new LinkedHashMap<>();
                  Shared<String> strings = new Shared<>();
                  query
                      .setFetchSize(fetchSize)
                      .map(
                          (rs, ctx) -> {
                            // the piece's index, not its month: no date to parse per row
                            acc(sums, rs, strings).add(rs, pieces.get(rs.getInt(1)));
                            return null;
                          })
                      .forEach(ignored -> {});
                  return rows(sums);
                }));
  }

  private static List<ResourceSkuCost> rows(Map<ResourceSkuCost.Key, Acc> sums) {
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

  /** The accumulator of the row's key, whose six columns start at the second. */
  private static Acc acc(Map<ResourceSkuCost.Key, Acc> sums, ResultSet rs, Shared<String> strings)
      throws SQLException {
    ResourceSkuCost.Key key =
        new ResourceSkuCost.Key(
            // a resource has a row per SKU and month: one id string for all of them
            strings.of(rs.getString(2)),
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

    /**
     * Adds a month's sums (columns 8 and 9) and its days in the period (column 10: bit d - 1 for
     * day d).
     */
    void add(ResultSet rs, Piece piece) throws SQLException {
      amount = amount.add(rs.getBigDecimal(8));
      quantity = quantity.add(rs.getBigDecimal(9));
      int mask = rs.getInt(10);
      days += Integer.bitCount(mask);
      LocalDate from = piece.dates()[Integer.numberOfTrailingZeros(mask) + 1];
      LocalDate to = piece.dates()[32 - Integer.numberOfLeadingZeros(mask)];
      first = from.isBefore(first) ? from : first;
      last = to.isAfter(last) ? to : last;
    }
  }
}
