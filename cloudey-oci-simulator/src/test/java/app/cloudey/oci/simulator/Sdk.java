package app.cloudey.oci.simulator;

import com.oracle.bmc.ClientConfiguration;
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
    return IdentityClient.builder()
        .endpoint(sim.endpoint("IdentityClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
  }

  static ComputeClient compute(OciSimulator sim, String region) {
    return ComputeClient.builder()
        .endpoint(sim.endpoint("ComputeClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
  }

  static ComputeClient compute(OciSimulator sim, String region, int readTimeoutMillis) {
    return ComputeClient.builder()
        .endpoint(sim.endpoint("ComputeClient", region))
        .configuration(config(readTimeoutMillis))
        .build(sim.authenticationDetailsProvider());
  }

  static BlockstorageClient blockstorage(OciSimulator sim, String region) {
    return BlockstorageClient.builder()
        .endpoint(sim.endpoint("BlockstorageClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
  }

  static ObjectStorageClient objectStorage(OciSimulator sim, String region) {
    return ObjectStorageClient.builder()
        .endpoint(sim.endpoint("ObjectStorageClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
  }

  static FileStorageClient fileStorage(OciSimulator sim, String region) {
    return FileStorageClient.builder()
        .endpoint(sim.endpoint("FileStorageClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
  }

  static DatabaseClient database(OciSimulator sim, String region) {
    return DatabaseClient.builder()
        .endpoint(sim.endpoint("DatabaseClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
  }

  static LoadBalancerClient loadBalancer(OciSimulator sim, String region) {
    return LoadBalancerClient.builder()
        .endpoint(sim.endpoint("LoadBalancerClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
  }

  static UsageapiClient usage(OciSimulator sim) {
    return UsageapiClient.builder()
        .endpoint(sim.endpoint("UsageapiClient", sim.truth().homeRegion()))
        .configuration(config(60_000))
        .build(sim.authenticationDetailsProvider());
  }

  static MonitoringClient monitoring(OciSimulator sim, String region) {
    return MonitoringClient.builder()
        .endpoint(sim.endpoint("MonitoringClient", region))
        .configuration(config(30_000))
        .build(sim.authenticationDetailsProvider());
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
