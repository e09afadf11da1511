package app.cloudey.model;

import app.cloudey.CloudeyConfigException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * An exact amount of money in one currency.
 *
 * <p>Amounts are normalised (trailing zeros stripped) so that equal amounts are {@code equals}:
 * {@code Money.of("1.50", "USD").equals(Money.of("1.5", "USD"))}. Nothing is rounded except by
 * {@link #rounded()} for display. Arithmetic refuses to mix currencies. Negative amounts are valid
 * (credits and corrections are real).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public Money {
    Checks.notNull(amount, "amount");
    Checks.notNull(currency, "currency");
    amount = normalise(amount);
  }

  /** {@code Money.of("12.34", "USD")}; the amount is parsed exactly. */
  public static Money of(@Nullable String amount, @Nullable String currencyCode) {
    Checks.notBlank(amount, "amount");
    try {
      return new Money(new BigDecimal(amount.trim()), currency(currencyCode));
    } catch (NumberFormatException e) {
      throw new CloudeyConfigException("amount '" + amount + "' is not a decimal number", e);
    }
  }

  public static Money of(BigDecimal amount, @Nullable String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** Parses an ISO 4217 code, naming the field when it is missing or unknown. */
  public static Currency currency(@Nullable String code) {
    Checks.notBlank(code, "currency");
    try {
      return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CloudeyConfigException("currency '" + code + "' is not an ISO 4217 code", e);
    }
  }

  static BigDecimal normalise(BigDecimal amount) {
    if (amount.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    // keep integers in plain form (scale 0) rather than 1E+2
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  public Money times(BigDecimal factor) {
    Checks.notNull(factor, "factor");
    return new Money(amount.multiply(factor), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /** Rounded half-even to the currency's minor unit, for display only. */
  public BigDecimal rounded() {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    return amount.setScale(digits, RoundingMode.HALF_EVEN);
  }

  @Override
  public int compareTo(Money other) {
    return amount.compareTo(sameCurrency(other).amount);
  }

  private Money sameCurrency(@Nullable Money other) {
    Checks.notNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new CloudeyConfigException(
          "cannot combine "
              + currency.getCurrencyCode()
              + " with "
              + other.currency.getCurrencyCode()
              + ": convert one of them first");
    }
    return other;
  }

  /** E.g. {@code 12.35 USD} (rounded for display). */
  @Override
  public String toString() {
    return rounded().toPlainString() + " " + currency.getCurrencyCode();
  }
}
