package app.cloudey.testkit.advisor;

import static app.cloudey.testkit.advisor.GoldenTenancy.COST_START;
import static app.cloudey.testkit.advisor.GoldenTenancy.spec;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.advisor.IdleInstanceRule;
import app.cloudey.advisor.IdleLoadBalancerRule;
import app.cloudey.advisor.ListPriceEstimator;
import app.cloudey.advisor.NonProdScheduleRule;
import app.cloudey.advisor.OldBackupRule;
import app.cloudey.advisor.OrphanedBootVolumeRule;
import app.cloudey.advisor.RightsizeInstanceRule;
import app.cloudey.advisor.StandardRules;
import app.cloudey.advisor.StoppedInstanceRule;
import app.cloudey.advisor.UnattachedVolumeRule;
import app.cloudey.model.MetricName;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.ResourceType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden scenario for the standard rules at their defaults, savings worked out by hand. Today is
 * 2026-11-15; the cost window is the 30 days 10-16..11-14; the metric window 11-01..11-14.
 */
class StandardRulesGoldenTest {
  private GoldenTenancy t;
  private RecommendationRun run;

  @BeforeEach
  void scenario() {
    t = new GoldenTenancy();
    // app-dev: idle (P95 CPU 2 %, max memory 5 %, 14 full days), E4.Flex 2 OCPUs, non-prod by
    // name, over-provisioned: three rules find it.
    t.add(
        t.resource(ResourceType.INSTANCE, "i-app-dev", "app-dev", "RUNNING")
            .spec(spec().shape("VM.Standard.E4.Flex").ocpus(new BigDecimal("2")).build())
            .build());
    t.billMonth("i-app-dev", "COMPUTE", "B97384", "OCPU Per Hour", "1.20"); // 36.00 in 30 days
    t.billMonth("i-app-dev", "COMPUTE", "B97385", "Gigabyte Per Hour", "0.30"); // 9.00
    t.measure("i-app-dev", MetricName.CPU_UTILIZATION, 14, 1, 2, 3);
    t.measure("i-app-dev", MetricName.MEMORY_UTILIZATION, 14, 4, 5, 5);
    // latest-build: busy, "latest" is not "test": nothing
    t.add(
        t.resource(ResourceType.INSTANCE, "i-latest", "latest-build", "RUNNING")
            .spec(spec().shape("VM.Standard2.1").ocpus(BigDecimal.ONE).build())
            .build());
    t.billMonth("i-latest", "COMPUTE", "B88317", "OCPU Per Hour", "1.00");
    t.measure("i-latest", MetricName.CPU_UTILIZATION, 14, 40, 50, 80);
    t.measure("i-latest", MetricName.MEMORY_UTILIZATION, 14, 40, 50, 60);
    // no-memory: CPU idle but no memory metric (no agent): not judged idle
    t.add(
        t.resource(ResourceType.INSTANCE, "i-nomem", "no-memory", "RUNNING")
            .spec(spec().shape("VM.Standard2.1").ocpus(BigDecimal.ONE).build())
            .build());
    t.billMonth("i-nomem", "COMPUTE", "B88317", "OCPU Per Hour", "1.00");
    t.measure("i-nomem", MetricName.CPU_UTILIZATION, 14, 1, 1, 2);
    // no-data: every metric fetch failed: missing metrics are not idle
    t.add(
        t.resource(ResourceType.INSTANCE, "i-nodata", "no-data", "RUNNING")
            .spec(spec().shape("VM.Standard.E4.Flex").ocpus(new BigDecimal("4")).build())
            .build());
    t.billMonth("i-nodata", "COMPUTE", "B97384", "OCPU Per Hour", "2.40");
    t.unmeasured("i-nodata", MetricName.CPU_UTILIZATION);
    t.unmeasured("i-nodata", MetricName.MEMORY_UTILIZATION);
    // old-app: stopped; compute billed 10-16..10-20, so stopped 10-21 (25 days); its boot
    // volume costs 0.10 a day: saving = 3.00 x 30 / 30 = 3.00 (storage only, standard shape)
    t.add(
        t.resource(ResourceType.INSTANCE, "i-old", "old-app", "STOPPED")
            .spec(spec().shape("VM.Standard2.1").ocpus(BigDecimal.ONE).build())
            .build());
    t.bill("i-old", "COMPUTE", "B88317", "OCPU Per Hour", COST_START, 5, "2.00");
    t.add(
        t.resource(ResourceType.BOOT_VOLUME, "bv-old", "old-app (Boot Volume)", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("50")).attachedTo("i-old").build())
            .build());
    t.billMonth("bv-old", "BLOCK_STORAGE", "B91961", "GB Month", "0.10");
    // gpu-box: stopped BM.GPU shape that bills while stopped: 10.00 a day all 30 days, last CPU
    // datapoint 11-03 -> stopped 11-04 (11 days); saving = 300.00 x 30 / 30 = 300.00
    t.add(
        t.resource(ResourceType.INSTANCE, "i-gpu", "gpu-box", "STOPPED")
            .spec(spec().shape("BM.GPU.A100-v2.8").build())
            .build());
    t.billMonth("i-gpu", "COMPUTE", "B95909", "GPU Per Hour", "10.00");
    t.measure("i-gpu", MetricName.CPU_UTILIZATION, 3, 50, 60, 70);
    // orphan-data: block volume without attachment since the first sync (11-01, 14 days),
    // billed 0.85 a day on 20 days (10-26..11-14): 17.00 x 30 / 20 = 25.50
    t.add(
        t.resource(ResourceType.BLOCK_VOLUME, "v-orphan", "orphan-data", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("1000")).build())
            .build());
    t.bill(
        "v-orphan", "BLOCK_STORAGE", "B91961", "GB Month", LocalDate.of(2026, 10, 26), 20, "0.85");
    // attached-data: AVAILABLE and attached: not flagged
    t.add(
        t.resource(ResourceType.BLOCK_VOLUME, "v-attached", "attached-data", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("200")).attachedTo("i-latest").build())
            .build());
    t.billMonth("v-attached", "BLOCK_STORAGE", "B91961", "GB Month", "0.17");
    // orphan-boot: boot volume of no instance, 0.05 a day: 1.50
    t.add(
        t.resource(ResourceType.BOOT_VOLUME, "bv-orphan", "orphan-boot", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("47")).build())
            .build());
    t.billMonth("bv-orphan", "BLOCK_STORAGE", "B91961", "GB Month", "0.05");
    // backups: bk-gone (source deleted) 0.02 a day: 0.60; bk-old (137 days, source alive, no
    // billed cost: no amount); bk-fresh (26 days, source alive): nothing
    t.add(
        t.resource(ResourceType.VOLUME_BACKUP, "bk-gone", "bk-gone", "AVAILABLE")
            .timeCreated(Instant.parse("2026-11-01T00:00:00Z"))
            .spec(spec().sourceId("v-deleted").build())
            .build());
    t.billMonth("bk-gone", "BLOCK_STORAGE", "B91962", "GB Month", "0.02");
    t.add(
        t.resource(ResourceType.VOLUME_BACKUP, "bk-old", "bk-old", "AVAILABLE")
            .spec(spec().sourceId("v-orphan").build())
            .build());
    t.add(
        t.resource(ResourceType.VOLUME_BACKUP, "bk-fresh", "bk-fresh", "AVAILABLE")
            .timeCreated(Instant.parse("2026-10-20T00:00:00Z"))
            .spec(spec().sourceId("v-orphan").build())
            .build());
    // load balancers: lb-empty (no backends) 0.40 a day: 12.00; lb-quiet (peak 0.5 Mbps, 2
    // requests/h = 48 a day) 0.30 a day: 9.00; lb-busy and lb-nometrics: nothing
    t.add(
        t.resource(ResourceType.LOAD_BALANCER, "lb-empty", "lb-empty", "ACTIVE")
            .spec(spec().backendCount(0).healthyBackendCount(0).build())
            .build());
    t.billMonth("lb-empty", "LOAD_BALANCER", "B93030", "LB Hour", "0.40");
    t.add(
        t.resource(ResourceType.LOAD_BALANCER, "lb-quiet", "lb-quiet", "ACTIVE")
            .spec(spec().backendCount(2).healthyBackendCount(2).build())
            .build());
    t.billMonth("lb-quiet", "LOAD_BALANCER", "B93030", "LB Hour", "0.30");
    t.measure("lb-quiet", MetricName.LB_PEAK_BANDWIDTH, 14, 0.1, 0.3, 0.5);
    t.measure("lb-quiet", MetricName.LB_REQUESTS, 14, 2, 3, 4);
    t.add(
        t.resource(ResourceType.LOAD_BALANCER, "lb-busy", "lb-busy", "ACTIVE")
            .spec(spec().backendCount(2).healthyBackendCount(2).build())
            .build());
    t.billMonth("lb-busy", "LOAD_BALANCER", "B93030", "LB Hour", "0.30");
    t.measure("lb-busy", MetricName.LB_PEAK_BANDWIDTH, 14, 10, 40, 50);
    t.measure("lb-busy", MetricName.LB_REQUESTS, 14, 500, 800, 900);
    t.add(
        t.resource(ResourceType.LOAD_BALANCER, "lb-nometrics", "lb-nometrics", "ACTIVE")
            .spec(spec().backendCount(2).healthyBackendCount(2).build())
            .build());
    t.billMonth("lb-nometrics", "LOAD_BALANCER", "B93030", "LB Hour", "0.30");
    // qa-runner: tag env=qa, busy, runs all hours; 1.68 a day = 50.40 a month:
    // saving = 50.40 x (168 - 50) / 168 = 35.40
    t.add(
        t.resource(ResourceType.INSTANCE, "i-qa", "runner-7", "RUNNING")
            .tags(Map.of("env", "qa"))
            .spec(spec().shape("VM.Standard2.1").ocpus(BigDecimal.ONE).build())
            .build());
    t.billMonth("i-qa", "COMPUTE", "B88317", "OCPU Per Hour", "1.68");
    t.measure("i-qa", MetricName.CPU_UTILIZATION, 14, 60, 70, 90);
    t.measure("i-qa", MetricName.MEMORY_UTILIZATION, 14, 60, 70, 90);

    run =
        t.cloudey(StandardRules.all(ListPriceEstimator.NONE, shape -> shape.startsWith("BM.GPU")))
            .recommendations()
            .run();
  }

  @AfterEach
  void close() {
    t.close();
  }

  /** rule id -> resource -> saving rounded to the cent ("none" without an amount). */
  private Map<String, String> found(String ruleId) {
    return GoldenTenancy.savings(run, ruleId);
  }

  @Test
  void idleInstanceNeedsCpuAndMemoryAndIgnoresMissingMetrics() {
    // app-dev: 36.00 + 9.00 billed in 30 days -> 45.00 a month
    assertThat(found(IdleInstanceRule.ID)).containsExactly(Map.entry("i-app-dev", "45.00"));
  }

  @Test
  void rightsizingTargetsTheSmallestOcpuCountKeepingP95AtMost60() {
    // app-dev: ceil(2 x 2 / 60) = 1 OCPU; saving = 36.00 x (2 - 1) / 2 = 18.00
    // no-data: no CPU data, not judged
    assertThat(found(RightsizeInstanceRule.ID)).containsExactly(Map.entry("i-app-dev", "18.00"));
  }

  @Test
  void nonProdMatchesWholeWordsOfNamesAndTagsOnly() {
    // app-dev: 45.00 x 118/168 = 31.607... -> 31.61; runner-7 (env=qa): 35.40;
    // latest-build is not non-prod
    assertThat(found(NonProdScheduleRule.ID))
        .containsOnly(Map.entry("i-app-dev", "31.61"), Map.entry("i-qa", "35.40"));
  }

  @Test
  void stoppedInstancesCountStorageAndComputeOnlyWhereTheShapeBillsWhileStopped() {
    assertThat(found(StoppedInstanceRule.ID))
        .containsOnly(Map.entry("i-old+bv-old", "3.00"), Map.entry("i-gpu", "300.00"));
  }

  @Test
  void unattachedIsJudgedFromTheAttachmentNotTheState() {
    // orphan-data: 17.00 x 30 / 20 = 25.50; attached-data (AVAILABLE, attached) is not flagged
    assertThat(found(UnattachedVolumeRule.ID)).containsExactly(Map.entry("v-orphan", "25.50"));
    assertThat(found(OrphanedBootVolumeRule.ID)).containsExactly(Map.entry("bv-orphan", "1.50"));
  }

  @Test
  void oldBackupsAreThoseWhoseSourceIsGoneOrBeyondRetention() {
    assertThat(found(OldBackupRule.ID))
        .containsOnly(Map.entry("bk-gone", "0.60"), Map.entry("bk-old", "none"));
  }

  @Test
  void idleLoadBalancersHaveNoBackendsOrNoTrafficAndMetricsAreRequired() {
    assertThat(found(IdleLoadBalancerRule.ID))
        .containsOnly(Map.entry("lb-empty", "12.00"), Map.entry("lb-quiet", "9.00"));
  }

  @Test
  void anInstanceFoundByThreeRulesCountsOnceInTheTotal() {
    // 45.00 (app-dev: idle wins over scheduling 31.61 and rightsizing 18.00) + 3.00 + 300.00
    // + 25.50 + 1.50 + 0.60 + 12.00 + 9.00 + 35.40: 45 + 3 + 300 = 348; + 25.50 = 373.50;
    // + 1.50 = 375.00; + 0.60 = 375.60; + 12.00 = 387.60; + 9.00 = 396.60; + 35.40 = 432.00
    // (counting app-dev three times would give 481.61)
    assertThat(run.totalMonthlySavings()).hasSize(1);
    assertThat(run.totalMonthlySavings().get(0).amount().setScale(2, RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("432.00");
    String idle = Recommendation.stableId(IdleInstanceRule.ID, List.of("i-app-dev"));
    assertThat(run.supersededBy())
        .containsOnly(
            Map.entry(Recommendation.stableId(NonProdScheduleRule.ID, List.of("i-app-dev")), idle),
            Map.entry(
                Recommendation.stableId(RightsizeInstanceRule.ID, List.of("i-app-dev")), idle));
    assertThat(run.failures()).isEmpty();
  }

  @Test
  void recommendationsCarryNamesEvidenceAndActions() {
    Recommendation idle =
        run.recommendations().stream()
            .filter(r -> r.ruleId().equals(IdleInstanceRule.ID))
            .findFirst()
            .orElseThrow();
    assertThat(idle.resourceName("i-app-dev")).isEqualTo("app-dev");
    assertThat(idle.evidence().columns()).contains("metric", "value %");
    assertThat(idle.evidence().rows()).hasSize(2);
    assertThat(idle.actions()).isNotEmpty();
    assertThat(idle.summary()).contains("app-dev").contains("45.00 USD per month");
    assertThat(idle.monthlySavings()).isEqualTo(Money.of("45", "USD"));
  }

  @Test
  void theSameFindingKeepsItsIdOnTheNextRun() {
    t.clock.advance(java.time.Duration.ofHours(1));
    RecommendationRun again = t.cloudey().recommendations().run();
    assertThat(again.id()).isNotEqualTo(run.id());
    assertThat(again.ids()).isEqualTo(run.ids());
    assertThat(t.cloudey().recommendations().summary().resolvedSinceLastRun()).isEmpty();
  }
}
