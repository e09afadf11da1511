package app.cloudey.bench.views;

import app.cloudey.Cloudey;
import app.cloudey.Costs;
import app.cloudey.bench.store.BenchDatabase;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostLine;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.CacheKey;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.store.redis.RedisCache;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code dashboard.pg_ms}, {@code dashboard.pg_over_sql}, {@code detailed.pg_ms}, {@code
 * detailed.pg_over_sql} and {@code dashboard.redis_p50_us}: loads 12 complete months plus half a
 * month of daily costs for N resources (default 20,000; instances bill an OCPU and a memory line,
 * the other types one line of their service, each region one egress line without a resource) and
 * their inventory through the store's own ingest, closes the complete months, then times the
 * uncached dashboard and detailed view against the bare SQL of {@code views/*-baseline.sql}
 * (alternating, same run), and the dashboard served from Redis.
 *
 * <p>Before measuring, every table of the schema is vacuumed and analysed ({@link
 * app.cloudey.bench.store.BenchDatabase#vacuumAnalyze()}), as autovacuum would have done on a
 * production server: autovacuum is off where these benchmarks run.
 *
 * <p>Arguments: {@code [--resources N] [--runs R] [--warmup W] [--redis URL] [--reuse]
 * [--kept-connection] [--view-read-threads T]}; {@code T} is the builder's {@code viewReadThreads}
 * (else its default); {@code --warmup} (default 1) runs the view and the baseline W times each,
 * alternating, before the measured runs ({@code --warmup auto}: until the JIT is idle, see {@link
 * #compare}), so that both are measured warm (the JIT-compiled view code, PostgreSQL's plan and
 * buffer caches), as a server that has served a few views is ({@code --kept-connection}: the
 * baseline runs on one connection kept open, as the store's pool keeps its own, instead of a new
 * connection per run). Environment: {@code CLOUDEY_BENCH_PG_URL} for a running server ({@code
 * --reuse} then keeps the loaded schema between runs), {@code CLOUDEY_BENCH_REDIS_URL} instead of
 * {@code --redis}.
 */
public final class ViewsBench {
  private static final String SCHEMA = "cloudey_bench_views";
  private static final AccountId ACCOUNT = AccountId.of("bench");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 15);
  private static final YearMonth FIRST = YearMonth.of(2025, 12);
  private static final List<String> REGIONS = List.of("us-ashburn-1", "eu-frankfurt-1");
  private static final Instant SEEN = Instant.parse("2026-12-15T02:00:00Z");

  private ViewsBench() {}

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    int resources = intArg(a, "--resources", 20_000);
    int runs = intArg(a, "--runs", 5);
    // "auto": until the JIT is idle (AUTO_WARMUP); else a count
    int warmup =
        "auto".equals(stringArg(a, "--warmup", null)) ? AUTO_WARMUP : intArg(a, "--warmup", 1);
    int viewReadThreads = intArg(a, "--view-read-threads", -1); // -1: the builder's default
    String redis = stringArg(a, "--redis", System.getenv("CLOUDEY_BENCH_REDIS_URL"));
    boolean reuse = a.contains("--reuse");
    // the baseline opens a new connection per run (as before), or keeps one open as a pool would
    boolean keptConnection = a.contains("--kept-connection");
    try (BenchDatabase db = reuse ? BenchDatabase.reuse(SCHEMA) : BenchDatabase.start(SCHEMA);
        PostgresStore store = db.store();
        Connection kept = keptConnection ? db.connect() : null) {
      System.out.printf(
          "%s, %,d resources, %d runs after %s warm-up runs%n",
          db.describe(), resources, runs, warmup == AUTO_WARMUP ? "auto" : warmup);
      long lines = lines(db);
      if (lines == 0) {
        long start = System.nanoTime();
        lines = load(store, resources);
        System.out.printf("loaded %,d lines in %.0f s%n", lines, (System.nanoTime() - start) / 1e9);
      } else {
        System.out.printf("reusing %,d loaded lines%n", lines);
      }
      db.vacuumAnalyze();
      Clock clock = Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
      try (Cloudey uncached = cloudey(store, clock, new NoCache(), viewReadThreads)) {
        Costs costs = uncached.account(ACCOUNT).costs();
        Dashboard d = costs.dashboard();
        System.out.printf(
            "dashboard: %s month to date, months %s%n",
            d.currencies().get(0).monthToDate().cost(), d.currencies().get(0).completeMonths());
        String dashSql = sql("dashboard-baseline.sql", db.schema);
        String detSql = sql("detailed-baseline.sql", db.schema);
        double[] dash = compare(warmup, runs, costs::dashboard, () -> runSql(db, kept, dashSql));
        System.out.printf("dashboard.pg_ms = %.0f%n", dash[0]);
        System.out.printf("dashboard.sql_ms = %.0f%n", dash[1]);
        System.out.printf("dashboard.pg_over_sql = %.2f%n", dash[0] / dash[1]);
        DetailedCosts detailed = costs.detailed();
        System.out.printf(
            "detailed: %d compartments, totals %s%n",
            detailed.currencies().get(0).compartments().size(),
            detailed.currencies().get(0).totals());
        double[] det = compare(warmup, runs, costs::detailed, () -> runSql(db, kept, detSql));
        System.out.printf("detailed.pg_ms = %.0f%n", det[0]);
        System.out.printf("detailed.sql_ms = %.0f%n", det[1]);
        System.out.printf("detailed.pg_over_sql = %.2f%n", det[0] / det[1]);
      }
      if (redis != null && !redis.isBlank()) {
        try (RedisCache cache = RedisCache.create(redis);
            Cloudey cached = cloudey(store, clock, cache, viewReadThreads)) {
          Costs costs = cached.account(ACCOUNT).costs();
          costs.dashboard(); // computed and put
          int n = 2_000;
          long[] micros = new long[n];
          for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            costs.dashboard();
            micros[i] = (System.nanoTime() - start) / 1_000;
          }
          Arrays.sort(micros);
          System.out.printf(
              "dashboard.redis_p50_us = %d (p90 %d, p99 %d)%n",
              micros[n / 2], micros[n * 9 / 10], micros[n * 99 / 100]);
        }
      }
    }
  }

  /** {@code --warmup auto}: warm up until the JIT is idle, in batches of {@link #BATCH}. */
  private static final int AUTO_WARMUP = -1;

  private static final int BATCH = 20;

  /** Most warm-up runs of each in {@code auto}: the JIT of a busy machine may never be idle. */
  private static final int MAX_AUTO_WARMUP = 1_000;

  /**
   * Medians in ms of the view and the baseline, alternating, after {@code warmup} runs each, or,
   * with {@link #AUTO_WARMUP}, after as many batches of {@link #BATCH} runs as it takes for the JIT
   * to be idle: a batch during which the JIT compiled for less than 1 % of its wall time (from
   * {@code CompilationMXBean}). The steady state of a server that has served a few hundred views,
   * without a count chosen by hand; the runs it took are printed.
   */
  private static double[] compare(int warmup, int runs, Supplier<?> view, Runnable baseline) {
    if (warmup == AUTO_WARMUP) {
      CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
      int done = 0;
      double share;
      do {
        long compiled = jit.getTotalCompilationTime();
        long start = System.nanoTime();
        warmUp(BATCH, view, baseline);
        done += BATCH;
        share = (jit.getTotalCompilationTime() - compiled) / ((System.nanoTime() - start) / 1e6);
      } while (share >= 0.01 && done < MAX_AUTO_WARMUP);
      System.out.printf(
          "  warmed up with %d runs each (JIT busy %.1f %% of the last batch)%n",
          done, share * 100);
    } else {
      warmUp(warmup, view, baseline);
    }
    List<Double> v = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      view.get();
      v.add((System.nanoTime() - start) / 1e6);
      start = System.nanoTime();
      baseline.run();
      b.add((System.nanoTime() - start) / 1e6);
    }
    System.out.printf("  view ms %s%n  sql  ms %s%n", v, b);
    return new double[] {median(v), median(b)};
  }

  private static void warmUp(int times, Supplier<?> view, Runnable baseline) {
    for (int i = 0; i < times; i++) {
      view.get();
      baseline.run();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static Cloudey cloudey(
      PostgresStore store, Clock clock, CloudeyCache cache, int viewReadThreads) {
    Cloudey.Builder builder =
        Cloudey.builder()
            .cloud(FakeCloudProvider.builder().build())
            .store(store)
            .cache(cache)
            .clock(clock);
    if (viewReadThreads >= 0) {
      builder.viewReadThreads(viewReadThreads);
    }
    return builder.build();
  }

  /** The baseline statements with the bench's parameters, as literals. */
  private static String sql(String resource, String schema) throws IOException {
    try (InputStream in = ViewsBench.class.getResourceAsStream("/views/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource views/" + resource);
      }
      YearMonth current = YearMonth.from(TODAY);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{s}", schema)
          .replace(":account", "'" + ACCOUNT.value() + "'")
          .replace(":from", date(current.minusMonths(3).atDay(1)))
          .replace(":tomorrow", date(TODAY.plusDays(1)))
          .replace(":month_start", date(current.atDay(1)))
          .replace(":m1", date(current.minusMonths(3).atDay(1)))
          .replace(":m2", date(current.minusMonths(2).atDay(1)))
          .replace(":m3", date(current.minusMonths(1).atDay(1)));
    }
  }

  private static String date(LocalDate day) {
    return "date '" + day + "'";
  }

  /**
   * Runs every statement and reads every row, as a client would, on {@code kept} or else on a new
   * connection.
   */
  private static void runSql(BenchDatabase db, @Nullable Connection kept, String script) {
    if (kept != null) {
      runSql(kept, script);
      return;
    }
    try (Connection c = db.connect()) {
      runSql(c, script);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void runSql(Connection c, String script) {
    try (Statement s = c.createStatement()) {
      for (String statement : script.split(";")) {
        String sql =
            statement.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + " " + y);
        if (sql.isBlank()) {
          continue;
        }
        try (ResultSet rs = s.executeQuery(sql)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              rs.getObject(i);
            }
          }
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long lines(BenchDatabase db) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from " + SCHEMA + ".cost_line where account_id = 'bench'")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      return 0; // not migrated yet
    }
  }

  // ---- the data set ----

  private static final ResourceType[] TYPES = {
    ResourceType.INSTANCE,
    ResourceType.INSTANCE,
    ResourceType.INSTANCE,
    ResourceType.INSTANCE,
    ResourceType.BOOT_VOLUME,
    ResourceType.BOOT_VOLUME,
    ResourceType.BLOCK_VOLUME,
    ResourceType.BUCKET,
    ResourceType.AUTONOMOUS_DATABASE,
    ResourceType.LOAD_BALANCER
  };

  private static String service(ResourceType type) {
    return switch (type) {
      case INSTANCE -> "COMPUTE";
      case BOOT_VOLUME, BLOCK_VOLUME -> "BLOCK_STORAGE";
      case BUCKET -> "OBJECT_STORAGE";
      case AUTONOMOUS_DATABASE -> "DATABASE";
      default -> "LOAD_BALANCER";
    };
  }

  /** 40 compartments under the root, 10 top-level ones with 3 children each. */
  private static List<Compartment> compartments() {
    String root = "ocid1.tenancy.oc1..bench";
    List<Compartment> list = new ArrayList<>();
    list.add(new Compartment(ACCOUNT, root, null, "bench", "bench", "ACTIVE"));
    for (int i = 0; i < 40; i++) {
      boolean top = i < 10;
      String parent = top ? root : "ocid1.compartment.oc1..c" + (i % 10);
      String path = top ? "bench/c" + i : "bench/c" + (i % 10) + "/c" + i;
      list.add(
          new Compartment(
              ACCOUNT, "ocid1.compartment.oc1..c" + i, parent, "c" + i, path, "ACTIVE"));
    }
    return list;
  }

  private static Resource resource(int i) {
    ResourceType type = TYPES[i % TYPES.length];
    String state =
        switch (type) {
          case INSTANCE -> i % 7 == 0 ? "STOPPED" : "RUNNING";
          case BUCKET, LOAD_BALANCER -> "ACTIVE";
          default -> "AVAILABLE";
        };
    return Resource.builder()
        .accountId(ACCOUNT)
        .provider(Fixtures.PROVIDER)
        .type(type)
        .id("ocid1." + type.key().toLowerCase(java.util.Locale.ROOT) + ".oc1..r" + i)
        .name(type.key() + "-" + i)
        .region(REGIONS.get(i % REGIONS.size()))
        .compartmentId("ocid1.compartment.oc1..c" + (i % 40))
        .lifecycleState(state)
        .build();
  }

  private static long load(PostgresStore store, int resources) {
    store.accounts().add(Fixtures.account(ACCOUNT), Fixtures.credentials());
    store.inventory().replaceCompartments(ACCOUNT, compartments(), SEEN);
    Map<Scope, List<Resource>> scopes = new HashMap<>();
    for (int i = 0; i < resources; i++) {
      Resource r = resource(i);
      scopes.computeIfAbsent(r.scope(), k -> new ArrayList<>()).add(r);
    }
    scopes.forEach((scope, listed) -> store.inventory().replaceScope(ACCOUNT, scope, listed, SEEN));
    long lines = 0;
    for (YearMonth m = FIRST; !m.isAfter(YearMonth.from(TODAY)); m = m.plusMonths(1)) {
      Period month =
          Period.month(m).intersection(Period.of(FIRST.atDay(1), TODAY.plusDays(1))).orElseThrow();
      long start = System.nanoTime();
      lines += store.costs().replaceCostLines(ACCOUNT, month, lines(month, resources)).lines();
      System.out.printf("  %s ingested in %.1f s%n", m, (System.nanoTime() - start) / 1e9);
      if (m.isBefore(YearMonth.from(TODAY))) {
        store.costs().closeMonth(ACCOUNT, m, SEEN);
      }
    }
    return lines;
  }

  /** Every line of the period, generated day by day, nothing held. */
  private static Stream<CostLine> lines(Period period, int resources) {
    return period
        .dayStream()
        .flatMap(
            day ->
                Stream.concat(
                    IntStream.range(0, resources).boxed().flatMap(i -> resourceLines(day, i)),
                    REGIONS.stream().map(region -> egress(day, region))));
  }

  private static Stream<CostLine> resourceLines(LocalDate day, int i) {
    Resource r = resource(i);
    if (r.type() == ResourceType.INSTANCE && r.lifecycleState().equals("STOPPED")) {
      return Stream.empty();
    }
    // 1.00-10.99 a day, weekends at 80 % for compute, 2 % growth a month
    double weekend =
        r.type() == ResourceType.INSTANCE
                && (day.getDayOfWeek() == DayOfWeek.SATURDAY
                    || day.getDayOfWeek() == DayOfWeek.SUNDAY)
            ? 0.8
            : 1.0;
    double growth = 1 + 0.02 * (day.getMonthValue() + 12 * (day.getYear() - 2025) - 12);
    BigDecimal base = BigDecimal.valueOf(100 + (i * 7919L) % 1000, 2);
    BigDecimal cost =
        base.multiply(BigDecimal.valueOf(weekend * growth))
            .setScale(4, java.math.RoundingMode.HALF_EVEN);
    CostLine.Builder line =
        CostLine.builder()
            .accountId(ACCOUNT)
            .day(day)
            .service(service(r.type()))
            .skuPartNumber("B9" + (1000 + r.type().ordinal()))
            .skuName(r.type().key() + " usage")
            .unit("Hours")
            .quantity(BigDecimal.valueOf(24))
            .cost(Money.of(cost, "USD"))
            .region(r.region())
            .compartmentId(r.compartmentId())
            .resourceId(r.id());
    if (r.type() != ResourceType.INSTANCE) {
      return Stream.of(line.build());
    }
    return Stream.of(
        line.build(),
        line.skuPartNumber("B97385")
            .skuName("Compute - Memory")
            .unit("Gigabyte Per Hour")
            .cost(Money.of(cost.divide(BigDecimal.valueOf(4)), "USD"))
            .build());
  }

  private static CostLine egress(LocalDate day, String region) {
    return CostLine.builder()
        .accountId(ACCOUNT)
        .day(day)
        .service("NETWORK")
        .skuPartNumber("B88327")
        .skuName("Outbound Data Transfer")
        .unit("GB")
        .quantity(BigDecimal.valueOf(100))
        .cost(Money.of("12.5", "USD"))
        .region(region)
        .compartmentId("ocid1.tenancy.oc1..bench")
        .build();
  }

  private static int intArg(List<String> args, String name, int fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
  }

  private static @Nullable String stringArg(
      List<String> args, String name, @Nullable String fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
  }

  /** No caching: every view is computed from the store. */
  private static final class NoCache implements CloudeyCache {
    @Override
    public <T> Optional<T> get(CacheKey key, Class<T> type) {
      return Optional.empty();
    }

    @Override
    public void put(CacheKey key, Object value, @Nullable Duration ttl) {}

    @Override
    public void evictAccount(String storeId, AccountId accountId) {}
  }
}
