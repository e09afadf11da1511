package app.cloudey.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * The list price of one SKU, possibly tiered: tier {@code i} applies to the monthly quantity from
 * its {@code fromQuantity} up to the next tier's.
 */
public record SkuPrice(
    String skuPartNumber, String name, String unit, Currency currency, List<Tier> tiers) {
  public SkuPrice {
    Checks.notBlank(skuPartNumber, "skuPartNumber");
    Checks.notNull(name, "name");
    Checks.notNull(unit, "unit");
    Checks.notNull(currency, "currency");
    tiers = Checks.copy(tiers, "tiers");
    Checks.require(!tiers.isEmpty(), "SKU " + skuPartNumber + " needs at least one price tier");
    Checks.require(
        tiers.get(0).fromQuantity().signum() == 0,
        "the first tier of " + skuPartNumber + " must start at 0");
    for (int i = 1; i < tiers.size(); i++) {
      Checks.require(
          tiers.get(i).fromQuantity().compareTo(tiers.get(i - 1).fromQuantity()) > 0,
          "tiers of " + skuPartNumber + " must start at increasing quantities");
    }
  }

  /** Cost of a monthly quantity, each part at its tier's unit price. */
  public Money costOf(BigDecimal quantity) {
    Checks.require(quantity.signum() >= 0, "quantity must not be negative, was " + quantity);
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
