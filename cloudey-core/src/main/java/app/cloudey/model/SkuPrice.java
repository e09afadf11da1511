package app.cloudey.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The list price of one SKU, possibly tiered: tier {@code i} applies to the monthly quantity from
 * its {@code fromQuantity} up to the next tier's.
 *
 * <p>Tiers are monthly and tenancy-wide (OCI's free allowances, e.g. the first 3,000 A1 OCPU hours
 * a month). Price a quantity with {@link #costOf} (each part at its tier), the next unit with
 * {@link #marginalUnitPrice} (never simply the first tier's price, which is often the free one),
 * and one resource's share of a tenancy total with {@link #costBetween}.
 */
public record SkuPrice(
    String skuPartNumber, String name, String unit, Currency currency, List<Tier> tiers) {
  public SkuPrice {
    Checks.notBlank(skuPartNumber, "skuPartNumber");
    Checks.notNull(name, "name");
    Checks.notNull(unit, "unit");
    Checks.notNull(currency, "currency");
    tiers = Checks.copy(tiers, "tiers");
    Checks.require(
        !tiers.isEmpty(), () -> "SKU " + skuPartNumber + " needs at least one price tier");
    Checks.require(
        tiers.get(0).fromQuantity().signum() == 0,
        () -> "the first tier of " + skuPartNumber + " must start at 0");
    for (int i = 1; i < tiers.size(); i++) {
      Checks.require(
          tiers.get(i).fromQuantity().compareTo(tiers.get(i - 1).fromQuantity()) > 0,
          () -> "tiers of " + skuPartNumber + " must start at increasing quantities");
    }
  }

  /** Cost of a monthly quantity, each part at its tier's unit price. */
  public Money costOf(BigDecimal quantity) {
    Checks.require(quantity.signum() >= 0, () -> "quantity must not be negative, was " + quantity);
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < tiers.size(); i++) {
      BigDecimal from = tiers.get(i).fromQuantity();
      if (quantity.compareTo(from) <= 0) {
        break;
      }
      BigDecimal to =
          i + 1 < tiers.size() ? tiers.get(i + 1).fromQuantity().min(quantity) : quantity;
      total = total.add(to.subtract(from).multiply(tiers.get(i).unitPrice()));
    }
    return new Money(total, currency);
  }

  /**
   * The tier that prices the last unit of a monthly {@code quantity}: the tier with the highest
   * {@code fromQuantity} strictly below it (the first tier for 0). For the load balancer base SKU
   * (free up to 744 hours, then 0.0113) 744 hours are still in the free tier and 745 are not.
   */
  public Tier marginalTier(BigDecimal quantity) {
    Checks.notNull(quantity, "quantity");
    Checks.require(quantity.signum() >= 0, () -> "quantity must not be negative, was " + quantity);
    Tier marginal = tiers.get(0);
    for (Tier tier : tiers) {
      if (tier.fromQuantity().compareTo(quantity) >= 0) {
        break;
      }
      marginal = tier;
    }
    return marginal;
  }

  /** The unit price of the {@link #marginalTier marginal tier} at a monthly quantity. */
  public BigDecimal marginalUnitPrice(BigDecimal quantity) {
    return marginalTier(quantity).unitPrice();
  }

  /**
   * Cost of the units between two monthly quantities, each part at its tier: {@code costOf(to) -
   * costOf(from)}. This is what one resource's {@code to - from} units add to a tenancy already
   * using {@code from} units of the SKU that month (or save, when it goes away).
   */
  public Money costBetween(BigDecimal from, BigDecimal to) {
    Checks.notNull(from, "from");
    Checks.notNull(to, "to");
    Checks.require(
        from.compareTo(to) <= 0, () -> "from must not be above to, was " + from + " > " + to);
    return costOf(to).minus(costOf(from));
  }

  /** One price tier. */
  public record Tier(BigDecimal fromQuantity, BigDecimal unitPrice) {
    public Tier {
      Checks.notNull(fromQuantity, "fromQuantity");
      Checks.notNull(unitPrice, "unitPrice");
      Checks.require(fromQuantity.signum() >= 0, "fromQuantity must not be negative");
      Checks.require(unitPrice.signum() >= 0, "unitPrice must not be negative");
    }
  }
}
