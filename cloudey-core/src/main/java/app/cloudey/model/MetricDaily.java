package app.cloudey.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One resource's metric for one UTC day, aggregated from hourly points: mean of hourly means, max
 * of hourly maxima, 95th percentile of hourly means, and the number of hourly samples.
 *
 * <p>A day with no data (failed or empty fetch) is <em>missing</em>: {@code samples == 0} and all
 * values null. It is never recorded as 0, which would look like an idle resource.
 */
public record MetricDaily(
    AccountId accountId,
    String resourceId,
    MetricName metric,
    LocalDate day,
    @Nullable Double mean,
    @Nullable Double max,
    @Nullable Double p95,
    int samples) {

  public MetricDaily {
    Checks.notNull(accountId, "accountId");
    Checks.notBlank(resourceId, "resourceId");
    Checks.notNull(metric, "metric");
    Checks.notNull(day, "day");
    Checks.notNegative(samples, "samples");
    Checks.require(
        samples <= 24 * 60, () -> "samples must be at most 1440 per day, was " + samples);
    boolean allNull = mean == null && max == null && p95 == null;
    boolean noneNull = mean != null && max != null && p95 != null;
    if (samples == 0) {
      Checks.require(allNull, "a missing day (samples = 0) must have null mean, max and p95");
    } else {
      Checks.require(noneNull, "mean, max and p95 are required when samples > 0");
      finite(mean, "mean");
      finite(max, "max");
      finite(p95, "p95");
      Checks.require(max >= mean, () -> "max (" + max + ") must be >= mean (" + mean + ")");
      Checks.require(p95 <= max, () -> "p95 (" + p95 + ") must be <= max (" + max + ")");
    }
  }

  private static void finite(double value, String field) {
    Checks.require(Double.isFinite(value), () -> field + " must be a finite number, was " + value);
  }

  /** A day without data. */
  public static MetricDaily missing(
      AccountId accountId, String resourceId, MetricName metric, LocalDate day) {
    return new MetricDaily(accountId, resourceId, metric, day, null, null, null, 0);
  }

  public boolean isMissing() {
    return samples == 0;
  }
}
