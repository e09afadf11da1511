package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkuPriceTest {
  private static final Currency USD = Currency.getInstance("USD");

  private static SkuPrice.Tier tier(String from, String price) {
    return new SkuPrice.Tier(new BigDecimal(from), new BigDecimal(price));
  }

  private static SkuPrice price(SkuPrice.Tier... tiers) {
    return new SkuPrice("B12345", "Test SKU", "Unit", USD, List.of(tiers));
  }

  @Test
  void aFlatPriceIsQuantityTimesUnitPrice() {
    // a month of one OCPU: 744 h x 0.025 = 18.600
    assertThat(price(tier("0", "0.025")).costOf(new BigDecimal("744")))
        .isEqualTo(Money.of("18.6", "USD"));
    assertThat(price(tier("0", "0.025")).costOf(BigDecimal.ZERO)).isEqualTo(Money.zero(USD));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "50, 5", // 50 x 0.10
    "100, 10", // exactly at the second tier's start: 100 x 0.10
    "100.5, 10.04", // 100 x 0.10 + 0.5 x 0.08
    "1000, 82", // 100 x 0.10 + 900 x 0.08 = 10 + 72
    "1500, 107", // 10 + 72 + 500 x 0.05 = 107
  })
  void eachPartIsPricedAtItsTier(String quantity, String cost) {
    SkuPrice tiered = price(tier("0", "0.10"), tier("100", "0.08"), tier("1000", "0.05"));
    assertThat(tiered.costOf(new BigDecimal(quantity))).isEqualTo(Money.of(cost, "USD"));
  }

  @Test
  void aFreeFirstTierLikeOutboundTransfer() {
    // the first 10 TB (10240 GB) free, then 0.0085 per GB: 12000 GB -> 1760 x 0.0085 = 14.96
    SkuPrice egress = price(tier("0", "0"), tier("10240", "0.0085"));
    assertThat(egress.costOf(new BigDecimal("5000"))).isEqualTo(Money.zero(USD));
    assertThat(egress.costOf(new BigDecimal("10240"))).isEqualTo(Money.zero(USD));
    assertThat(egress.costOf(new BigDecimal("12000"))).isEqualTo(Money.of("14.96", "USD"));
  }

  @Test
  void refusesMalformedPrices() {
    refused(() -> price(), "SKU B12345 needs at least one price tier");
    refused(() -> price(tier("5", "0.1")), "the first tier of B12345 must start at 0");
    refused(
        () -> price(tier("0", "0.1"), tier("10", "0.05"), tier("10", "0.01")),
        "tiers of B12345 must start at increasing quantities");
    refused(() -> tier("-1", "0.1"), "fromQuantity must not be negative");
    refused(() -> tier("0", "-0.1"), "unitPrice must not be negative");
    refused(() -> new SkuPrice(" ", "n", "u", USD, List.of(tier("0", "1"))), "skuPartNumber");
    refused(() -> new SkuPrice("B1", "n", "u", null, List.of(tier("0", "1"))), "currency");
    refused(
        () -> new SkuPrice("B1", null, "u", USD, List.of(tier("0", "1"))), "name must not be null");
    refused(
        () -> new SkuPrice("B1", "n", null, USD, List.of(tier("0", "1"))), "unit must not be null");
    refused(() -> new SkuPrice("B1", "n", "u", USD, null), "needs at least one price tier");
    refused(
        () -> price(tier("0", "0.1")).costOf(new BigDecimal("-1")),
        "quantity must not be negative, was -1");
  }
}
