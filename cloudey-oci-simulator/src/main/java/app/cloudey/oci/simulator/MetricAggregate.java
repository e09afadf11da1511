package app.cloudey.oci.simulator;

/**
 * One resource's metric for one UTC day, derived from the simulator's hourly data exactly as
 * Cloudey's OCI adapter derives it from SummarizeMetricsData. Percentiles are nearest-rank (sorted
 * ascending, the value at rank {@code ceil(0.95 * n)}); {@code samples} = hours with data.
 *
 * <ul>
 *   <li>Gauges ({@code CPU_UTILIZATION}, {@code MEMORY_UTILIZATION}, {@code LB_PEAK_BANDWIDTH}):
 *       {@code mean} = mean of the hourly means ({@code Metric[1h]...mean()}), {@code max} = max of
 *       the hourly maxima ({@code max()}), {@code p95} = 95th percentile of the hourly means.
 *   <li>{@code LB_REQUESTS}, requests per hour: each hourly value is {@code
 *       HttpRequests[1h]{...}.groupBy(resourceId).sum()}, the sum of that hour's per-minute request
 *       counts (the simulator serves it as hourly mean x 60); {@code mean}, {@code max} and {@code
 *       p95} are the mean, max and 95th percentile of those hourly sums.
 *   <li>{@code VOLUME_IOPS}, operations per second averaged over each hour: each hourly value is
 *       ({@code VolumeReadOps} hourly sum + {@code VolumeWriteOps} hourly sum) / 3600, both queried
 *       with {@code sum()} as above (a metric without data that hour adds 0; an hour counts when
 *       either has data); {@code mean}, {@code max} and {@code p95} are over those hourly values.
 * </ul>
 *
 * Computed with the same double arithmetic as the served values, so a client doing the same sums on
 * them agrees to about 1e-9 relative (summation order aside).
 *
 * @param mean the daily mean, in the metric's unit
 * @param max the daily maximum
 * @param p95 the nearest-rank 95th percentile
 * @param samples hours with data
 */
public record MetricAggregate(double mean, double max, double p95, int samples) {}
