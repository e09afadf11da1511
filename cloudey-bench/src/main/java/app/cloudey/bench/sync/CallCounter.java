package app.cloudey.bench.sync;

import app.cloudey.spi.CloudeyListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every OCI call attempt by service (from the operation name) and by HTTP status. */
final class CallCounter implements CloudeyListener {
  private static final Map<String, String> SERVICE_OF =
      Map.ofEntries(
          Map.entry("ListRegionSubscriptions", "identity"),
          Map.entry("GetTenancy", "identity"),
          Map.entry("ListCompartments", "identity"),
          Map.entry("ListAvailabilityDomains", "identity"),
          Map.entry("ListInstances", "compute"),
          Map.entry("ListVolumeAttachments", "compute"),
          Map.entry("ListBootVolumeAttachments", "compute"),
          Map.entry("ListVolumes", "blockstorage"),
          Map.entry("ListBootVolumes", "blockstorage"),
          Map.entry("ListVolumeBackups", "blockstorage"),
          Map.entry("ListBootVolumeBackups", "blockstorage"),
          Map.entry("GetNamespace", "objectstorage"),
          Map.entry("ListBuckets", "objectstorage"),
          Map.entry("GetBucket", "objectstorage"),
          Map.entry("ListFileSystems", "filestorage"),
          Map.entry("ListDbSystems", "database"),
          Map.entry("ListAutonomousDatabases", "database"),
          Map.entry("ListLoadBalancers", "loadbalancer"),
          Map.entry("GetBackendSetHealth", "loadbalancer"),
          Map.entry("SummarizeMetricsData", "monitoring"),
          Map.entry("RequestSummarizedUsages", "usageapi"));

  private final Map<String, LongAdder> byService = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();

  @Override
  public void apiCall(String provider, String operation, int status, Duration latency) {
    total.increment();
    byService
        .computeIfAbsent(
            SERVICE_OF.getOrDefault(operation, "other:" + operation), k -> new LongAdder())
        .increment();
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  long total() {
    return total.sum();
  }

  Map<String, Long> byService() {
    Map<String, Long> out = new TreeMap<>();
    byService.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  Map<Integer, Long> byStatus() {
    Map<Integer, Long> out = new TreeMap<>();
    byStatus.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** max(max over services of calls ÷ serviceRate, all calls ÷ tenancyRate), in seconds. */
  double floorSeconds(double serviceRate, double tenancyRate) {
    double floor = total() / tenancyRate;
    for (long calls : byService().values()) {
      floor = Math.max(floor, calls / serviceRate);
    }
    return floor;
  }

  void reset() {
    byService.clear();
    byStatus.clear();
    total.reset();
  }
}
