package app.cloudey.model;

import java.time.Instant;
import java.util.List;

/**
 * The resources that cost most in a period, per currency. The drivers plus {@code others} add up to
 * the currency's total.
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
   * @param others {@code total} minus the drivers: smaller resources and lines without a resource
   */
  public record CurrencyDrivers(
      String currency, Money total, List<CostDriver> drivers, Money others) {
    public CurrencyDrivers {
      currency = Money.currency(currency).getCurrencyCode();
      Checks.notNull(total, "total");
      drivers = Checks.copy(drivers, "drivers");
      Checks.notNull(others, "others");
    }
  }
}
