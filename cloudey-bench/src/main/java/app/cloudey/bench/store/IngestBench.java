package app.cloudey.bench.store;

import app.cloudey.bench.HeapSampler;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Period;
import app.cloudey.store.postgres.PostgresStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.YearMonth;
import java.util.Iterator;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@code ingest.rows_over_copy} and {@code ingest.heap_mb}: ingests N cost lines (default
 * 5,000,000) through {@link PostgresStore#costs()} and, in the same run, COPYs the same generated
 * rows into the same table with a bare {@code CopyManager} loop; prints rows/s of each, their
 * ratio, and the peak heap used during the store ingest (sampled every 5 ms). Run it under {@code
 * -Xmx256m}.
 *
 * <p>Arguments: {@code [lines [rounds [keys]]]} (defaults 5,000,000, 2 and {@code per-line}; raw
 * and store runs alternate and the best of each is compared, since the machine may be shared);
 * {@code keys} is {@code per-line} (every line its own per-resource rollup key, the rollup's worst
 * case) or {@code daily} (each resource bills two SKUs every day, as OCI bills instances), see
 * {@link CostLines.Keys}. Environment: {@code CLOUDEY_BENCH_PG_URL} to use a running server.
 */
public final class IngestBench {
  private static final YearMonth MONTH = YearMonth.of(2026, 10);

  private IngestBench() {}

  public static void main(String[] args) throws Exception {
    long lines = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    CostLines.Keys keys =
        args.length > 2
            ? CostLines.Keys.valueOf(args[2].toUpperCase(java.util.Locale.ROOT).replace('-', '_'))
            : CostLines.Keys.PER_LINE;
    try (BenchDatabase db = BenchDatabase.start("cloudey_bench_ingest");
        PostgresStore store = db.store()) {
      System.out.printf(
          "%s, %,d lines, keys %s, max heap %d MB%n", db.describe(), lines, keys, maxHeapMb());
      // warm-up: JIT and the connection pool, on a small slice
      store
          .costs()
          .replaceCostLines(
              AccountId.of("warmup"),
              Period.month(MONTH),
              CostLines.of(AccountId.of("warmup"), MONTH, 50_000));
      db.execute("truncate " + db.schema + ".cost_line");
      db.execute("checkpoint");

      // alternate raw and store runs and keep the best of each: the machine may be shared
      long rawNanos = Long.MAX_VALUE;
      long storeNanos = Long.MAX_VALUE;
      HeapSampler heap = new HeapSampler();
      heap.start();
      IngestResult result = null;
      for (int round = 0; round < rounds; round++) {
        long raw = rawCopy(db, AccountId.of("raw"), lines, keys);
        rawNanos = Math.min(rawNanos, raw);
        db.execute("truncate " + db.schema + ".cost_line");
        db.execute("checkpoint");
        heap.measuring(true);
        long start = System.nanoTime();
        result =
            store
                .costs()
                .replaceCostLines(
                    AccountId.of("store"),
                    Period.month(MONTH),
                    CostLines.of(AccountId.of("store"), MONTH, lines, keys));
        long took = System.nanoTime() - start;
        heap.measuring(false);
        storeNanos = Math.min(storeNanos, took);
        db.execute("truncate " + db.schema + ".cost_line");
        db.execute("checkpoint");
        System.out.printf(
            "round %d: raw COPY %.1f s, store ingest %.1f s%n", round + 1, raw / 1e9, took / 1e9);
      }
      heap.stopSampling();
      if (result == null || result.lines() != lines) {
        throw new IllegalStateException("ingested " + result + " instead of " + lines + " lines");
      }
      double rawRate = lines / (rawNanos / 1e9);
      double storeRate = lines / (storeNanos / 1e9);
      System.out.printf("raw COPY:     %,.0f rows/s (best %.1f s)%n", rawRate, rawNanos / 1e9);
      System.out.printf(
          "store ingest: %,.0f rows/s (best %.1f s), total %s%n",
          storeRate, storeNanos / 1e9, result.totals());
      System.out.printf("ingest.rows_over_copy = %.2f%n", storeRate / rawRate);
      System.out.printf("ingest.heap_mb = %d%n", heap.peakMb());
    }
  }

  /** The baseline: the same rows, same table, one transaction, a bare COPY loop with no checks. */
  private static long rawCopy(BenchDatabase db, AccountId account, long lines, CostLines.Keys keys)
      throws Exception {
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      long start = System.nanoTime();
      CopyIn copy =
          c.unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "copy "
                      + db.schema
                      + ".cost_line (account_id, day, service, sku_part_number, sku_name, unit,"
                      + " region, compartment_id, resource_id, compartment_path, quantity, cost,"
                      + " currency, unit_price, list_rate, discount, tags) from stdin");
      StringBuilder sb = new StringBuilder(1 << 17);
      for (Iterator<CostLine> it = CostLines.of(account, MONTH, lines, keys).iterator();
          it.hasNext(); ) {
        CostLine l = it.next();
        sb.append(account.value())
            .append('\t')
            .append(l.day())
            .append('\t')
            .append(l.service())
            .append('\t')
            .append(l.skuPartNumber())
            .append('\t')
            .append(l.skuName())
            .append('\t')
            .append(l.unit())
            .append('\t')
            .append(l.region())
            .append('\t')
            .append(l.compartmentId())
            .append('\t')
            .append(l.resourceId())
            .append('\t')
            .append(l.compartmentPath())
            .append('\t')
            .append(l.quantity().toPlainString())
            .append('\t')
            .append(l.cost().amount().toPlainString())
            .append('\t')
            .append(l.cost().currency().getCurrencyCode())
            .append('\t')
            .append(l.unitPrice() == null ? "\\N" : l.unitPrice().toPlainString())
            .append("\t\\N\t\\N\t\\N\n");
        if (sb.length() >= 1 << 16) {
          byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          sb.setLength(0);
        }
      }
      byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
      c.commit();
      return System.nanoTime() - start;
    }
  }

  private static long maxHeapMb() {
    return Runtime.getRuntime().maxMemory() / (1024 * 1024);
  }
}
