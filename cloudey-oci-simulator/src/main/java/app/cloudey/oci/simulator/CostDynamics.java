package app.cloudey.oci.simulator;

/**
 * How a tenancy's costs move over time, beyond the resources the generator creates: weekly
 * seasonality, growth, daily noise, instances added every month and occasional cost spikes. The
 * default, {@link #NONE}, changes nothing: a tenancy generated without dynamics is byte for byte
 * the one generated before these options existed. Every choice is seeded by the simulator's seed
 * and drawn from streams of its own, so turning an option on never changes the draws of another.
 *
 * <p>Where each option acts:
 *
 * <ul>
 *   <li><b>Elastic usage</b> ({@code weekendLoad}, {@code growthPerMonth}, {@code dailyNoise}):
 *       about half of the instances that run around the clock (seeded per instance; never the
 *       golden instance 0, never office-hours instances), about half of the autonomous databases
 *       (auto-scaling ECPUs) and each region's network egress bill their quantity × the day's load
 *       factor {@code weekday × (1 + growthPerMonth)^(days since history start / 30.436875) × (1 +
 *       dailyNoise × u)}, with {@code weekday} = {@code weekendLoad} on Saturday and Sunday (UTC)
 *       and 1 otherwise, {@code u} uniform in [−1, 1) per day. {@link Truth#loadFactor} gives the
 *       factor of a day, {@link Truth#elasticResourceIds()} the resources. Metrics do not follow
 *       it.
 *   <li><b>New instances</b> ({@code newInstancesPerMonth}, a share of the builder's {@code
 *       instances}, at least one a month when above 0): each month of the history gets that many
 *       RUNNING {@code VM.Standard.E4.Flex} / {@code E5.Flex} prod instances with a boot volume,
 *       created at a seeded hour of day 2 or later, billed from that hour (so their first billed
 *       day is partial). {@link Truth#addedInstances()} lists them with their creation time.
 *   <li><b>Cost spikes</b> ({@code spikesPerMonth}, the expected number per month over the
 *       tenancy): on a seeded day an instance (on untiered SKUs, not the golden one) or an
 *       autonomous database that bills the whole day bills 5× to 20× its compute quantity (a
 *       runaway scale-out). Billing only: metrics do not follow it. {@link Truth#costSpikes()}
 *       gives day, resource, service and the extra amount.
 * </ul>
 *
 * <p>History length is the builder's {@code days} (up to 400); forecasting needs at least six
 * months, e.g. {@code days(240)}.
 *
 * @param weekendLoad elastic usage on Saturday and Sunday relative to a weekday, 0 (exclusive) to
 *     2; 1 = no weekly seasonality
 * @param growthPerMonth compound growth of elastic usage per month, −0.5 (exclusive) to 1; 0 = none
 * @param dailyNoise half-width of the uniform day-to-day variation of elastic usage, 0 to 0.5
 * @param newInstancesPerMonth instances added per month as a share of {@code instances}, 0 to 1
 * @param spikesPerMonth expected cost spikes per month over the tenancy, 0 to 31
 */
public record CostDynamics(
    double weekendLoad,
    double growthPerMonth,
    double dailyNoise,
    double newInstancesPerMonth,
    double spikesPerMonth) {

  /** No dynamics: the tenancy is generated exactly as without these options. */
  public static final CostDynamics NONE = new CostDynamics(1, 0, 0, 0, 0);

  public CostDynamics {
    require(
        weekendLoad > 0 && weekendLoad <= 2,
        "weekendLoad must be more than 0 and at most 2, was " + weekendLoad);
    require(
        growthPerMonth > -0.5 && growthPerMonth <= 1,
        "growthPerMonth must be more than -0.5 and at most 1, was " + growthPerMonth);
    require(dailyNoise >= 0 && dailyNoise <= 0.5, "dailyNoise must be 0-0.5, was " + dailyNoise);
    require(
        newInstancesPerMonth >= 0 && newInstancesPerMonth <= 1,
        "newInstancesPerMonth must be 0-1, was " + newInstancesPerMonth);
    require(
        spikesPerMonth >= 0 && spikesPerMonth <= 31,
        "spikesPerMonth must be 0-31, was " + spikesPerMonth);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** {@link #NONE}. */
  public static CostDynamics none() {
    return NONE;
  }

  /**
   * A tenancy that behaves like a business: elastic usage at 60 % on weekends, growing 2 % a month,
   * ±5 % from day to day; 2 % more instances every month; two cost spikes a month. Use with at
   * least six months of history ({@code days(240)}).
   */
  public static CostDynamics realistic() {
    return new CostDynamics(0.6, 0.02, 0.05, 0.02, 2);
  }

  public CostDynamics withWeekendLoad(double weekendLoad) {
    return new CostDynamics(
        weekendLoad, growthPerMonth, dailyNoise, newInstancesPerMonth, spikesPerMonth);
  }

  public CostDynamics withGrowthPerMonth(double growthPerMonth) {
    return new CostDynamics(
        weekendLoad, growthPerMonth, dailyNoise, newInstancesPerMonth, spikesPerMonth);
  }

  public CostDynamics withDailyNoise(double dailyNoise) {
    return new CostDynamics(
        weekendLoad, growthPerMonth, dailyNoise, newInstancesPerMonth, spikesPerMonth);
  }

  public CostDynamics withNewInstancesPerMonth(double newInstancesPerMonth) {
    return new CostDynamics(
        weekendLoad, growthPerMonth, dailyNoise, newInstancesPerMonth, spikesPerMonth);
  }

  public CostDynamics withSpikesPerMonth(double spikesPerMonth) {
    return new CostDynamics(
        weekendLoad, growthPerMonth, dailyNoise, newInstancesPerMonth, spikesPerMonth);
  }

  /** Whether any option is on; {@code false} for {@link #NONE}. */
  public boolean active() {
    return elastic() || newInstancesPerMonth > 0 || spikesPerMonth > 0;
  }

  /** Whether elastic usage varies at all (weekend load, growth or noise set). */
  public boolean elastic() {
    return weekendLoad != 1 || growthPerMonth != 0 || dailyNoise != 0;
  }
}
