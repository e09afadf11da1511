package app.cloudey.oci.internal;

import app.cloudey.model.MetricName;
import app.cloudey.model.ResourceType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Where each Cloudey metric comes from in OCI Monitoring: one or more OCI metrics whose hourly
 * values are added (volume IOPS = read ops + write ops), for CPU a fallback namespace for instances
 * without the Oracle Cloud Agent, and how OCI's points become the unit {@link MetricName}
 * documents.
 */
final class MetricPlan {
  private MetricPlan() {}

  /** An OCI metric: namespace and name, e.g. {@code oci_computeagent / CpuUtilization}. */
  record OciMetric(String namespace, String name) {}

  /** How OCI's per-interval points become one hourly value. */
  enum Reading {
    /** A level (percent, Mbps): the hour's {@code mean()} and {@code max()}, two queries. */
    LEVEL(1),
    /** A count per interval, reported per hour: the hour's {@code sum()}, one query. */
    COUNT_PER_HOUR(1),
    /** A count per interval, reported per second: the hour's {@code sum()} / 3600, one query. */
    COUNT_PER_SECOND(3600);

    private final double divisor;

    Reading(double divisor) {
      this.divisor = divisor;
    }

    /** What an hourly sum is divided by ({@code 1} for levels, whose values are used as read). */
    double divisor() {
      return divisor;
    }
  }

  /**
   * How to read one metric for one resource type.
   *
   * @param components OCI metrics whose hourly values are added
   * @param fallback read for resources that have no data at all in {@code components}, or empty
   * @param reading which statistics to query and how to scale them
   */
  record Source(List<OciMetric> components, List<OciMetric> fallback, Reading reading) {}

  static final OciMetric AGENT_CPU = new OciMetric("oci_computeagent", "CpuUtilization");
  static final OciMetric AGENT_MEMORY = new OciMetric("oci_computeagent", "MemoryUtilization");
  static final OciMetric VMI_CPU = new OciMetric("oci_vmi_resource_utilization", "CpuUtilization");
  static final OciMetric LB_BANDWIDTH = new OciMetric("oci_lbaas", "PeakBandwidth");
  static final OciMetric LB_REQUESTS = new OciMetric("oci_lbaas", "HttpRequests");
  static final OciMetric VOLUME_READ = new OciMetric("oci_blockstore", "VolumeReadOps");
  static final OciMetric VOLUME_WRITE = new OciMetric("oci_blockstore", "VolumeWriteOps");
  static final OciMetric ADB_CPU = new OciMetric("oci_autonomous_database", "CpuUtilization");

  static Set<MetricName> metricsFor(ResourceType type) {
    return switch (type) {
      case INSTANCE -> EnumSet.of(MetricName.CPU_UTILIZATION, MetricName.MEMORY_UTILIZATION);
      case LOAD_BALANCER -> EnumSet.of(MetricName.LB_PEAK_BANDWIDTH, MetricName.LB_REQUESTS);
      case BLOCK_VOLUME, BOOT_VOLUME -> EnumSet.of(MetricName.VOLUME_IOPS);
      case AUTONOMOUS_DATABASE -> EnumSet.of(MetricName.CPU_UTILIZATION);
      default -> EnumSet.noneOf(MetricName.class);
    };
  }

  static Source source(ResourceType type, MetricName metric) {
    return switch (metric) {
      case CPU_UTILIZATION ->
          type == ResourceType.AUTONOMOUS_DATABASE
              ? new Source(List.of(ADB_CPU), List.of(), Reading.LEVEL)
              : new Source(List.of(AGENT_CPU), List.of(VMI_CPU), Reading.LEVEL);
      case MEMORY_UTILIZATION -> new Source(List.of(AGENT_MEMORY), List.of(), Reading.LEVEL);
      case LB_PEAK_BANDWIDTH -> new Source(List.of(LB_BANDWIDTH), List.of(), Reading.LEVEL);
      // OCI's HttpRequests and Volume*Ops points count what happened in their interval
      case LB_REQUESTS -> new Source(List.of(LB_REQUESTS), List.of(), Reading.COUNT_PER_HOUR);
      case VOLUME_IOPS ->
          new Source(List.of(VOLUME_READ, VOLUME_WRITE), List.of(), Reading.COUNT_PER_SECOND);
    };
  }
}
