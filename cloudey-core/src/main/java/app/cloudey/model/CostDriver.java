package app.cloudey.model;

import java.math.BigDecimal;

/**
 * One resource among the top cost drivers of a period.
 *
 * @param resource the resource, named from the stored inventory
 * @param service the service that billed most of its cost in the period
 * @param compartment the compartment that holds most of its cost in the period
 * @param cost its cost in the period
 * @param sharePercent {@code cost} in percent of the period's total (every line of the currency,
 *     with or without a resource), one decimal
 */
public record CostDriver(
    ResourceLabel resource,
    String service,
    CompartmentLabel compartment,
    Money cost,
    BigDecimal sharePercent) {
  public CostDriver {
    Checks.notNull(resource, "resource");
    Checks.notBlank(service, "service");
    Checks.notNull(compartment, "compartment");
    Checks.notNull(cost, "cost");
    Checks.notNull(sharePercent, "sharePercent");
  }
}
