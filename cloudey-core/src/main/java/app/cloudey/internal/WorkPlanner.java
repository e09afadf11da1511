package app.cloudey.internal;

import app.cloudey.DueWork;
import app.cloudey.Schedule;
import app.cloudey.WorkKind;
import app.cloudey.model.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The schedule as a pure function: from what an account's stored data says was last done (its
 * {@link Facts}) and a {@link Schedule}, the next occurrence of every kind of work. Nothing here
 * reads a clock or a store, so every rule is testable with plain values.
 */
public final class WorkPlanner {
  private WorkPlanner() {}

  /**
   * What the account's data says, read at {@code now}.
   *
   * @param now Cloudey's clock
   * @param accountCreatedAt registration of the account: work never done is due since then
   * @param lastInventorySync end of the last inventory sync that finished without a run-level error
   *     (failed scopes count as done: they are retried at the next interval, not in a loop)
   * @param lastCostIngest the last time cost lines were written (any refresh or close)
   * @param lastMetricSync end of the last successful metric sync run by {@code Schedules#run}
   * @param lastRecommendations end of the last successful recommendation run by {@code
   *     Schedules#run}
   * @param unclosedMonths past months that may close (not CLOSED), oldest first
   * @param settlingDays days after a month's end before it may close
   */
  public record Facts(
      Instant now,
      Instant accountCreatedAt,
      @Nullable Instant lastInventorySync,
      @Nullable Instant lastCostIngest,
      @Nullable Instant lastMetricSync,
      @Nullable Instant lastRecommendations,
      List<YearMonth> unclosedMonths,
      int settlingDays) {}

  /** How many past months are looked at for a close (a scheduler down for a month still closes). */
  public static final int CLOSE_LOOKBACK_MONTHS = 2;

  /**
   * The past months a close may be due for: the last {@link #CLOSE_LOOKBACK_MONTHS}, but none
   * before the month preceding the account's registration (its first refresh reaches that far).
   */
  public static List<YearMonth> closeCandidates(Instant now, Instant accountCreatedAt) {
    YearMonth current = YearMonth.from(LocalDate.ofInstant(now, ZoneOffset.UTC));
    YearMonth first =
        YearMonth.from(LocalDate.ofInstant(accountCreatedAt, ZoneOffset.UTC)).minusMonths(1);
    List<YearMonth> months = new ArrayList<>();
    for (int back = CLOSE_LOOKBACK_MONTHS; back >= 1; back--) {
      YearMonth month = current.minusMonths(back);
      if (!month.isBefore(first)) {
        months.add(month);
      }
    }
    return months;
  }

  /**
   * The next occurrence of every kind, in {@link WorkKind} order (month closes oldest first): due
   * when {@link DueWork#dueAt()} is not after {@code facts.now()}. {@link WorkKind#METRIC_SYNC} is
   * left out until an inventory sync has finished, since metrics are fetched per synced resource.
   */
  public static List<DueWork> plan(AccountId id, Schedule schedule, Facts facts) {
    List<DueWork> plan = new ArrayList<>();
    Instant now = facts.now();
    Instant never = facts.accountCreatedAt().isAfter(now) ? now : facts.accountCreatedAt();
    plan.add(
        interval(
            id,
            WorkKind.INVENTORY_SYNC,
            facts.lastInventorySync(),
            schedule.inventorySyncInterval(),
            never));
    plan.add(
        daily(
            id,
            WorkKind.COST_REFRESH,
            facts.lastCostIngest(),
            schedule.costRefreshTime(),
            now,
            never));
    plan.addAll(monthCloses(id, schedule, facts));
    if (facts.lastInventorySync() != null) {
      plan.add(
          daily(
              id,
              WorkKind.METRIC_SYNC,
              facts.lastMetricSync(),
              schedule.metricSyncTime(),
              now,
              never));
    }
    plan.add(
        interval(
            id,
            WorkKind.RECOMMENDATIONS,
            facts.lastRecommendations(),
            schedule.recommendationsInterval(),
            never));
    return List.copyOf(plan);
  }

  private static DueWork interval(
      AccountId id, WorkKind kind, @Nullable Instant last, Duration every, Instant never) {
    if (last == null) {
      return new DueWork(id, kind, null, never, "never ran");
    }
    return new DueWork(
        id, kind, null, last.plus(every), "every " + every + " after the last run, " + last);
  }

  private static DueWork daily(
      AccountId id,
      WorkKind kind,
      @Nullable Instant last,
      LocalTime time,
      Instant now,
      Instant never) {
    if (last == null) {
      return new DueWork(id, kind, null, never, "never ran");
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant slot = at(today, time);
    if (slot.isAfter(now)) {
      slot = at(today.minusDays(1), time);
    }
    if (last.isBefore(slot)) {
      return new DueWork(
          id,
          kind,
          null,
          slot,
          "last ran " + last + ", before the " + time + " UTC run of " + day(slot));
    }
    Instant next = at(day(slot).plusDays(1), time);
    return new DueWork(id, kind, null, next, "ran " + last + "; daily at " + time + " UTC");
  }

  private static List<DueWork> monthCloses(AccountId id, Schedule schedule, Facts facts) {
    List<DueWork> due = new ArrayList<>();
    DueWork upcoming = null;
    for (YearMonth month : facts.unclosedMonths()) {
      Instant closeAt = closeAt(month, schedule, facts.settlingDays());
      DueWork work =
          new DueWork(
              id,
              WorkKind.MONTH_CLOSE,
              month,
              closeAt,
              month
                  + " closes at "
                  + closeAt
                  + " (day "
                  + schedule.monthCloseDay()
                  + ", after "
                  + facts.settlingDays()
                  + " settling days)");
      if (work.isDueAt(facts.now())) {
        due.add(work);
      } else if (upcoming == null) {
        upcoming = work;
      }
    }
    if (!due.isEmpty()) {
      return due;
    }
    if (upcoming == null) {
      // every past month is closed: the next close is the current month's, next month
      YearMonth current = YearMonth.from(LocalDate.ofInstant(facts.now(), ZoneOffset.UTC));
      Instant closeAt = closeAt(current, schedule, facts.settlingDays());
      upcoming =
          new DueWork(
              id,
              WorkKind.MONTH_CLOSE,
              current,
              closeAt,
              "earlier months are closed; " + current + " closes at " + closeAt);
    }
    return List.of(upcoming);
  }

  /** The close day at the close time, moved later while the month is still settling. */
  static Instant closeAt(YearMonth month, Schedule schedule, int settlingDays) {
    int daysAfterEnd = Math.max(schedule.monthCloseDay() - 1, settlingDays);
    return at(month.plusMonths(1).atDay(1).plusDays(daysAfterEnd), schedule.monthCloseTime());
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).toInstant(ZoneOffset.UTC);
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
