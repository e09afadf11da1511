package app.cloudey.bench.advisor;

import app.cloudey.Cloudey;
import app.cloudey.advisor.StandardRules;
import app.cloudey.bench.HeapSampler;
import app.cloudey.bench.store.BenchDatabase;
import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.Resource;
import app.cloudey.model.Scope;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.jspecify.annotations.Nullable;

/**
 * {@code advisor.seconds_100k}, {@code advisor.scaling_10x} and {@code advisor.heap_mb_100k}: loads
 * two accounts in PostgreSQL through the store's own write paths ({@code replaceCompartments},
 * {@code replaceScope} twice, {@code replaceCostLines} per month, which keeps the per-resource
 * monthly rollups, {@code closeMonth} for the settled months, metric {@code upsert}): one with 100k
 * resources and one with 10k (see {@link AdvisorTenancy}: 3 months and 3 days of daily costs, 14
 * days of daily metrics), has the store keep the metric summaries and the per-resource costs of the
 * advisor's windows as the metric sync and the cost refresh do ({@code refreshSummaries}, {@code
 * refreshResourceCosts}), then times {@code recommendations().generate()} with {@link
 * StandardRules#all()} on 2026-12-04, alternating the two accounts after {@code --warmup} warm-up
 * runs of each (default 5).
 *
 * <p>Warm-up: each rule's {@code evaluate} is called once a run, so the JIT compiles the rules'
 * loops and their large finding builders only over several runs; during the first ones the C2
 * compiler threads used 0.8-1.9 s of CPU per 100k run on a 2-core machine where the run itself
 * needs both cores, which made those runs 0.4-1 s slower (JFR compilation events and per-thread
 * CPU: C2's work settles after about five runs of each account). The timed runs measure the
 * compiled code, as a server that has run the advisor a few times has it; the first run's time is
 * printed too ({@code advisor.seconds_100k_first_run}).
 *
 * <p>Heap: a thread samples the used heap every 5 ms during each 100k run (garbage included); GC
 * notifications give the used heap after each collection during the run (what the run holds). Run
 * it in a fixed 512 MB heap ({@code -Xms512m -Xmx512m}, as a server runs): the full GC before each
 * 100k run (for the baseline it prints) otherwise lets G1 shrink the heap, and the timed run then
 * pays for growing it back in extra collections (about 1 s a run).
 *
 * <p>Before measuring, every table of the schema is vacuumed and analysed ({@link
 * app.cloudey.bench.store.BenchDatabase#vacuumAnalyze()}), as autovacuum would have done on a
 * production server: autovacuum is off where these benchmarks run.
 *
 * <p>Arguments: {@code [--resources N] [--small N] [--runs R] [--warmup W] [--reuse]
 * [--read-concurrency C]} ({@code C}: the builder's {@code advisorReadConcurrency}, else its
 * default). Environment: {@code CLOUDEY_BENCH_PG_URL} for a running server ({@code --reuse} then
 * keeps the loaded schema {@code cloudey_bench_advisor} between runs).
 */
public final class AdvisorBench {
  private static final String SCHEMA = "cloudey_bench_advisor";

  /** The advisor's cost window on {@link AdvisorTenancy#TODAY}: the trailing 30 days. */
  private static final Period COST_WINDOW =
      new Period(AdvisorTenancy.TODAY.minusDays(30), AdvisorTenancy.TODAY);

  /** The advisor's metric window on {@link AdvisorTenancy#TODAY}: its default 14-day look-back. */
  private static final Period METRIC_WINDOW =
      new Period(AdvisorTenancy.TODAY.minusDays(AdvisorTenancy.METRIC_DAYS), AdvisorTenancy.TODAY);

  private AdvisorBench() {}

  public static void main(String[] args) throws Exception {
    List<String> a = Arrays.asList(args);
    int large = intArg(a, "--resources", 100_000);
    int small = intArg(a, "--small", large / 10);
    int runs = intArg(a, "--runs", 3);
    int warmup = Math.max(1, intArg(a, "--warmup", 5));
    boolean reuse = a.contains("--reuse");
    int readConcurrency = intArg(a, "--read-concurrency", 0); // 0: the builder's default
    AccountId bigAccount = AccountId.of("adv" + large);
    AccountId smallAccount = AccountId.of("adv" + small);
    try (BenchDatabase db = reuse ? BenchDatabase.reuse(SCHEMA) : BenchDatabase.start(SCHEMA);
        PostgresStore store = db.store()) {
      System.out.printf(
          "%s, %,d and %,d resources, %d warm-up and %d timed runs, max heap %d MB, %d processors,"
              + " read concurrency %s%n",
          db.describe(),
          large,
          small,
          warmup,
          runs,
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors(),
          readConcurrency > 0 ? readConcurrency : "default");
      for (AdvisorTenancy t :
          List.of(new AdvisorTenancy(bigAccount, large), new AdvisorTenancy(smallAccount, small))) {
        long lines = lines(db, t);
        if (lines == 0) {
          long start = System.nanoTime();
          lines = load(store, t);
          System.out.printf(
              "%s: loaded %,d lines in %.0f s%n", t, lines, (System.nanoTime() - start) / 1e9);
        } else {
          System.out.printf("reusing %,d loaded lines of %d resources%n", lines, t.size());
        }
      }
      // what the metric sync and the cost refresh do once they have written: keep the advisor's
      // windows ready (instant when already kept)
      for (AccountId account : List.of(bigAccount, smallAccount)) {
        long start = System.nanoTime();
        store.metrics().refreshSummaries(account, METRIC_WINDOW);
        long costs = System.nanoTime();
        store.costs().refreshResourceCosts(account, COST_WINDOW);
        System.out.printf(
            "%s: metric summaries of %s kept in %.2f s, per-resource costs of %s in %.2f s%n",
            account,
            METRIC_WINDOW,
            (costs - start) / 1e9,
            COST_WINDOW,
            (System.nanoTime() - costs) / 1e9);
      }
      db.vacuumAnalyze();
      Clock clock =
          Clock.fixed(AdvisorTenancy.TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
      RuleTimes ruleTimes = new RuleTimes();
      Cloudey.Builder builder =
          Cloudey.builder()
              .cloud(FakeCloudProvider.builder().build())
              .store(store)
              .clock(clock)
              .listener(ruleTimes);
      if (readConcurrency > 0) {
        builder.advisorReadConcurrency(readConcurrency);
      }
      for (AdvisorRule rule : StandardRules.all()) {
        builder.rule(rule);
      }
      try (Cloudey cloudey = builder.build()) {
        GcWatch gc = new GcWatch();
        HeapSampler heap = new HeapSampler();
        heap.start();
        // warm-up: the JIT (see the class javadoc), the pool, PostgreSQL's caches, both accounts
        double firstRun = 0;
        for (int i = 0; i < warmup; i++) {
          report("warm-up " + (i + 1) + " " + small, run(cloudey, smallAccount, null, null));
          Timed w = run(cloudey, bigAccount, null, null);
          firstRun = i == 0 ? w.seconds : firstRun;
          report("warm-up " + (i + 1) + " " + large, w);
        }
        List<Double> bigSeconds = new ArrayList<>();
        List<Double> smallSeconds = new ArrayList<>();
        long baseline = 0;
        for (int i = 0; i < runs; i++) {
          Timed s = run(cloudey, smallAccount, null, null);
          smallSeconds.add(s.seconds);
          report("run " + (i + 1) + " " + small, s);
          System.gc();
          baseline = Math.max(baseline, usedHeap());
          ruleTimes.clear();
          Timed b = run(cloudey, bigAccount, heap, gc);
          bigSeconds.add(b.seconds);
          report("run " + (i + 1) + " " + large, b);
          System.out.printf("  rule ms (the rest: snapshot and saving the run) %s%n", ruleTimes);
        }
        heap.stopSampling();
        breakdown(store, bigAccount);
        timeSave(store, bigAccount);
        double big = median(bigSeconds);
        double little = median(smallSeconds);
        System.out.printf("  %,d: %s s; %,d: %s s%n", large, bigSeconds, small, smallSeconds);
        System.out.printf(
            "heap: used after a full GC before the %,d runs %d MB; peak used during them %d MB"
                + " (sampled every 5 ms, garbage included); largest used after a GC during them"
                + " %d MB (%d GCs)%n",
            large, mb(baseline), mb(heap.peakBytes()), mb(gc.maxAfter.get()), gc.count.get());
        System.out.printf("advisor.seconds_100k = %.2f%n", big);
        System.out.printf("advisor.scaling_10x = %.2f%n", big / little);
        System.out.printf("advisor.heap_mb_100k = %d%n", mb(heap.peakBytes()));
        System.out.printf("advisor.seconds_100k_first_run = %.2f%n", firstRun);
      }
    }
  }

  /** Times the snapshot's store reads on their own, to show where a run's time goes. */
  private static void breakdown(PostgresStore store, AccountId account) {
    long t0 = System.nanoTime();
    int resources =
        store.inventory().resources(account, app.cloudey.model.ResourceFilter.ALL).size();
    long t1 = System.nanoTime();
    int costs = store.costs().resourceCosts(account, COST_WINDOW).size();
    long t2 = System.nanoTime();
    // a window one day longer holds the same rows but is not the kept one: computed on read
    store.costs().resourceCosts(account, longer(COST_WINDOW));
    long t3 = System.nanoTime();
    int metrics =
        store.metrics().summaries(account, app.cloudey.model.MetricQuery.of(METRIC_WINDOW)).size();
    long t4 = System.nanoTime();
    store.metrics().summaries(account, app.cloudey.model.MetricQuery.of(longer(METRIC_WINDOW)));
    long t5 = System.nanoTime();
    System.out.printf(
        "  snapshot reads: inventory %,d resources %.2f s; resource costs %,d SKU rows %.2f s"
            + " (kept; %.2f s from the monthly rollups); metric summaries %,d %.2f s (kept; %.2f s"
            + " grouped from the daily rows)%n",
        resources,
        (t1 - t0) / 1e9,
        costs,
        (t2 - t1) / 1e9,
        (t3 - t2) / 1e9,
        metrics,
        (t4 - t3) / 1e9,
        (t5 - t4) / 1e9);
  }

  /** {@code window} with one day more at its end, on which the benchmark has no data. */
  private static Period longer(Period window) {
    return new Period(window.start(), window.end().plusDays(1));
  }

  /** Times saving a copy of the account's latest run on its own. */
  private static void timeSave(PostgresStore store, AccountId account) {
    RecommendationRun latest = store.recommendations().latest(account).orElseThrow();
    long start = System.nanoTime();
    store
        .recommendations()
        .save(
            new RecommendationRun(
                java.util.UUID.randomUUID().toString(),
                account,
                latest.generatedAt().plusSeconds(1),
                latest.recommendations(),
                latest.failures(),
                latest.supersededBy()));
    System.out.printf(
        "  saving a run of %,d recommendations: %.2f s%n",
        latest.recommendations().size(), (System.nanoTime() - start) / 1e9);
  }

  private record Timed(double seconds, RecommendationRun run) {}

  private static Timed run(
      Cloudey cloudey, AccountId account, @Nullable HeapSampler heap, @Nullable GcWatch gc) {
    if (heap != null && gc != null) {
      heap.measuring(true);
      gc.measuring = true;
    }
    long start = System.nanoTime();
    RecommendationRun run = cloudey.account(account).recommendations().run();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (heap != null && gc != null) {
      heap.measuring(false);
      gc.measuring = false;
    }
    return new Timed(seconds, run);
  }

  private static void report(String what, Timed t) {
    Map<String, Long> byRule =
        t.run.recommendations().stream()
            .collect(
                Collectors.groupingBy(Recommendation::ruleId, TreeMap::new, Collectors.counting()));
    System.out.printf(
        "%s: %.2f s, %,d findings (%d failed rules %s) %s%n",
        what,
        t.seconds,
        t.run.recommendations().size(),
        t.run.failures().size(),
        t.run.failures(),
        byRule);
  }

  private static long load(PostgresStore store, AdvisorTenancy t) {
    AccountId account = t.compartments().get(0).accountId();
    store.accounts().add(Fixtures.account(account), Fixtures.credentials());
    long start = System.nanoTime();
    Map<Scope, List<Resource>> scopes = new java.util.HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      Resource r = t.resource(i);
      scopes.computeIfAbsent(r.scope(), k -> new ArrayList<>()).add(r);
    }
    for (java.time.Instant seen : List.of(AdvisorTenancy.FIRST_SYNC, AdvisorTenancy.LAST_SYNC)) {
      store.inventory().replaceCompartments(account, t.compartments(), seen);
      scopes.forEach(
          (scope, listed) -> store.inventory().replaceScope(account, scope, listed, seen));
    }
    System.out.printf(
        "  inventory: %,d resources in %d scopes, 2 syncs, %.1f s%n",
        t.size(), scopes.size(), (System.nanoTime() - start) / 1e9);
    long lines = 0;
    Period all = Period.of(AdvisorTenancy.FIRST_DAY, AdvisorTenancy.TODAY);
    for (YearMonth m = YearMonth.from(AdvisorTenancy.FIRST_DAY);
        !m.isAfter(YearMonth.from(AdvisorTenancy.TODAY));
        m = m.plusMonths(1)) {
      Period month = Period.month(m).intersection(all).orElseThrow();
      start = System.nanoTime();
      lines += store.costs().replaceCostLines(account, month, t.lines(month)).lines();
      System.out.printf("  %s ingested in %.1f s%n", m, (System.nanoTime() - start) / 1e9);
    }
    // settled months are closed as the scheduler would (settling period 5 days: November is not)
    for (YearMonth m = YearMonth.from(AdvisorTenancy.FIRST_DAY);
        m.isBefore(YearMonth.of(2026, 11));
        m = m.plusMonths(1)) {
      start = System.nanoTime();
      store.costs().closeMonth(account, m, AdvisorTenancy.LAST_SYNC);
      System.out.printf("  %s closed in %.1f s%n", m, (System.nanoTime() - start) / 1e9);
    }
    start = System.nanoTime();
    List<MetricDaily> batch = new ArrayList<>();
    long metrics = 0;
    for (int i = 0; i < t.size(); i++) {
      t.metrics(i, batch::add);
      if (batch.size() >= 20_000) {
        store.metrics().upsert(account, batch);
        metrics += batch.size();
        batch.clear();
      }
    }
    store.metrics().upsert(account, batch);
    metrics += batch.size();
    System.out.printf(
        "  metrics: %,d daily rows in %.1f s%n", metrics, (System.nanoTime() - start) / 1e9);
    return lines;
  }

  private static long lines(BenchDatabase db, AdvisorTenancy t) {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from "
                    + SCHEMA
                    + ".metric_daily where account_id = '"
                    + t.compartments().get(0).accountId().value()
                    + "'")) {
      rs.next();
      if (rs.getLong(1) == 0) {
        return 0; // metrics are loaded last: without them the load did not finish
      }
      try (ResultSet lines =
          s.executeQuery(
              "select count(*) from "
                  + SCHEMA
                  + ".cost_line where account_id = '"
                  + t.compartments().get(0).accountId().value()
                  + "'")) {
        lines.next();
        return lines.getLong(1);
      }
    } catch (java.sql.SQLException e) {
      return 0; // not migrated yet
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long mb(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static int intArg(List<String> args, String name, int fallback) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
  }

  /** Each rule's evaluation time in the last run, from the listener. */
  private static final class RuleTimes implements app.cloudey.spi.CloudeyListener {
    private final Map<String, Long> millis = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Override
    public void ruleEvaluated(
        AccountId accountId, String ruleId, int recommendations, java.time.Duration took) {
      millis.put(ruleId, took.toMillis());
    }

    void clear() {
      millis.clear();
    }

    @Override
    public String toString() {
      return millis.values().stream().mapToLong(Long::longValue).sum() + " " + millis;
    }
  }

  /** The heap in use right after each GC while measuring (what the run still held). */
  private static final class GcWatch {
    final AtomicLong maxAfter = new AtomicLong();
    final AtomicLong count = new AtomicLong();
    volatile boolean measuring;

    private final java.util.Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());

    GcWatch() {
      for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) bean)
            .addNotificationListener(
                (notification, handback) -> {
                  if (!measuring
                      || !notification
                          .getType()
                          .equals(
                              GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                  }
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  long used =
                      info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                          .filter(e -> heapPools.contains(e.getKey()))
                          .mapToLong(e -> e.getValue().getUsed())
                          .sum();
                  count.incrementAndGet();
                  maxAfter.accumulateAndGet(used, Math::max);
                },
                null,
                null);
      }
    }
  }
}
