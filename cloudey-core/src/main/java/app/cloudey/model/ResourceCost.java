package app.cloudey.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One resource's billed cost over the advisor's trailing window, by SKU. Savings that use billed
 * cost are monthly figures: {@code cost in the window × 30 / days of data} ({@link #monthly()}), so
 * a resource billed for only 12 of the 30 days is not under-estimated.
 *
 * @param resourceId the resource
 * @param window the trailing window
 * @param skus the resource's SKU sums in the window (one currency in practice: an account is billed
 *     in one)
 */
public record ResourceCost(String resourceId, Period window, List<ResourceSkuCost> skus) {
  /** A month, in days, for monthly figures. */
  public static final BigDecimal DAYS_PER_MONTH = BigDecimal.valueOf(30);

  public ResourceCost {
    Checks.notBlank(resourceId, "resourceId");
    Checks.notNull(window, "window");
    skus = Checks.copy(skus, "skus");
    Checks.require(!skus.isEmpty(), "a resource cost needs at least one SKU row");
  }

  /** The currency billed most. */
  public Currency currency() {
    return skus.stream()
        .max(Comparator.comparing(ResourceSkuCost::amount))
        .orElseThrow()
        .currency();
  }

  /** Days with any line in the window (the largest of its SKUs' day counts). */
  public int days() {
    return skus.stream().mapToInt(ResourceSkuCost::days).max().orElse(0);
  }

  /** The last day with a line. */
  public LocalDate lastDay() {
    return skus.stream().map(ResourceSkuCost::lastDay).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** Billed cost in the window (in {@link #currency()}). */
  public Money total() {
    return total(s -> true);
  }

  /** Billed cost in the window of the SKUs that match. */
  public Money total(Predicate<ResourceSkuCost> which) {
    Currency currency = currency();
    BigDecimal sum = BigDecimal.ZERO;
    for (ResourceSkuCost s : skus) {
      if (s.currency().equals(currency) && which.test(s)) {
        sum = sum.add(s.amount());
      }
    }
    return new Money(sum, currency);
  }

  /** Monthly figure of the whole cost: {@code total × 30 / days}. */
  public Money monthly() {
    return monthly(s -> true);
  }

  /** Monthly figure of the matching SKUs: their window cost × 30 / {@link #days()}. */
  public Money monthly(Predicate<ResourceSkuCost> which) {
    Money total = total(which);
    return new Money(
        total
            .amount()
            .multiply(DAYS_PER_MONTH)
            .divide(BigDecimal.valueOf(days()), MathContext.DECIMAL64),
        total.currency());
  }

  /** The last day a matching SKU was billed. */
  public Optional<LocalDate> lastDay(Predicate<ResourceSkuCost> which) {
    return skus.stream().filter(which).map(ResourceSkuCost::lastDay).max(Comparator.naturalOrder());
  }

  /** Whether any SKU matches. */
  public boolean has(Predicate<ResourceSkuCost> which) {
    return skus.stream().anyMatch(which);
  }
}
