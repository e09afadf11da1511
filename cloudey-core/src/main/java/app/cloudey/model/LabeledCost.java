package app.cloudey.model;

import java.math.BigDecimal;

/**
 * One row of a top-N list: a key with its human name, its cost and its share of the total. Top-N
 * lists end with an {@link #OTHERS} row (when anything was left out) so their rows add up to the
 * total.
 *
 * @param key the dimension value (service name, compartment id, ...), or {@link #OTHERS}
 * @param name what to show: the service, the compartment's path, the resource's name, ...
 * @param cost the cost
 * @param sharePercent {@code cost} in percent of the total, one decimal
 */
public record LabeledCost(String key, String name, Money cost, BigDecimal sharePercent) {
  /** Key (and name) of the row that sums everything a top-N list left out. */
  public static final String OTHERS = "(others)";

  public LabeledCost {
    Checks.notNull(key, "key");
    Checks.notBlank(name, "name");
    Checks.notNull(cost, "cost");
    Checks.notNull(sharePercent, "sharePercent");
  }
}
