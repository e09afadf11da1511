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

  @ParameterizedTest
  @CsvSource({
    "0, 0", // nothing used yet: the first (free) tier prices the first unit
    "744, 0", // the 744th hour is the last free one
    "744.5, 0.0113", // past the free allowance
    "5000, 0.0113",
  })
  void theMarginalTierPricesTheLastUnit(String quantity, String unitPrice) {
    // load balancer base B93030: free for the first 744 hours a month, then 0.0113 an hour
    SkuPrice lb = price(tier("0", "0"), tier("744", "0.0113"));
    assertThat(lb.marginalUnitPrice(new BigDecimal(quantity)))
        .isEqualByComparingTo(new BigDecimal(unitPrice));
    assertThat(lb.marginalTier(new BigDecimal(quantity)).unitPrice())
        .isEqualByComparingTo(new BigDecimal(unitPrice));
  }

  @Test
  void costBetweenIsOneResourcesShareOfATenancyTotal() {
    // A1 OCPU B93297: 3000 h free, then 0.01. A tenancy at 2500 h adds a 744 h instance:
    // 500 h still free + 244 h x 0.01 = 2.44
    SkuPrice a1 = price(tier("0", "0"), tier("3000", "0.01"));
    assertThat(a1.costBetween(new BigDecimal("2500"), new BigDecimal("3244")))
        .isEqualTo(Money.of("2.44", "USD"));
    // past the allowance every hour is paid: 744 x 0.01 = 7.44
    assertThat(a1.costBetween(new BigDecimal("4000"), new BigDecimal("4744")))
        .isEqualTo(Money.of("7.44", "USD"));
    refused(
        () -> a1.costBetween(new BigDecimal("2"), new BigDecimal("1")),
        "from must not be above to, was 2 > 1");
    refused(() -> a1.marginalTier(new BigDecimal("-1")), "quantity must not be negative");
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
