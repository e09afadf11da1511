package app.cloudey.oci;

import app.cloudey.model.Money;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.SkuPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The prices one account pays, per SKU, in its own currency: what rules use to put an amount on a
 * change (a rightsized shape, a removed volume). Get it from {@link OciPriceBook#forAccount}.
 *
 * <p>Per SKU, the first that exists wins:
 *
 * <ol>
 *   <li>{@link Basis#BILLED}: the tenancy's own unit price from its cost lines ({@link
 *       BilledUnitPrices}), in the billing currency;
 *   <li>{@link Basis#CONTRACT}: a contract unit price given in {@link AccountPricing};
 *   <li>{@link Basis#LIST}: the OCI list price less the account's discount, tier-aware, and only
 *       when the account bills in USD (the only list currency bundled). For another currency there
 *       is no amount: the estimate says why ({@link Estimate#reason()}).
 * </ol>
 *
 * <p>Tiered list prices (free allowances) are priced at the margin: a usage {@code u} of a SKU of
 * which the tenancy uses {@code T} a month ({@link AccountPricing#tenancyMonthlyQuantities}, else
 * {@code T = u}, the usage alone) costs {@code costOf(T) - costOf(T - u)}, each part at its tier.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * AccountPriceBook prices = OciPriceBook.bundled().forAccount(pricing);
 * AccountPriceBook.Estimate now = prices.estimateInstance("VM.Standard.E4.Flex", 8, 128);
 * AccountPriceBook.Estimate target = prices.estimateInstance("VM.Standard.E4.Flex", 2, 32);
 * // now.amount() minus target.amount(), basis and source cited on each
 * }</pre>
 */
public final class AccountPriceBook {
  private final OciPriceBook list;
  private final AccountPricing pricing;
  private final BigDecimal listFactor;

  AccountPriceBook(OciPriceBook list, AccountPricing pricing) {
    this.list = list;
    this.pricing = pricing;
    this.listFactor =
        BigDecimal.ONE.subtract(pricing.discountPercent().movePointLeft(2)).stripTrailingZeros();
  }

  public AccountPricing pricing() {
    return pricing;
  }

  /** The list prices under this account's prices. */
  public OciPriceBook listPrices() {
    return list;
  }

  /**
   * The unit price of the next unit of a SKU when the tenancy uses {@code monthlyQuantity} of it a
   * month (only tiered list prices depend on it), or empty when no price applies (unknown SKU, or
   * only a USD list price for an account billed in another currency).
   */
  public Optional<UnitPrice> findUnitPrice(String skuPartNumber, BigDecimal monthlyQuantity) {
    Optional<BigDecimal> billed = pricing.billed().findUnitPrice(skuPartNumber);
    if (billed.isPresent()) {
      return Optional.of(
          new UnitPrice(skuPartNumber, billed.get(), Basis.BILLED, pricing.billed().describe()));
    }
    BigDecimal contract = pricing.contractUnitPrices().get(skuPartNumber);
    if (contract != null) {
      return Optional.of(new UnitPrice(skuPartNumber, contract, Basis.CONTRACT, contractSource()));
    }
    return usableListPrice(skuPartNumber)
        .map(
            price ->
                new UnitPrice(
                    skuPartNumber,
                    price.marginalUnitPrice(monthlyQuantity).multiply(listFactor),
                    Basis.LIST,
                    listSource()));
  }

  /**
   * The cost of monthly usage, SKU to quantity (e.g. from {@link OciShapes.ShapeSkus#usage}), at
   * this account's prices. Priced only when every SKU has a price; otherwise the estimate has no
   * amount and says which SKU is missing and why.
   */
  public Estimate estimate(Map<String, BigDecimal> monthlyUsage) {
    List<Item> items = new ArrayList<>();
    Money total = Money.zero(pricing.currency());
    for (Map.Entry<String, BigDecimal> use : monthlyUsage.entrySet()) {
      String sku = use.getKey();
      BigDecimal quantity = use.getValue();
      Optional<Item> item = price(sku, quantity);
      if (item.isEmpty()) {
        return Estimate.unpriced(whyNoPrice(sku));
      }
      items.add(item.get());
      total = total.plus(item.get().amount());
    }
    return cite(Estimate.of(total, items));
  }

  /**
   * One instance's compute for a month ({@link OciPriceBook#HOURS_PER_MONTH} hours); unpriced with
   * a reason when the shape has no known SKUs.
   */
  public Estimate estimateInstance(String shape, BigDecimal ocpus, BigDecimal memoryGb) {
    return estimateInstance(shape, ocpus, memoryGb, OciPriceBook.HOURS_PER_MONTH);
  }

  /** {@link #estimateInstance(String, BigDecimal, BigDecimal)} with whole numbers. */
  public Estimate estimateInstance(String shape, long ocpus, long memoryGb) {
    return estimateInstance(shape, BigDecimal.valueOf(ocpus), BigDecimal.valueOf(memoryGb));
  }

  /** One instance's compute for {@code hours}. */
  public Estimate estimateInstance(
      String shape, BigDecimal ocpus, BigDecimal memoryGb, BigDecimal hours) {
    return list.shapes()
        .findSkus(shape)
        .map(skus -> estimate(skus.usage(ocpus, memoryGb, hours)))
        .orElseGet(
            () ->
                Estimate.unpriced(
                    "shape " + shape + " has no known SKUs in " + list.source() + ": no amount"));
  }

  private Optional<Item> price(String sku, BigDecimal quantity) {
    Optional<BigDecimal> billed = pricing.billed().findUnitPrice(sku);
    if (billed.isPresent()) {
      return Optional.of(flat(sku, quantity, billed.get(), Basis.BILLED));
    }
    BigDecimal contract = pricing.contractUnitPrices().get(sku);
    if (contract != null) {
      return Optional.of(flat(sku, quantity, contract, Basis.CONTRACT));
    }
    return usableListPrice(sku)
        .map(
            price -> {
              BigDecimal total =
                  pricing.tenancyMonthlyQuantities().getOrDefault(sku, quantity).max(quantity);
              Money atList = price.costBetween(total.subtract(quantity), total);
              Money amount =
                  Money.of(
                      atList.amount().multiply(listFactor), pricing.currency().getCurrencyCode());
              return new Item(
                  sku,
                  quantity,
                  price.marginalUnitPrice(total).multiply(listFactor),
                  Basis.LIST,
                  amount);
            });
  }

  private Item flat(String sku, BigDecimal quantity, BigDecimal unitPrice, Basis basis) {
    return new Item(
        sku,
        quantity,
        unitPrice,
        basis,
        Money.of(quantity.multiply(unitPrice), pricing.currency().getCurrencyCode()));
  }

  /** The list price, when the account bills in the list's currency. */
  private Optional<SkuPrice> usableListPrice(String sku) {
    if (!pricing.currency().equals(list.currency())) {
      return Optional.empty();
    }
    return list.find(sku);
  }

  private String whyNoPrice(String sku) {
    if (list.find(sku).isPresent()) {
      return "the account bills in "
          + pricing.currency().getCurrencyCode()
          + " and has no billed or contract unit price for "
          + sku
          + "; only "
          + list.currency().getCurrencyCode()
          + " list prices exist, so no amount is given";
    }
    return "no price for SKU "
        + sku
        + ": the tenancy has not been billed for it, no contract price was given and it is not in "
        + list.source();
  }

  private String listSource() {
    return listFactor.compareTo(BigDecimal.ONE) == 0
        ? list.source()
        : list.source() + ", less a " + pricing.discountPercent().toPlainString() + " % discount";
  }

  private static String contractSource() {
    return "contract unit prices given for the account";
  }

  private String sourceOf(Basis basis) {
    return switch (basis) {
      case BILLED -> pricing.billed().describe();
      case CONTRACT -> contractSource();
      case LIST -> listSource();
    };
  }

  /** Where a unit price came from, best first. */
  public enum Basis {
    /** The tenancy's own billed unit price (its cost lines). */
    BILLED,
    /** A contract unit price given for the account. */
    CONTRACT,
    /** The OCI list price, less the account's discount. */
    LIST;

    /** How a recommendation labels it: billed cost, or list price (contract prices included). */
    public SavingsBasis savingsBasis() {
      return this == BILLED ? SavingsBasis.BILLED_COST : SavingsBasis.LIST_PRICE;
    }
  }

  /**
   * One SKU's unit price for this account.
   *
   * @param skuPartNumber the SKU
   * @param unitPrice price per unit in the account's currency
   * @param basis where it came from
   * @param source the citation (cost lines' dates, or the list's source and date)
   */
  public record UnitPrice(String skuPartNumber, BigDecimal unitPrice, Basis basis, String source) {}

  /**
   * One SKU's part of an estimate.
   *
   * @param skuPartNumber the SKU
   * @param quantity the usage priced, in the SKU's unit
   * @param unitPrice the (marginal) unit price applied
   * @param basis where the price came from
   * @param amount the cost of {@code quantity} (tiered list prices: each part at its tier)
   */
  public record Item(
      String skuPartNumber, BigDecimal quantity, BigDecimal unitPrice, Basis basis, Money amount) {}

  /**
   * A priced amount with its basis and citation, or no amount and the reason.
   *
   * @param amount the cost, empty when it cannot be priced
   * @param basis the weakest basis among the items ({@code LIST} if any item is list-priced);
   *     {@code LIST} when unpriced
   * @param source the citation of every price used (cost lines' dates, list source and date,
   *     discount), empty when unpriced
   * @param reason why there is no amount, empty when priced
   * @param items the priced parts, per SKU
   */
  public record Estimate(
      Optional<Money> amount, Basis basis, String source, String reason, List<Item> items) {

    public Estimate {
      items = List.copyOf(items);
    }

    static Estimate unpriced(String reason) {
      return new Estimate(Optional.empty(), Basis.LIST, "", reason, List.of());
    }

    static Estimate of(Money total, List<Item> items) {
      Basis weakest = Basis.BILLED;
      for (Item item : items) {
        weakest = item.basis().compareTo(weakest) > 0 ? item.basis() : weakest;
      }
      return new Estimate(Optional.of(total), weakest, "", "", items);
    }

    public boolean isPriced() {
      return amount.isPresent();
    }

    /** The recommendation's basis: billed cost when every price was billed, else list price. */
    public SavingsBasis savingsBasis() {
      return isPriced() ? basis.savingsBasis() : SavingsBasis.NONE;
    }
  }

  /** Fills a priced estimate's citation from its items' bases. */
  private Estimate cite(Estimate estimate) {
    if (!estimate.isPriced()) {
      return estimate;
    }
    Set<String> sources = new LinkedHashSet<>();
    for (Item item : estimate.items()) {
      sources.add(sourceOf(item.basis()));
    }
    return new Estimate(
        estimate.amount(), estimate.basis(), String.join("; ", sources), "", estimate.items());
  }
}
