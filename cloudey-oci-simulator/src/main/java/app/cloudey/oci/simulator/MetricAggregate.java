package app.cloudey.oci.simulator;

/**
 * One resource's metric for one UTC day, derived from the simulator's hourly data exactly as
 * Cloudey's OCI adapter derives it: {@code mean} = mean of the hourly means, {@code max} = max of
 * the hourly maxima, {@code p95} = 95th percentile of the hourly means by the nearest-rank method
 * (sorted ascending, the value at rank {@code ceil(0.95 * n)}), {@code samples} = hours with data.
 */
public record MetricAggregate(double mean, double max, double p95, int samples) {}
