package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyAggregatorTest {
  private static final AccountId ACCOUNT = AccountId.of("acme");
  private static final Period WINDOW =
      Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 4));

  @Test
  void foldsHourlyPointsIntoDays() {
    DailyAggregator agg = new DailyAggregator(1);
    // 2026-11-01: 20 hours, means 1..20 (the point stamped 01:00 covers 00:00-01:00)
    for (int h = 1; h <= 20; h++) {
      agg.add(Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * h), h, h + 0.5);
    }
    // the point stamped at midnight of the 3rd covers 23:00-24:00 of the 2nd
    agg.add(Instant.parse("2026-11-03T00:00:00Z"), 40, 90);
    // outside the window: 23:00-24:00 of 2026-10-31 and 00:00-01:00 of 2026-11-04
    agg.add(Instant.parse("2026-11-01T00:00:00Z"), 99, 99);
    agg.add(Instant.parse("2026-11-04T01:00:00Z"), 99, 99);

    List<MetricDaily> days =
        agg.daily(ACCOUNT, "ocid1.instance.x", MetricName.CPU_UTILIZATION, WINDOW);

    assertThat(days).hasSize(3);
    MetricDaily first = days.get(0);
    assertThat(first.day()).isEqualTo(LocalDate.of(2026, 11, 1));
    // mean of 1..20 = 210 / 20 = 10.5; max of maxima = 20.5;
    // p95 nearest rank: ceil(0.95 x 20) = 19th smallest mean = 19
    assertThat(first.mean()).isCloseTo(10.5, within(1e-12));
    assertThat(first.max()).isEqualTo(20.5);
    assertThat(first.p95()).isEqualTo(19.0);
    assertThat(first.samples()).isEqualTo(20);
    MetricDaily second = days.get(1);
    assertThat(second.day()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(second.mean()).isEqualTo(40.0);
    assertThat(second.max()).isEqualTo(90.0);
    assertThat(second.p95()).isEqualTo(40.0);
    assertThat(second.samples()).isEqualTo(1);
    // no data on the 3rd: missing, never zero
    assertThat(days.get(2).isMissing()).isTrue();
    assertThat(days.get(2).mean()).isNull();
  }

  @Test
  void componentsOfOneHourAddUp() {
    DailyAggregator agg = new DailyAggregator(1);
    Instant t = Instant.parse("2026-11-01T05:00:00Z");
    agg.add(t, 10, 30);
    agg.add(t, 2.5, 4);
    MetricDaily day =
        agg.daily(ACCOUNT, "v", MetricName.CPU_UTILIZATION, Period.day(LocalDate.of(2026, 11, 1)))
            .get(0);
    assertThat(day.mean()).isEqualTo(12.5);
    assertThat(day.max()).isEqualTo(34.0);
    assertThat(day.samples()).isEqualTo(1);
  }

  @Test
  void hourlyOperationCountsBecomeOperationsPerSecond() {
    // volume IOPS: the hour's read-op sum plus write-op sum, over 3600 seconds
    DailyAggregator agg = new DailyAggregator(3600);
    Instant five = Instant.parse("2026-11-01T05:00:00Z");
    Instant six = Instant.parse("2026-11-01T06:00:00Z");
    agg.add(five, 180_000, 180_000); // reads 04:00-05:00
    agg.add(five, 36_000, 36_000); // writes 04:00-05:00: 216,000 ops / 3600 s = 60 ops/s
    agg.add(six, 72_000, 72_000); // reads only 05:00-06:00: 20 ops/s
    MetricDaily day =
        agg.daily(ACCOUNT, "v", MetricName.VOLUME_IOPS, Period.day(LocalDate.of(2026, 11, 1)))
            .get(0);
    assertThat(day.mean()).isCloseTo(40.0, within(1e-12));
    assertThat(day.max()).isCloseTo(60.0, within(1e-12)); // the busiest hour's rate
    assertThat(day.p95()).isCloseTo(60.0, within(1e-12));
    assertThat(day.samples()).isEqualTo(2);
  }

  @Test
  void aDivisorMustBePositive() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DailyAggregator(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("divisor");
  }

  @Test
  void anEmptyAggregatorGivesOnlyMissingDays() {
    List<MetricDaily> days =
        new DailyAggregator(1).daily(ACCOUNT, "v", MetricName.LB_REQUESTS, WINDOW);
    assertThat(days).hasSize(3).allMatch(MetricDaily::isMissing);
  }
}
