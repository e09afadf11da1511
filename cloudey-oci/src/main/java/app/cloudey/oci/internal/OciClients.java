package app.cloudey.oci.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.oci.OciConfig;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.Realm;
import com.oracle.bmc.Region;
import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;
import com.oracle.bmc.auth.SimpleAuthenticationDetailsProvider;
import com.oracle.bmc.auth.StringPrivateKeySupplier;
import com.oracle.bmc.common.RegionalClientBuilder;
import com.oracle.bmc.core.BlockstorageClient;
import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.filestorage.FileStorageClient;
import com.oracle.bmc.http.client.jersey3.Jersey3ClientProperties;
import com.oracle.bmc.identity.IdentityClient;
import com.oracle.bmc.loadbalancer.LoadBalancerClient;
import com.oracle.bmc.monitoring.MonitoringClient;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.usageapi.UsageapiClient;
import com.oracle.bmc.util.CircuitBreakerUtils;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.glassfish.jersey.spi.ExecutorServiceProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's SDK clients, created on first use per (service, region) and reused until {@link
 * #close()}. Every client has the SDK's own circuit breaker switched off (it is built for
 * resilience4j 1.x and fails under 2.x) and its retries set to none: {@link OciCalls} retries
 * instead, within the rate limits. Their HTTP calls run on the provider's shared threads, not on a
 * pool per client. The private key stays in memory ({@link StringPrivateKeySupplier}). Thread-safe.
 */
public final class OciClients implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OciClients.class);
  private static final Pattern REGION_ID = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+-[0-9]+");

  private final BasicAuthenticationDetailsProvider auth;
  private final ClientConfiguration configuration;
  private final OciConfig.@Nullable EndpointOverride endpoints;
  private final String tenancyId;
  private final ExecutorServiceProvider httpExecutor;
  private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param httpExecutor runs every client's HTTP calls, shared across connections (see {@link
   *     SharedExecutors})
   */
  public OciClients(OciConfig config, OciOptions options, ExecutorServiceProvider httpExecutor) {
    this.httpExecutor = httpExecutor;
    this.auth =
        SimpleAuthenticationDetailsProvider.builder()
            .tenantId(config.tenancyId())
            .userId(config.userId())
            .fingerprint(config.fingerprint())
            .privateKeySupplier(new StringPrivateKeySupplier(config.privateKey()))
            .passPhrase(config.passphrase().orElse(null))
            .build();
    this.configuration =
        ClientConfiguration.builder()
            .connectionTimeoutMillis(millis(options.connectTimeout()))
            .readTimeoutMillis(millis(options.readTimeout()))
            .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
            .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
            .build();
    this.endpoints = config.endpoints().or(options::endpoints).orElse(null);
    this.tenancyId = config.tenancyId();
  }

  public IdentityClient identity(String region) {
    return client(OciService.IDENTITY, region, IdentityClient::builder);
  }

  public ComputeClient compute(String region) {
    return client(OciService.COMPUTE, region, ComputeClient::builder);
  }

  public BlockstorageClient blockstorage(String region) {
    return client(OciService.BLOCK_STORAGE, region, BlockstorageClient::builder);
  }

  public ObjectStorageClient objectStorage(String region) {
    return client(OciService.OBJECT_STORAGE, region, ObjectStorageClient::builder);
  }

  public FileStorageClient fileStorage(String region) {
    return client(OciService.FILE_STORAGE, region, FileStorageClient::builder);
  }

  public DatabaseClient database(String region) {
    return client(OciService.DATABASE, region, DatabaseClient::builder);
  }

  public LoadBalancerClient loadBalancer(String region) {
    return client(OciService.LOAD_BALANCER, region, LoadBalancerClient::builder);
  }

  public MonitoringClient monitoring(String region) {
    return client(OciService.MONITORING, region, MonitoringClient::builder);
  }

  public UsageapiClient usage(String region) {
    return client(OciService.USAGE, region, UsageapiClient::builder);
  }

  @SuppressWarnings("unchecked")
  private <C extends AutoCloseable> C client(
      OciService service, String region, Supplier<? extends RegionalClientBuilder<?, C>> builder) {
    if (closed) {
      throw new IllegalStateException("the OCI connection is closed");
    }
    return (C)
        clients.computeIfAbsent(
            service.clientName() + "@" + region, k -> build(service, region, builder.get()));
  }

  private <C> C build(OciService service, String region, RegionalClientBuilder<?, C> builder) {
    builder.configuration(configuration);
    builder.additionalClientConfigurator(
        http -> http.property(Jersey3ClientProperties.EXECUTOR_SERVICE_PROVIDER, httpExecutor));
    String endpoint = endpoints == null ? null : endpoints.baseUrl(service.clientName(), region);
    if (endpoint != null) {
      builder.endpoint(endpoint);
    } else {
      builder.region(region(region));
    }
    return builder.build(auth);
  }

  /**
   * The SDK's region, or, for a region newer than this SDK (OCI lists it among the tenancy's
   * subscriptions), one registered in the tenancy's realm, so its endpoints follow the realm's
   * naming like every other region's.
   */
  private Region region(String regionId) {
    try {
      return Region.fromRegionId(regionId);
    } catch (IllegalArgumentException unknown) {
      if (!REGION_ID.matcher(regionId).matches()) {
        throw new CloudeyConfigException(
            "'" + regionId + "' is not an OCI region identifier (expected e.g. 'us-ashburn-1')");
      }
      Realm realm = realm(tenancyId);
      LOG.info(
          "region {} is newer than this OCI SDK; using realm {} endpoints for it",
          regionId,
          realm.getRealmId());
      return Region.register(regionId, realm);
    }
  }

  /** The realm named in an OCID, e.g. {@code oc1} in {@code ocid1.tenancy.oc1..aaaa}. */
  static Realm realm(String ocid) {
    String[] parts = ocid.split("\\.", -1);
    String realmId = parts.length > 2 ? parts[2] : "";
    return java.util.Arrays.stream(Realm.values())
        .filter(r -> r.getRealmId().equals(realmId))
        .findFirst()
        .orElseThrow(
            () ->
                new CloudeyConfigException(
                    "the realm '"
                        + realmId
                        + "' of tenancy "
                        + ocid
                        + " is unknown to this OCI Java SDK; upgrade the SDK"));
  }

  @Override
  public void close() {
    closed = true;
    for (AutoCloseable client : clients.values()) {
      try {
        client.close();
      } catch (Exception e) {
        LOG.debug("closing an OCI client failed", e);
      }
    }
    clients.clear();
  }

  private static int millis(java.time.Duration duration) {
    return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
  }
}
