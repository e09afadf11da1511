package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.advisor.IdleInstanceRule;
import app.cloudey.advisor.ListPriceEstimator;
import app.cloudey.advisor.OldGenerationShapeRule;
import app.cloudey.advisor.StandardRules;
import app.cloudey.advisor.UnattachedVolumeRule;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SavingsBasis;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.CloudeyListener;
import app.cloudey.spi.PriceBook;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The OCI provider's rules and prices: {@code .oci(cfg)} alone registers the whole catalogue once,
 * explicit rules replace the provider's of the same id, and resources without billed cost are
 * priced from their configuration (the tenancy's billed unit prices first, list prices second,
 * nothing for a non-USD account without its own prices). Amounts are worked out in the comments.
 */
class OciRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final Clock CLOCK =
      Clock.fixed(TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  private static final AccountId ACCOUNT = AccountId.of("t");
  private static final Period WINDOW = new Period(TODAY.minusDays(30), TODAY);
  private static final ListPriceEstimator ESTIMATOR = OciPriceBook.bundled().estimator();

  // ---- registration ------------------------------------------------------------------------

  @Test
  void theProviderContributesEveryStandardRuleAndTheBundledPriceBook() {
    OciCloud oci = OciCloud.create();
    assertThat(oci.advisorRules())
        .extracting(AdvisorRule::id)
        .containsExactlyElementsOf(StandardRules.all().stream().map(AdvisorRule::id).toList())
        .doesNotHaveDuplicates();
    assertThat(oci.priceBook()).containsSame(OciPriceBook.bundled());
    oci.close();
  }

  @Test
  void ociConfigAloneRunsEachRuleOnceAndAnExplicitRuleReplacesTheProvidersOne() {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    CloudeyListener counting =
        new CloudeyListener() {
          @Override
          public void ruleEvaluated(
              AccountId accountId, String ruleId, int recommendations, Duration took) {
            runs.computeIfAbsent(ruleId, id -> new AtomicInteger()).incrementAndGet();
          }
        };
    try (Cloudey cloudey =
        Cloudey.builder().oci(TestKeys.config().build()).listener(counting).clock(CLOCK).build()) {
      cloudey.recommendations().run();
    }
    assertThat(runs.keySet())
        .containsExactlyInAnyOrderElementsOf(
            StandardRules.all().stream().map(AdvisorRule::id).toList());
    assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));

    // an explicit rule of the same id replaces the provider's: still one run per id
    runs.clear();
    AtomicInteger explicit = new AtomicInteger();
    AdvisorRule idle =
        new AdvisorRule() {
          @Override
          public String id() {
            return IdleInstanceRule.ID;
          }

          @Override
          public List<Recommendation> evaluate(RuleContext context) {
            explicit.incrementAndGet();
            return List.of();
          }
        };
    try (Cloudey cloudey =
        Cloudey.builder()
            .oci(TestKeys.config().build())
            .rule(idle)
            .listener(counting)
            .clock(CLOCK)
            .build()) {
      cloudey.recommendations().run();
    }
    assertThat(explicit.get()).isEqualTo(1);
    assertThat(runs.get(IdleInstanceRule.ID).get()).isEqualTo(1);
    assertThat(runs).hasSize(StandardRules.all().size());
  }

  // ---- per-account pricing through OciConfig ----------------------------------------------

  @Test
  void eachAccountIsPricedWithItsOwnOciConfigPricingAndBilledUnitPricesStillWin() {
    // one Cloudey, two OCI accounts, each with an unattached 100 GB volume at 10 VPUs/GB that has
    // no billed cost (priced from its configuration: B91961 100 GB-months, B91962 1,000
    // VPU-GB-months; list prices 0.0255 and 0.0017: 2.55 + 1.70 = 4.25 USD)
    // - "default" (.oci(cfg)): a 20 % discount on list prices: 4.25 × 0.80 = 3.40 USD
    // - "b" (added with its own config): contract prices B91961 0.0200, B91962 0.0012; its other
    //   volume was billed 3.00 for 200 GB-months of B91961, i.e. 0.015 a GB-month, which wins over
    //   the contract price: 100 × 0.015 = 1.50 + 1,000 × 0.0012 = 1.20 -> 2.70 USD
    //   (without the billed line it would be 2.00 + 1.20 = 3.20)
    AccountPricing discount =
        AccountPricing.builder().discountPercent(new BigDecimal("20")).build();
    AccountPricing contract =
        AccountPricing.builder()
            .contractUnitPrice("B91961", new BigDecimal("0.0200"))
            .contractUnitPrice("B91962", new BigDecimal("0.0012"))
            .build();
    AccountId b = AccountId.of("b");
    app.cloudey.memory.InMemoryStore store = app.cloudey.memory.InMemoryStore.create(CLOCK);
    try (Cloudey cloudey =
        Cloudey.builder()
            .oci(TestKeys.config().pricing(discount).build())
            .store(store)
            .clock(CLOCK)
            .build()) {
      // what cloudey.accounts().add("b", config) stores once OCI has accepted the key (that check
      // is one signed call, left out here)
      store
          .accounts()
          .add(
              new app.cloudey.model.Account(
                  b, "oci", "b", "us-ashburn-1", CLOCK.instant().minusSeconds(3600)),
              TestKeys.config().pricing(contract).build().toCredentials());
      Instant firstSync = TODAY.minusDays(10).atStartOfDay().toInstant(ZoneOffset.UTC);
      for (AccountId account : List.of(Cloudey.DEFAULT_ACCOUNT, b)) {
        List<Resource> volumes = new ArrayList<>();
        volumes.add(volume().toBuilder().accountId(account).tracking(null).build());
        if (account.equals(b)) {
          volumes.add(
              volume().toBuilder()
                  .accountId(account)
                  .id("ocid1.volume.used")
                  .tracking(null)
                  .spec(
                      ResourceSpec.builder()
                          .sizeGb(BigDecimal.valueOf(200))
                          .attachedTo("ocid1.instance.x")
                          .build())
                  .build());
          store
              .costs()
              .replaceCostLines(
                  account,
                  Period.of(TODAY.minusDays(2), TODAY.minusDays(1)),
                  java.util.stream.Stream.of(
                      app.cloudey.model.CostLine.builder()
                          .accountId(account)
                          .day(TODAY.minusDays(2))
                          .service("BLOCK_STORAGE")
                          .skuPartNumber("B91961")
                          .skuName("Block Volume - Storage")
                          .unit("GB Months")
                          .quantity(new BigDecimal("200"))
                          .cost(Money.of("3.00", "USD"))
                          .region("us-ashburn-1")
                          .compartmentId("ocid1.compartment.c")
                          .compartmentPath("root")
                          .resourceId("ocid1.volume.used")
                          .build()));
        }
        store
            .inventory()
            .replaceScope(
                account,
                new app.cloudey.model.Scope(
                    "us-ashburn-1", "ocid1.compartment.c", ResourceType.BLOCK_VOLUME),
                volumes,
                firstSync);
      }

      Recommendation discounted =
          single(cloudey.recommendations().run().recommendations(), UnattachedVolumeRule.ID);
      assertThat(discounted.monthlySavings()).isEqualTo(Money.of("3.40", "USD"));
      assertThat(discounted.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
      assertThat(discounted.summary()).contains("2024-01-19").contains("less a 20 % discount");

      Recommendation contracted =
          single(
              cloudey.account(b).recommendations().run().recommendations(),
              UnattachedVolumeRule.ID);
      assertThat(contracted.monthlySavings()).isEqualTo(Money.of("2.70", "USD"));
      assertThat(contracted.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
      assertThat(contracted.summary())
          .contains("billed unit prices")
          .contains("contract unit prices");
    }
  }

  @Test
  void accountsWithTheSamePricingShareRulesAndOnesWithoutPricingGetTheProvidersOwn() {
    OciCloud oci = OciCloud.create();
    AccountPricing discount = AccountPricing.builder().discountPercent(new BigDecimal("5")).build();
    assertThat(oci.advisorRules(TestKeys.config().build().toCredentials()))
        .isSameAs(oci.advisorRules());
    List<AdvisorRule> priced =
        oci.advisorRules(TestKeys.config().pricing(discount).build().toCredentials());
    assertThat(priced).isNotSameAs(oci.advisorRules());
    assertThat(priced)
        .extracting(AdvisorRule::id)
        .containsExactlyElementsOf(oci.advisorRules().stream().map(AdvisorRule::id).toList());
    assertThat(oci.advisorRules(TestKeys.config().pricing(discount).build().toCredentials()))
        .isSameAs(priced);
    oci.close();
  }

  private static Recommendation single(List<Recommendation> recommendations, String ruleId) {
    return recommendations.stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .reduce(
            (x, y) -> {
              throw new AssertionError("two " + ruleId + " findings: " + x + ", " + y);
            })
        .orElseThrow(() -> new AssertionError("no " + ruleId + " finding in " + recommendations));
  }

  // ---- estimates ---------------------------------------------------------------------------

  @Test
  void anInstanceWithoutBilledCostIsPricedAtListPricesCitingTheirSourceAndDate() {
    // VM.Standard.E4.Flex, 2 OCPUs, 16 GB, 720 hours: B93113 2 × 720 × 0.025 = 36.00,
    // B93114 16 × 720 × 0.0015 = 17.28; 53.28 USD
    ListPriceEstimator.Estimate e = ESTIMATOR.monthly(e4(2, 16), context(List.of(), Map.of()));
    assertThat(e.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
    assertThat(e.amount()).isEqualTo(Money.of("53.28", "USD"));
    assertThat(e.source()).contains("2024-01-19").contains("prices_usd.json");
  }

  @Test
  void theTenancysBilledUnitPricesWinOverListPrices() {
    // another instance billed 100 OCPU hours for 2.00 (0.02 an hour) and 800 GB hours for 0.80
    // (0.001): 2 × 720 × 0.02 = 28.80 + 16 × 720 × 0.001 = 11.52 -> 40.32 USD at billed prices
    Resource other = e4(1, 8).toBuilder().id("ocid1.instance.other").build();
    Map<String, List<ResourceSkuCost>> costs =
        Map.of(
            other.id(),
            List.of(
                sku(other.id(), "B93113", "OCPU Hours", "USD", "2.00", "100"),
                sku(other.id(), "B93114", "GB Hours", "USD", "0.80", "800")));
    ListPriceEstimator.Estimate e = ESTIMATOR.monthly(e4(2, 16), context(List.of(other), costs));
    assertThat(e.basis()).isEqualTo(SavingsBasis.BILLED_COST);
    assertThat(e.amount()).isEqualTo(Money.of("40.32", "USD"));
    assertThat(e.source()).contains("billed unit prices");
  }

  @Test
  void aLoadBalancerIsPricedAtTheMarginalTierOfTheTenancysUsage() {
    // alone, 720 base hours and 10 × 720 = 7,200 Mbps hours are inside the free tiers (744 and
    // 7,440): 0.00. Another flexible LB's free lines use 720 and 7,200 already, so this one's are
    // the hours 720..1,440 and 7,200..14,400: (1,440 − 744) × 0.0113 = 7.8648 and
    // (14,400 − 7,440) × 0.0001 = 0.696; 8.5608 USD
    Resource lb = lb("ocid1.loadbalancer.a");
    assertThat(ESTIMATOR.monthly(lb, context(List.of(), Map.of())).amount())
        .isEqualTo(Money.of("0", "USD"));
    Resource other = lb("ocid1.loadbalancer.b");
    Map<String, List<ResourceSkuCost>> costs =
        Map.of(
            other.id(),
            List.of(
                sku(other.id(), "B93030", "Load Balancer Hours", "USD", "0", "720"),
                sku(other.id(), "B93031", "Mbps Hours", "USD", "0", "7200")));
    ListPriceEstimator.Estimate e = ESTIMATOR.monthly(lb, context(List.of(other), costs));
    assertThat(e.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
    assertThat(e.amount()).isEqualTo(Money.of("8.5608", "USD"));
  }

  @Test
  void anUnattachedVolumeWithoutBilledCostHasAListPriceInUsdAndNoAmountInEur() {
    // 100 GB at 10 VPUs/GB: B91961 100 × 0.0255 = 2.55, B91962 100 × 10 × 0.0017 = 1.70; 4.25 USD
    Resource volume = volume();
    List<Recommendation> usd =
        new UnattachedVolumeRule(new UnattachedVolumeRule.Options(7, ESTIMATOR))
            .evaluate(context(List.of(volume), Map.of()));
    assertThat(usd)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.monthlySavings()).isEqualTo(Money.of("4.25", "USD"));
              assertThat(r.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
              assertThat(r.summary()).contains("2024-01-19");
            });

    // the account bills in EUR (an instance's compute lines) and has no EUR price for block
    // storage: only USD list prices exist, so the rule says so and gives no amount
    Resource other = e4(1, 8).toBuilder().id("ocid1.instance.other").build();
    Map<String, List<ResourceSkuCost>> eur =
        Map.of(other.id(), List.of(sku(other.id(), "B93113", "OCPU Hours", "EUR", "2.00", "100")));
    List<Recommendation> none =
        new UnattachedVolumeRule(new UnattachedVolumeRule.Options(7, ESTIMATOR))
            .evaluate(context(List.of(volume, other), eur));
    assertThat(none)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.basis()).isEqualTo(SavingsBasis.NONE);
              assertThat(r.monthlySavings().isZero()).isTrue();
              assertThat(r.summary()).contains("No amount").contains("EUR").contains("USD");
            });

    // with the tenancy's own EUR unit prices for both volume SKUs (0.0230 / GB-month and 0.0015 /
    // VPU-GB-month): 100 × 0.023 = 2.30 + 1,000 × 0.0015 = 1.50; 3.80 EUR at billed prices
    Resource billedVolume = volume().toBuilder().id("ocid1.volume.billed").build();
    Map<String, List<ResourceSkuCost>> eurVolumes = new LinkedHashMap<>(eur);
    eurVolumes.put(
        billedVolume.id(),
        List.of(
            sku(billedVolume.id(), "B91961", "GB Months", "EUR", "4.60", "200"),
            sku(billedVolume.id(), "B91962", "VPU GB Months", "EUR", "3.00", "2000")));
    ListPriceEstimator.Estimate e =
        ESTIMATOR.monthly(volume, context(List.of(volume, other, billedVolume), eurVolumes));
    assertThat(e.amount()).isEqualTo(Money.of("3.80", "EUR"));
    assertThat(e.basis()).isEqualTo(SavingsBasis.BILLED_COST);
  }

  @Test
  void anEstimateInAnotherCurrencyThanTheBillsIsNeverUsed() {
    // a careless estimator that prices everything at 10 USD; the account bills in EUR
    ListPriceEstimator careless =
        (resource, context) -> ListPriceEstimator.Estimate.listPrice(Money.of("10", "USD"), "x");
    Resource other = e4(1, 8).toBuilder().id("ocid1.instance.other").build();
    Map<String, List<ResourceSkuCost>> eur =
        Map.of(other.id(), List.of(sku(other.id(), "B93113", "OCPU Hours", "EUR", "2.00", "100")));
    List<Recommendation> found =
        new UnattachedVolumeRule(new UnattachedVolumeRule.Options(7, careless))
            .evaluate(context(List.of(volume(), other), eur));
    assertThat(found)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.basis()).isEqualTo(SavingsBasis.NONE);
              assertThat(r.summary()).contains("bills in EUR");
            });
  }

  @Test
  void oldGenerationsArePricedAgainstTheCurrentShape() {
    // VM.Standard2.2 (2 OCPUs, 30 GB): B88514 2 × 720 × 0.0638 = 91.872;
    // VM.Standard.E4.Flex with the same: 36.00 + 30 × 720 × 0.0015 = 32.40 -> 68.40;
    // ratio 68.4 / 91.872
    Resource old =
        e4(2, 30).toBuilder()
            .spec(
                ResourceSpec.builder()
                    .shape("VM.Standard2.2")
                    .ocpus(BigDecimal.valueOf(2))
                    .memoryGb(BigDecimal.valueOf(30))
                    .build())
            .build();
    Optional<OldGenerationShapeRule.Replacement> r =
        OciPriceBook.bundled().generations().replacement(old);
    assertThat(r).isPresent();
    assertThat(r.get().shape()).isEqualTo("VM.Standard.E4.Flex");
    assertThat(r.get().priceRatio())
        .isEqualByComparingTo(
            new BigDecimal("68.4").divide(new BigDecimal("91.872"), MathContext.DECIMAL64));
    assertThat(OciPriceBook.bundled().generations().replacement(e4(2, 16))).isEmpty();
  }

  // ---- rightsizing without billed cost ------------------------------------------------------

  @Test
  void rightsizingAnInstanceWithoutBilledCostIsPricedFromTheShapesSkusAtListPrices() {
    // new-app: VM.Standard.E4.Flex, 4 OCPUs, 32 GB, P95 CPU 20 %: target = ceil(4 × 20 / 60) = 2
    // OCPUs, memory kept. No line bills it, so both configurations are priced from the shape's
    // SKUs at list prices (720 h): now B93113 4 × 720 × 0.025 = 72.00 + B93114 32 × 720 × 0.0015
    // = 34.56 -> 106.56; target 2 × 720 × 0.025 = 36.00 + 34.56 = 70.56; saving 36.00 USD
    Resource newApp = flex("ocid1.instance.new", "new-app", "VM.Standard.E4.Flex", 4, 32);
    Recommendation r =
        single(
            rightsizingRun(List.of(newApp), List.of(), List.of(newApp.id())).recommendations(),
            "rightsize-instance");
    assertThat(r.monthlySavings()).isEqualTo(Money.of("36.00", "USD"));
    assertThat(r.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
    assertThat(r.summary()).contains("2024-01-19").contains("prices_usd.json");
    // no memory metric: memory is kept (32 GB, "not sized")
    assertThat(r.evidence().rows())
        .containsExactly(
            List.of("current", "4", "20", "32", "not sized", "106.56 USD"),
            List.of("target", "2", "40", "32", "not sized", "70.56 USD"),
            List.of("over-provisioned", "", "yes: 20 < 40", "", "not judged", ""));
  }

  @Test
  void rightsizingWithAMemoryMetricPricesTheSmallerMemoryFromTheShapesSkus() {
    // new-app as above, now with P95 memory 30 % over the 14 days: memory ⌈32 × 30 / 60⌉ = 16 GB
    // (2 OCPUs allow 2 to 128 GB). No line bills it: list prices (720 h): now 72.00 + 34.56 =
    // 106.56; target 2 × 720 × 0.025 = 36.00 + 16 × 720 × 0.0015 = 17.28 -> 53.28; saving 53.28
    // USD (36.00 for the OCPUs + 17.28 for the memory)
    Resource newApp = flex("ocid1.instance.new", "new-app", "VM.Standard.E4.Flex", 4, 32);
    Recommendation r =
        single(
            rightsizingRun(List.of(newApp), List.of(), List.of(newApp.id()), 30.0)
                .recommendations(),
            "rightsize-instance");
    assertThat(r.monthlySavings()).isEqualTo(Money.of("53.28", "USD"));
    assertThat(r.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
    assertThat(r.title())
        .isEqualTo("Rightsize new-app to 2 OCPUs and 16 GB (CPU and memory over-provisioned)");
    assertThat(r.evidence().rows())
        .containsExactly(
            List.of("current", "4", "20", "32", "30", "106.56 USD"),
            List.of("target", "2", "40", "16", "60", "53.28 USD"),
            List.of("over-provisioned", "", "yes: 20 < 40", "", "yes: 30 < 40", ""));
  }

  @Test
  void rightsizingAnAmpereInstanceIsPricedAtTheTenancysMarginalTier() {
    // arm-app: VM.Standard.A1.Flex, 4 OCPUs, 24 GB, P95 20 %: target 2 OCPUs. Another A1
    // instance's free lines use 2,160 OCPU hours (B93297, free up to 3,000 a month) and 12,960 GB
    // hours (B93298, free up to 18,000) of the tenancy's allowance in the 30 days.
    // now: OCPU hours 2,160 + 2,880 = 5,040: (5,040 − 3,000) × 0.01 = 20.40;
    // target: 2,160 + 1,440 = 3,600: (3,600 − 3,000) × 0.01 = 6.00;
    // memory is kept (12,960 + 17,280 = 30,240 either way: 18.36 in both), so saving = 14.40 USD
    Resource arm = flex("ocid1.instance.arm", "arm-app", "VM.Standard.A1.Flex", 4, 24);
    Resource other = flex("ocid1.instance.other", "arm-other", "VM.Standard.A1.Flex", 3, 18);
    List<app.cloudey.model.CostLine> free =
        List.of(
            line(other.id(), "B93297", "OCPU Per Hour", "2160", "0.00", "USD"),
            line(other.id(), "B93298", "Gigabyte Per Hour", "12960", "0.00", "USD"));
    Recommendation r =
        single(
            rightsizingRun(List.of(arm, other), free, List.of(arm.id())).recommendations(),
            "rightsize-instance");
    assertThat(r.monthlySavings()).isEqualTo(Money.of("14.40", "USD"));
    assertThat(r.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
    assertThat(r.severity()).isEqualTo(app.cloudey.model.Severity.MEDIUM);

    // alone, the tenancy's allowance covers both configurations (2,880 and 1,440 OCPU hours <
    // 3,000; 17,280 GB hours < 18,000): 0.00, informational, nothing to save
    Recommendation alone =
        single(
            rightsizingRun(List.of(arm), List.of(), List.of(arm.id())).recommendations(),
            "rightsize-instance");
    assertThat(alone.monthlySavings().isZero()).isTrue();
    assertThat(alone.basis()).isEqualTo(SavingsBasis.LIST_PRICE);
    assertThat(alone.severity()).isEqualTo(app.cloudey.model.Severity.INFO);
    assertThat(alone.summary()).contains("costs nothing today");
  }

  @Test
  void rightsizingInAnAccountBilledInEurWithoutItsOwnPricesSaysSoAndHasNoAmount() {
    // the account bills in EUR (another instance's OCPU line: B93113 at 0.02 EUR an hour), but
    // has no EUR price for the memory SKU B93114: only USD list prices exist, so no amount
    Resource newApp = flex("ocid1.instance.new", "new-app", "VM.Standard.E4.Flex", 4, 32);
    Resource other = flex("ocid1.instance.other", "eur-other", "VM.Standard.E4.Flex", 1, 8);
    Recommendation r =
        single(
            rightsizingRun(
                    List.of(newApp, other),
                    List.of(line(other.id(), "B93113", "OCPU Per Hour", "100", "2.00", "EUR")),
                    List.of(newApp.id()))
                .recommendations(),
            "rightsize-instance");
    assertThat(r.basis()).isEqualTo(SavingsBasis.NONE);
    assertThat(r.monthlySavings().isZero()).isTrue();
    assertThat(r.summary())
        .contains("No amount")
        .contains("bills in EUR")
        .contains("B93114")
        .contains("only USD list prices");
    assertThat(r.evidence().rows())
        .extracting(row -> row.get(5))
        .containsExactly("not priced", "not priced", "");
  }

  /**
   * A run of the provider's rules over instances measured at P95 CPU 20 % (mean 15, max 25, 14 full
   * days) where {@code measured}, with {@code lines} in the cost window.
   */
  private static app.cloudey.model.RecommendationRun rightsizingRun(
      List<Resource> instances, List<app.cloudey.model.CostLine> lines, List<String> measured) {
    return rightsizingRun(instances, lines, measured, null);
  }

  /** As above, with memory measured at this P95 (mean 5 below, max 5 above) when not null. */
  private static app.cloudey.model.RecommendationRun rightsizingRun(
      List<Resource> instances,
      List<app.cloudey.model.CostLine> lines,
      List<String> measured,
      Double memoryP95) {
    app.cloudey.memory.InMemoryStore store = app.cloudey.memory.InMemoryStore.create(CLOCK);
    try (Cloudey cloudey =
        Cloudey.builder().oci(TestKeys.config().build()).store(store).clock(CLOCK).build()) {
      AccountId id = Cloudey.DEFAULT_ACCOUNT;
      store
          .inventory()
          .replaceScope(
              id,
              new app.cloudey.model.Scope(
                  "us-ashburn-1", "ocid1.compartment.c", ResourceType.INSTANCE),
              instances.stream().map(i -> i.toBuilder().accountId(id).build()).toList(),
              TODAY.minusDays(20).atStartOfDay().toInstant(ZoneOffset.UTC));
      store
          .costs()
          .replaceCostLines(
              id,
              Period.of(TODAY.minusDays(30), TODAY),
              lines.stream().map(l -> l.toBuilder().accountId(id).build()));
      List<app.cloudey.model.MetricDaily> metrics = new ArrayList<>();
      for (String rid : measured) {
        for (int d = 14; d >= 1; d--) {
          metrics.add(
              new app.cloudey.model.MetricDaily(
                  id, rid, MetricName.CPU_UTILIZATION, TODAY.minusDays(d), 15.0, 25.0, 20.0, 24));
          if (memoryP95 != null) {
            metrics.add(
                new app.cloudey.model.MetricDaily(
                    id,
                    rid,
                    MetricName.MEMORY_UTILIZATION,
                    TODAY.minusDays(d),
                    memoryP95 - 5,
                    memoryP95 + 5,
                    memoryP95,
                    24));
          }
        }
      }
      store.metrics().upsert(id, metrics);
      return cloudey.recommendations().run();
    }
  }

  private static Resource flex(String id, String name, String shape, int ocpus, int memoryGb) {
    return base(ResourceType.INSTANCE, id)
        .name(name)
        .lifecycleState("RUNNING")
        .spec(
            ResourceSpec.builder()
                .shape(shape)
                .ocpus(BigDecimal.valueOf(ocpus))
                .memoryGb(BigDecimal.valueOf(memoryGb))
                .build())
        .build();
  }

  /** One line of the window (10 days ago) for a resource. */
  private static app.cloudey.model.CostLine line(
      String resourceId, String sku, String unit, String quantity, String amount, String currency) {
    return app.cloudey.model.CostLine.builder()
        .accountId(ACCOUNT)
        .day(TODAY.minusDays(10))
        .service("COMPUTE")
        .skuPartNumber(sku)
        .skuName(sku + " " + unit)
        .unit(unit)
        .quantity(new BigDecimal(quantity))
        .cost(Money.of(amount, currency))
        .region("us-ashburn-1")
        .compartmentId("ocid1.compartment.c")
        .compartmentPath("root")
        .resourceId(resourceId)
        .build();
  }

  // ---- fixtures ----------------------------------------------------------------------------

  private static Resource.Builder base(ResourceType type, String id) {
    return Resource.builder()
        .accountId(ACCOUNT)
        .provider("oci")
        .type(type)
        .id(id)
        .name(id.substring(id.lastIndexOf('.') + 1))
        .region("us-ashburn-1")
        .compartmentId("ocid1.compartment.c")
        .timeCreated(Instant.parse("2026-09-01T00:00:00Z"));
  }

  private static Resource e4(int ocpus, int memoryGb) {
    return base(ResourceType.INSTANCE, "ocid1.instance.e4")
        .lifecycleState("RUNNING")
        .spec(
            ResourceSpec.builder()
                .shape("VM.Standard.E4.Flex")
                .ocpus(BigDecimal.valueOf(ocpus))
                .memoryGb(BigDecimal.valueOf(memoryGb))
                .build())
        .build();
  }

  private static Resource lb(String id) {
    return base(ResourceType.LOAD_BALANCER, id)
        .lifecycleState("ACTIVE")
        .spec(
            ResourceSpec.builder()
                .shape("flexible")
                .bandwidthMinMbps(10)
                .bandwidthMaxMbps(100)
                .build())
        .build();
  }

  private static Resource volume() {
    Instant since = Instant.parse("2026-11-10T06:00:00Z");
    return base(ResourceType.BLOCK_VOLUME, "ocid1.volume.v")
        .lifecycleState("AVAILABLE")
        .spec(ResourceSpec.builder().sizeGb(BigDecimal.valueOf(100)).vpusPerGb(10).build())
        .tracking(new Resource.Tracking(since, since, since))
        .build();
  }

  private static ResourceSkuCost sku(
      String resourceId, String sku, String unit, String currency, String amount, String qty) {
    return new ResourceSkuCost(
        resourceId,
        "Compute",
        sku,
        sku,
        unit,
        Currency.getInstance(currency),
        new BigDecimal(amount),
        new BigDecimal(qty),
        TODAY.minusDays(30),
        TODAY.minusDays(1),
        30);
  }

  /** A snapshot as the engine makes one: resources, their window costs, the billing currency. */
  private static RuleContext context(
      List<Resource> resources, Map<String, List<ResourceSkuCost>> costs) {
    Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
    costs.values().stream()
        .flatMap(List::stream)
        .forEach(
            s -> byCurrency.merge(s.currency().getCurrencyCode(), s.amount(), BigDecimal::add));
    Optional<Currency> currency =
        byCurrency.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(e -> Currency.getInstance(e.getKey()));
    List<Resource> all = new ArrayList<>(resources);
    return new RuleContext() {
      @Override
      public AccountId accountId() {
        return ACCOUNT;
      }

      @Override
      public Clock clock() {
        return CLOCK;
      }

      @Override
      public List<Resource> resources() {
        return all;
      }

      @Override
      public Optional<Resource> resource(String id) {
        return all.stream().filter(r -> r.id().equals(id)).findFirst();
      }

      @Override
      public Period costWindow() {
        return WINDOW;
      }

      @Override
      public Optional<ResourceCost> cost(String resourceId) {
        return Optional.ofNullable(costs.get(resourceId))
            .map(rows -> new ResourceCost(resourceId, WINDOW, rows));
      }

      @Override
      public List<CostRow> costs(CostQuery query) {
        return List.of();
      }

      @Override
      public Period metricWindow() {
        return new Period(TODAY.minusDays(14), TODAY);
      }

      @Override
      public Optional<MetricSummary> metric(String resourceId, MetricName metric) {
        return Optional.empty();
      }

      @Override
      public PriceBook priceBook() {
        return OciPriceBook.bundled();
      }

      @Override
      public Optional<Currency> billingCurrency() {
        return currency;
      }
    };
  }
}
