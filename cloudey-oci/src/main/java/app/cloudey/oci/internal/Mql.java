package app.cloudey.oci.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Monitoring Query Language for batched reads: {@code CpuUtilization[1h]{resourceId =~
 * "a|b|c"}.groupBy(resourceId).mean()} returns one hourly stream per resource of the batch,
 * whatever other dimensions the metric has. Batches are sized so a response stays under OCI's caps
 * of 100,000 data points and 2,000 streams.
 */
final class Mql {
  /** OCI's cap on data points in one SummarizeMetricsData response. */
  static final int MAX_DATAPOINTS = 100_000;

  /** OCI's cap on metric streams in one response. */
  static final int MAX_STREAMS = 2_000;

  private Mql() {}

  /** {@code name[1h]{resourceId =~ "id1|id2"}.groupBy(resourceId).statistic()}. */
  static String hourly(String metric, List<String> resourceIds, String statistic) {
    if (resourceIds.isEmpty()) {
      throw new IllegalArgumentException("a metric query needs at least one resource id");
    }
    for (String id : resourceIds) {
      if (id.indexOf('"') >= 0 || id.indexOf('|') >= 0 || id.indexOf('\\') >= 0) {
        throw new IllegalArgumentException("resource id '" + id + "' cannot be put in MQL");
      }
    }
    return metric
        + "[1h]{resourceId =~ \""
        + String.join("|", resourceIds)
        + "\"}.groupBy(resourceId)."
        + statistic
        + "()";
  }

  /**
   * Resources per query: at most {@code configured}, and few enough that {@code hours} hourly
   * points per resource stay under {@link #MAX_DATAPOINTS} and the streams under {@link
   * #MAX_STREAMS}.
   */
  static int batchSize(int configured, long hours) {
    long byPoints = MAX_DATAPOINTS / Math.max(1, hours);
    return (int) Math.max(1, Math.min(Math.min(configured, byPoints), MAX_STREAMS));
  }

  /** Consecutive batches of at most {@code size}. */
  static <T> List<List<T>> batches(List<T> items, int size) {
    List<List<T>> batches = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      batches.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
    }
    return batches;
  }
}
