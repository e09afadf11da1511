package app.cloudey.bench.sync;

import app.cloudey.Cloudey;
import app.cloudey.Credentials;
import app.cloudey.MetricSyncResult;
import app.cloudey.bench.store.BenchDatabase;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.SyncRun;
import app.cloudey.oci.OciCloud;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import app.cloudey.spi.AccountProfile;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CloudProvider;
import app.cloudey.spi.CloudeyListener;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.MetricSource;
import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many accounts in one process: registers {@code --accounts} accounts (default 1,000) on one tiny
 * simulated tenancy through {@code cloudey.accounts().add(...)} (each validation signs one call),
 * and runs one inventory sync and one metric sync per account, {@code --parallel} accounts at a
 * time (default 4), through {@link OciCloud} and a real {@link PostgresStore} (its own pool of the
 * default size). The simulator runs from its CLI in another JVM; PostgreSQL is the one at {@code
 * CLOUDEY_BENCH_PG_URL} or an embedded one. Prints {@code key=value} lines:
 *
 * <ul>
 *   <li>{@code accounts.threads_1000}: live JVM threads after every account's syncs, minus live
 *       threads after the first account's (both taken right after the work, before idle threads
 *       time out);
 *   <li>{@code accounts.heap_mb_1000}: heap in use after a full GC once every account has synced,
 *       connections still open for the accounts used within {@code --idle-seconds};
 *   <li>{@code accounts.pg_connections_max}: the most connections of this process open at once in
 *       {@code pg_stat_activity} (sampled every 10 ms; the store's pool is tagged with an
 *       application name).
 * </ul>
 *
 * Then it waits for the idle timeout and one sweep, and prints the heap and the cloud connections
 * left open ({@code *_after_idle}).
 *
 * <pre>
 * java -Xmx512m -cp ... app.cloudey.bench.sync.AccountsBench --sim /tmp/simaccounts
 *     [--accounts 1000] [--parallel 4] [--idle-seconds 300]
 * </pre>
 */
public final class AccountsBench {
  private static final String APPLICATION = "cloudey-accounts-bench";

  private AccountsBench() {}

  public static void main(String[] args) throws Exception {
    quietLogs();
    Map<String, String> opts = parse(args);
    SimulatorFiles sim = new SimulatorFiles(Path.of(required(opts, "sim")));
    int accounts = Integer.parseInt(opts.getOrDefault("accounts", "1000"));
    int parallel = Integer.parseInt(opts.getOrDefault("parallel", "4"));
    Duration idle =
        Duration.ofSeconds(
            Long.parseLong(
                opts.getOrDefault(
                    "idle-seconds",
                    String.valueOf(Cloudey.Builder.DEFAULT_CONNECTION_IDLE_TIMEOUT.toSeconds()))));
    LocalDate today = LocalDate.parse(sim.truth.get("now").asText());
    // the simulator's today, ticking: idle connections are measured on this clock
    Instant start = today.atTime(6, 0).toInstant(ZoneOffset.UTC);
    Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));

    OciOptions options =
        OciOptions.builder()
            .serviceRateLimit(1_000)
            .rateLimit(OciService.MONITORING, 1_000)
            .tenancyRateLimit(2_000)
            .endpoints(sim::endpoint)
            .build();
    Credentials credentials = sim.config().toCredentials();
    try (BenchDatabase db = BenchDatabase.start("cloudey_accounts_bench");
        ConnectionSampler sampler = new ConnectionSampler(db.jdbcUrl);
        OciCloud oci = OciCloud.create(options);
        PostgresStore store =
            PostgresStore.builder()
                .jdbcUrl(tagged(db.jdbcUrl), null, null)
                .credentialKeys(CredentialKeys.of("bench", randomKey()))
                .options(PostgresStore.Options.ofDefaults().withSchema(db.schema))
                .build()) {
      sampler.start();
      CountingProvider provider = new CountingProvider(oci);
      AtomicLong calls = new AtomicLong();
      try (Cloudey cloudey =
          Cloudey.builder()
              .cloud(provider)
              .listener(
                  new CloudeyListener() {
                    @Override
                    public void apiCall(
                        String provider, String operation, int status, Duration latency) {
                      calls.incrementAndGet();
                    }
                  })
              .store(store)
              .clock(clock)
              .connectionIdleTimeout(idle)
              .build()) {
        print("database", db.describe());
        print("accounts", accounts);
        print("parallel", parallel);
        print("idle_seconds", idle.toSeconds());

        long t0 = System.nanoTime();
        Outcome first = syncAccount(cloudey, id(1), credentials);
        print("first_account_seconds", (System.nanoTime() - t0) / 1e9);
        print("first_account_resources", first.resources);
        print("first_account_calls", calls.get());
        int threadsOne = liveThreads();
        long heapOne = retainedHeapMb();
        print("threads_1", threadsOne);
        print("threads_1_by_name", threadsByName());
        print("heap_mb_1", heapOne);

        AtomicInteger failedScopes = new AtomicInteger(first.failedScopes);
        AtomicLong metricDays = new AtomicLong(first.metricDays);
        AtomicInteger done = new AtomicInteger(1);
        long t1 = System.nanoTime();
        ExecutorService callers = Executors.newFixedThreadPool(parallel);
        try {
          List<Future<?>> work = new ArrayList<>();
          for (int i = 2; i <= accounts; i++) {
            AccountId id = id(i);
            work.add(
                callers.submit(
                    () -> {
                      Outcome outcome = syncAccount(cloudey, id, credentials);
                      failedScopes.addAndGet(outcome.failedScopes);
                      metricDays.addAndGet(outcome.metricDays);
                      int n = done.incrementAndGet();
                      if (n % 100 == 0) {
                        System.err.printf(
                            Locale.ROOT,
                            "%d accounts, %.0f s%n",
                            n,
                            (System.nanoTime() - t1) / 1e9);
                      }
                      return null;
                    }));
          }
          for (Future<?> f : work) {
            f.get();
          }
        } finally {
          callers.shutdown();
        }
        double wall = (System.nanoTime() - t1) / 1e9;
        int threadsAll = liveThreads();
        long heapAll = retainedHeapMb();
        print("accounts_synced", done.get());
        print("failed_scopes", failedScopes.get());
        print("metric_days_stored", metricDays.get());
        print("wall_seconds_after_first", wall);
        print("calls", calls.get());
        print("connects", provider.connects.get());
        print("open_cloud_connections", provider.open.get());
        print("threads_all", threadsAll);
        print("threads_all_by_name", threadsByName());
        print("accounts.threads_1000", threadsAll - threadsOne);
        print("accounts.heap_mb_1000", heapAll);
        print("accounts.pg_connections_max", sampler.max());

        // nothing runs now: the idle sweep (at least once a minute) closes every connection
        Thread.sleep(idle.plusSeconds(75).toMillis());
        print("open_cloud_connections_after_idle", provider.open.get());
        print("heap_mb_after_idle", retainedHeapMb());
        print("threads_after_idle", liveThreads());
      }
    }
  }

  private record Outcome(int resources, int failedScopes, long metricDays) {}

  private static Outcome syncAccount(Cloudey cloudey, AccountId id, Credentials credentials) {
    cloudey.accounts().add(id, credentials);
    SyncRun run = cloudey.account(id).inventory().sync();
    MetricSyncResult metrics = cloudey.account(id).metrics().sync();
    int resources = cloudey.account(id).inventory().resources().size();
    return new Outcome(resources, run.failures().size(), metrics.stored());
  }

  private static AccountId id(int n) {
    return AccountId.of(String.format(Locale.ROOT, "acct-%04d", n));
  }

  private static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Live threads by name with the numbers taken out, e.g. {@code cloudey-oci-http-#=16}. */
  private static Map<String, Integer> threadsByName() {
    Map<String, Integer> byName = new java.util.TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      byName.merge(thread.getName().replaceAll("[0-9]+", "#"), 1, Integer::sum);
    }
    return byName;
  }

  /** Heap in use after full collections: what the process retains. */
  private static long retainedHeapMb() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
  }

  /** The store's connections carry an application name, so the sampler counts only them. */
  private static String tagged(String jdbcUrl) {
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION;
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  /** Samples how many of this process's store connections PostgreSQL has open. */
  private static final class ConnectionSampler extends Thread implements AutoCloseable {
    private final Connection connection;
    private final AtomicInteger max = new AtomicInteger();
    private volatile boolean stop;

    ConnectionSampler(String jdbcUrl) throws Exception {
      super("pg-connection-sampler");
      setDaemon(true);
      this.connection = DriverManager.getConnection(jdbcUrl);
    }

    int max() {
      return max.get();
    }

    @Override
    public void run() {
      try (PreparedStatement s =
          connection.prepareStatement(
              "select count(*) from pg_stat_activity where application_name = ?")) {
        s.setString(1, APPLICATION);
        while (!stop) {
          try (ResultSet rs = s.executeQuery()) {
            rs.next();
            max.accumulateAndGet(rs.getInt(1), Math::max);
          }
          Thread.sleep(10);
        }
      } catch (Exception e) {
        if (!stop) {
          System.err.println("connection sampler stopped: " + e);
        }
      }
    }

    @Override
    public void close() throws Exception {
      stop = true;
      join(1_000);
      connection.close();
    }
  }

  /** OciCloud, counting the connections Cloudey opens and closes. */
  private static final class CountingProvider implements CloudProvider {
    private final OciCloud oci;
    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger open = new AtomicInteger();

    CountingProvider(OciCloud oci) {
      this.oci = oci;
    }

    @Override
    public String id() {
      return oci.id();
    }

    @Override
    public AccountProfile describe(Credentials credentials) {
      return oci.describe(credentials);
    }

    @Override
    public AccountProfile validate(Credentials credentials) {
      return oci.validate(credentials);
    }

    @Override
    public CloudConnection connect(Account account, Credentials credentials) {
      return counted(oci.connect(account, credentials));
    }

    @Override
    public CloudConnection connect(
        Account account, Credentials credentials, CloudeyListener listener) {
      return counted(oci.connect(account, credentials, listener));
    }

    private CloudConnection counted(CloudConnection connection) {
      connects.incrementAndGet();
      open.incrementAndGet();
      return new CloudConnection() {
        private final AtomicInteger closed = new AtomicInteger();

        @Override
        public InventorySource inventory() {
          return connection.inventory();
        }

        @Override
        public CostSource costs() {
          return connection.costs();
        }

        @Override
        public MetricSource metrics() {
          return connection.metrics();
        }

        @Override
        public void close() {
          if (closed.getAndIncrement() == 0) {
            open.decrementAndGet();
          }
          connection.close();
        }
      };
    }
  }

  /** The SDK logs every request at DEBUG by default, which would dominate the measurement. */
  private static void quietLogs() {
    ((ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
        .setLevel(ch.qos.logback.classic.Level.WARN);
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
