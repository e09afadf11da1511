package app.cloudey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.DueWork;
import app.cloudey.Schedule;
import app.cloudey.WorkKind;
import app.cloudey.model.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The schedule rules on plain values; defaults: 6 h inventory, 03:00 costs, 04:00 metrics. */
class WorkPlannerTest {
  private static final AccountId ID = AccountId.of("acme");
  private static final Schedule SCHEDULE = Schedule.ofDefaults();
  private static final Instant CREATED = Instant.parse("2026-09-15T08:00:00Z");
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  @Test
  void workNeverDoneIsDueSinceTheAccountWasAddedAndMetricsWaitForAnInventory() {
    Instant now = Instant.parse("2026-11-10T12:00:00Z");

    List<DueWork> plan = plan(facts(now, null, null, null, null, List.of()));

    assertThat(plan)
        .extracting(DueWork::kind)
        .containsExactly(
            WorkKind.INVENTORY_SYNC,
            WorkKind.COST_REFRESH,
            WorkKind.MONTH_CLOSE,
            WorkKind.RECOMMENDATIONS);
    assertThat(plan.get(0).dueAt()).isEqualTo(CREATED);
    assertThat(plan.get(0).reason()).isEqualTo("never ran");
    // no month to close: the current month's close, next month
    assertThat(plan.get(2).month()).isEqualTo(YearMonth.of(2026, 11));
    assertThat(plan.get(2).dueAt()).isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
  }

  @Test
  void nothingIsDueRightAfterEveryKindRan() {
    Instant now = Instant.parse("2026-11-10T12:00:00Z");
    Instant justNow = now.minusSeconds(1);

    List<DueWork> plan = plan(facts(now, justNow, justNow, justNow, justNow, List.of()));

    assertThat(plan).noneMatch(w -> w.isDueAt(now));
    assertThat(plan)
        .extracting(DueWork::kind, DueWork::dueAt)
        .containsExactly(
            tuple(WorkKind.INVENTORY_SYNC, "2026-11-10T17:59:59Z"),
            tuple(WorkKind.COST_REFRESH, "2026-11-11T03:00:00Z"),
            tuple(WorkKind.MONTH_CLOSE, "2026-12-06T02:00:00Z"),
            tuple(WorkKind.METRIC_SYNC, "2026-11-11T04:00:00Z"),
            tuple(WorkKind.RECOMMENDATIONS, "2026-11-11T11:59:59Z"));
  }

  @Test
  void aDailyRunIsDueFromItsTimeOfDayNotBefore() {
    Instant ranYesterday = Instant.parse("2026-11-10T03:00:05Z");

    DueWork before = costRefresh(Instant.parse("2026-11-11T02:59:59Z"), ranYesterday);
    DueWork at = costRefresh(Instant.parse("2026-11-11T03:00:00Z"), ranYesterday);

    assertThat(before.isDueAt(Instant.parse("2026-11-11T02:59:59Z"))).isFalse();
    assertThat(before.dueAt()).isEqualTo(Instant.parse("2026-11-11T03:00:00Z"));
    assertThat(at.isDueAt(Instant.parse("2026-11-11T03:00:00Z"))).isTrue();
    assertThat(at.reason()).contains("before the 03:00 UTC run of 2026-11-11");
  }

  @Test
  void aDailyRunMissedForDaysIsDueOnceSinceItsLatestTime() {
    // ran on the 7th; at 01:00 on the 11th the latest 03:00 slot passed is the 10th's
    DueWork work =
        costRefresh(Instant.parse("2026-11-11T01:00:00Z"), Instant.parse("2026-11-07T03:10:00Z"));

    assertThat(work.dueAt()).isEqualTo(Instant.parse("2026-11-10T03:00:00Z"));
  }

  @Test
  void aRunAfterMidnightButBeforeTheTimeOfDayDoesNotCountForThatDay() {
    // a manual refresh at 01:00 is older than that day's 03:00 run
    DueWork work =
        costRefresh(Instant.parse("2026-11-11T09:00:00Z"), Instant.parse("2026-11-11T01:00:00Z"));

    assertThat(work.dueAt()).isEqualTo(Instant.parse("2026-11-11T03:00:00Z"));
  }

  @Test
  void inventoryIsDueAnIntervalAfterTheLastSyncEnded() {
    Instant ended = Instant.parse("2026-11-10T10:00:00Z");

    DueWork work =
        plan(facts(Instant.parse("2026-11-10T15:59:59Z"), ended, null, null, null, List.of()))
            .get(0);

    assertThat(work.kind()).isEqualTo(WorkKind.INVENTORY_SYNC);
    assertThat(work.dueAt()).isEqualTo(Instant.parse("2026-11-10T16:00:00Z"));
    assertThat(work.reason()).contains("every PT6H");
  }

  @Test
  void aMonthClosesOnlyAfterItsSettlingDaysOnTheCloseDayAtTheCloseTime() {
    Instant dayBefore = Instant.parse("2026-11-05T23:59:59Z");
    Instant minuteBefore = Instant.parse("2026-11-06T01:59:59Z");
    Instant closeTime = Instant.parse("2026-11-06T02:00:00Z");

    assertThat(close(dayBefore, 5).isDueAt(dayBefore)).isFalse();
    assertThat(close(minuteBefore, 5).isDueAt(minuteBefore)).isFalse();
    DueWork due = close(closeTime, 5);
    assertThat(due.isDueAt(closeTime)).isTrue();
    assertThat(due.month()).isEqualTo(OCTOBER);
    assertThat(due.dueAt()).isEqualTo(closeTime);
  }

  @Test
  void aCloseDayInsideTheSettlingPeriodWaitsForItsEnd() {
    Schedule onTheSecond = SCHEDULE.withMonthClose(2, LocalTime.of(2, 0));
    Schedule onTheTenth = SCHEDULE.withMonthClose(10, LocalTime.of(2, 0));

    assertThat(WorkPlanner.closeAt(OCTOBER, onTheSecond, 5))
        .isEqualTo(Instant.parse("2026-11-06T02:00:00Z"));
    assertThat(WorkPlanner.closeAt(OCTOBER, onTheTenth, 5))
        .isEqualTo(Instant.parse("2026-11-10T02:00:00Z"));
    assertThat(WorkPlanner.closeAt(OCTOBER, SCHEDULE.withMonthClose(1, LocalTime.MIDNIGHT), 0))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void everyUnclosedMonthPastItsCloseTimeIsDueOldestFirst() {
    Instant now = Instant.parse("2026-11-20T12:00:00Z");

    List<DueWork> closes =
        plan(facts(now, null, null, null, null, List.of(YearMonth.of(2026, 9), OCTOBER))).stream()
            .filter(w -> w.kind() == WorkKind.MONTH_CLOSE)
            .toList();

    assertThat(closes).extracting(DueWork::month).containsExactly(YearMonth.of(2026, 9), OCTOBER);
    assertThat(closes).allMatch(w -> w.isDueAt(now));
  }

  @Test
  void closeCandidatesAreTheLastTwoMonthsFromTheOneBeforeRegistration() {
    Instant now = Instant.parse("2026-12-07T00:00:00Z");

    assertThat(WorkPlanner.closeCandidates(now, Instant.parse("2026-01-01T00:00:00Z")))
        .containsExactly(OCTOBER, YearMonth.of(2026, 11));
    // registered in November: its first refresh reaches October, never September
    assertThat(
            WorkPlanner.closeCandidates(
                Instant.parse("2026-11-20T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z")))
        .containsExactly(OCTOBER);
    assertThat(WorkPlanner.closeCandidates(now, Instant.parse("2026-12-01T00:00:00Z")))
        .containsExactly(YearMonth.of(2026, 11));
  }

  @Test
  void workNeverDoneIsNotDueBeforeAnAccountCreatedAheadOfTheClock() {
    Instant now = Instant.parse("2026-11-10T12:00:00Z");
    WorkPlanner.Facts facts =
        new WorkPlanner.Facts(
            now, now.plus(Duration.ofMinutes(5)), null, null, null, null, List.of(), 5);

    assertThat(WorkPlanner.plan(ID, SCHEDULE, facts).get(0).dueAt()).isEqualTo(now);
  }

  private static DueWork costRefresh(Instant now, Instant lastIngest) {
    return plan(facts(now, now, lastIngest, now, now, List.of())).get(1);
  }

  private static DueWork close(Instant now, int settlingDays) {
    WorkPlanner.Facts facts =
        new WorkPlanner.Facts(now, CREATED, now, now, now, now, List.of(OCTOBER), settlingDays);
    return WorkPlanner.plan(ID, SCHEDULE, facts).get(2);
  }

  private static List<DueWork> plan(WorkPlanner.Facts facts) {
    return WorkPlanner.plan(ID, SCHEDULE, facts);
  }

  private static WorkPlanner.Facts facts(
      Instant now,
      @Nullable Instant inventory,
      @Nullable Instant costs,
      @Nullable Instant metrics,
      @Nullable Instant recommendations,
      List<YearMonth> unclosed) {
    return new WorkPlanner.Facts(
        now, CREATED, inventory, costs, metrics, recommendations, unclosed, 5);
  }

  private static org.assertj.core.groups.Tuple tuple(WorkKind kind, String at) {
    return org.assertj.core.groups.Tuple.tuple(kind, Instant.parse(at));
  }
}
