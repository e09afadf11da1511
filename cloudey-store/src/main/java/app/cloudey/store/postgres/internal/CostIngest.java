package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.DataKind;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Cost ingest: in one transaction, lock the account's state row, delete the period's lines
 * (fingerprinting them per month on the way out) and {@code COPY} the new ones straight from the
 * stream. A month whose lines changed (another count, or the same count with another fingerprint)
 * moves the costs version, and is reopened if it was closed (its close record and rollups dropped);
 * lines that came back identical change nothing, so a closed month stays closed and cached cost
 * reports stay valid. A failure anywhere (a bad line, the stream throwing, the connection dying)
 * rolls everything back, so the previous lines stay intact.
 */
final class CostIngest {
  static final String COPY_COLUMNS =
      "account_id, day, service, sku_part_number, sku_name, unit, region, compartment_id,"
          + " resource_id, compartment_path, quantity, cost, currency, unit_price, list_rate,"
          + " discount, tags";

  /** The key of a per-resource monthly rollup row within its account and month. */
  static final String RESOURCE_KEY =
      "resource_id, service, sku_part_number, sku_name, unit, currency";

  private final Db db;
  private final Clock clock;

  CostIngest(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Transaction-local settings of an ingest: no JIT. The digest and rollup statements group a
   * month's lines, whose estimated cost is far above {@code jit_above_cost}, and PostgreSQL spent
   * seconds compiling each of them (3.2 s for one month's per-resource rollup of 491,000 lines on
   * the advisor benchmark's data) for queries that run once.
   */
  static final LocalSettings INGEST_SETTINGS = LocalSettings.of("jit", "off");

  /**
   * Set before the day rollups, the ingest's last grouping: group by hashing, not by sorting. The
   * lines were just copied in, so the table's statistics do not know them (after a first ingest
   * PostgreSQL estimated 17 lines for 2 million) and the planner sorted them on seven text columns,
   * spilling to disk: 9.6 s against 2 s for a hash aggregate, which needs memory only for the
   * groups (a few thousand days × services × SKUs × regions × compartments) and spills to disk
   * rather than failing when they are more.
   */
  static final LocalSettings DAY_ROLLUP_SETTINGS = LocalSettings.of("enable_sort", "off");

  IngestResult replace(AccountId accountId, Period days, Stream<CostLine> lines) {
    return db.inTransaction(
        "replace cost lines of " + days,
        accountId,
        h -> {
          INGEST_SETTINGS.apply(h);
          // locks the account's state row (an ingest and a month close never interleave) and
          // records the ingest time, which is bookkeeping: it moves no data version
          h.createUpdate(
                  db.sql(
                      "insert into {s}.account_state (account_id, last_ingest_at) values"
                          + " (:account_id, :now) on conflict (account_id) do update set"
                          + " last_ingest_at = excluded.last_ingest_at"))
              .bind("account_id", accountId.value())
              .bind("now", PgAccountStore.utc(clock.instant()))
              .execute();
          h.createUpdate(
                  db.sql(
                      "insert into {s}.month_refresh (account_id, month, refreshed_at) select"
                          + " :account_id, unnest(cast(:months as date[])), :now on conflict"
                          + " (account_id, month) do update set refreshed_at ="
                          + " excluded.refreshed_at"))
              .bind("account_id", accountId.value())
              .bindArray(
                  "months",
                  String.class,
                  days.months().stream().map(m -> m.atDay(1).toString()).toList())
              .bind("now", PgAccountStore.utc(clock.instant()))
              .execute();
          List<LocalDate> closed = closedMonths(h, accountId, days);
          Map<LocalDate, Digest> before = deleteLines(h, accountId, days);
          Copied copied = copy(h, accountId, days, lines);
          Set<LocalDate> changed = changedMonths(h, accountId, days, before, copied.perMonth());
          for (LocalDate month : closed) {
            if (changed.contains(month)) {
              reopen(h, accountId, month);
            }
          }
          for (LocalDate month : changed) {
            rollUpResources(h, accountId, month);
          }
          if (!changed.isEmpty()) {
            DAY_ROLLUP_SETTINGS.apply(h);
          }
          for (LocalDate month : changed) {
            rollUpDays(h, accountId, days, month);
          }
          if (!changed.isEmpty()) {
            db.bumpVersion(h, accountId, DataKind.COSTS);
          }
          return new IngestResult(accountId, days, copied.rows(), copied.totals());
        });
  }

  /**
   * The {@link #RESOURCE_KEY} columns in the byte order of collation "C": grouping by them then
   * sorts on bytes rather than through the database's collation (a {@code C.UTF-8} or {@code en_US}
   * database compares text with {@code strcoll}). The groups are the same, since equality is the
   * same; only their order, which nothing here depends on, changes.
   */
  private static final String RESOURCE_KEY_BYTES =
      Arrays.stream(RESOURCE_KEY.split(", "))
          .map(column -> column + " collate \"C\" as " + column)
          .collect(Collectors.joining(", "));

  /**
   * Recomputes the month's per-resource rollups ({@code cost_resource_month}) from its lines, in
   * the ingest transaction, so they always equal the lines: sums, first and last day, the number of
   * days, the mask of the days with lines (bit {@code d - 1} for day {@code d}, V11) and the
   * running sums of cost and quantity at each of those days (V16), which let {@link
   * PgCostStore#resourceCosts} answer any window cutting the month from the rollups alone.
   *
   * <p>One sort of the lines by key and day serves every step: the lines are summed per key and
   * day, the running sums are a window over those days, and the rollup row is the window's value at
   * each key's last day ({@code lead(day)} is null), where its running aggregates, the arrays
   * included, cover every day. The arrays are built by the window, in its order by day, so no
   * {@code array_agg(... order by day)} sorts each key's days again (PostgreSQL 15 does that per
   * group: a third of the statement on the ingest benchmark, whose keys have a line each).
   */
  private void rollUpResources(Handle h, AccountId accountId, LocalDate month) {
    h.createUpdate(
            db.sql(
                "delete from {s}.cost_resource_month where account_id = :account_id and month ="
                    + " :month"))
        .bind("account_id", accountId.value())
        .bind("month", month)
        .execute();
    String perKey = " window w as (partition by " + RESOURCE_KEY + " order by day)";
    h.createUpdate(
            db.sql(
                "insert into {s}.cost_resource_month (account_id, month, "
                    + RESOURCE_KEY
                    + ", amount, quantity, first_day, last_day, days, day_mask, cum_cost,"
                    + " cum_quantity) select :account_id, :month, "
                    + RESOURCE_KEY
                    + ", cost_to_day, quantity_to_day, first_day, day, days, day_mask, cum_costs,"
                    + " cum_quantities from (select "
                    + RESOURCE_KEY
                    + ", day, cost_to_day, quantity_to_day, lead(day) over w as next_day,"
                    + " first_value(day) over w as first_day, count(*) over w as days, bit_or(1"
                    + " << (extract(day from day)::integer - 1)) over w as day_mask,"
                    + " array_agg(cost_to_day) over w as cum_costs, array_agg(quantity_to_day)"
                    + " over w as cum_quantities from (select "
                    + RESOURCE_KEY
                    + ", day, sum(sum(cost)) over w as cost_to_day, sum(sum(quantity)) over w as"
                    + " quantity_to_day from (select "
                    + RESOURCE_KEY_BYTES
                    + ", day, cost, quantity from {s}.cost_line where account_id = :account_id and"
                    + " day >= :month and day < :next and resource_id <> '') line group by "
                    + RESOURCE_KEY
                    + ", day"
                    + perKey
                    + ") per_day"
                    + perKey
                    + ") running where next_day is null"))
        .bind("account_id", accountId.value())
        .bind("month", month)
        .bind("next", month.plusMonths(1))
        .execute();
  }

  /**
   * Recomputes the day rollups ({@code cost_day_rollup}) of the period's days in the month from
   * their lines, in the ingest transaction, so they always equal the lines. The days of a month
   * whose lines came back identical keep rollups that still equal them.
   */
  private void rollUpDays(Handle h, AccountId accountId, Period days, LocalDate month) {
    LocalDate start = days.start().isAfter(month) ? days.start() : month;
    LocalDate next = month.plusMonths(1);
    LocalDate end = days.end().isBefore(next) ? days.end() : next;
    if (!start.isBefore(end)) {
      return;
    }
    h.createUpdate(
            db.sql(
                "delete from {s}.cost_day_rollup where account_id = :account_id and day >= :start"
                    + " and day < :end"))
        .bind("account_id", accountId.value())
        .bind("start", start)
        .bind("end", end)
        .execute();
    h.createUpdate(
            db.sql(
                "insert into {s}.cost_day_rollup (account_id, day, service, sku_part_number,"
                    + " sku_name, region, compartment_id, currency, cost) select :account_id, day,"
                    + " service, sku_part_number, sku_name, region, compartment_id, currency,"
                    + " sum(cost) from {s}.cost_line where account_id = :account_id and day >="
                    + " :start and day < :end group by day, service, sku_part_number, sku_name,"
                    + " region, compartment_id, currency"))
        .bind("account_id", accountId.value())
        .bind("start", start)
        .bind("end", end)
        .execute();
  }

  /**
   * Deletes the period's lines and returns, per month (its first day), their count and fingerprint,
   * computed from the deleted rows on the way out.
   */
  private Map<LocalDate, Digest> deleteLines(Handle h, AccountId accountId, Period days) {
    Map<LocalDate, Digest> digests = new TreeMap<>();
    h.createQuery(
            db.sql(
                "with deleted as (delete from {s}.cost_line l where account_id = :account_id and"
                    + " day >= :start and day < :end returning l.day, hashtextextended(l::text, 0)"
                    + " as h) select date_trunc('month', day::timestamp)::date, count(*),"
                    + " count(*) || ':' || sum(h::numeric) from deleted group by 1"))
        .bind("account_id", accountId.value())
        .bind("start", days.start())
        .bind("end", days.end())
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getObject(1, LocalDate.class), new Digest(rs.getLong(2), rs.getString(3))))
        .forEach(e -> digests.put(e.getKey(), e.getValue()));
    return digests;
  }

  /**
   * The months (first days) whose lines in the period differ from those deleted: another count, or
   * the same count with another fingerprint. Only months whose counts match are fingerprinted
   * again, so a first ingest into empty days reads nothing back.
   */
  private Set<LocalDate> changedMonths(
      Handle h,
      AccountId accountId,
      Period days,
      Map<LocalDate, Digest> before,
      Map<LocalDate, Long> written) {
    Set<LocalDate> months = new TreeSet<>(before.keySet());
    months.addAll(written.keySet());
    Set<LocalDate> changed = new TreeSet<>();
    for (LocalDate month : months) {
      Digest old = before.get(month);
      long count = written.getOrDefault(month, 0L);
      if (old == null || old.count() != count) {
        changed.add(month);
      } else if (!old.fingerprint().equals(digest(h, accountId, days, month))) {
        changed.add(month);
      }
    }
    return changed;
  }

  /** First days of the closed months that the period touches. */
  private List<LocalDate> closedMonths(Handle h, AccountId accountId, Period days) {
    return h.createQuery(
            db.sql(
                "select month from {s}.month_status where account_id = :account_id and status ="
                    + " 'CLOSED' and month >= :first and month <= :last order by month"))
        .bind("account_id", accountId.value())
        .bind("first", YearMonth.from(days.start()).atDay(1))
        .bind("last", YearMonth.from(days.end().minusDays(1)).atDay(1))
        .mapTo(LocalDate.class)
        .list();
  }

  /**
   * An order-independent fingerprint of the month's lines within the period: their count and the
   * sum of a 64-bit hash of each whole row (every column, amounts already normalised), in the same
   * form as {@link #deleteLines} computes it from the deleted rows.
   */
  private String digest(Handle h, AccountId accountId, Period days, LocalDate month) {
    Period overlap = days.intersection(Period.month(YearMonth.from(month))).orElseThrow();
    return h.createQuery(
            db.sql(
                "select count(*) || ':' || coalesce(sum(hashtextextended(l::text, 0)::numeric), 0)"
                    + " from {s}.cost_line l where account_id = :account_id and day >= :start and"
                    + " day < :end"))
        .bind("account_id", accountId.value())
        .bind("start", overlap.start())
        .bind("end", overlap.end())
        .mapTo(String.class)
        .one();
  }

  /** Drops the close record and rollups of a month whose lines changed. */
  private void reopen(Handle h, AccountId accountId, LocalDate month) {
    for (String table : List.of("month_rollup", "month_rollup_detail", "month_status")) {
      h.createUpdate(
              db.sql(
                  "delete from {s}."
                      + table
                      + " where account_id = :account_id and month = :month"))
          .bind("account_id", accountId.value())
          .bind("month", month)
          .execute();
    }
  }

  private Copied copy(Handle h, AccountId accountId, Period days, Stream<CostLine> lines)
      throws SQLException {
    Map<Currency, BigDecimal> totals =
        new TreeMap<>(java.util.Comparator.comparing(Currency::getCurrencyCode));
    Map<LocalDate, Long> perMonth = new TreeMap<>();
    long rows;
    try {
      rows =
          CopyRowWriter.copyIn(
              db,
              h,
              "copy {s}.cost_line (" + COPY_COLUMNS + ") from stdin",
              out -> {
                long written = 0;
                String account = accountId.value();
                for (Iterator<CostLine> it = lines.iterator(); it.hasNext(); ) {
                  CostLine line = it.next();
                  if (line == null) {
                    throw new CloudeyConfigException(
                        "cost line " + written + " is null; nothing was written");
                  }
                  check(accountId, days, line, written);
                  Money cost = line.cost();
                  out.text(account)
                      .plain(line.day())
                      .text(line.service())
                      .text(line.skuPartNumber())
                      .text(line.skuName())
                      .text(line.unit())
                      .text(line.region())
                      .text(line.compartmentId())
                      .text(line.resourceId())
                      .text(line.compartmentPath())
                      .decimal(line.quantity())
                      .decimal(cost.amount())
                      .plain(cost.currency().getCurrencyCode())
                      .decimal(line.unitPrice())
                      .decimal(line.listRate())
                      .decimal(line.discount())
                      .text(line.tags().isEmpty() ? null : Json.write(line.tags()));
                  out.endRow();
                  totals.merge(cost.currency(), cost.amount(), BigDecimal::add);
                  perMonth.merge(line.day().withDayOfMonth(1), 1L, Long::sum);
                  written++;
                }
                return written;
              });
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new CloudeyConfigException(
            "two cost lines share a natural key (day, service, SKU part number and name, unit,"
                + " region, compartment and resource): "
                + e.getMessage()
                + "; nothing was written. Sum such lines before ingesting them",
            e);
      }
      throw e;
    }
    List<Money> sums = new ArrayList<>();
    totals.forEach((currency, amount) -> sums.add(new Money(amount, currency)));
    return new Copied(rows, sums, perMonth);
  }

  private static void check(AccountId accountId, Period days, CostLine line, long index) {
    if (!line.accountId().equals(accountId)) {
      throw new CloudeyConfigException(
          "cost line "
              + index
              + " belongs to account "
              + line.accountId()
              + ", not "
              + accountId
              + "; nothing was written");
    }
    if (!days.contains(line.day())) {
      throw new CloudeyConfigException(
          "cost line "
              + index
              + " is dated "
              + line.day()
              + ", outside the replaced days "
              + days
              + "; nothing was written");
    }
  }

  /** What COPY wrote: its rows, their totals, and how many rows per month (first day). */
  private record Copied(long rows, List<Money> totals, Map<LocalDate, Long> perMonth) {}

  /** Count and fingerprint ({@code count:sum of row hashes}) of a month's lines. */
  private record Digest(long count, String fingerprint) {}
}
