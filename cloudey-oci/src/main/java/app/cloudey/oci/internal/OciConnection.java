package app.cloudey.oci.internal;

import app.cloudey.model.AccountId;
import app.cloudey.oci.OciConfig;
import app.cloudey.oci.OciOptions;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.MetricSource;

/**
 * One account's connection: SDK clients (created on first use), the guarded caller with its
 * tenancy's rate limits, and the three sources. Background work (metric prefetch, attachment
 * listings) runs on its provider's {@link SharedExecutors}, never on threads of its own. Creating
 * it calls nothing. Thread-safe; {@link #close()} closes the SDK clients (their HTTP pools).
 */
public final class OciConnection implements CloudConnection {
  private final OciClients clients;
  private final OciCalls calls;
  private final OciInventorySource inventory;
  private final OciCostSource costs;
  private final OciMetricSource metrics;

  /**
   * @param rateLimits the tenancy's limits, shared with every other connection to it
   * @param executors the provider's background threads, shared with every other connection
   */
  public OciConnection(
      AccountId accountId,
      OciConfig config,
      OciOptions options,
      RateLimits rateLimits,
      SharedExecutors executors) {
    this.clients = new OciClients(config, options, executors.http());
    this.calls = new OciCalls(options, rateLimits, authHint(config));
    ListContext ctx =
        new ListContext(
            accountId,
            config.tenancyId(),
            config.region(),
            clients,
            calls,
            options.pageLimit().orElse(null));
    this.inventory = new OciInventorySource(ctx, executors.attachments());
    this.costs = new OciCostSource(ctx);
    this.metrics =
        new OciMetricSource(
            ctx, options.metricBatchSize(), executors.metrics(), SharedExecutors.METRIC_PREFETCH);
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

  /**
   * Closes the SDK clients. Background listings of this connection still queued run later and fail
   * at once on the closed clients, so a scope waiting for one gets an error.
   */
  @Override
  public void close() {
    clients.close();
  }
}
