package app.cloudey.bench.store;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.Period;
import app.cloudey.store.postgres.PostgresStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code close.over_sql}: month close of a month of N lines (default 1,000,000) through {@link
 * PostgresStore#costs()} divided by a bare {@code INSERT ... SELECT ... GROUP BY GROUPING SETS} of
 * the same rollups into a table shaped like the rollup table, in the same run. Each is run 3 times,
 * alternating; the medians are compared.
 *
 * <p>Arguments: {@code [lines]}. Environment: {@code CLOUDEY_BENCH_PG_URL} to use a running server.
 */
public final class CloseBench {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);
  private static final int RUNS = 3;

  private CloseBench() {}

  public static void main(String[] args) throws Exception {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    AccountId account = AccountId.of("close");
    try (BenchDatabase db = BenchDatabase.start("cloudey_bench_close");
        PostgresStore store = db.store()) {
      System.out.printf("%s, a month of %,d lines%n", db.describe(), lines);
      store
          .costs()
          .replaceCostLines(account, Period.month(MONTH), CostLines.of(account, MONTH, lines));
      db.execute("vacuum analyze " + db.schema + ".cost_line");
      db.execute(
          "create table "
              + db.schema
              + ".bench_rollup (like "
              + db.schema
              + ".month_rollup including all)");
      List<Long> sql = new ArrayList<>();
      List<Long> close = new ArrayList<>();
      ClosedMonth closed = null;
      for (int run = 0; run < RUNS; run++) {
        db.execute("truncate " + db.schema + ".bench_rollup");
        sql.add(bareSql(db, account));
        long start = System.nanoTime();
        closed = store.costs().closeMonth(account, MONTH, Instant.now());
        close.add(System.nanoTime() - start);
      }
      if (closed == null || closed.lines() != lines) {
        throw new IllegalStateException("close counted " + closed + " lines, expected " + lines);
      }
      long sqlMedian = median(sql);
      long closeMedian = median(close);
      System.out.printf("bare SQL runs (ms): %s, median %d%n", millis(sql), sqlMedian / 1_000_000);
      System.out.printf(
          "month close runs (ms): %s, median %d%n", millis(close), closeMedian / 1_000_000);
      System.out.printf("closed: %d lines, totals %s%n", closed.lines(), closed.totals());
      System.out.printf("close.over_sql = %.2f%n", closeMedian / (double) sqlMedian);
    }
  }

  /** The seven rollups of the month (day, service, SKU, region, compartment, resource, month). */
  private static long bareSql(BenchDatabase db, AccountId account) throws Exception {
    String s = db.schema;
    String sql =
        "insert into "
            + s
            + ".bench_rollup (account_id, month, dimension, key, currency, cost, lines)"
            + " select ?, date '2026-10-01',"
            + " case when grouping(day) = 0 then 'DAY' when grouping(service) = 0 then 'SERVICE'"
            + " when grouping(sku_part_number) = 0 then 'SKU' when grouping(region) = 0 then"
            + " 'REGION' when grouping(compartment_id) = 0 then 'COMPARTMENT' when"
            + " grouping(resource_id) = 0 then 'RESOURCE' else 'MONTH' end,"
            + " coalesce(to_char(day, 'YYYY-MM-DD'), service, sku_part_number, region,"
            + " compartment_id, resource_id, '2026-10'), currency, sum(cost), count(*) from "
            + s
            + ".cost_line where account_id = ? and day >= date '2026-10-01' and day < date"
            + " '2026-11-01' group by grouping sets ((day, currency), (service, currency),"
            + " (sku_part_number, currency), (region, currency), (compartment_id, currency),"
            + " (resource_id, currency), (currency))";
    try (Connection c = db.connect();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, account.value());
      p.setString(2, account.value());
      long start = System.nanoTime();
      p.executeUpdate();
      return System.nanoTime() - start;
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static List<Long> millis(List<Long> nanos) {
    return nanos.stream().map(n -> n / 1_000_000).toList();
  }
}
