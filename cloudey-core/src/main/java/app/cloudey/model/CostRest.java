package app.cloudey.model;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What the rows of a limited {@link CostQuery} beyond its limit add up to in one currency, split by
 * sign: the zero or positive rows and the negative ones (credits, refunds), each summed and
 * counted. It is all a top-N list needs to end with its "others" and "credits" rows (see {@link
 * LabeledCost}) without reading every row.
 *
 * @param currency the rows' currency
 * @param nonNegative the sum of the zero or positive rows left out (zero when there are none)
 * @param nonNegativeRows how many zero or positive rows were left out
 * @param negative the sum of the negative rows left out (zero or negative; zero when none)
 * @param negativeRows how many negative rows were left out
 */
public record CostRest(
    Currency currency,
    BigDecimal nonNegative,
    long nonNegativeRows,
    BigDecimal negative,
    long negativeRows) {
  public CostRest {
    Checks.notNull(currency, "currency");
    nonNegative = Money.normalise(Checks.notNull(nonNegative, "nonNegative"));
    negative = Money.normalise(Checks.notNull(negative, "negative"));
    Checks.require(
        nonNegativeRows >= 0, "nonNegativeRows must not be negative, was " + nonNegativeRows);
    Checks.require(negativeRows >= 0, "negativeRows must not be negative, was " + negativeRows);
    Checks.require(
        nonNegative.signum() >= 0, "nonNegative must not be negative, was " + nonNegative);
    Checks.require(negative.signum() <= 0, "negative must not be positive, was " + negative);
    Checks.require(
        nonNegativeRows > 0 || nonNegative.signum() == 0,
        "nonNegative must be zero without rows, was " + nonNegative);
    Checks.require(
        negativeRows > 0 || negative.signum() == 0,
        "negative must be zero without rows, was " + negative);
  }

  /** How many rows were left out in this currency. */
  public long rows() {
    return nonNegativeRows + negativeRows;
  }
}
