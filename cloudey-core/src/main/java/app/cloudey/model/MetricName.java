package app.cloudey.model;

/** Utilisation metrics Cloudey keeps as daily aggregates, with the unit of their values. */
public enum MetricName {
  /** Instance CPU utilisation, percent. */
  CPU_UTILIZATION("percent"),
  /** Instance memory utilisation, percent. */
  MEMORY_UTILIZATION("percent"),
  /** Load balancer peak bandwidth, Mbps. */
  LB_PEAK_BANDWIDTH("Mbps"),
  /** Load balancer HTTP requests, count per hour. */
  LB_REQUESTS("requests"),
  /** Block volume read plus write operations, per second. */
  VOLUME_IOPS("ops/s");

  private final String unit;

  MetricName(String unit) {
    this.unit = unit;
  }

  public String unit() {
    return unit;
  }
}
