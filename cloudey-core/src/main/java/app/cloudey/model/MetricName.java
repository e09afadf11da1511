package app.cloudey.model;

/**
 * Utilisation metrics Cloudey keeps as daily aggregates, with the unit of their values. A day's
 * {@code mean}, {@code max} and {@code p95} are taken over the day's hourly values: for levels
 * (percent, Mbps) the hourly value is the hour's mean and {@code max} the highest point of any
 * hour; for counts the hourly value is the hour's total (or rate), and {@code max} the busiest
 * hour.
 */
public enum MetricName {
  /** Instance CPU utilisation, percent. */
  CPU_UTILIZATION("percent"),
  /** Instance memory utilisation, percent. */
  MEMORY_UTILIZATION("percent"),
  /** Load balancer peak bandwidth, Mbps. */
  LB_PEAK_BANDWIDTH("Mbps"),
  /** Load balancer HTTP requests per hour: each hour's total. */
  LB_REQUESTS("requests/h"),
  /**
   * Block and boot volume read plus write operations per second, averaged over each hour (so a
   * day's max is its busiest hour's average, not a one-second peak).
   */
  VOLUME_IOPS("ops/s");

  private final String unit;

  MetricName(String unit) {
    this.unit = unit;
  }

  public String unit() {
    return unit;
  }
}
