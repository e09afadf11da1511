package app.cloudey.bench.sync;

import app.cloudey.Cloudey;
import app.cloudey.MetricSyncResult;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncRun;
import app.cloudey.oci.OciCloud;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.InventorySource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One inventory sync (or metrics sync) of a simulated tenancy through {@link Cloudey} and the OCI
 * adapter, against a simulator started by its CLI in another JVM. Prints {@code key=value} lines:
 * wall time, calls per service, the floor {@code max(max_service calls / serviceRate, calls /
 * tenancyRate)}, the minimum calls from {@code truth.json} and the heap peak.
 *
 * <pre>
 * java -Xmx512m -cp ... app.cloudey.bench.sync.SyncBench --sim /tmp/simsync [--mode sync|serial|metrics]
 *     [--service-rate 100] [--tenancy-rate 300] [--monitoring-rate 10]
 * </pre>
 *
 * {@code serial} runs the same sync with one scope and one call at a time. {@code metrics} syncs
 * the inventory first (not measured), then measures a metrics sync of the default 14-day look-back.
 */
public final class SyncBench {
  private SyncBench() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    Map<String, String> opts = parse(args);
    SimulatorFiles sim = new SimulatorFiles(Path.of(required(opts, "sim")));
    String mode = opts.getOrDefault("mode", "sync");
    double serviceRate = Double.parseDouble(opts.getOrDefault("service-rate", "100"));
    double tenancyRate = Double.parseDouble(opts.getOrDefault("tenancy-rate", "300"));
    double monitoringRate = Double.parseDouble(opts.getOrDefault("monitoring-rate", "10"));
    boolean serial = mode.equals("serial");

    CallCounter counter = new CallCounter();
    OciOptions.Builder options =
        OciOptions.builder()
            .serviceRateLimit(serviceRate)
            .rateLimit(OciService.MONITORING, monitoringRate)
            .tenancyRateLimit(tenancyRate)
            .listener(counter)
            .endpoints(sim::endpoint);
    if (serial) {
      options.concurrency(1);
    }
    LocalDate now = LocalDate.parse(sim.truth.get("now").asText());
    Cloudey.Builder builder =
        Cloudey.builder()
            .cloud(OciCloud.create(options.build()), sim.config().toCredentials())
            .clock(Clock.fixed(now.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    if (serial) {
      builder.syncConcurrency(1);
    }
    if (opts.containsKey("sync-concurrency")) {
      builder.syncConcurrency(Integer.parseInt(opts.get("sync-concurrency")));
    }
    if (mode.equals("adapter")) {
      adapterSync(sim, options.build(), counter, serviceRate, tenancyRate, opts);
      return;
    }
    try (Cloudey cloudey = builder.build()) {
      counter.reset(); // the validation call at build is not part of the sync
      if (mode.equals("metrics")) {
        SyncRun inventory = cloudey.inventory().sync();
        print("inventory_failures", inventory.failures().size());
        counter.reset();
        resetPeaks();
        long start = System.nanoTime();
        MetricSyncResult result = cloudey.metrics().sync();
        double wall = (System.nanoTime() - start) / 1e9;
        long monitoring = counter.byService().getOrDefault("monitoring", 0L);
        double floor = monitoring / monitoringRate;
        print("resources", result.resources());
        print("daily_stored", result.stored());
        print("daily_missing", result.missing());
        print("calls", counter.total());
        print("calls_by_status", counter.byStatus());
        print("wall_seconds", wall);
        print("floor_seconds", floor);
        print("metrics.wall_over_floor", wall / floor);
      } else {
        int warmups = Integer.parseInt(opts.getOrDefault("warmup", "0"));
        for (int i = 0; i < warmups; i++) {
          long w = System.nanoTime();
          cloudey.inventory().sync();
          print("warmup_seconds", (System.nanoTime() - w) / 1e9);
          counter.reset();
        }
        resetPeaks();
        long start = System.nanoTime();
        SyncRun run = cloudey.inventory().sync();
        double wall = (System.nanoTime() - start) / 1e9;
        double floor = counter.floorSeconds(serviceRate, tenancyRate);
        long minimum = sim.minimumCalls();
        print("resources_truth", sim.resources());
        print("resources_synced", cloudey.inventory().resources().size());
        print("scopes", run.scopesTotal());
        print("failures", run.failures().size());
        print("calls", counter.total());
        print("calls_by_service", counter.byService());
        print("calls_by_status", counter.byStatus());
        print("calls_minimum", minimum);
        print("wall_seconds", wall);
        print("floor_seconds", floor);
        print("sync.wall_over_floor", wall / floor);
        print("sync.calls_over_minimum", (double) counter.total() / minimum);
        print("sync.heap_mb", peakHeapMb());
      }
    }
  }

  /**
   * The same inventory listing driven straight through the adapter's {@link InventorySource}, with
   * the scopes interleaved by type (compartment, then region, then type) on {@code --threads}
   * workers (and as many again for the types that wait on shared lookups, like the engine's second
   * lane), so several services are busy at once. Measures what the adapter achieves when the
   * caller's scope order does not serialise the services.
   */
  private static void adapterSync(
      SimulatorFiles sim,
      OciOptions options,
      CallCounter counter,
      double serviceRate,
      double tenancyRate,
      Map<String, String> opts)
      throws Exception {
    int threads = Integer.parseInt(opts.getOrDefault("threads", "16"));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    // the source's waiting types get threads of their own, as the engine's second lane does
    ExecutorService waitingPool = Executors.newFixedThreadPool(threads);
    try (CloudConnection connection =
        OciCloud.create(options).connect(AccountId.of("bench"), sim.config())) {
      InventorySource inventory = connection.inventory();
      resetPeaks();
      long start = System.nanoTime();
      List<String> regions = inventory.regions();
      List<Scope> scopes = new ArrayList<>();
      for (Compartment compartment : inventory.compartments()) {
        for (String region : regions) {
          for (ResourceType type : inventory.resourceTypes()) {
            scopes.add(new Scope(region, compartment.id(), type));
          }
        }
      }
      // two lanes as in the engine: workers of the first help the waiting lane once theirs is empty
      Set<ResourceType> waiting = inventory.typesWithSharedLookups();
      Queue<Scope> lane = new ConcurrentLinkedQueue<>();
      Queue<Scope> waitingLane = new ConcurrentLinkedQueue<>();
      scopes.forEach(s -> (waiting.contains(s.type()) ? waitingLane : lane).add(s));
      AtomicLong listedResources = new AtomicLong();
      AtomicInteger failed = new AtomicInteger();
      List<Future<?>> workers = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        workers.add(
            pool.submit(() -> drain(inventory, listedResources, failed, lane, waitingLane)));
        workers.add(
            waitingPool.submit(() -> drain(inventory, listedResources, failed, waitingLane)));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
      long resources = listedResources.get();
      int failures = failed.get();
      double wall = (System.nanoTime() - start) / 1e9;
      double floor = counter.floorSeconds(serviceRate, tenancyRate);
      print("resources_truth", sim.resources());
      print("resources_listed", resources);
      print("scopes", scopes.size());
      print("failures", failures);
      print("calls", counter.total());
      print("calls_by_service", counter.byService());
      print("calls_by_status", counter.byStatus());
      print("calls_minimum", sim.minimumCalls());
      print("wall_seconds", wall);
      print("floor_seconds", floor);
      print("adapter.wall_over_floor", wall / floor);
      print("adapter.calls_over_minimum", (double) counter.total() / sim.minimumCalls());
      print("adapter.heap_mb", peakHeapMb());
    } finally {
      pool.shutdownNow();
      waitingPool.shutdownNow();
    }
  }

  @SafeVarargs
  private static void drain(
      InventorySource inventory,
      AtomicLong resources,
      AtomicInteger failures,
      Queue<Scope>... queues) {
    for (Queue<Scope> queue : queues) {
      Scope scope;
      while ((scope = queue.poll()) != null) {
        try {
          resources.addAndGet(inventory.list(scope).size());
        } catch (RuntimeException e) {
          failures.incrementAndGet();
        }
      }
    }
  }

  /** The SDK logs every request at DEBUG by default, which would dominate the measurement. */
  private static void quietLogs() {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peaks: an upper bound of the heap in use at any moment. */
  private static long peakHeapMb() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / (1024 * 1024);
  }

  private static void print(String key, Object value) {
    String text =
        value instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : String.valueOf(value);
    System.out.println(key + "=" + text);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> opts = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
      }
      opts.put(args[i].substring(2), args[++i]);
    }
    return opts;
  }

  private static String required(Map<String, String> opts, String name) {
    String value = opts.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }
}
