package app.cloudey.oci.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly statistics of one resource and metric, folded into one {@link MetricDaily} per day of a
 * window: mean = mean of the hourly means, max = max of the hourly maxima, p95 = 95th percentile of
 * the hourly means by nearest rank (sorted ascending, the value at rank {@code ceil(0.95 n)}),
 * samples = hours with a mean. A day without hours is {@link MetricDaily#missing missing}, never 0.
 * Each hour's added components are divided by the divisor before aggregating (3600 turns an hourly
 * count of operations into operations per second; 1 leaves values as read).
 *
 * <p>OCI stamps an aggregated point with the <em>end</em> of its window, so a point at 01:00 covers
 * 00:00-01:00 and one at midnight belongs to the day before. Not thread-safe.
 */
final class DailyAggregator {
  private static final Duration HOUR = Duration.ofHours(1);

  /** Hour start to {sum of means, sum of maxima}, in time order so sums are reproducible. */
  private final Map<Instant, double[]> hours = new TreeMap<>();

  private final double divisor;

  /**
   * @param divisor what each hour's added values are divided by: 1 to use them as added, 3600 for
   *     per-second rates from hourly counts
   */
  DailyAggregator(double divisor) {
    if (!(divisor > 0)) {
      throw new IllegalArgumentException("divisor must be positive: " + divisor);
    }
    this.divisor = divisor;
  }

  /** Adds one component's hourly point; {@code timestamp} is the end of the hour. */
  void add(Instant timestamp, double mean, double max) {
    Instant start = timestamp.minus(HOUR);
    double[] values = hours.computeIfAbsent(start, k -> new double[2]);
    values[0] += mean;
    values[1] += max;
  }

  boolean isEmpty() {
    return hours.isEmpty();
  }

  /** One entry per day of {@code window}, in order. */
  List<MetricDaily> daily(
      AccountId accountId, String resourceId, MetricName metric, Period window) {
    Map<LocalDate, List<double[]>> byDay = new HashMap<>();
    hours.forEach(
        (start, values) -> {
          LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
          if (window.contains(day)) {
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(values);
          }
        });
    List<MetricDaily> result = new ArrayList<>((int) window.days());
    window
        .dayStream()
        .forEach(
            day -> {
              List<double[]> points = byDay.get(day);
              result.add(
                  points == null
                      ? MetricDaily.missing(accountId, resourceId, metric, day)
                      : aggregate(accountId, resourceId, metric, day, points, divisor));
            });
    return result;
  }

  private static MetricDaily aggregate(
      AccountId accountId,
      String resourceId,
      MetricName metric,
      LocalDate day,
      List<double[]> points,
      double divisor) {
    int n = points.size();
    double[] means = new double[n];
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      means[i] = points.get(i)[0] / divisor;
      sum += means[i];
      max = Math.max(max, points.get(i)[1] / divisor);
    }
    double mean = sum / n;
    Arrays.sort(means);
    double p95 = means[(int) Math.ceil(0.95 * n) - 1];
    // a maximum below the mean would be an inconsistent source; never report max < mean
    return new MetricDaily(accountId, resourceId, metric, day, mean, Math.max(max, mean), p95, n);
  }
}
