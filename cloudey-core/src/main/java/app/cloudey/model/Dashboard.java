package app.cloudey.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The account's cost dashboard on one day: per billing currency, the month to date against the same
 * days of last month, the last three complete months, the forecast to month end and the top
 * services and compartments; the stored inventory's counts; the recommendations summary. Every
 * figure comes from the store (never a live call) on Cloudey's clock, with UTC month boundaries.
 *
 * @param asOf today on Cloudey's clock (UTC)
 * @param currencies one entry per currency with costs in the last three complete months or this
 *     month, by currency code; amounts are never summed across currencies
 * @param inventory counts of the stored inventory
 * @param recommendations the saved recommendations' summary (empty before any advisor run)
 * @param computedAt when it was computed (Cloudey's clock)
 */
public record Dashboard(
    LocalDate asOf,
    List<Dashboard.CurrencyDashboard> currencies,
    InventorySummary inventory,
    RecommendationSummary recommendations,
    Instant computedAt) {
  /**
   * Rows of the top services and top compartments lists, before their "(others)" and "(credits)"
   * rows.
   */
  public static final int TOP = 5;

  public Dashboard {
    Checks.notNull(asOf, "asOf");
    currencies = Checks.copy(currencies, "currencies");
    Checks.notNull(inventory, "inventory");
    Checks.notNull(recommendations, "recommendations");
    Checks.notNull(computedAt, "computedAt");
  }

  /**
   * The dashboard's cost figures in one currency.
   *
   * @param currency ISO 4217 code
   * @param monthToDate this month so far against the same days of last month (an empty state with
   *     no comparison before this month's first billed day)
   * @param completeMonths the three calendar months before this one, oldest first (zero for a month
   *     without lines, e.g. before the account's first cost)
   * @param completeMonthsChange the newest complete month against the mean of the two before it
   * @param forecast this month's total forecast, with its low–high range
   * @param topServices the month to date by service: the top {@value Dashboard#TOP}, then what they
   *     leave out as {@link LabeledCost} says ("(others)", and "(credits)" when negative rows were
   *     left out); empty before this month's first billed day
   * @param topCompartments the month to date by compartment (exact compartment, named by its path):
   *     the top {@value Dashboard#TOP}, then "(others)" and "(credits)" likewise
   */
  public record CurrencyDashboard(
      String currency,
      MonthToDate monthToDate,
      List<MonthTotal> completeMonths,
      Change completeMonthsChange,
      Forecast forecast,
      List<LabeledCost> topServices,
      List<LabeledCost> topCompartments) {
    public CurrencyDashboard {
      currency = Money.currency(currency).getCurrencyCode();
      Checks.notNull(monthToDate, "monthToDate");
      completeMonths = Checks.copy(completeMonths, "completeMonths");
      Checks.notNull(completeMonthsChange, "completeMonthsChange");
      Checks.notNull(forecast, "forecast");
      topServices = Checks.copy(topServices, "topServices");
      topCompartments = Checks.copy(topCompartments, "topCompartments");
    }
  }

  /**
   * This month so far against the same days of last month. "So far" ends on this month's latest
   * day, today at most, that has a cost line in any currency of the account: the Usage API reports
   * a day late, and comparing with days not billed yet would read as a drop. The same days of last
   * month run from its first day to the same day number (or its last day when it is shorter).
   *
   * <p><b>Before this month's first billed day</b> (typically the first day or two of a month)
   * there is nothing to compare yet: {@code period}, {@code lastMonthPeriod} and {@code change} are
   * null and both costs are zero ({@link #notBilledYet}). It never reads as a −100 % drop. Once a
   * day of the month is billed in any currency, a currency without lines this month has a month to
   * date of zero against its own same days of last month (a real drop).
   *
   * <p>JSON: the null fields are written as {@code null} ({@code "change": null} means "no data
   * yet").
   *
   * @param period this month's days so far: from the first to the latest day with a cost line; null
   *     before this month's first billed day
   * @param cost their cost; zero before the first billed day
   * @param lastMonthPeriod the same days of last month; null before this month's first billed day
   * @param lastMonthCost their cost; zero before this month's first billed day
   * @param change {@code cost} against {@code lastMonthCost}; null before this month's first billed
   *     day (no comparison yet, so no trend)
   */
  public record MonthToDate(
      @Nullable Period period,
      Money cost,
      @Nullable Period lastMonthPeriod,
      Money lastMonthCost,
      @Nullable Change change) {
    public MonthToDate {
      Checks.notNull(cost, "cost");
      Checks.notNull(lastMonthCost, "lastMonthCost");
      cost.minus(lastMonthCost); // refuses two currencies
      boolean billed = period != null;
      Checks.require(
          (lastMonthPeriod != null) == billed && (change != null) == billed,
          "period, lastMonthPeriod and change are all set (a billed day this month) or all null"
              + " (none yet)");
      Checks.require(
          billed || (cost.isZero() && lastMonthCost.isZero()),
          "before this month's first billed day (null period) both costs must be zero, were "
              + cost
              + " and "
              + lastMonthCost);
    }

    /**
     * The month to date before this month's first billed day: no periods, zero costs, no change.
     *
     * @param currency ISO 4217 code
     */
    public static MonthToDate notBilledYet(String currency) {
      Money zero = Money.zero(Money.currency(currency));
      return new MonthToDate(null, zero, null, zero, null);
    }

    /**
     * True once this month has a billed day (then {@code period}, {@code lastMonthPeriod} and
     * {@code change} are set). Not a JSON property: {@code period} or {@code change} being null
     * says the same.
     */
    public boolean hasBilledDays() {
      return period != null;
    }
  }
}
