package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void equalAmountsAreEqualWhateverTheirScale() {
    assertThat(Money.of("1.50", "USD")).isEqualTo(Money.of("1.5", "USD"));
    assertThat(Money.of("1.50", "USD")).hasSameHashCodeAs(Money.of("1.5", "USD"));
    assertThat(Money.of("1.50", "USD").amount()).isEqualTo(new BigDecimal("1.5"));
  }

  @ParameterizedTest
  @CsvSource({"0", "0.00", "-0.0", "0E+3", "0E-10"})
  void zeroEqualsZeroAtAnyScale(String zero) {
    Money money = Money.of(zero, "USD");
    assertThat(money).isEqualTo(Money.zero(USD));
    assertThat(money.amount()).isSameAs(BigDecimal.ZERO);
    assertThat(money.isZero()).isTrue();
    assertThat(money.isNegative()).isFalse();
  }

  @Test
  void integersStayInPlainForm() {
    // stripTrailingZeros alone would make 100.00 into 1E+2
    Money hundred = Money.of("100.00", "USD");
    assertThat(hundred.amount().scale()).isZero();
    assertThat(hundred.amount().toString()).isEqualTo("100");
    assertThat(new Money(new BigDecimal("1E+2"), USD)).isEqualTo(hundred);
  }

  @Test
  void arithmeticIsExact() {
    Money a = Money.of("1.10", "USD");
    Money b = Money.of("2.205", "USD");
    // 1.10 + 2.205 = 3.305; 1.10 - 2.205 = -1.105; 3.305 * 3 = 9.915; 10 * 0.1 = 1
    assertThat(a.plus(b)).isEqualTo(Money.of("3.305", "USD"));
    assertThat(a.minus(b)).isEqualTo(Money.of("-1.105", "USD"));
    assertThat(a.plus(b).times(new BigDecimal("3"))).isEqualTo(Money.of("9.915", "USD"));
    assertThat(Money.of("10", "USD").times(new BigDecimal("0.1")).amount().toString())
        .isEqualTo("1");
    assertThat(b.negate()).isEqualTo(Money.of("-2.205", "USD"));
    assertThat(b.negate().negate()).isEqualTo(b);
    // 1/3 of a cent survives: nothing is rounded except for display
    assertThat(Money.of("0.01", "USD").times(new BigDecimal("0.3333")).amount())
        .isEqualTo(new BigDecimal("0.003333"));
  }

  @Test
  void negativeAmountsAreValid() {
    Money credit = Money.of("-3.20", "USD");
    assertThat(credit.isNegative()).isTrue();
    assertThat(credit.amount()).isEqualTo(new BigDecimal("-3.2"));
    assertThat(credit.plus(Money.of("3.2", "USD")).isZero()).isTrue();
  }

  @Test
  void mixedCurrenciesAreRefused() {
    Money usd = Money.of("1", "USD");
    Money eur = Money.of("1", "EUR");
    refused(() -> usd.plus(eur), "cannot combine USD with EUR");
    refused(() -> usd.minus(eur), "cannot combine USD with EUR");
    refused(() -> usd.compareTo(eur), "cannot combine USD with EUR");
  }

  @Test
  void comparesByAmount() {
    assertThat(Money.of("1.5", "USD").compareTo(Money.of("1.50", "USD"))).isZero();
    assertThat(Money.of("2", "USD")).isGreaterThan(Money.of("1.99", "USD"));
    assertThat(Money.of("-5", "USD")).isLessThan(Money.zero(USD));
  }

  @ParameterizedTest
  @CsvSource({
    "2.345, USD, 2.34", // half-even: the tie goes to the even digit
    "2.355, USD, 2.36",
    "2.3450001, USD, 2.35",
    "-2.345, USD, -2.34",
    "7, USD, 7.00",
    "1234.5, JPY, 1234", // JPY has no minor unit
    "1235.5, JPY, 1236",
    "0.4, JPY, 0",
    "1.2345, BHD, 1.234", // three fraction digits
  })
  void roundsHalfEvenToTheMinorUnitForDisplay(String amount, String currency, String rounded) {
    assertThat(Money.of(amount, currency).rounded()).isEqualTo(new BigDecimal(rounded));
    // the amount itself is untouched
    assertThat(Money.of(amount, currency).amount()).isEqualByComparingTo(amount);
  }

  @Test
  void toStringShowsTheRoundedAmountAndCode() {
    assertThat(Money.of("12.345", "USD")).hasToString("12.34 USD");
    assertThat(Money.of("1234.5", "JPY")).hasToString("1234 JPY");
    assertThat(Money.of("-0.5", "EUR")).hasToString("-0.50 EUR");
  }

  @Test
  void parsesCurrencyCodesCaseInsensitively() {
    assertThat(Money.of("1", " usd ").currency()).isEqualTo(USD);
    assertThat(Money.of(" 1.5 ", "USD").amount()).isEqualTo(new BigDecimal("1.5"));
    assertThat(Money.of(BigDecimal.TEN, "eur").currency().getCurrencyCode()).isEqualTo("EUR");
  }

  @Test
  void refusesAmountsWithoutACurrency() {
    refused(() -> Money.of("1", null), "currency must not be null or blank");
    refused(() -> Money.of("1", " "), "currency must not be null or blank");
    refused(() -> new Money(BigDecimal.ONE, null), "currency must not be null");
    refused(() -> Money.of("1", "XYZ"), "currency 'XYZ' is not an ISO 4217 code");
    refused(() -> Money.of("1", "dollars"), "currency 'dollars'");
  }

  @Test
  void refusesMissingOrMalformedAmounts() {
    refused(() -> Money.of((String) null, "USD"), "amount must not be null or blank");
    refused(() -> Money.of("", "USD"), "amount must not be null or blank");
    refused(() -> Money.of("abc", "USD"), "amount 'abc' is not a decimal number");
    refused(() -> Money.of("1,50", "USD"), "amount '1,50' is not a decimal number");
    refused(() -> new Money(null, USD), "amount must not be null");
    refused(() -> Money.of("1", "USD").times(null), "factor must not be null");
    refused(() -> Money.of("1", "USD").plus(null), "other must not be null");
  }
}
