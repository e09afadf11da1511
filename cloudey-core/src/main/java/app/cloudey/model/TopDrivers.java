package app.cloudey.model;

import java.time.Instant;
import java.util.List;

/**
 * The resources that cost most in a period, per currency. The drivers plus {@code others} plus
 * {@code credits} add up to the currency's total to the cent; what the drivers leave out is split
 * by sign as in {@link LabeledCost} (each resource that is not a driver by its net cost, each group
 * of lines without a resource by service and compartment), so {@code others} is never negative and
 * credits or refunds outside the drivers show as {@code credits}.
 *
 * @param period the days covered
 * @param currencies one entry per billing currency with costs in the period, by currency code
 * @param computedAt when it was computed (Cloudey's clock)
 */
public record TopDrivers(
    Period period, List<TopDrivers.CurrencyDrivers> currencies, Instant computedAt) {
  /** Drivers a view lists. */
  public static final int DEFAULT_LIMIT = 10;

  public TopDrivers {
    Checks.notNull(period, "period");
    currencies = Checks.copy(currencies, "currencies");
    Checks.notNull(computedAt, "computedAt");
  }

  /**
   * The top drivers of one currency.
   *
   * @param currency ISO 4217 code
   * @param total every line of the period in this currency
   * @param drivers the most expensive resources, cost descending (then id)
   * @param others what the drivers leave out that is zero or positive: smaller resources and lines
   *     without a resource; never negative (zero when nothing is left out)
   * @param credits what the drivers leave out that is negative (credits, refunds): zero when none
   */
  public record CurrencyDrivers(
      String currency, Money total, List<CostDriver> drivers, Money others, Money credits) {
    public CurrencyDrivers {
      currency = Money.currency(currency).getCurrencyCode();
      Checks.notNull(total, "total");
      drivers = Checks.copy(drivers, "drivers");
      Checks.notNull(others, "others");
      Checks.notNull(credits, "credits");
    }

    /** Drivers without credits left out: {@code credits} is zero. */
    public CurrencyDrivers(String currency, Money total, List<CostDriver> drivers, Money others) {
      this(
          currency,
          total,
          drivers,
          others,
          Money.zero(Checks.notNull(others, "others").currency()));
    }
  }
}
