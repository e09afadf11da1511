package app.cloudey.oci;

/**
 * The OCI services Cloudey calls, each with its own rate limit in {@link OciOptions}. Compute and
 * Block Storage are separate here because the SDK (and the simulator) address them through separate
 * clients.
 */
public enum OciService {
  IDENTITY("IdentityClient"),
  COMPUTE("ComputeClient"),
  BLOCK_STORAGE("BlockstorageClient"),
  OBJECT_STORAGE("ObjectStorageClient"),
  FILE_STORAGE("FileStorageClient"),
  DATABASE("DatabaseClient"),
  LOAD_BALANCER("LoadBalancerClient"),
  MONITORING("MonitoringClient"),
  USAGE("UsageapiClient");

  private final String clientName;

  OciService(String clientName) {
    this.clientName = clientName;
  }

  /**
   * The simple name of the SDK client class, e.g. {@code ComputeClient}: the first argument of an
   * {@link OciConfig.EndpointOverride}.
   */
  public String clientName() {
    return clientName;
  }
}
