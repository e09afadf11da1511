package app.cloudey.oci.simulator.internal;

import app.cloudey.model.MetricName;
import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.MetricAggregate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The truth's daily aggregates, computed from the hourly values a client reads from
 * SummarizeMetricsData with the same arithmetic (see {@link MetricAggregate} for the definitions).
 */
final class DailyMetrics {
  private DailyMetrics() {}

  static Optional<MetricAggregate> aggregate(
      MetricModel metrics, Res r, MetricName metric, LocalDate day) {
    long dayStart = day.toEpochDay() * 24;
    List<Double> values = new ArrayList<>();
    double max = Double.NEGATIVE_INFINITY;
    double[] stats = new double[3];
    double[] hour = new double[2];
    for (long h = dayStart; h < dayStart + 24; h++) {
      if (hourly(metrics, r, metric, h, stats, hour)) {
        values.add(hour[0]);
        max = Math.max(max, hour[1]);
      }
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    double mean = values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    return Optional.of(
        new MetricAggregate(mean, max, MonitoringApi.nearestRank(values, 0.95), values.size()));
  }

  /**
   * Fills {value, max} of one hour and returns true, or false when the hour has no data. Gauges:
   * {hourly mean, hourly max}. Counts: the hour's sum (what {@code sum()} serves for a 1h window)
   * as both; IOPS = (read sum + write sum) / 3600, a metric without data that hour adding 0.
   */
  private static boolean hourly(
      MetricModel metrics, Res r, MetricName metric, long h, double[] stats, double[] out) {
    switch (metric) {
      case LB_REQUESTS -> {
        if (!metrics.hasData(r, MetricModel.LB_REQUESTS, h)) {
          return false;
        }
        out[0] = minuteSum(metrics, r, MetricModel.LB_REQUESTS, h, stats);
        out[1] = out[0];
        return true;
      }
      case VOLUME_IOPS -> {
        boolean read = metrics.hasData(r, MetricModel.VOLUME_READ, h);
        boolean write = metrics.hasData(r, MetricModel.VOLUME_WRITE, h);
        if (!read && !write) {
          return false;
        }
        double readOps = read ? minuteSum(metrics, r, MetricModel.VOLUME_READ, h, stats) : 0;
        double writeOps = write ? minuteSum(metrics, r, MetricModel.VOLUME_WRITE, h, stats) : 0;
        out[0] = (readOps + writeOps) / 3600;
        out[1] = out[0];
        return true;
      }
      default -> {
        MetricModel.Def def = gauge(r, metric);
        if (!metrics.hasData(r, def, h)) {
          return false;
        }
        metrics.hourly(r, def, h, stats);
        out[0] = stats[1];
        out[1] = stats[2];
        return true;
      }
    }
  }

  /** The hour's per-minute points summed, exactly as MonitoringApi's {@code sum()} computes it. */
  private static double minuteSum(
      MetricModel metrics, Res r, MetricModel.Def def, long h, double[] stats) {
    metrics.hourly(r, def, h, stats);
    return MonitoringApi.minuteSum(stats[1]);
  }

  private static MetricModel.Def gauge(Res r, MetricName metric) {
    return switch (metric) {
      case CPU_UTILIZATION ->
          r.type == ResourceType.AUTONOMOUS_DATABASE
              ? MetricModel.ADB_CPU
              : r.monitoringAgent ? MetricModel.AGENT_CPU : MetricModel.VMI_CPU;
      case MEMORY_UTILIZATION -> MetricModel.AGENT_MEMORY;
      case LB_PEAK_BANDWIDTH -> MetricModel.LB_BANDWIDTH;
      case LB_REQUESTS, VOLUME_IOPS ->
          throw new IllegalArgumentException(metric + " counts per interval, it is no gauge");
    };
  }
}
