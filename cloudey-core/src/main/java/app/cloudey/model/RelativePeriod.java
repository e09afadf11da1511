package app.cloudey.model;

import java.time.Clock;

/**
 * A period relative to today, resolved on Cloudey's clock when a facade method runs. Made by {@link
 * Period#lastMonths(int)}, {@link Period#lastDays(int)} and {@link Period#monthToDate()}.
 *
 * @param unit what {@code count} counts
 * @param count how many units back from today (0 for the current month to date)
 */
public record RelativePeriod(Unit unit, int count) implements PeriodSpec {

  /** What a relative period counts. */
  public enum Unit {
    /** {@code count} complete months before today's month plus the current month to date. */
    MONTHS,
    /** {@code count} whole days before today. */
    DAYS
  }

  public RelativePeriod {
    Checks.notNull(unit, "unit");
    Checks.require(
        unit == Unit.MONTHS ? count >= 0 : count >= 1,
        (unit == Unit.MONTHS ? "months must not be negative" : "days must be at least 1")
            + ", was "
            + count);
  }

  @Override
  public Period resolve(Clock clock) {
    return unit == Unit.MONTHS ? Period.lastMonths(count, clock) : Period.lastDays(count, clock);
  }
}
