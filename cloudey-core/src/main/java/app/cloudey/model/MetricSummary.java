package app.cloudey.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One resource's metric summarised over a window by the store from its daily aggregates (see {@link
 * app.cloudey.spi.MetricStore#summaries}). Missing days count toward nothing but the window: {@link
 * #coverage()} says how much of it has data, so a rule can tell "idle" from "unknown".
 *
 * @param resourceId the resource
 * @param metric the metric
 * @param window the days summarised
 * @param daysWithData days with at least one sample
 * @param samples hourly samples in the window
 * @param mean mean of the hourly values (the days' means weighted by their samples); null without
 *     data
 * @param max highest hourly maximum; null without data
 * @param p95 highest daily 95th percentile of hourly values (an upper bound of the window's P95, so
 *     a rule testing "P95 below a threshold" never calls a busy resource idle); null without data
 * @param lastDayWithData the last day with data; null without data
 */
public record MetricSummary(
    String resourceId,
    MetricName metric,
    Period window,
    int daysWithData,
    long samples,
    @Nullable Double mean,
    @Nullable Double max,
    @Nullable Double p95,
    @Nullable LocalDate lastDayWithData) {

  public MetricSummary {
    Checks.notBlank(resourceId, "resourceId");
    Checks.notNull(metric, "metric");
    Checks.notNull(window, "window");
    Checks.require(daysWithData >= 0, "daysWithData must not be negative");
    Checks.require(samples >= 0, "samples must not be negative");
    Checks.require(
        (samples == 0) == (mean == null && max == null && p95 == null),
        "mean, max and p95 are null exactly when there are no samples");
  }

  /** Share of the window's hours that have a sample, 0 to 1. */
  public double coverage() {
    long hours = window.days() * 24L;
    return hours == 0 ? 0 : Math.min(1.0, samples / (double) hours);
  }

  /** Summarises daily aggregates of one resource and metric over {@code window}. */
  public static MetricSummary of(
      String resourceId, MetricName metric, Period window, Iterable<MetricDaily> days) {
    int withData = 0;
    long samples = 0;
    double weighted = 0;
    Double max = null;
    Double p95 = null;
    LocalDate last = null;
    for (MetricDaily d : days) {
      if (d.isMissing() || !window.contains(d.day())) {
        continue;
      }
      withData++;
      samples += d.samples();
      weighted += d.mean() * d.samples();
      max = max == null ? d.max() : Math.max(max, d.max());
      p95 = p95 == null ? d.p95() : Math.max(p95, d.p95());
      last = last == null || d.day().isAfter(last) ? d.day() : last;
    }
    return new MetricSummary(
        resourceId,
        metric,
        window,
        withData,
        samples,
        samples == 0 ? null : weighted / samples,
        max,
        p95,
        last);
  }
}
