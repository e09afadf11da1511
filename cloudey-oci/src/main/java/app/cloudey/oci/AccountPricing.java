package app.cloudey.oci;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How one account is priced, on top of the OCI list prices: its billing currency, its own billed
 * unit prices ({@link BilledUnitPrices}, which win), contract unit prices it was given, a discount
 * on list prices, and the tenancy's monthly quantity per SKU (which picks the marginal tier of a
 * tiered list price). See {@link AccountPriceBook} for the order in which they apply. An account's
 * contract prices, discount and currency are set on its {@link OciConfig.Builder#pricing} and
 * stored with it; the advisor adds the billed prices and quantities from the cost lines at each
 * run.
 *
 * <pre>{@code
 * AccountPricing pricing = AccountPricing.builder()
 *     .billed(BilledUnitPrices.from(lines))          // the currency follows the lines
 *     .discountPercent(new BigDecimal("12.5"))       // on list prices only
 *     .contractUnitPrice("B97384", new BigDecimal("0.024"))
 *     .build();
 * }</pre>
 *
 * @param currency the account's billing currency; list prices (USD) price nothing in another one
 * @param billed the tenancy's own unit prices, in {@code currency}
 * @param contractUnitPrices SKU to unit price in {@code currency}, given by the user
 * @param discountPercent discount on list prices, 0 to 100
 * @param tenancyMonthlyQuantities SKU to the tenancy's monthly quantity (for tiered list prices)
 */
public record AccountPricing(
    Currency currency,
    BilledUnitPrices billed,
    Map<String, BigDecimal> contractUnitPrices,
    BigDecimal discountPercent,
    Map<String, BigDecimal> tenancyMonthlyQuantities) {

  /** The default: USD list prices, no discount, no billed or contract prices. */
  public static final Currency DEFAULT_CURRENCY = Currency.getInstance("USD");

  public AccountPricing {
    if (currency == null) {
      throw new CloudeyConfigException("currency must not be null");
    }
    billable(currency);
    if (billed == null) {
      throw new CloudeyConfigException("billed must not be null: use BilledUnitPrices.none()");
    }
    contractUnitPrices = Map.copyOf(contractUnitPrices);
    tenancyMonthlyQuantities = Map.copyOf(tenancyMonthlyQuantities);
    if (discountPercent == null
        || discountPercent.signum() < 0
        || discountPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new CloudeyConfigException(
          "discountPercent must be between 0 and 100, was " + discountPercent);
    }
    Currency billedIn = billed.currency().orElse(currency);
    if (!billedIn.equals(currency)) {
      throw new CloudeyConfigException(
          "the billed unit prices are in "
              + billedIn.getCurrencyCode()
              + " but the account currency is "
              + currency.getCurrencyCode()
              + ": leave the currency unset to take the cost lines' currency");
    }
    contractUnitPrices.forEach(
        (sku, price) -> {
          if (price.signum() < 0) {
            throw new CloudeyConfigException(
                "contract unit price of " + sku + " must not be negative, was " + price);
          }
        });
    tenancyMonthlyQuantities.forEach(
        (sku, quantity) -> {
          if (quantity.signum() < 0) {
            throw new CloudeyConfigException(
                "monthly quantity of " + sku + " must not be negative, was " + quantity);
          }
        });
  }

  /**
   * An account's billing currency from its ISO 4217 code (trimmed, any case): one with minor units,
   * so not a code such as XXX (no currency), XAU (gold) or XDR, which no account is billed in.
   *
   * @throws CloudeyConfigException when the code is blank, unknown or such a code
   */
  public static Currency billingCurrency(String code) {
    return billable(Money.currency(code));
  }

  private static Currency billable(Currency currency) {
    if (currency.getDefaultFractionDigits() < 0) {
      throw new CloudeyConfigException(
          "currency "
              + currency.getCurrencyCode()
              + " is not one an account is billed in (it has no minor units, as XXX, XAU or XDR):"
              + " give an ISO 4217 code such as EUR or USD");
    }
    return currency;
  }

  /** USD list prices only, no discount. */
  public static AccountPricing listPrices() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.currency = currency;
    b.billed = billed;
    b.contract.putAll(contractUnitPrices);
    b.discountPercent = discountPercent;
    b.quantities.putAll(tenancyMonthlyQuantities);
    return b;
  }

  /** Builds an {@link AccountPricing}; every setting is optional. */
  public static final class Builder {
    private @Nullable Currency currency;
    private BilledUnitPrices billed = BilledUnitPrices.none();
    private final Map<String, BigDecimal> contract = new TreeMap<>();
    private BigDecimal discountPercent = BigDecimal.ZERO;
    private final Map<String, BigDecimal> quantities = new TreeMap<>();

    private Builder() {}

    /** The billing currency (ISO 4217); default: the billed prices' currency, else USD. */
    public Builder currency(String code) {
      this.currency = billingCurrency(code);
      return this;
    }

    public Builder billed(BilledUnitPrices billed) {
      this.billed = billed;
      return this;
    }

    /** A contract unit price in the account's currency; used where no billed price exists. */
    public Builder contractUnitPrice(String skuPartNumber, BigDecimal unitPrice) {
      contract.put(skuPartNumber.trim(), unitPrice);
      return this;
    }

    /** A discount on list prices (0-100), e.g. 12.5 for 12.5 %. */
    public Builder discountPercent(BigDecimal percent) {
      this.discountPercent = percent;
      return this;
    }

    /** The tenancy's monthly quantity of a SKU, for the marginal tier of tiered list prices. */
    public Builder tenancyMonthlyQuantity(String skuPartNumber, BigDecimal quantity) {
      quantities.put(skuPartNumber.trim(), quantity);
      return this;
    }

    /**
     * Builds it; SKUs without a {@link #tenancyMonthlyQuantity} take the billed lines' {@link
     * BilledUnitPrices#monthlyQuantities()}.
     */
    public AccountPricing build() {
      Currency cur = currency != null ? currency : billed.currency().orElse(DEFAULT_CURRENCY);
      Map<String, BigDecimal> monthly = new TreeMap<>(billed.monthlyQuantities());
      monthly.putAll(quantities);
      return new AccountPricing(cur, billed, contract, discountPercent, monthly);
    }
  }
}
