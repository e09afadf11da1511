package app.cloudey.model;

import static app.cloudey.model.MetricName.CPU_UTILIZATION;
import static app.cloudey.model.MetricName.MEMORY_UTILIZATION;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  private static MetricDaily metric(Double mean, Double max, Double p95, int samples) {
    return new MetricDaily(
        ACME, "ocid1.instance.oc1..web1", CPU_UTILIZATION, DAY, mean, max, p95, samples);
  }

  @Test
  void aMissingDayHasNoValuesAndZeroSamples() {
    MetricDaily missing = MetricDaily.missing(ACME, "r", CPU_UTILIZATION, DAY);
    assertThat(missing.isMissing()).isTrue();
    assertThat(missing.mean()).isNull();
    assertThat(missing.samples()).isZero();
    refused(
        () -> metric(0.0, null, null, 0),
        "a missing day (samples = 0) must have null mean, max and p95");
    refused(() -> metric(null, null, 3.0, 0), "a missing day");
  }

  @Test
  void aPresentDayHasEveryValue() {
    MetricDaily present = metric(12.5, 80.0, 40.0, 24);
    assertThat(present.isMissing()).isFalse();
    // zero is a real measurement (an idle machine), distinct from missing
    assertThat(metric(0.0, 0.0, 0.0, 1).isMissing()).isFalse();
    refused(() -> metric(12.5, null, 40.0, 24), "mean, max and p95 are required when samples > 0");
    refused(() -> metric(null, 80.0, 40.0, 24), "are required when samples > 0");
  }

  @Test
  void refusesImpossibleValues() {
    refused(() -> metric(Double.NaN, 80.0, 40.0, 24), "mean must be a finite number");
    refused(() -> metric(1.0, Double.POSITIVE_INFINITY, 1.0, 24), "max must be a finite number");
    refused(() -> metric(1.0, 2.0, Double.NaN, 24), "p95 must be a finite number");
    // p95 of hourly means can never exceed the max of hourly maxima
    refused(() -> metric(1.0, 2.0, 2.5, 24), "p95 (2.5) must be <= max (2.0)");
    refused(() -> metric(50.0, 40.0, 45.0, 24), "max (40.0) must be >= mean (50.0)");
    refused(() -> metric(1.0, 2.0, 1.0, -1), "samples must not be negative");
    refused(() -> metric(1.0, 2.0, 1.0, 1441), "samples must be at most 1440 per day");
    assertThat(metric(1.0, 2.0, 1.0, 1440).samples()).isEqualTo(1440);
  }

  @Test
  void namesTheMissingField() {
    refused(
        () -> new MetricDaily(null, "r", CPU_UTILIZATION, DAY, null, null, null, 0), "accountId");
    refused(
        () -> new MetricDaily(ACME, " ", CPU_UTILIZATION, DAY, null, null, null, 0),
        "resourceId must not be");
    refused(
        () -> new MetricDaily(ACME, "r", null, DAY, null, null, null, 0),
        "metric must not be null");
    refused(
        () -> new MetricDaily(ACME, "r", CPU_UTILIZATION, null, null, null, null, 0),
        "day must not be null");
  }

  @Test
  void queriesMatchPeriodResourcesAndMetrics() {
    MetricDaily m = metric(1.0, 2.0, 1.5, 24);
    MetricQuery week =
        MetricQuery.of(
            Period.lastDays(
                7,
                java.time.Clock.fixed(
                    java.time.Instant.parse("2026-11-26T00:00:00Z"), java.time.ZoneOffset.UTC)));
    assertThat(week.matches(m)).isTrue(); // [11-19, 11-26) holds 11-20
    assertThat(week.resources(Set.of("ocid1.instance.oc1..web1")).matches(m)).isTrue();
    assertThat(week.resources(Set.of("other")).matches(m)).isFalse();
    assertThat(week.metrics(CPU_UTILIZATION, MEMORY_UTILIZATION).matches(m)).isTrue();
    assertThat(week.metrics(MEMORY_UTILIZATION).matches(m)).isFalse();
    assertThat(MetricQuery.of(Period.day(DAY.plusDays(1))).matches(m)).isFalse();
    assertThat(week.metrics(CPU_UTILIZATION, CPU_UTILIZATION).metrics())
        .containsExactly(CPU_UTILIZATION);
    refused(() -> MetricQuery.of(null), "period must not be null");
  }

  @Test
  void metricNamesCarryTheirUnit() {
    assertThat(CPU_UTILIZATION.unit()).isEqualTo("percent");
    assertThat(MetricName.LB_PEAK_BANDWIDTH.unit()).isEqualTo("Mbps");
  }
}
