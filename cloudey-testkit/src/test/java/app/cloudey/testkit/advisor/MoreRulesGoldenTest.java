package app.cloudey.testkit.advisor;

import static app.cloudey.testkit.advisor.GoldenTenancy.spec;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.advisor.CommitmentRule;
import app.cloudey.advisor.LargeVolumeRule;
import app.cloudey.advisor.OldGenerationShapeRule;
import app.cloudey.advisor.OversizedLoadBalancerRule;
import app.cloudey.advisor.RegionOptimisationRule;
import app.cloudey.advisor.StorageTierRule;
import app.cloudey.advisor.VolumePerformanceRule;
import app.cloudey.model.MetricName;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SavingsBasis;
import app.cloudey.spi.AdvisorRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden scenarios of the tier, size, generation, commitment and region rules (today 11-15). */
class MoreRulesGoldenTest {
  private GoldenTenancy t;

  @BeforeEach
  void open() {
    t = new GoldenTenancy();
  }

  @AfterEach
  void close() {
    t.close();
  }

  private Map<String, String> found(List<AdvisorRule> rules, String ruleId) {
    return GoldenTenancy.savings(t.cloudey(rules).recommendations().run(), ruleId);
  }

  @Test
  void volumePerformanceLowersVpusWhenIopsStayFarBelowBalanced() {
    // fast: 100 GB at 30 VPUs/GB, max 500 IOPS < 0.5 x 60 x 100 = 3000; its performance SKU
    // costs 0.51 a day = 15.30 a month: saving = 15.30 x (30 - 10) / 30 = 10.20; capacity SKU
    // (0.085 a day) is not part of it. busy: max 4000 IOPS: nothing. balanced (10 VPUs): nothing.
    t.add(
        t.resource(ResourceType.BLOCK_VOLUME, "v-fast", "fast", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("100")).vpusPerGb(30).attachedTo("i").build())
            .build());
    t.billMonth(
        "v-fast", "BLOCK_STORAGE", "B91962", "Performance Units Per Gigabyte Per Month", "0.51");
    t.billMonth(
        "v-fast", "BLOCK_STORAGE", "B91961", "Gigabyte Storage Capacity Per Month", "0.085");
    t.measure("v-fast", MetricName.VOLUME_IOPS, 14, 100, 300, 500);
    t.add(
        t.resource(ResourceType.BLOCK_VOLUME, "v-busy", "busy", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("100")).vpusPerGb(30).attachedTo("i").build())
            .build());
    t.billMonth(
        "v-busy", "BLOCK_STORAGE", "B91962", "Performance Units Per Gigabyte Per Month", "0.51");
    t.measure("v-busy", MetricName.VOLUME_IOPS, 14, 1000, 3000, 4000);
    t.add(
        t.resource(ResourceType.BLOCK_VOLUME, "v-bal", "balanced", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("100")).vpusPerGb(10).attachedTo("i").build())
            .build());
    t.billMonth(
        "v-bal", "BLOCK_STORAGE", "B91962", "Performance Units Per Gigabyte Per Month", "0.17");
    t.measure("v-bal", MetricName.VOLUME_IOPS, 14, 1, 1, 1);
    assertThat(found(List.of(new VolumePerformanceRule()), VolumePerformanceRule.ID))
        .containsExactly(Map.entry("v-fast", "10.20"));
  }

  /** A block volume of {@code gb} GB at {@code vpus} VPUs/GB, attached to an instance. */
  private void volume(ResourceType type, String id, String name, String gb, int vpus) {
    t.add(
        t.resource(type, id, name, "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal(gb)).vpusPerGb(vpus).attachedTo("i").build())
            .build());
  }

  private void billVpus(String id, String perDay) {
    t.billMonth(id, "BLOCK_STORAGE", "B91962", "Performance Units Per Gigabyte Per Month", perDay);
  }

  @Test
  void aLargeVolumeWhoseIoFitsLowerCostDropsItsPerformanceUnits() {
    // large: 2000 GB at 10 VPUs/GB, max 800 IOPS < 0.5 x min(2 x 2000, 3000) = 1500; performance
    // SKU 1.10 a day = 33.00 a month, all of it saved at 0 VPUs/GB; capacity (1.70 a day) stays
    volume(ResourceType.BLOCK_VOLUME, "v-large", "large", "2000", 10);
    billVpus("v-large", "1.10");
    t.billMonth(
        "v-large", "BLOCK_STORAGE", "B91961", "Gigabyte Storage Capacity Per Month", "1.70");
    t.measure("v-large", MetricName.VOLUME_IOPS, 14, 200, 600, 800);
    // ultra: 1000 GB at 30 VPUs/GB, max 100 IOPS < 0.5 x 2000 = 1000; 1.53 a day = 45.90 a month,
    // all saved; volume-performance finds it too, down to Balanced: 45.90 x (30 - 10) / 30 = 30.60
    volume(ResourceType.BLOCK_VOLUME, "v-ultra", "ultra", "1000", 30);
    billVpus("v-ultra", "1.53");
    t.measure("v-ultra", MetricName.VOLUME_IOPS, 14, 20, 80, 100);
    // traps: busy (max 1500 is not below 1500), 999 GB is not large, already at Lower Cost (0
    // VPUs/GB, no performance SKU), no IOPS metric (missing is not idle), a boot volume (no
    // Lower Cost level for boot volumes)
    volume(ResourceType.BLOCK_VOLUME, "v-busy", "busy", "2000", 10);
    billVpus("v-busy", "1.10");
    t.measure("v-busy", MetricName.VOLUME_IOPS, 14, 800, 1200, 1500);
    volume(ResourceType.BLOCK_VOLUME, "v-999", "not-large", "999", 10);
    billVpus("v-999", "0.55");
    t.measure("v-999", MetricName.VOLUME_IOPS, 14, 1, 1, 1);
    volume(ResourceType.BLOCK_VOLUME, "v-lower", "lower", "2000", 0);
    t.billMonth(
        "v-lower", "BLOCK_STORAGE", "B91961", "Gigabyte Storage Capacity Per Month", "1.70");
    t.measure("v-lower", MetricName.VOLUME_IOPS, 14, 1, 1, 1);
    volume(ResourceType.BLOCK_VOLUME, "v-blind", "blind", "2000", 10);
    billVpus("v-blind", "1.10");
    t.unmeasured("v-blind", MetricName.VOLUME_IOPS);
    volume(ResourceType.BOOT_VOLUME, "bv-large", "boot", "2000", 10);
    billVpus("bv-large", "1.10");
    t.measure("bv-large", MetricName.VOLUME_IOPS, 14, 1, 1, 1);

    RecommendationRun run =
        t.cloudey(List.of(new LargeVolumeRule(), new VolumePerformanceRule()))
            .recommendations()
            .run();
    assertThat(GoldenTenancy.savings(run, LargeVolumeRule.ID))
        .containsExactlyInAnyOrderEntriesOf(Map.of("v-large", "33.00", "v-ultra", "45.90"));
    assertThat(GoldenTenancy.savings(run, VolumePerformanceRule.ID))
        .containsExactly(Map.entry("v-ultra", "30.60"));
    // ultra counts once, as the larger saving: 33.00 + 45.90
    Recommendation ultra =
        run.recommendations().stream()
            .filter(r -> r.ruleId().equals(VolumePerformanceRule.ID))
            .findFirst()
            .orElseThrow();
    assertThat(run.counted(ultra)).isFalse();
    assertThat(run.totalMonthlySavings())
        .singleElement()
        .satisfies(total -> assertThat(total.amount()).isEqualByComparingTo("78.90"));
    Recommendation large =
        run.recommendations().stream()
            .filter(r -> r.resourceIds().equals(List.of("v-large")))
            .findFirst()
            .orElseThrow();
    assertThat(large.title())
        .isEqualTo("Move large volume large to the Lower Cost performance level");
    assertThat(large.basis()).isEqualTo(SavingsBasis.BILLED_COST);
    assertThat(large.evidence().rows())
        .containsExactly(List.of("large", "2000", "10", "800", "3000"));
  }

  @Test
  void anOversizedMinimumBandwidthIsLowered() {
    // lb: minimum 400 Mbps, peak 35 Mbps < 100: target 40; bandwidth SKU 0.80 a day = 24.00:
    // saving = 24.00 x (400 - 40) / 400 = 21.60. lb-small: minimum 10: nothing.
    t.add(
        t.resource(ResourceType.LOAD_BALANCER, "lb", "lb", "ACTIVE")
            .spec(
                spec()
                    .bandwidthMinMbps(400)
                    .bandwidthMaxMbps(800)
                    .backendCount(2)
                    .healthyBackendCount(2)
                    .build())
            .build());
    t.billMonth("lb", "LOAD_BALANCER", "B93031", "Mbps Per Hour", "0.80");
    t.billMonth("lb", "LOAD_BALANCER", "B93030", "Load Balancer Base Per Hour", "0.30");
    t.measure("lb", MetricName.LB_PEAK_BANDWIDTH, 14, 10, 30, 35);
    t.add(
        t.resource(ResourceType.LOAD_BALANCER, "lb-small", "lb-small", "ACTIVE")
            .spec(spec().bandwidthMinMbps(10).bandwidthMaxMbps(100).build())
            .build());
    t.billMonth("lb-small", "LOAD_BALANCER", "B93031", "Mbps Per Hour", "0.02");
    t.measure("lb-small", MetricName.LB_PEAK_BANDWIDTH, 14, 0.1, 0.1, 0.1);
    assertThat(found(List.of(new OversizedLoadBalancerRule()), OversizedLoadBalancerRule.ID))
        .containsExactly(Map.entry("lb", "21.60"));
  }

  @Test
  void anOldGenerationShapeMovesToItsCheaperSuccessor() {
    // old: VM.Standard2.2 billed 2.00 a day = 60.00; successor costs 0.55 as much:
    // saving = 60.00 x (1 - 0.55) = 27.00. new-one: no replacement: nothing.
    t.add(
        t.resource(ResourceType.INSTANCE, "i-old", "old", "RUNNING")
            .spec(spec().shape("VM.Standard2.2").build())
            .build());
    t.billMonth("i-old", "COMPUTE", "B88317", "OCPU Per Hour", "2.00");
    t.add(
        t.resource(ResourceType.INSTANCE, "i-new", "new-one", "RUNNING")
            .spec(spec().shape("VM.Standard.E5.Flex").build())
            .build());
    t.billMonth("i-new", "COMPUTE", "B97384", "OCPU Per Hour", "2.00");
    OldGenerationShapeRule.ShapeGenerations map =
        r ->
            "VM.Standard2.2".equals(r.spec().shape())
                ? Optional.of(
                    new OldGenerationShapeRule.Replacement(
                        "VM.Standard.E5.Flex", new BigDecimal("0.55")))
                : Optional.empty();
    assertThat(
            found(
                List.of(new OldGenerationShapeRule(new OldGenerationShapeRule.Options(map))),
                OldGenerationShapeRule.ID))
        .containsExactly(Map.entry("i-old", "27.00"));
  }

  @Test
  void aCostlyStandardBucketIsACandidateForInfrequentAccess() {
    // logs: Standard, 1.00 a day = 30.00: saving = 30.00 x (1 - 0.0100 / 0.0255) = 18.24 (18.235..)
    // cold: Archive: nothing. tiny: Standard, 0.10 a day = 3.00 < 10: nothing.
    t.add(
        t.resource(ResourceType.BUCKET, "b-logs", "logs", "ACTIVE")
            .spec(spec().storageTier("Standard").build())
            .build());
    t.billMonth("b-logs", "OBJECT_STORAGE", "B91628", "GB Month", "1.00");
    t.add(
        t.resource(ResourceType.BUCKET, "b-cold", "cold", "ACTIVE")
            .spec(spec().storageTier("Archive").build())
            .build());
    t.billMonth("b-cold", "OBJECT_STORAGE", "B91633", "GB Month", "1.00");
    t.add(
        t.resource(ResourceType.BUCKET, "b-tiny", "tiny", "ACTIVE")
            .spec(spec().storageTier("Standard").build())
            .build());
    t.billMonth("b-tiny", "OBJECT_STORAGE", "B91628", "GB Month", "0.10");
    assertThat(found(List.of(new StorageTierRule()), StorageTierRule.ID))
        .containsExactly(Map.entry("b-logs", "18.24"));
  }

  @Test
  void steadyComputeIsACommitmentInsightAndSmallRegionsAreNamed() {
    // compute 20.00 a day in August (620.00), September (600.00), October (620.00): lowest /
    // highest = 0.97 >= 0.9 and >= 500: insight, no amount. Regions in October: the home region
    // 620.00, eu-frankfurt-1 0.50 x 31 = 15.50 -> 2.4 % < 5 %: named.
    t.bill("x", "COMPUTE", "A", "h", LocalDate.of(2026, 8, 1), 92, "20.00");
    for (int i = 0; i < 31; i++) {
      t.lineIn("eu-frankfurt-1", LocalDate.of(2026, 10, 1).plusDays(i), "STORAGE", "0.50");
    }
    List<AdvisorRule> rules =
        List.of(
            new CommitmentRule(),
            new RegionOptimisationRule(
                new RegionOptimisationRule.Options(5, BigDecimal.valueOf(500))));
    RecommendationRun run = t.cloudey(rules).recommendations().run();
    List<Recommendation> commitment =
        run.recommendations().stream().filter(r -> r.ruleId().equals(CommitmentRule.ID)).toList();
    assertThat(commitment)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.basis()).isEqualTo(SavingsBasis.NONE);
              assertThat(r.summary()).contains("between 600.00 USD and 620.00 USD");
            });
    assertThat(
            run.recommendations().stream()
                .filter(r -> r.ruleId().equals(RegionOptimisationRule.ID)))
        .singleElement()
        .satisfies(r -> assertThat(r.title()).isEqualTo("Small footprints in eu-frankfurt-1"));
  }
}
