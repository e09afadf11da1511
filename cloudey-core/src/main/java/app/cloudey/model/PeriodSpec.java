package app.cloudey.model;

import java.time.Clock;

/**
 * A period as the facade takes it: either fixed ({@link Period}) or relative to today ({@link
 * RelativePeriod}, e.g. {@code Period.lastMonths(3)}), which Cloudey resolves on its own clock, so
 * a test that moves the clock moves "the last three months" with it.
 */
public sealed interface PeriodSpec permits Period, RelativePeriod {

  /** The fixed period this stands for on {@code clock}'s today. */
  Period resolve(Clock clock);
}
