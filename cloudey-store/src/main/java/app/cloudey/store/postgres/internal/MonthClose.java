package app.cloudey.store.postgres.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.DataKind;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Month close in one transaction: lock the account's state row, replace the month's rollups with
 * one {@code INSERT ... SELECT ... GROUP BY GROUPING SETS} over its lines, and mark it closed. Two
 * closes of one account serialise on that row lock and compute the same rollups, so running it
 * twice or concurrently gives identical results; a crash at any statement rolls back to the old
 * state. The costs version moves when the close changed something: the month was not closed, or its
 * close record (time, line count, totals) or rollups (fingerprinted as they are deleted and
 * inserted) differ.
 */
final class MonthClose {
  /** The columns of a rollup row that rollup reads return. */
  private static final String ROLLUP_COLUMNS = "dimension, key, currency, cost, lines";

  /**
   * Count and order-independent fingerprint (sum of a 64-bit hash of each row) of the rollup rows
   * of the CTE {@code {t}}, to tell whether a close changed them.
   */
  private static final String FINGERPRINT =
      "select count(*) || ':' || coalesce(sum(hashtextextended({t}::text, 0)::numeric), 0) from"
          + " {t}";

  /** The month's lines by every dimension but the day, into {@code month_rollup_detail}. */
  static final String DETAIL_SQL =
      "insert into {s}.month_rollup_detail (account_id, month, service, sku_part_number, sku_name,"
          + " region, compartment_id, resource_id, currency, cost) select :account_id, :month,"
          + " service, sku_part_number, sku_name, region, compartment_id, resource_id, currency,"
          + " sum(cost) from {s}.cost_line where account_id = :account_id and day >= :start and"
          + " day < :end group by service, sku_part_number, sku_name, region, compartment_id,"
          + " resource_id, currency";

  private final Db db;
  private final PgCostStore reads;

  MonthClose(Db db, PgCostStore reads) {
    this.db = db;
    this.reads = reads;
  }

  /** The rollup statement; also used as the bare-SQL baseline of the close benchmark. */
  static String rollupSql(String table) {
    String dimension =
        "case"
            + Arrays.stream(CostDimension.values())
                .filter(d -> d != CostDimension.MONTH)
                .map(d -> " when grouping(" + column(d) + ") = 0 then '" + d.name() + "'")
                .collect(Collectors.joining())
            + " else 'MONTH' end";
    String key =
        "case"
            + Arrays.stream(CostDimension.values())
                .filter(d -> d != CostDimension.MONTH)
                .map(d -> " when grouping(" + column(d) + ") = 0 then " + keyExpression(d))
                .collect(Collectors.joining())
            + " else :month_text end";
    String sets =
        Arrays.stream(CostDimension.values())
                .filter(d -> d != CostDimension.MONTH)
                .map(d -> "(" + column(d) + ", currency)")
                .collect(Collectors.joining(", "))
            + ", (currency)";
    return "insert into "
        + table
        + " (account_id, month, dimension, key, currency, cost, lines) select :account_id, :month, "
        + dimension
        + ", "
        + key
        + ", currency, sum(cost), count(*) from {s}.cost_line where account_id = :account_id and"
        + " day >= :start and day < :end group by grouping sets ("
        + sets
        + ")";
  }

  ClosedMonth close(AccountId accountId, YearMonth month, Instant closedAt) {
    return db.inTransaction(
        "close month " + month,
        accountId,
        h -> {
          db.lockAccountState(h, accountId);
          Optional<ClosedMonth> before = reads.findClosedMonth(h, accountId, month);
          String oldRollups =
              h.createQuery(
                      db.sql(
                          "with deleted as (delete from {s}.month_rollup where account_id ="
                              + " :account_id and month = :month returning "
                              + ROLLUP_COLUMNS
                              + ") "
                              + FINGERPRINT.replace("{t}", "deleted")))
                  .bind("account_id", accountId.value())
                  .bind("month", month.atDay(1))
                  .mapTo(String.class)
                  .one();
          String newRollups =
              h.createQuery(
                      db.sql(
                          "with inserted as ("
                              + rollupSql("{s}.month_rollup")
                              + " returning "
                              + ROLLUP_COLUMNS
                              + ") "
                              + FINGERPRINT.replace("{t}", "inserted")))
                  .bind("account_id", accountId.value())
                  .bind("month", month.atDay(1))
                  .bind("month_text", month.toString())
                  .bind("start", month.atDay(1))
                  .bind("end", month.plusMonths(1).atDay(1))
                  .mapTo(String.class)
                  .one();
          // the month by every dimension but the day (resource included), for queries that
          // group by several dimensions (detailed costs, trends, drivers); derived from the same
          // lines as the rollups above, so their fingerprint covers it
          h.createUpdate(
                  db.sql(
                      "delete from {s}.month_rollup_detail where account_id = :account_id and"
                          + " month = :month"))
              .bind("account_id", accountId.value())
              .bind("month", month.atDay(1))
              .execute();
          h.createUpdate(db.sql(DETAIL_SQL))
              .bind("account_id", accountId.value())
              .bind("month", month.atDay(1))
              .bind("start", month.atDay(1))
              .bind("end", month.plusMonths(1).atDay(1))
              .execute();
          h.createUpdate(
                  db.sql(
                      "insert into {s}.month_status (account_id, month, status, closed_at, lines)"
                          + " select :account_id, :month, 'CLOSED', :closed_at, coalesce(sum(lines),"
                          + " 0) from {s}.month_rollup where account_id = :account_id and month ="
                          + " :month and dimension = 'MONTH' on conflict (account_id, month) do"
                          + " update set status = excluded.status, closed_at = excluded.closed_at,"
                          + " lines = excluded.lines"))
              .bind("account_id", accountId.value())
              .bind("month", month.atDay(1))
              .bind("closed_at", PgAccountStore.utc(closedAt))
              .execute();
          ClosedMonth after = reads.findClosedMonth(h, accountId, month).orElseThrow();
          if (before.isEmpty() || !before.get().equals(after) || !oldRollups.equals(newRollups)) {
            db.bumpVersion(h, accountId, DataKind.COSTS);
          }
          return after;
        });
  }

  static String column(CostDimension d) {
    return switch (d) {
      case DAY, MONTH -> "day";
      case SERVICE -> "service";
      case SKU -> "sku_part_number";
      case SKU_NAME -> "sku_name";
      case REGION -> "region";
      case COMPARTMENT -> "compartment_id";
      case RESOURCE -> "resource_id";
    };
  }

  /** SQL text of a dimension's key, as {@link CostDimension#valueOf} writes it. */
  static String keyExpression(CostDimension d) {
    return switch (d) {
      case DAY -> "to_char(day, 'YYYY-MM-DD')";
      case MONTH -> "to_char(day, 'YYYY-MM')";
      default -> column(d);
    };
  }
}
