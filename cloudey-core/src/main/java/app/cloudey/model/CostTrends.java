package app.cloudey.model;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Month over month by one dimension, per billing currency: the last complete calendar months (the
 * current month is partial and left out), every value's cost per month, and the largest movers of
 * the newest month against the one before.
 *
 * @param dimension what the rows are (service, compartment, resource, region or SKU)
 * @param months the months, oldest first: every {@code months} list has one amount per month
 * @param currencies one entry per currency with costs in those months, by currency code
 * @param computedAt when it was computed (Cloudey's clock)
 */
public record CostTrends(
    CostDimension dimension,
    List<YearMonth> months,
    List<CostTrends.CurrencyTrends> currencies,
    Instant computedAt) {
  /** Movers listed each way. */
  public static final int MOVERS = 5;

  public CostTrends {
    Checks.notNull(dimension, "dimension");
    months = Checks.copy(months, "months");
    currencies = Checks.copy(currencies, "currencies");
    Checks.notNull(computedAt, "computedAt");
  }

  /**
   * The trends in one currency.
   *
   * @param currency ISO 4217 code
   * @param totals the currency's total per month
   * @param change the newest month's total against the one before
   * @param rows every value of the dimension, newest month descending (then key)
   * @param risers the up to {@value CostTrends#MOVERS} rows that grew most in money, largest first
   * @param fallers the up to {@value CostTrends#MOVERS} rows that shrank most in money, largest
   *     drop first
   */
  public record CurrencyTrends(
      String currency,
      List<Money> totals,
      Change change,
      List<TrendRow> rows,
      List<TrendRow> risers,
      List<TrendRow> fallers) {
    public CurrencyTrends {
      currency = Money.currency(currency).getCurrencyCode();
      totals = Checks.copy(totals, "totals");
      Checks.notNull(change, "change");
      rows = Checks.copy(rows, "rows");
      risers = Checks.copy(risers, "risers");
      fallers = Checks.copy(fallers, "fallers");
    }
  }

  /**
   * One value of the dimension month by month.
   *
   * @param key the value as a cost row key carries it (a compartment or resource id, a service)
   * @param name what to show: a compartment's path, a resource's name, else the key
   * @param months its cost per month
   * @param delta newest month minus the one before
   * @param change newest month against the one before, in percent
   */
  public record TrendRow(String key, String name, List<Money> months, Money delta, Change change) {
    public TrendRow {
      Checks.notNull(key, "key");
      Checks.notBlank(name, "name");
      months = Checks.copy(months, "months");
      Checks.notNull(delta, "delta");
      Checks.notNull(change, "change");
    }
  }
}
