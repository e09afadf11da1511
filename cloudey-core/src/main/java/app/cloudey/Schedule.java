package app.cloudey;

import java.time.Duration;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * When each kind of background work should run for an account. Times of day are UTC. {@link
 * Schedules} compares it with what the account's own stored data says was last done, so any
 * scheduler (the db-scheduler one in {@code cloudey-scheduler}, or your own) can drive it.
 *
 * <pre>{@code
 * Schedule schedule = Schedule.ofDefaults().withInventorySyncInterval(Duration.ofHours(2));
 * for (DueWork work : cloudey.schedules().due(accountId, schedule)) {
 *   cloudey.schedules().run(work);
 * }
 * }</pre>
 *
 * @param inventorySyncInterval time from the end of the last inventory sync to the next; at least
 *     one minute
 * @param costRefreshTime daily cost refresh (current month, and the previous one while it settles)
 * @param metricSyncTime daily metric sync over the builder's look-back window
 * @param monthCloseDay day of the month (1 to 28) on which the previous month closes; never before
 *     Cloudey's settling period has passed ({@code Cloudey.Builder#settlingPeriod}), so with the
 *     default 5 days a day before the 6th means the 6th
 * @param monthCloseTime time of day of the month close
 * @param recommendationsInterval time from the end of the last recommendation run to the next; at
 *     least one minute
 */
public record Schedule(
    Duration inventorySyncInterval,
    LocalTime costRefreshTime,
    LocalTime metricSyncTime,
    int monthCloseDay,
    LocalTime monthCloseTime,
    Duration recommendationsInterval) {

  public static final Duration DEFAULT_INVENTORY_SYNC_INTERVAL = Duration.ofHours(6);
  public static final LocalTime DEFAULT_COST_REFRESH_TIME = LocalTime.of(3, 0);
  public static final LocalTime DEFAULT_METRIC_SYNC_TIME = LocalTime.of(4, 0);

  /** The first day after {@code Cloudey.Builder.DEFAULT_SETTLING_PERIOD} (5 days). */
  public static final int DEFAULT_MONTH_CLOSE_DAY = 6;

  public static final LocalTime DEFAULT_MONTH_CLOSE_TIME = LocalTime.of(2, 0);
  public static final Duration DEFAULT_RECOMMENDATIONS_INTERVAL = Duration.ofHours(24);

  /** Intervals below this would keep an account's lock (and the provider) permanently busy. */
  public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  public Schedule {
    interval(inventorySyncInterval, "inventorySyncInterval");
    time(costRefreshTime, "costRefreshTime");
    time(metricSyncTime, "metricSyncTime");
    if (monthCloseDay < 1 || monthCloseDay > 28) {
      throw new CloudeyConfigException(
          "monthCloseDay must be between 1 and 28 (a day every month has), was " + monthCloseDay);
    }
    time(monthCloseTime, "monthCloseTime");
    interval(recommendationsInterval, "recommendationsInterval");
  }

  /**
   * DESIGN §4: inventory every 6 hours, costs daily at 03:00, metrics daily at 04:00, month close
   * on the 6th at 02:00, recommendations every 24 hours (all UTC).
   */
  public static Schedule ofDefaults() {
    return new Schedule(
        DEFAULT_INVENTORY_SYNC_INTERVAL,
        DEFAULT_COST_REFRESH_TIME,
        DEFAULT_METRIC_SYNC_TIME,
        DEFAULT_MONTH_CLOSE_DAY,
        DEFAULT_MONTH_CLOSE_TIME,
        DEFAULT_RECOMMENDATIONS_INTERVAL);
  }

  public Schedule withInventorySyncInterval(Duration interval) {
    return new Schedule(
        interval,
        costRefreshTime,
        metricSyncTime,
        monthCloseDay,
        monthCloseTime,
        recommendationsInterval);
  }

  public Schedule withCostRefreshTime(LocalTime utc) {
    return new Schedule(
        inventorySyncInterval,
        utc,
        metricSyncTime,
        monthCloseDay,
        monthCloseTime,
        recommendationsInterval);
  }

  public Schedule withMetricSyncTime(LocalTime utc) {
    return new Schedule(
        inventorySyncInterval,
        costRefreshTime,
        utc,
        monthCloseDay,
        monthCloseTime,
        recommendationsInterval);
  }

  public Schedule withMonthClose(int day, LocalTime utc) {
    return new Schedule(
        inventorySyncInterval, costRefreshTime, metricSyncTime, day, utc, recommendationsInterval);
  }

  public Schedule withRecommendationsInterval(Duration interval) {
    return new Schedule(
        inventorySyncInterval,
        costRefreshTime,
        metricSyncTime,
        monthCloseDay,
        monthCloseTime,
        interval);
  }

  private static void interval(@Nullable Duration value, String field) {
    if (value == null || value.compareTo(MIN_INTERVAL) < 0) {
      throw new CloudeyConfigException(
          field + " must be at least one minute (e.g. Duration.ofHours(6)), was " + value);
    }
  }

  private static void time(@Nullable LocalTime value, String field) {
    if (value == null) {
      throw new CloudeyConfigException(
          field + " must not be null: give a UTC time of day, e.g. LocalTime.of(3, 0)");
    }
  }
}
