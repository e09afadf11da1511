package app.cloudey.model;

import java.util.List;

/**
 * One group of a {@link CostQuery}: the values of its group-by dimensions, in order, and the sum.
 */
public record CostRow(List<String> key, Money cost) {
  public CostRow {
    key = Checks.copy(key, "key");
    Checks.notNull(cost, "cost");
  }
}
