package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.spi.MetricSource;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link MetricSource}: exactly one entry per (resource, metric, day) of the window for
 * the metrics each type reports, the expected values on days with data, and {@link
 * MetricDaily#missing missing} (never 0) on every other day, so a gap never looks like an idle
 * resource.
 *
 * <p>A subclass implements the factory {@link #metricSource()} and the oracle methods from the data
 * it arranged; include a resource whose type reports no metrics and days without data.
 */
public abstract class MetricSourceContract {

  private @Nullable MetricSource source;

  /** The source under test; called before each test. */
  protected abstract MetricSource metricSource();

  protected abstract AccountId expectedAccountId();

  /** The resources to fetch metrics for. */
  protected abstract List<Resource> metricResources();

  protected abstract Period metricWindow();

  /** The metrics each type reports; types absent report none. */
  protected abstract Map<ResourceType, Set<MetricName>> expectedMetricNames();

  /** Every (resource, metric, day) with data, with its expected values; all others are missing. */
  protected abstract List<MetricDaily> expectedDaysWithData();

  /** Tolerance for mean, max and p95 (sources aggregating raw points may round). */
  protected double tolerance() {
    return 1e-9;
  }

  @BeforeEach
  protected final void openSource() {
    source = metricSource();
  }

  protected final MetricSource source() {
    if (source == null) {
      throw new IllegalStateException("the source is created before each test");
    }
    return source;
  }

  private record Key(String resourceId, MetricName metric, LocalDate day) {
    static Key of(MetricDaily m) {
      return new Key(m.resourceId(), m.metric(), m.day());
    }
  }

  private List<MetricDaily> fetch(List<Resource> resources) {
    try (Stream<MetricDaily> daily = source().fetchDaily(resources, metricWindow())) {
      return daily.toList();
    }
  }

  @Test
  public void everyTypeReportsExactlyItsMetrics() {
    for (ResourceType type : ResourceType.values()) {
      assertThat(source().metricsFor(type))
          .as("metrics of %s", type)
          .isEqualTo(expectedMetricNames().getOrDefault(type, Set.of()));
    }
  }

  @Test
  public void exactlyOneEntryPerResourceMetricAndDay() {
    Set<Key> expected = new HashSet<>();
    for (Resource r : metricResources()) {
      for (MetricName metric : expectedMetricNames().getOrDefault(r.type(), Set.of())) {
        metricWindow().dayStream().forEach(day -> expected.add(new Key(r.id(), metric, day)));
      }
    }
    List<MetricDaily> fetched = fetch(metricResources());
    assertThat(fetched).extracting(Key::of).doesNotHaveDuplicates();
    assertThat(fetched).extracting(Key::of).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(fetched)
        .allMatch(m -> m.accountId().equals(expectedAccountId()), "account")
        .allMatch(m -> metricWindow().contains(m.day()), "inside " + metricWindow());
  }

  @Test
  public void daysWithDataHaveTheExpectedValues() {
    Map<Key, MetricDaily> fetched =
        fetch(metricResources()).stream()
            .collect(Collectors.toMap(Key::of, Function.identity(), (a, b) -> a));
    for (MetricDaily want : expectedDaysWithData()) {
      MetricDaily got = fetched.get(Key.of(want));
      assertThat(got).as("entry for %s", Key.of(want)).isNotNull();
      assertThat(got.samples()).as("samples of %s", Key.of(want)).isEqualTo(want.samples());
      assertThat(got.mean()).isCloseTo(want.mean(), within(tolerance()));
      assertThat(got.max()).isCloseTo(want.max(), within(tolerance()));
      assertThat(got.p95()).isCloseTo(want.p95(), within(tolerance()));
    }
  }

  @Test
  public void everyOtherDayIsMissingNeverZero() {
    Set<Key> withData = expectedDaysWithData().stream().map(Key::of).collect(Collectors.toSet());
    List<MetricDaily> others =
        fetch(metricResources()).stream().filter(m -> !withData.contains(Key.of(m))).toList();
    assertThat(others)
        .allSatisfy(
            m ->
                assertThat(m)
                    .as("%s has no data", Key.of(m))
                    .isEqualTo(
                        MetricDaily.missing(m.accountId(), m.resourceId(), m.metric(), m.day())));
  }

  @Test
  public void resourcesWithoutMetricsAreIgnored() {
    List<Resource> silent =
        metricResources().stream()
            .filter(r -> expectedMetricNames().getOrDefault(r.type(), Set.of()).isEmpty())
            .toList();
    assertThat(fetch(silent)).isEmpty();
  }
}
