package app.cloudey.store.postgres.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

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
 *
 * <p>The rows of one period, the advisor's, are also kept ready (V20, {@link #keep}): the cost
 * refresh computes them once a day, where each advisor run read 343,000 rollup rows of two months
 * (about 200 MB of pages with their running sums) and merged the months in Java.
 */
final class ResourceCostRead {
  private static final String KEY = CostIngest.RESOURCE_KEY;

  /** {@code n(d)} of the row: its days with a line up to the days in {@code mask}. */
  private static final String UP_TO = "bit_count((r.day_mask & w.%s)::bit(32))::integer";

  private final Db db;
  private final int fetchSize;
  private final KeptWindow kept;

  ResourceCostRead(Db db, int fetchSize) {
    this.db = db;
    this.fetchSize = fetchSize;
    this.kept = new KeptWindow(db, "cost_resource_window", DataKind.COSTS);
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

  /**
   * The rows kept by {@link #keep} when they are of this period and no cost has changed since, else
   * computed from the rollups; either from one snapshot (repeatable read), so a refresh or an
   * ingest committing meanwhile cannot mix two states.
   */
  List<ResourceSkuCost> read(AccountId accountId, Period period) {
    return db.read(
        "read per-resource costs",
        accountId,
        h ->
            h.inTransaction(
                TransactionIsolationLevel.REPEATABLE_READ,
                tx ->
                    kept.isKept(tx, accountId, period)
                        ? readKept(tx, accountId)
                        : compute(tx, accountId, period)));
  }

  /**
   * Keeps the rows of {@code period} in {@code cost_resource_window} (V20), tagged with the
   * account's costs version, unless they are already of that period and version: computed from the
   * rollups and written with {@code COPY}, in one transaction.
   */
  void keep(AccountId accountId, Period period) {
    db.inTransaction(
        "keep per-resource costs",
        accountId,
        h ->
            kept.refresh(
                h,
                accountId,
                period,
                (tx, account, days) -> write(tx, account, compute(tx, account, days))));
  }

  private List<ResourceSkuCost> readKept(Handle tx, AccountId accountId) {
    Shared<String> strings = new Shared<>();
    Shared<LocalDate> dates = new Shared<>();
    return tx.createQuery(
            db.sql(
                "select resource_id, service, sku_part_number, sku_name, unit, currency, amount,"
                    + " quantity, first_day, last_day, days from {s}.cost_resource_window where"
                    + " account_id = :account_id"))
        .bind("account_id", accountId.value())
        .setFetchSize(fetchSize)
        .map(
            (rs, ctx) ->
                new ResourceSkuCost(
                    // a resource has a row per SKU: one id string for all of them
                    strings.of(rs.getString(1)),
                    strings.of(rs.getString(2)),
                    strings.of(rs.getString(3)),
                    strings.of(rs.getString(4)),
                    strings.of(rs.getString(5)),
                    Currency.getInstance(rs.getString(6)),
                    rs.getBigDecimal(7),
                    rs.getBigDecimal(8),
                    dates.of(rs.getObject(9, LocalDate.class)),
                    dates.of(rs.getObject(10, LocalDate.class)),
                    rs.getInt(11)))
        .list();
  }

  private void write(Handle tx, AccountId accountId, List<ResourceSkuCost> rows)
      throws SQLException {
    CopyRowWriter.copyIn(
        db,
        tx,
        "copy {s}.cost_resource_window (account_id, resource_id, service, sku_part_number,"
            + " sku_name, unit, currency, amount, quantity, first_day, last_day, days) from stdin",
        out -> {
          for (ResourceSkuCost r : rows) {
            out.text(accountId.value())
                .text(r.resourceId())
                .text(r.service())
                .text(r.skuPartNumber())
                .text(r.skuName())
                .text(r.unit())
                .plain(r.currency().getCurrencyCode())
                .decimal(r.amount())
                .decimal(r.quantity())
                .plain(r.firstDay())
                .plain(r.lastDay())
                .plain(r.days());
            out.endRow();
          }
          return rows.size();
        });
  }

  /** The rows of {@code period} from the rollups, in the caller's transaction. */
  private List<ResourceSkuCost> compute(Handle tx, AccountId accountId, Period period)
      throws SQLException {
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
