package app.cloudey.oci.simulator.internal;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the tenancy, wires the APIs and runs the JDK HTTP server on a thread pool (up to 512
 * workers, so injected latency and hangs never serialise concurrent requests).
 */
public final class SimulatorServer implements AutoCloseable {
  private final Settings settings;
  private final Tenancy tenancy;
  private final TruthImpl truth;
  private final FaultsImpl faults;
  private final RequestCounter counter = new RequestCounter();
  private final KeyMaterial keys;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;

  public SimulatorServer(Settings settings) {
    this.settings = settings;
    this.tenancy = new TenancyGenerator(settings.generator()).generate();
    CostModel costs = new CostModel(tenancy);
    MetricModel metrics = new MetricModel(tenancy);
    this.truth = new TruthImpl(tenancy, costs, metrics, settings.pageSize());
    this.faults = new FaultsImpl(settings.seed());
    this.keys = KeyMaterial.generate();
    ApiSupport support = new ApiSupport(tenancy, settings.pageSize());
    Router router = new Router();
    new IdentityApi(tenancy, support).register(router);
    new ComputeApi(tenancy, support).register(router);
    new StorageApis(tenancy, support).register(router);
    new DatabaseApi(tenancy, support).register(router);
    new LoadBalancerApi(tenancy, support).register(router);
    new UsageApi(
            tenancy,
            costs,
            settings.usagePageSize(),
            settings.maxDailyDays(),
            settings.maxMonthlyDays())
        .register(router);
    new MonitoringApi(tenancy, metrics).register(router);
    SignatureVerifier verifier =
        new SignatureVerifier(keyId(), keys.keyPair.getPublic(), settings.clock());
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            8,
            512,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread thread = new Thread(r, "oci-simulator-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    try {
      // the JDK server leaves Nagle on, which delays small responses ~40 ms behind delayed ACKs;
      // read once per JVM, so set it (unless the user chose) before the first server exists
      if (System.getProperty("sun.net.httpserver.nodelay") == null) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
      }
      this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
    }
    server.createContext("/", new HttpFront(tenancy, router, verifier, counter, faults));
    server.setExecutor(executor);
    server.start();
  }

  public String keyId() {
    return tenancy.tenancyId + "/" + tenancy.userId + "/" + keys.fingerprint;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String host() {
    return settings.host();
  }

  public TruthImpl truth() {
    return truth;
  }

  public FaultsImpl faults() {
    return faults;
  }

  public RequestCounter counter() {
    return counter;
  }

  public String tenancyId() {
    return tenancy.tenancyId;
  }

  public String userId() {
    return tenancy.userId;
  }

  public String fingerprint() {
    return keys.fingerprint;
  }

  public String privateKeyPem() {
    return keys.privateKeyPem;
  }

  public String homeRegion() {
    return tenancy.regions.get(0).name();
  }

  public java.util.List<String> regions() {
    return truth.regions();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
