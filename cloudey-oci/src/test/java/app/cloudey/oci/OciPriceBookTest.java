package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.Money;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.SkuPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OciPriceBookTest {
  private static final OciPriceBook BOOK = OciPriceBook.bundled();
  private static final AccountId ACCOUNT = AccountId.of("acme");

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static CostLine line(String sku, String quantity, String cost, String currency) {
    return new CostLine(
        ACCOUNT,
        LocalDate.of(2026, 10, 3),
        "Compute",
        sku,
        "",
        "",
        d(quantity),
        Money.of(cost, currency),
        "us-ashburn-1",
        "",
        "",
        "ocid1.instance.oc1..x",
        Map.of(),
        null,
        null,
        null);
  }

  @Test
  void theBundledListIsComplete() {
    // every SKU of the capture parses into valid (sorted, contiguous from 0) tiers
    assertThat(BOOK.size()).isEqualTo(450);
    assertThat(BOOK.source()).contains("2024-01-19").contains("prices_usd.json");
    assertThat(BOOK.sourceDate()).contains(LocalDate.of(2024, 1, 19));
    SkuPrice e4 = BOOK.find("B93113").orElseThrow();
    assertThat(e4.name()).isEqualTo("Compute - Standard - E4 - OCPU");
    assertThat(e4.unit()).isEqualTo("OCPU Per Hour");
    assertThat(e4.tiers()).hasSize(1);
    assertThat(e4.marginalUnitPrice(d("744"))).isEqualByComparingTo("0.025");
    assertThat(BOOK.find("B00000")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "B93297, 2000, 0", // A1 OCPU: the first 3000 h a month are free
    "B93297, 5000, 0.01",
    "B93030, 744, 0", // load balancer base: the first 744 h free
    "B93030, 745, 0.0113",
    "B97408, 500, 60", // listed out of order (0-100, 1000+, 100-1000): sorted on load
    "B97408, 2000, 24",
  })
  void tieredPricesAreMarginalNeverTheFirstTier(String sku, String quantity, String price) {
    assertThat(BOOK.find(sku).orElseThrow().marginalUnitPrice(d(quantity)))
        .isEqualByComparingTo(price);
  }

  @Test
  void aFlexShapeIsPricedFromItsOcpuAndMemorySkus() {
    AccountPriceBook prices = BOOK.forAccount(AccountPricing.listPrices());
    AccountPriceBook.Estimate e = prices.estimateInstance("VM.Standard.E4.Flex", 2, 16);
    // 720 h: 2 x 720 x 0.025 = 36.00 (B93113) + 16 x 720 x 0.0015 = 17.28 (B93114) = 53.28
    assertThat(e.amount()).contains(Money.of("53.28", "USD"));
    assertThat(e.items())
        .extracting(AccountPriceBook.Item::skuPartNumber)
        .containsExactly("B93113", "B93114");
    assertThat(e.basis()).isEqualTo(AccountPriceBook.Basis.LIST);
    assertThat(e.savingsBasis()).isEqualTo(SavingsBasis.LIST_PRICE);
    assertThat(e.source()).isEqualTo(OciPriceBook.BUNDLED_SOURCE);
    // a suffixed flex label resolves to its family: E3 is priced like E4, 53.28 again
    assertThat(prices.estimateInstance("VM.Standard.E3.Flex.2o.16g.1_1b", 2, 16).amount())
        .contains(Money.of("53.28", "USD"));
  }

  @Test
  void aTieredSkuIsPricedAtTheTenancysMargin() {
    // A1 Flex, 4 OCPUs and 24 GB for 720 h: 2880 OCPU h and 17280 GB h.
    AccountPriceBook alone = BOOK.forAccount(AccountPricing.listPrices());
    // alone, both fit in the free allowances (3000 OCPU h, 18000 GB h): 0
    assertThat(alone.estimateInstance("VM.Standard.A1.Flex", 4, 24).amount())
        .contains(Money.of("0", "USD"));
    AccountPriceBook tenancy =
        BOOK.forAccount(
            AccountPricing.builder()
                .tenancyMonthlyQuantity("B93297", d("5000"))
                .tenancyMonthlyQuantity("B93298", d("30000"))
                .build());
    // OCPU: the tenancy uses 5000 h, this instance the last 2880 (2120..5000): 2120..3000 free,
    //   3000..5000 = 2000 x 0.01 = 20.00
    // memory: 30000 GB h, this instance 12720..30000: 18000..30000 = 12000 x 0.0015 = 18.00
    AccountPriceBook.Estimate e = tenancy.estimateInstance("VM.Standard.A1.Flex", 4, 24);
    assertThat(e.amount()).contains(Money.of("38", "USD"));
    assertThat(e.items().get(0).unitPrice()).isEqualByComparingTo("0.01");
    // one load balancer of three (2160 LB hours): 2160 - 1440 = 720 h x 0.0113 = 8.136
    AccountPriceBook lbs =
        BOOK.forAccount(
            AccountPricing.builder().tenancyMonthlyQuantity("B93030", d("2160")).build());
    assertThat(lbs.estimate(Map.of("B93030", d("720"))).amount())
        .contains(Money.of("8.136", "USD"));
    assertThat(alone.estimate(Map.of("B93030", d("720"))).amount()).contains(Money.of("0", "USD"));
  }

  @Test
  void freeLinesPlaceTheTenancyOnATieredListPrice() {
    // A1 OCPU B93297 lines over 10 days: 96 OCPU h a day, all in the free allowance (cost 0), so
    // there is no billed price but a monthly quantity of 960 x 30 / 10 = 2880 OCPU h
    List<CostLine> lines = new ArrayList<>();
    for (int day = 1; day <= 10; day++) {
      lines.add(
          new CostLine(
              ACCOUNT,
              LocalDate.of(2026, 10, day),
              "Compute",
              "B93297",
              "",
              "",
              d("96"),
              Money.of("0", "USD"),
              "",
              "",
              "",
              "ocid1.instance.oc1..a1",
              Map.of(),
              null,
              null,
              null));
    }
    BilledUnitPrices billed = BilledUnitPrices.from(lines);
    assertThat(billed.findUnitPrice("B93297")).isEmpty();
    assertThat(billed.monthlyQuantities().get("B93297")).isEqualByComparingTo("2880");
    AccountPriceBook prices = BOOK.forAccount(AccountPricing.builder().billed(billed).build());
    // one OCPU less for a month (720 h) of 2880: all of it free, 0
    assertThat(prices.estimate(Map.of("B93297", d("720"))).amount()).contains(Money.of("0", "USD"));
    // at 5000 h a month (given) the same 720 h are past the allowance: 720 x 0.01 = 7.20
    AccountPriceBook busier =
        BOOK.forAccount(
            AccountPricing.builder()
                .billed(billed)
                .tenancyMonthlyQuantity("B93297", d("5000"))
                .build());
    assertThat(busier.estimate(Map.of("B93297", d("720"))).amount())
        .contains(Money.of("7.2", "USD"));
    // sums without days give no monthly quantity
    assertThat(
            BilledUnitPrices.builder()
                .add("B93297", Money.of("0", "USD"), d("96"))
                .build()
                .monthlyQuantities())
        .isEmpty();
  }

  @Test
  void fixedAndGpuShapes() {
    OciShapes shapes = BOOK.shapes();
    OciShapes.ShapeSkus std2 = shapes.findSkus("VM.Standard2.4").orElseThrow();
    assertThat(std2.ocpuSku()).isEqualTo("B88514");
    assertThat(std2.findMemorySku()).isEmpty();
    AccountPriceBook prices = BOOK.forAccount(AccountPricing.listPrices());
    // memory bundled: 4 x 720 x 0.0638 = 183.744
    assertThat(prices.estimateInstance("VM.Standard2.4", 4, 60).amount())
        .contains(Money.of("183.744", "USD"));
    // GPU shapes bill per GPU: VM.GPU.A10.2 = 2 x 720 x 2.00 = 2880
    assertThat(shapes.findSkus("VM.GPU.A10.2").orElseThrow().gpus()).isEqualTo(2);
    assertThat(prices.estimateInstance("VM.GPU.A10.2", 30, 480).amount())
        .contains(Money.of("2880", "USD"));
    // older fixed shapes missing from the OpenCost map: E2 on B90425 (0.03)
    assertThat(shapes.findSkus("VM.Standard.E2.2").orElseThrow().ocpuSku()).isEqualTo("B90425");
    assertThat(shapes.findSkus("VM.Standard.E2.1.Micro").orElseThrow().ocpuSku())
        .isEqualTo("B91444");
    assertThat(shapes.findSkus("VM.Mystery.1")).isEmpty();
    AccountPriceBook.Estimate unknown = prices.estimateInstance("VM.Mystery.1", 1, 1);
    assertThat(unknown.amount()).isEmpty();
    assertThat(unknown.savingsBasis()).isEqualTo(SavingsBasis.NONE);
    assertThat(unknown.reason()).startsWith("shape VM.Mystery.1 has no known SKUs");
  }

  @Test
  void oldGenerationsMoveToACheaperCurrentShape() {
    assertThat(OciShapes.findCurrentGeneration("VM.Standard2.1")).contains("VM.Standard.E4.Flex");
    assertThat(OciShapes.findCurrentGeneration("VM.Standard.E3.Flex"))
        .contains("VM.Standard.E4.Flex");
    assertThat(OciShapes.findCurrentGeneration("BM.Standard2.52")).contains("BM.Standard.E4.128");
    assertThat(OciShapes.findCurrentGeneration("VM.DenseIO2.8")).contains("VM.DenseIO.E4.Flex");
    assertThat(OciShapes.findCurrentGeneration("VM.Standard.E4.Flex")).isEmpty();
    assertThat(OciShapes.findCurrentGeneration("VM.Standard.E2.1.Micro")).isEmpty();
    assertThat(OciShapes.findCurrentGeneration("VM.GPU3.1")).isEmpty();
    AccountPriceBook prices = BOOK.forAccount(AccountPricing.listPrices());
    // VM.Standard2.1 (1 OCPU, 15 GB bundled): 720 x 0.0638 = 45.936
    // VM.Standard.E4.Flex 1 OCPU 15 GB: 720 x 0.025 + 15 x 720 x 0.0015 = 18 + 16.2 = 34.2
    Money old = prices.estimateInstance("VM.Standard2.1", 1, 15).amount().orElseThrow();
    Money current = prices.estimateInstance("VM.Standard.E4.Flex", 1, 15).amount().orElseThrow();
    assertThat(old.minus(current)).isEqualTo(Money.of("11.736", "USD"));
  }

  @ParameterizedTest
  @CsvSource({
    "VM.DenseIO.E4.Flex, true",
    "BM.DenseIO2.52, true",
    "BM.GPU4.8, true",
    "VM.GPU3.1, true",
    "VM.GPU.A10.1, false",
    "BM.HPC2.36, true",
    "BM.Optimized3.36, true",
    "VM.Optimized3.Flex, false",
    "VM.Standard.E4.Flex, false",
    "VM.Standard2.1, false",
    "BM.Standard.E4.128, false",
  })
  void shapesThatBillWhileStopped(String shape, boolean bills) {
    assertThat(OciShapes.billsWhileStopped(shape)).isEqualTo(bills);
  }

  @Test
  void theTenancysBilledPricesWinOverListPrices() {
    BilledUnitPrices billed =
        BilledUnitPrices.from(
            List.of(
                line("B93113", "100", "2.00", "USD"), // 0.02 an OCPU hour (a discounted rate)
                line("B93113", "50", "1.00", "USD"), // same rate: 3.00 / 150 = 0.02
                line("B93113", "24", "0", "USD"), // free (not counted)
                line("", "1", "-40", "USD"))); // a credit (not counted)
    assertThat(billed.findUnitPrice("B93113"))
        .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("0.02"));
    assertThat(billed.describe()).contains("2026-10-03..2026-10-03");
    AccountPriceBook prices =
        BOOK.forAccount(AccountPricing.builder().billed(billed).discountPercent(d("10")).build());
    AccountPriceBook.Estimate e = prices.estimateInstance("VM.Standard.E4.Flex", 2, 16);
    // OCPU at the billed 0.02: 1440 x 0.02 = 28.80; memory has no billed price, so list less
    // 10 %: 11520 x 0.0015 x 0.9 = 15.552; total 44.352, basis LIST (the weakest part)
    assertThat(e.amount()).contains(Money.of("44.352", "USD"));
    assertThat(e.items())
        .extracting(AccountPriceBook.Item::basis)
        .containsExactly(AccountPriceBook.Basis.BILLED, AccountPriceBook.Basis.LIST);
    assertThat(e.basis()).isEqualTo(AccountPriceBook.Basis.LIST);
    assertThat(e.source())
        .contains("billed unit prices (USD)")
        .contains(OciPriceBook.BUNDLED_SOURCE + ", less a 10 % discount");
    assertThat(prices.findUnitPrice("B93113", BigDecimal.ZERO).orElseThrow().basis())
        .isEqualTo(AccountPriceBook.Basis.BILLED);
    // billed for everything: basis BILLED, savings basis billed cost
    Map<String, BigDecimal> ocpuOnly = new LinkedHashMap<>();
    ocpuOnly.put("B93113", d("720"));
    assertThat(prices.estimate(ocpuOnly).savingsBasis()).isEqualTo(SavingsBasis.BILLED_COST);
    assertThat(prices.estimate(ocpuOnly).amount()).contains(Money.of("14.4", "USD"));
  }

  @Test
  void anAccountBilledInAnotherCurrencyGetsNoListPriceAmount() {
    BilledUnitPrices billed =
        BilledUnitPrices.from(List.of(line("B93113", "100", "2.30", "EUR"))); // 0.023 EUR
    AccountPriceBook eur = BOOK.forAccount(AccountPricing.builder().billed(billed).build());
    assertThat(eur.pricing().currency().getCurrencyCode()).isEqualTo("EUR");
    AccountPriceBook.Estimate e = eur.estimateInstance("VM.Standard.E4.Flex", 2, 16);
    assertThat(e.amount()).isEmpty();
    assertThat(e.reason())
        .isEqualTo(
            "the account bills in EUR and has no billed or contract unit price for B93114; only"
                + " USD list prices exist, so no amount is given");
    assertThat(eur.findUnitPrice("B93114", BigDecimal.ZERO)).isEmpty();
    // with a contract price for memory it is priced in EUR:
    // 1440 x 0.023 = 33.12 + 11520 x 0.0014 = 16.128 -> 49.248
    AccountPriceBook contract =
        BOOK.forAccount(
            AccountPricing.builder()
                .billed(billed)
                .contractUnitPrice("B93114", d("0.0014"))
                .build());
    AccountPriceBook.Estimate priced = contract.estimateInstance("VM.Standard.E4.Flex", 2, 16);
    assertThat(priced.amount()).contains(Money.of("49.248", "EUR"));
    assertThat(priced.basis()).isEqualTo(AccountPriceBook.Basis.CONTRACT);
    assertThat(priced.source()).contains("contract unit prices");
  }

  @Test
  void unknownSkusAndBadSettingsAreRefusedWithReasons() {
    AccountPriceBook prices = BOOK.forAccount(AccountPricing.listPrices());
    assertThat(prices.estimate(Map.of("B00000", BigDecimal.ONE)).reason())
        .startsWith("no price for SKU B00000");
    assertThatThrownBy(() -> AccountPricing.builder().discountPercent(d("120")).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessage("discountPercent must be between 0 and 100, was 120");
    // a code nothing is billed in, through the builder or the record
    assertThatThrownBy(() -> AccountPricing.builder().currency(" xxx "))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageStartingWith("currency XXX is not one an account is billed in");
    assertThatThrownBy(
            () ->
                new AccountPricing(
                    Currency.getInstance("XAU"),
                    BilledUnitPrices.none(),
                    Map.of(),
                    BigDecimal.ZERO,
                    Map.of()))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageStartingWith("currency XAU is not one an account is billed in");
    assertThat(AccountPricing.billingCurrency(" eur ").getCurrencyCode()).isEqualTo("EUR");
    BilledUnitPrices eur = BilledUnitPrices.from(List.of(line("B93113", "1", "1", "EUR")));
    assertThatThrownBy(() -> AccountPricing.builder().currency("USD").billed(eur).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("the billed unit prices are in EUR but the account currency is USD");
    assertThatThrownBy(
            () ->
                BilledUnitPrices.from(
                    List.of(line("B93113", "1", "1", "EUR"), line("B93114", "1", "1", "USD"))))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageStartingWith("cost lines mix EUR and USD");
  }
}
