package app.cloudey.oci.simulator;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.common.RegionalClientBuilder;
import com.oracle.bmc.core.BlockstorageClient;
import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.filestorage.FileStorageClient;
import com.oracle.bmc.identity.IdentityClient;
import com.oracle.bmc.loadbalancer.LoadBalancerClient;
import com.oracle.bmc.monitoring.MonitoringClient;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.usageapi.UsageapiClient;
import com.oracle.bmc.util.CircuitBreakerUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Raw OCI SDK clients pointed at a simulator: no circuit breaker, no retries. */
final class Sdk {
  private Sdk() {}

  static ClientConfiguration config(int readTimeoutMillis) {
    return ClientConfiguration.builder()
        .circuitBreakerConfiguration(CircuitBreakerUtils.getNoCircuitBreakerConfiguration())
        .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
        .connectionTimeoutMillis(5_000)
        .readTimeoutMillis(readTimeoutMillis)
        .build();
  }

  static IdentityClient identity(OciSimulator sim, String region) {
    return client(sim, "IdentityClient", region, IdentityClient.builder(), 30_000);
  }

  static ComputeClient compute(OciSimulator sim, String region) {
    return client(sim, "ComputeClient", region, ComputeClient.builder(), 30_000);
  }

  static ComputeClient compute(OciSimulator sim, String region, int readTimeoutMillis) {
    return client(sim, "ComputeClient", region, ComputeClient.builder(), readTimeoutMillis);
  }

  static BlockstorageClient blockstorage(OciSimulator sim, String region) {
    return client(sim, "BlockstorageClient", region, BlockstorageClient.builder(), 30_000);
  }

  static ObjectStorageClient objectStorage(OciSimulator sim, String region) {
    return client(sim, "ObjectStorageClient", region, ObjectStorageClient.builder(), 30_000);
  }

  static FileStorageClient fileStorage(OciSimulator sim, String region) {
    return client(sim, "FileStorageClient", region, FileStorageClient.builder(), 30_000);
  }

  static DatabaseClient database(OciSimulator sim, String region) {
    return client(sim, "DatabaseClient", region, DatabaseClient.builder(), 30_000);
  }

  static LoadBalancerClient loadBalancer(OciSimulator sim, String region) {
    return client(sim, "LoadBalancerClient", region, LoadBalancerClient.builder(), 30_000);
  }

  static UsageapiClient usage(OciSimulator sim) {
    return client(
        sim, "UsageapiClient", sim.truth().homeRegion(), UsageapiClient.builder(), 60_000);
  }

  static MonitoringClient monitoring(OciSimulator sim, String region) {
    return client(sim, "MonitoringClient", region, MonitoringClient.builder(), 30_000);
  }

  /** A client at the simulator's endpoint for it, signing as the simulator's user. */
  private static <C> C client(
      OciSimulator sim,
      String clientName,
      String region,
      RegionalClientBuilder<?, C> builder,
      int readTimeoutMillis) {
    builder.endpoint(sim.endpoint(clientName, region));
    builder.configuration(config(readTimeoutMillis));
    return builder.build(sim.authenticationDetailsProvider());
  }

  /** Follows opc-next-page: {@code call} gets the page token (null first). */
  static <R, T> List<T> all(
      Function<String, R> call, Function<R, List<T>> items, Function<R, String> next) {
    List<T> out = new ArrayList<>();
    String page = null;
    int pages = 0;
    do {
      R response = call.apply(page);
      out.addAll(items.apply(response));
      page = next.apply(response);
      if (++pages > 100_000) {
        throw new IllegalStateException("pagination does not end");
      }
    } while (page != null);
    return out;
  }

  /** Pages a list takes (to prove pagination ran). */
  static <R> int pages(Function<String, R> call, Function<R, String> next) {
    String page = null;
    int pages = 0;
    do {
      page = next.apply(call.apply(page));
      pages++;
    } while (page != null);
    return pages;
  }
}
