package app.cloudey;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void defaultsFollowTheDesign() {
    Schedule schedule = Schedule.ofDefaults();

    assertThat(schedule.inventorySyncInterval()).isEqualTo(Duration.ofHours(6));
    assertThat(schedule.costRefreshTime()).isEqualTo(LocalTime.of(3, 0));
    assertThat(schedule.metricSyncTime()).isEqualTo(LocalTime.of(4, 0));
    assertThat(schedule.monthCloseDay()).isEqualTo(6);
    assertThat(schedule.monthCloseTime()).isEqualTo(LocalTime.of(2, 0));
    assertThat(schedule.recommendationsInterval()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void withersChangeOneField() {
    Schedule schedule =
        Schedule.ofDefaults()
            .withInventorySyncInterval(Duration.ofHours(2))
            .withCostRefreshTime(LocalTime.of(5, 30))
            .withMetricSyncTime(LocalTime.of(6, 0))
            .withMonthClose(10, LocalTime.of(1, 0))
            .withRecommendationsInterval(Duration.ofHours(12));

    assertThat(schedule)
        .isEqualTo(
            new Schedule(
                Duration.ofHours(2),
                LocalTime.of(5, 30),
                LocalTime.of(6, 0),
                10,
                LocalTime.of(1, 0),
                Duration.ofHours(12)));
  }

  @Test
  void refusesIntervalsUnderAMinuteAndMissingTimes() {
    Schedule d = Schedule.ofDefaults();
    refused(
        () -> d.withInventorySyncInterval(Duration.ofSeconds(59)),
        "inventorySyncInterval must be at least one minute",
        "PT59S");
    refused(() -> d.withRecommendationsInterval(Duration.ZERO), "recommendationsInterval");
    refused(() -> d.withInventorySyncInterval(null), "inventorySyncInterval", "null");
    refused(() -> d.withCostRefreshTime(null), "costRefreshTime must not be null", "UTC");
    refused(() -> d.withMetricSyncTime(null), "metricSyncTime");
    refused(() -> d.withMonthClose(6, null), "monthCloseTime");
  }

  @Test
  void refusesACloseDaySomeMonthsLack() {
    Schedule d = Schedule.ofDefaults();
    refused(() -> d.withMonthClose(0, LocalTime.NOON), "monthCloseDay must be between 1 and 28");
    refused(() -> d.withMonthClose(29, LocalTime.NOON), "was 29");
    assertThat(d.withMonthClose(28, LocalTime.NOON).monthCloseDay()).isEqualTo(28);
  }

  @Test
  void dueWorkNamesAMonthExactlyForMonthClose() {
    AccountId id = AccountId.of("a");
    Instant at = Instant.parse("2026-11-06T02:00:00Z");
    refused(() -> new DueWork(id, WorkKind.MONTH_CLOSE, null, at, "r"), "month must be given");
    refused(
        () -> new DueWork(id, WorkKind.COST_REFRESH, YearMonth.of(2026, 10), at, "r"),
        "COST_REFRESH");
    DueWork close = new DueWork(id, WorkKind.MONTH_CLOSE, YearMonth.of(2026, 10), at, "r");
    assertThat(close.isDueAt(at)).isTrue();
    assertThat(close.isDueAt(at.minusSeconds(1))).isFalse();
  }
}
