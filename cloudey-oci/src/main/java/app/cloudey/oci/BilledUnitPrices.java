package app.cloudey.oci;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.CostLine;
import app.cloudey.model.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The unit prices a tenancy actually pays, per SKU, derived from its own cost lines: billed amount
 * divided by billed quantity. They win over list prices in {@link AccountPriceBook} because they
 * already carry the tenancy's discounts, contract rates and currency.
 *
 * <p>Only paid lines count for the price: lines without a SKU or quantity, and lines billed at zero
 * or below (free allowances, credits), are left out, so a free tier does not dilute the price. The
 * result is the average paid price over the lines given; pass the trailing window the rule looks
 * at. Free lines still count as usage in {@link #monthlyQuantities()}, which places the tenancy on
 * a tiered list price.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * BilledUnitPrices billed = BilledUnitPrices.from(costLinesOfLastMonth);
 * // or from per-SKU sums: BilledUnitPrices.builder().add("B93113", Money.of("37.2", "USD"), qty).build()
 * billed.findUnitPrice("B93113"); // Optional[0.025]
 * }</pre>
 */
public final class BilledUnitPrices {
  private static final BilledUnitPrices NONE =
      new BilledUnitPrices(null, Map.of(), Map.of(), null, null, 0);

  private final @Nullable Currency currency;
  private final Map<String, Sum> bySku;
  private final Map<String, BigDecimal> used;
  private final @Nullable LocalDate firstDay;
  private final @Nullable LocalDate lastDay;
  private final int days;

  private BilledUnitPrices(
      @Nullable Currency currency,
      Map<String, Sum> bySku,
      Map<String, BigDecimal> used,
      @Nullable LocalDate firstDay,
      @Nullable LocalDate lastDay,
      int days) {
    this.currency = currency;
    this.bySku = Map.copyOf(bySku);
    this.used = Map.copyOf(used);
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.days = days;
  }

  /** No billed prices (list or contract prices only). */
  public static BilledUnitPrices none() {
    return NONE;
  }

  /**
   * Unit prices from cost lines (one account's, one currency).
   *
   * @throws CloudeyConfigException when the lines are in more than one currency
   */
  public static BilledUnitPrices from(Iterable<CostLine> lines) {
    Builder builder = new Builder();
    for (CostLine line : lines) {
      builder.add(line.skuPartNumber(), line.cost(), line.quantity());
      builder.day(line.day());
    }
    return builder.build();
  }

  /** For callers that already hold per-SKU sums (a store aggregate) rather than lines. */
  public static Builder builder() {
    return new Builder();
  }

  /** The paid unit price of a SKU: billed amount / billed quantity over its paid lines. */
  public Optional<BigDecimal> findUnitPrice(String skuPartNumber) {
    Sum sum = bySku.get(skuPartNumber);
    return sum == null ? Optional.empty() : Optional.of(sum.unitPrice());
  }

  /** Billed quantity of a SKU over the paid lines (in the SKU's unit), zero when none. */
  public BigDecimal quantity(String skuPartNumber) {
    Sum sum = bySku.get(skuPartNumber);
    return sum == null ? BigDecimal.ZERO : sum.quantity;
  }

  /**
   * The tenancy's monthly quantity per SKU (30 days), from every line with usage, free ones
   * included: what picks the marginal tier of a tiered list price ({@link
   * AccountPricing#tenancyMonthlyQuantities}). Empty when the number of days is unknown (sums given
   * to the builder without {@link Builder#days}).
   */
  public Map<String, BigDecimal> monthlyQuantities() {
    Map<String, BigDecimal> monthly = new TreeMap<>();
    if (days > 0) {
      BigDecimal factor =
          BigDecimal.valueOf(30).divide(BigDecimal.valueOf(days), MathContext.DECIMAL128);
      used.forEach((sku, q) -> monthly.put(sku, q.multiply(factor).stripTrailingZeros()));
    }
    return monthly;
  }

  /** Every SKU's paid unit price, by part number (sorted). */
  public Map<String, BigDecimal> unitPrices() {
    Map<String, BigDecimal> prices = new TreeMap<>();
    bySku.forEach((sku, sum) -> prices.put(sku, sum.unitPrice()));
    return prices;
  }

  /** The billing currency of the lines; empty when there were none. */
  public Optional<Currency> currency() {
    return Optional.ofNullable(currency);
  }

  public boolean isEmpty() {
    return bySku.isEmpty();
  }

  /** How an estimate cites these prices. */
  public String describe() {
    String cur = currency == null ? "" : " (" + currency.getCurrencyCode() + ")";
    if (firstDay == null || lastDay == null) {
      return "the tenancy's billed unit prices" + cur + " from its cost lines";
    }
    return "the tenancy's billed unit prices"
        + cur
        + " from its cost lines of "
        + firstDay
        + ".."
        + lastDay;
  }

  private record Sum(BigDecimal amount, BigDecimal quantity) {
    BigDecimal unitPrice() {
      BigDecimal price = amount.divide(quantity, MathContext.DECIMAL128).stripTrailingZeros();
      return price.scale() < 0 ? price.setScale(0) : price;
    }
  }

  /** Adds per-SKU amounts and quantities; lines that are not paid usage are skipped. */
  public static final class Builder {
    private @Nullable Currency currency;
    private final Map<String, Sum> bySku = new LinkedHashMap<>();
    private final Map<String, BigDecimal> used = new LinkedHashMap<>();
    private @Nullable LocalDate firstDay;
    private @Nullable LocalDate lastDay;
    private int days;

    private Builder() {}

    /**
     * Adds billed usage of a SKU; skipped when the SKU is blank, the quantity is not positive or
     * the amount is zero or negative (free allowance, credit).
     *
     * @throws CloudeyConfigException when {@code amount} is in another currency than earlier ones
     */
    public Builder add(String skuPartNumber, Money amount, BigDecimal quantity) {
      if (skuPartNumber.isBlank() || quantity.signum() <= 0 || amount.amount().signum() < 0) {
        return this;
      }
      used.merge(skuPartNumber.trim(), quantity, BigDecimal::add);
      if (amount.amount().signum() == 0) {
        return this; // free allowance: usage, but no price
      }
      if (currency == null) {
        currency = amount.currency();
      } else if (!currency.equals(amount.currency())) {
        throw new CloudeyConfigException(
            "cost lines mix "
                + currency.getCurrencyCode()
                + " and "
                + amount.currency().getCurrencyCode()
                + ": derive billed unit prices from one account's lines at a time");
      }
      bySku.merge(
          skuPartNumber.trim(),
          new Sum(amount.amount(), quantity),
          (a, b) -> new Sum(a.amount.add(b.amount), a.quantity.add(b.quantity)));
      return this;
    }

    Builder day(LocalDate day) {
      firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
      lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
      days = (int) (lastDay.toEpochDay() - firstDay.toEpochDay() + 1);
      return this;
    }

    /**
     * Days the sums cover, for {@link #monthlyQuantities()} (set from the lines by {@code from}).
     */
    public Builder days(int days) {
      if (days < 1) {
        throw new CloudeyConfigException("days must be at least 1, was " + days);
      }
      this.days = days;
      return this;
    }

    public BilledUnitPrices build() {
      return used.isEmpty() && currency == null
          ? NONE
          : new BilledUnitPrices(currency, bySku, used, firstDay, lastDay, days);
    }
  }
}
