package app.cloudey.oci.simulator;

import app.cloudey.oci.simulator.internal.Settings;
import app.cloudey.oci.simulator.internal.SimulatorServer;
import com.oracle.bmc.Region;
import com.oracle.bmc.auth.SimpleAuthenticationDetailsProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A local OCI on loopback: generates a tenancy and serves the OCI REST subset Cloudey uses to the
 * unmodified OCI Java SDK. See the package documentation for the APIs, limits and an example.
 *
 * <p>Lifecycle: {@link Builder#start()} generates the tenancy and starts listening (it returns once
 * the server is ready); {@link #close()} stops it. Thread-safe: any number of clients may call it
 * concurrently. Two simulators in one JVM are independent (no static state).
 */
public final class OciSimulator implements AutoCloseable {
  /** OCI SDK client simple name to the simulator's service path segment. */
  static final Map<String, String> SERVICES = services();

  private final SimulatorServer server;

  private OciSimulator(SimulatorServer server) {
    this.server = server;
  }

  private static Map<String, String> services() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("IdentityClient", "identity");
    m.put("ComputeClient", "compute");
    m.put("BlockstorageClient", "blockstorage");
    m.put("ObjectStorageClient", "objectstorage");
    m.put("FileStorageClient", "filestorage");
    m.put("DatabaseClient", "database");
    m.put("LoadBalancerClient", "loadbalancer");
    m.put("UsageapiClient", "usageapi");
    m.put("MonitoringClient", "monitoring");
    return Map.copyOf(m);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  public String baseUrl() {
    return "http://" + server.host() + ":" + server.port();
  }

  public int port() {
    return server.port();
  }

  /**
   * The endpoint to give an SDK client ({@code client.setEndpoint(...)} or the builder's {@code
   * endpoint(...)}): {@code baseUrl/region/service}.
   *
   * @param sdkClientSimpleName e.g. {@code ComputeClient} (or {@code ComputeAsyncClient})
   * @throws IllegalArgumentException for an unknown client or a region the tenancy does not have
   */
  public String endpoint(String sdkClientSimpleName, String region) {
    if (!server.regions().contains(region)) {
      throw new IllegalArgumentException(
          "region " + region + " is not subscribed; the tenancy has " + server.regions());
    }
    return endpointTemplate(sdkClientSimpleName).replace("{region}", region);
  }

  /** Client simple name to a URL template containing {@code {region}} (endpoints.json). */
  public Map<String, String> endpointTemplates() {
    Map<String, String> out = new java.util.TreeMap<>();
    SERVICES.keySet().forEach(client -> out.put(client, endpointTemplate(client)));
    return out;
  }

  private String endpointTemplate(String client) {
    String service = SERVICES.get(client.replace("AsyncClient", "Client"));
    if (service == null) {
      throw new IllegalArgumentException(
          "the simulator serves no client named "
              + client
              + "; use one of "
              + new java.util.TreeSet<>(SERVICES.keySet()));
    }
    return baseUrl() + "/{region}/" + service;
  }

  /** The generated API user (its key signs requests the simulator accepts). */
  public SimulatorCredentials credentials() {
    return new SimulatorCredentials(
        server.tenancyId(),
        server.userId(),
        server.fingerprint(),
        server.privateKeyPem(),
        server.homeRegion());
  }

  /** An SDK authentication provider for the generated API user (home region set). */
  public SimpleAuthenticationDetailsProvider authenticationDetailsProvider() {
    String pem = server.privateKeyPem();
    return SimpleAuthenticationDetailsProvider.builder()
        .tenantId(server.tenancyId())
        .userId(server.userId())
        .fingerprint(server.fingerprint())
        .region(Region.fromRegionId(server.homeRegion()))
        .privateKeySupplier(
            () -> new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
        .build();
  }

  /**
   * Writes {@code dir/config} (OCI config file, profile {@code DEFAULT}: user, fingerprint,
   * tenancy, region, key_file) and {@code dir/key.pem} (owner-only where the file system allows).
   *
   * @return the config file's path
   * @throws UncheckedIOException when the files cannot be written
   */
  public Path writeConfig(Path dir) {
    try {
      Files.createDirectories(dir);
      Path key = dir.resolve("key.pem").toAbsolutePath();
      Files.writeString(key, server.privateKeyPem(), StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: leave the default permissions
      }
      Path config = dir.resolve("config");
      String text =
          "[DEFAULT]\n"
              + "user="
              + server.userId()
              + "\nfingerprint="
              + server.fingerprint()
              + "\ntenancy="
              + server.tenancyId()
              + "\nregion="
              + server.homeRegion()
              + "\nkey_file="
              + key
              + "\n";
      Files.writeString(config, text, StandardCharsets.UTF_8);
      return config;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the OCI config to " + dir + ": " + e.getMessage(), e);
    }
  }

  /** What was generated, as a Java API (also written as truth.json by the CLI). */
  public Truth truth() {
    return server.truth();
  }

  /** Fault injection; see {@link Faults}. */
  public Faults faults() {
    return server.faults();
  }

  /**
   * Requests per OCI operation name (e.g. {@code ListInstances}), counted since start or the last
   * reset.
   */
  public Map<String, Long> requestCounts() {
    return server.counter().byOperation();
  }

  /** Requests per service ({@code compute}, {@code usageapi}, ...). */
  public Map<String, Long> requestCountsByService() {
    return server.counter().byService();
  }

  public long requestCount(String operation) {
    return requestCounts().getOrDefault(operation, 0L);
  }

  public long totalRequests() {
    return server.counter().total();
  }

  public void resetRequestCounts() {
    server.counter().reset();
  }

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * Options of a simulated tenancy. Defaults: seed 42, now = today (UTC), 2 regions, 10
   * compartments of depth up to 3, 60 instances (other types scale from it), 30 days of history,
   * page size 25, Usage API page size 1000, USD, an ephemeral port on 127.0.0.1, Usage API range
   * limits of 31 days (DAILY) and 366 days (MONTHLY), the system clock for signature dates, no cost
   * dynamics ({@link CostDynamics#NONE}).
   */
  public static final class Builder {
    private long seed = 42;
    private LocalDate now;
    private int regions = 2;
    private int compartments = 10;
    private int compartmentDepth = 3;
    private int instances = 60;
    private int days = 30;
    private int pageSize = 25;
    private int usagePageSize = 1000;
    private String currency = "USD";
    private int port;
    private int maxDailyDays = 31;
    private int maxMonthlyDays = 366;
    private Clock clock = Clock.systemUTC();
    private CostDynamics dynamics = CostDynamics.NONE;

    private Builder() {}

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The simulated "today": history ends the day before. */
    public Builder now(LocalDate now) {
      this.now = now;
      return this;
    }

    /** 1-8 regions, home region first (us-ashburn-1, us-phoenix-1, eu-frankfurt-1, ...). */
    public Builder regions(int regions) {
      this.regions = regions;
      return this;
    }

    /** ACTIVE compartments below the root (a few DELETED ones are added). */
    public Builder compartments(int compartments) {
      this.compartments = compartments;
      return this;
    }

    public Builder compartmentDepth(int depth) {
      this.compartmentDepth = depth;
      return this;
    }

    public Builder instances(int instances) {
      this.instances = instances;
      return this;
    }

    /** Days of cost and metric history (1-400). */
    public Builder days(int days) {
      this.days = days;
      return this;
    }

    /** Items per list page (1-1000); a request's {@code limit} is capped to it. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** Rows per Usage API page (a request's {@code limit} is capped to it). */
    public Builder usagePageSize(int usagePageSize) {
      this.usagePageSize = usagePageSize;
      return this;
    }

    /**
     * Billing currency: USD, EUR, GBP, JPY, CAD, AUD, CHF or INR (fixed rates from USD list
     * prices).
     */
    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    /** 0 (default) picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Longest Usage API range in days per granularity; longer requests get 400 InvalidParameter.
     */
    public Builder usageMaxDays(int daily, int monthly) {
      this.maxDailyDays = daily;
      this.maxMonthlyDays = monthly;
      return this;
    }

    /**
     * Weekly seasonality, growth, noise, new instances and cost spikes (see {@link CostDynamics});
     * {@link CostDynamics#realistic()} with {@code days(240)} gives a tenancy to forecast.
     */
    public Builder dynamics(CostDynamics dynamics) {
      this.dynamics = java.util.Objects.requireNonNull(dynamics, "dynamics");
      return this;
    }

    /** The clock signature dates are checked against (±5 minutes). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Generates the tenancy and starts serving.
     *
     * @throws IllegalArgumentException for an invalid option, naming it
     * @throws UncheckedIOException when the port cannot be bound
     */
    public OciSimulator start() {
      if (usagePageSize < 1 || maxDailyDays < 1 || maxMonthlyDays < 1) {
        throw new IllegalArgumentException("usagePageSize and usageMaxDays must be at least 1");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      LocalDate today = now != null ? now : LocalDate.now(clock.withZone(ZoneOffset.UTC));
      Settings settings =
          new Settings(
              seed,
              today,
              regions,
              compartments,
              compartmentDepth,
              instances,
              days,
              pageSize,
              usagePageSize,
              currency.toUpperCase(Locale.ROOT),
              "127.0.0.1",
              port,
              maxDailyDays,
              maxMonthlyDays,
              clock,
              dynamics);
      return new OciSimulator(new SimulatorServer(settings));
    }
  }
}
