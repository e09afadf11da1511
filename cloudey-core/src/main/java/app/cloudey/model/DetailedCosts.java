package app.cloudey.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The three previous complete calendar months, per billing currency, broken down compartment →
 * service → resource, with a month column each, the change of the newest month against the one
 * before, and shares of the newest month; plus each service's top resources and the newest month's
 * top cost drivers. Names come from the stored inventory; compartments are the exact compartments
 * of the cost lines (a nested compartment is its own row, named by its path).
 *
 * @param months the three months, oldest first: every {@code months} list below has one amount per
 *     month in this order
 * @param currencies one entry per currency with costs in those months, by currency code
 * @param computedAt when it was computed (Cloudey's clock)
 */
public record DetailedCosts(
    List<YearMonth> months, List<DetailedCosts.CurrencyDetail> currencies, Instant computedAt) {
  /** Resources listed per service in {@link CurrencyDetail#services()}. */
  public static final int TOP_RESOURCES = 10;

  public DetailedCosts {
    months = Checks.copy(months, "months");
    currencies = Checks.copy(currencies, "currencies");
    Checks.notNull(computedAt, "computedAt");
  }

  /**
   * The detailed costs in one currency.
   *
   * @param currency ISO 4217 code
   * @param totals the currency's total per month
   * @param change the newest month's total against the one before
   * @param compartments every compartment with costs, newest month descending; each with its
   *     services and their resources
   * @param services every service over all compartments, newest month descending, each with its top
   *     {@value DetailedCosts#TOP_RESOURCES} resources by the three months' total
   * @param topDrivers the newest month's {@value TopDrivers#DEFAULT_LIMIT} most expensive resources
   */
  public record CurrencyDetail(
      String currency,
      List<Money> totals,
      Change change,
      List<CompartmentCosts> compartments,
      List<ServiceCosts> services,
      List<CostDriver> topDrivers) {
    public CurrencyDetail {
      currency = Money.currency(currency).getCurrencyCode();
      totals = Checks.copy(totals, "totals");
      Checks.notNull(change, "change");
      compartments = Checks.copy(compartments, "compartments");
      services = Checks.copy(services, "services");
      topDrivers = Checks.copy(topDrivers, "topDrivers");
    }
  }

  /**
   * One compartment's costs.
   *
   * @param compartment the compartment, named from the stored tree
   * @param months its cost per month
   * @param change newest month against the one before
   * @param sharePercent its share of the currency's newest-month total, one decimal
   * @param services its services, newest month descending, each with all its resources here
   */
  public record CompartmentCosts(
      CompartmentLabel compartment,
      List<Money> months,
      Change change,
      BigDecimal sharePercent,
      List<ServiceCosts> services) {
    public CompartmentCosts {
      Checks.notNull(compartment, "compartment");
      months = Checks.copy(months, "months");
      Checks.notNull(change, "change");
      Checks.notNull(sharePercent, "sharePercent");
      services = Checks.copy(services, "services");
    }
  }

  /**
   * One service's costs (within a compartment, or over all of them).
   *
   * @param service the service name as billed
   * @param months its cost per month
   * @param change newest month against the one before
   * @param sharePercent its share of the newest month of what holds it (the compartment, or the
   *     currency's total), one decimal
   * @param resources its resources (within a compartment: all, newest month descending; in the
   *     summary: the top {@value DetailedCosts#TOP_RESOURCES} by the three months' total)
   */
  public record ServiceCosts(
      String service,
      List<Money> months,
      Change change,
      BigDecimal sharePercent,
      List<ResourceCosts> resources) {
    public ServiceCosts {
      Checks.notBlank(service, "service");
      months = Checks.copy(months, "months");
      Checks.notNull(change, "change");
      Checks.notNull(sharePercent, "sharePercent");
      resources = Checks.copy(resources, "resources");
    }
  }

  /**
   * One resource's costs under a service (lines without a resource form one row, {@code (no
   * resource)}).
   *
   * @param resource the resource, named from the stored inventory
   * @param compartment the compartment its lines are in (the one with most of its cost)
   * @param months its cost per month
   * @param total the three months' sum
   * @param change newest month against the one before
   * @param sharePercent its share of the service's newest month, one decimal
   */
  public record ResourceCosts(
      ResourceLabel resource,
      CompartmentLabel compartment,
      List<Money> months,
      Money total,
      Change change,
      BigDecimal sharePercent) {
    public ResourceCosts {
      Checks.notNull(resource, "resource");
      Checks.notNull(compartment, "compartment");
      months = Checks.copy(months, "months");
      Checks.notNull(total, "total");
      Checks.notNull(change, "change");
      Checks.notNull(sharePercent, "sharePercent");
    }
  }
}
