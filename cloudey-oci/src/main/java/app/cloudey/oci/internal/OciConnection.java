package app.cloudey.oci.internal;

import app.cloudey.model.AccountId;
import app.cloudey.oci.OciConfig;
import app.cloudey.oci.OciOptions;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.MetricSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One account's connection: SDK clients (created on first use), the guarded caller with its
 * tenancy's rate limits, and the three sources. Creating it calls nothing. Thread-safe; {@link
 * #close()} closes the clients and the metric and attachment threads.
 */
public final class OciConnection implements CloudConnection {
  /** Monitoring batches fetched ahead of the consumer. */
  private static final int METRIC_PREFETCH = 8;

  /** Threads listing other compartments' volume attachments (each call is rate-limited anyway). */
  private static final int ATTACHMENT_THREADS = 8;

  private final OciClients clients;
  private final OciCalls calls;
  private final ExecutorService metricThreads;
  private final ExecutorService attachmentThreads;
  private final OciInventorySource inventory;
  private final OciCostSource costs;
  private final OciMetricSource metrics;

  /**
   * @param rateLimits the tenancy's limits, shared with every other connection to it
   */
  public OciConnection(
      AccountId accountId, OciConfig config, OciOptions options, RateLimits rateLimits) {
    this.clients = new OciClients(config, options);
    this.calls = new OciCalls(options, rateLimits, authHint(config));
    ListContext ctx =
        new ListContext(
            accountId,
            config.tenancyId(),
            config.region(),
            clients,
            calls,
            options.pageLimit().orElse(null));
    this.metricThreads =
        Executors.newCachedThreadPool(daemonThreads("cloudey-oci-metrics-" + accountId));
    this.attachmentThreads =
        Executors.newFixedThreadPool(
            Math.min(options.concurrency(), ATTACHMENT_THREADS),
            daemonThreads("cloudey-oci-attachments-" + accountId));
    this.inventory = new OciInventorySource(ctx, attachmentThreads);
    this.costs = new OciCostSource(ctx);
    this.metrics =
        new OciMetricSource(ctx, options.metricBatchSize(), metricThreads, METRIC_PREFETCH);
  }

  /** What to check when OCI refuses the signature, naming the user, key and tenancy. */
  public static String authHint(OciConfig config) {
    return "check that the API key with fingerprint "
        + config.fingerprint()
        + " is uploaded to user "
        + config.userId()
        + " (Identity > Users > API keys) in tenancy "
        + config.tenancyId()
        + ", and that the private key is the one that key was made from";
  }

  @Override
  public InventorySource inventory() {
    return inventory;
  }

  @Override
  public CostSource costs() {
    return costs;
  }

  @Override
  public MetricSource metrics() {
    return metrics;
  }

  /** OCI calls made so far (every attempt), for tests and benchmarks. */
  public int callCount() {
    return calls.callCount();
  }

  @Override
  public void close() {
    metricThreads.shutdownNow();
    clients.close();
    // listings still queued run here and fail at once on the closed clients, so a scope waiting
    // for one gets an error instead of waiting forever
    attachmentThreads.shutdownNow().forEach(Runnable::run);
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
