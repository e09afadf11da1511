package app.cloudey.model;

import java.math.BigDecimal;

/**
 * One row of a top-N list: a key with its human name, its cost and its share of the total.
 *
 * <p><b>What a top-N list leaves out.</b> Top-N lists (the rows sorted by cost descending) end with
 * what they left out, so that their rows add up to the total to the cent, in up to two rows:
 *
 * <ul>
 *   <li>{@link #OTHERS}: the left-out rows that are zero or positive, summed; present when at least
 *       one such row was left out. It is never negative.
 *   <li>{@link #CREDITS}: the left-out rows that are negative (credits, refunds, corrections),
 *       summed; present only when at least one such row was left out.
 * </ul>
 *
 * Without negative rows left out this is the single "(others)" row of the remainder. The sign is
 * taken per row of the list's own dimension (a service, a compartment, a resource): a compartment
 * whose credits outweigh its usage counts as negative. The others row's amount is computed as the
 * total minus the listed rows minus the credits row, so the rows add up to the total exactly. The
 * same rule builds the dashboard's top services and compartments, {@link
 * app.cloudey.Costs#queryWithOthers} and {@link TopDrivers} ({@code others} and {@code credits}).
 *
 * @param key the dimension value (service name, compartment id, ...), {@link #OTHERS} or {@link
 *     #CREDITS}
 * @param name what to show: the service, the compartment's path, the resource's name, ...
 * @param cost the cost
 * @param sharePercent {@code cost} in percent of the total, one decimal
 */
public record LabeledCost(String key, String name, Money cost, BigDecimal sharePercent) {
  /**
   * Key (and name) of the row that sums the zero or positive amounts a top-N list left out; see the
   * class documentation.
   */
  public static final String OTHERS = "(others)";

  /**
   * Key (and name) of the row that sums the negative amounts (credits, refunds) a top-N list left
   * out; see the class documentation.
   */
  public static final String CREDITS = "(credits)";

  public LabeledCost {
    Checks.notNull(key, "key");
    Checks.notBlank(name, "name");
    Checks.notNull(cost, "cost");
    Checks.notNull(sharePercent, "sharePercent");
  }
}
