package app.cloudey.testkit.advisor;

import static app.cloudey.testkit.advisor.GoldenTenancy.spec;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.advisor.IdleInstanceRule;
import app.cloudey.advisor.ListPriceEstimator;
import app.cloudey.advisor.NonProdScheduleRule;
import app.cloudey.advisor.RightsizeInstanceRule;
import app.cloudey.advisor.StandardRules;
import app.cloudey.model.MetricName;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden scenario for {@code rightsize-instance} sizing OCPUs and memory, at the rule's defaults
 * (P95 CPU < 40 % or P95 memory < 40 %; target P95 CPU and memory ≤ 60 %; 80 % coverage; 1 to 64 GB
 * per OCPU), savings worked out by hand. Today is 2026-11-15; cost window 10-16..11-14 (30 days, so
 * a daily amount × 30 is the monthly figure), metric window 11-01..11-14. Every instance is a
 * RUNNING {@code VM.Standard.E4.Flex} billed every day of the window on an OCPU SKU (B93113, "OCPU
 * Per Hour") and a memory SKU (B93114, "Gigabyte Per Hour"), unless said otherwise.
 */
class RightsizingGoldenTest {
  private GoldenTenancy t;
  private RecommendationRun run;

  @BeforeEach
  void scenario() {
    t = new GoldenTenancy();
    // mem-web: 4 OCPUs 64 GB, P95 CPU 20 %, P95 memory 30 %. OCPUs ⌈4 × 20 / 60⌉ = ⌈1.33⌉ = 2;
    // memory ⌈64 × 30 / 60⌉ = 32 GB (2 OCPUs allow 2 to 128 GB). OCPU 2.40 a day = 72.00 a
    // month, memory 1.20 a day = 36.00: saving = 72.00 × (4 − 2) / 4 = 36.00 + 36.00 × (64 − 32)
    // / 64 = 18.00 -> 54.00
    instance("i-mem", "mem-web", 4, 64, "2.40", "1.20");
    cpu("i-mem", 20);
    memory("i-mem", 14, 30);
    // no-agent (the trap): as mem-web but no memory metric (no monitoring agent): memory is kept at
    // 64 GB, never judged oversized from missing data: saving = 72.00 × 2 / 4 = 36.00
    instance("i-noagent", "no-agent", 4, 64, "2.40", "1.20");
    cpu("i-noagent", 20);
    // part-mem: as mem-web but memory measured on 7 of the 14 days (coverage 50 % < 80 %): memory
    // kept: saving = 36.00
    instance("i-partmem", "part-mem", 4, 64, "2.40", "1.20");
    cpu("i-partmem", 20);
    memory("i-partmem", 7, 30);
    // busy-mem: 4 OCPUs 32 GB, P95 memory 70 %: ⌈32 × 70 / 60⌉ = 38 > 32, memory is never grown,
    // so kept at 32; OCPUs 4 -> 2: saving = 72.00 × 2 / 4 = 36.00 (memory 0.60 a day is kept)
    instance("i-busymem", "busy-mem", 4, 32, "2.40", "0.60");
    cpu("i-busymem", 20);
    memory("i-busymem", 14, 70);
    // one-ocpu: 1 OCPU 16 GB, P95 CPU 30 % (⌈1 × 30 / 60⌉ = 1: OCPUs stay), P95 memory 15 %:
    // ⌈16 × 15 / 60⌉ = 4 GB. OCPU 0.60 a day (18.00), memory 0.36 a day (10.80): saving = 0 +
    // 10.80 × (16 − 4) / 16 = 8.10
    instance("i-one", "one-ocpu", 1, 16, "0.60", "0.36");
    cpu("i-one", 30);
    memory("i-one", 14, 15);
    // big-mem: 8 OCPUs 256 GB, no memory metric, P95 CPU 5 %: ⌈8 × 5 / 60⌉ = 1 OCPU, but 256 GB
    // kept needs ⌈256 / 64⌉ = 4 OCPUs: target 4. OCPU 4.80 a day (144.00): saving = 144.00 × (8 −
    // 4) / 8 = 72.00
    instance("i-bigmem", "big-mem", 8, 256, "4.80", "3.00");
    cpu("i-bigmem", 5);
    // full-mem: 8 OCPUs 512 GB (64 GB per OCPU), no memory metric, P95 CPU 5 %: the kept 512 GB
    // need ⌈512 / 64⌉ = 8 OCPUs: nothing to change, no finding
    instance("i-fullmem", "full-mem", 8, 512, "4.80", "6.00");
    cpu("i-fullmem", 5);
    // thin-mem: 4 OCPUs 8 GB, P95 CPU 35 % -> ⌈4 × 35 / 60⌉ = ⌈2.33⌉ = 3 OCPUs; P95 memory 10 %
    // -> ⌈8 × 10 / 60⌉ = ⌈1.33⌉ = 2 GB, raised to 3 OCPUs × 1 GB = 3 GB. OCPU 2.40 a day (72.00),
    // memory 0.24 a day (7.20): saving = 72.00 × 1 / 4 = 18.00 + 7.20 × (8 − 3) / 8 = 4.50 ->
    // 22.50
    instance("i-thin", "thin-mem", 4, 8, "2.40", "0.24");
    cpu("i-thin", 35);
    memory("i-thin", 14, 10);
    // no-mem-sku: as mem-web but billed on the OCPU SKU only: its memory shrinks and no memory
    // line prices it, so the estimator prices both configurations; the default estimator prices
    // nothing: no amount (not a partial billed figure)
    t.add(
        t.resource(ResourceType.INSTANCE, "i-nomemsku", "no-mem-sku", "RUNNING")
            .spec(
                spec()
                    .shape("VM.Standard.E4.Flex")
                    .ocpus(new BigDecimal("4"))
                    .memoryGb(new BigDecimal("64"))
                    .build())
            .build());
    t.billMonth("i-nomemsku", "COMPUTE", "B93113", "OCPU Per Hour", "2.40");
    cpu("i-nomemsku", 20);
    memory("i-nomemsku", 14, 30);
    // ---- memory-only: CPU busy (P95 70 % ≥ 40 %), so the OCPUs are kept ----
    // busy-cpu: 4 OCPUs 64 GB, P95 CPU 70 %, P95 memory 30 % < 40 % (14 of 14 days): memory ⌈64 ×
    // 30 / 60⌉ = 32 GB, OCPUs stay 4 (4 OCPUs allow 4 to 256 GB). OCPU 72.00 a month, memory 1.20
    // a day = 36.00: saving = 72.00 × (4 − 4) / 4 = 0 + 36.00 × (64 − 32) / 64 = 18.00
    instance("i-memonly", "busy-cpu", 4, 64, "2.40", "1.20");
    cpu("i-memonly", 70);
    memory("i-memonly", 14, 30);
    // floor-mem: 8 OCPUs 16 GB, P95 CPU 70 %, P95 memory 10 %: ⌈16 × 10 / 60⌉ = ⌈2.67⌉ = 3 GB,
    // raised to the kept 8 OCPUs × 1 GB = 8 GB. Memory 0.48 a day (14.40): saving = 0 + 14.40 ×
    // (16 − 8) / 16 = 7.20
    instance("i-memfloor", "floor-mem", 8, 16, "4.80", "0.48");
    cpu("i-memfloor", 70);
    memory("i-memfloor", 14, 10);
    // busy-part: as busy-cpu but memory measured on 7 of 14 days (50 % < 80 %): no finding
    instance("i-busypart", "busy-part", 4, 64, "2.40", "1.20");
    cpu("i-busypart", 70);
    memory("i-busypart", 7, 30);
    // busy-noagent: as busy-cpu without a memory metric: no finding (missing data never triggers)
    instance("i-busynoagent", "busy-noagent", 4, 64, "2.40", "1.20");
    cpu("i-busynoagent", 70);
    // busy-45: P95 CPU 70 %, P95 memory 45 % (≥ 40 %): ⌈64 × 45 / 60⌉ = 48 GB would fit, but
    // neither test holds: no finding (the memory test is not the sizing target)
    instance("i-busy45", "busy-45", 4, 64, "2.40", "1.20");
    cpu("i-busy45", 70);
    // ---- CPU not measured: only memory is judged, the OCPUs are kept ----
    // no-cpu: 4 OCPUs 64 GB, no CPU metric, P95 memory 30 % (14 of 14 days): memory ⌈64 × 30 / 60⌉
    // = 32 GB, OCPUs stay 4: saving = 36.00 × (64 − 32) / 64 = 18.00; confidence 0.6 (not 0.85)
    instance("i-nocpu", "no-cpu", 4, 64, "2.40", "1.20");
    memory("i-nocpu", 14, 30);
    // part-cpu: as no-cpu, with CPU measured on 7 of the 14 days (50 % < 80 %) at P95 10 %: the
    // CPU is not judged (its low P95 moves no OCPU), memory as no-cpu: saving = 18.00
    instance("i-partcpu", "part-cpu", 4, 64, "2.40", "1.20");
    t.measure("i-partcpu", MetricName.CPU_UTILIZATION, 7, 8, 10, 12);
    memory("i-partcpu", 14, 30);
    // no-cpu-45: no CPU metric, P95 memory 45 % (≥ 40 %): no finding
    instance("i-nocpu45", "no-cpu-45", 4, 64, "2.40", "1.20");
    memory("i-nocpu45", 14, 45);
    // no-metrics: neither metric: not judged, no finding
    instance("i-nometrics", "no-metrics", 4, 64, "2.40", "1.20");
    memory("i-busy45", 14, 45);
    // mid-mem: P95 CPU 20 % (< 40 %), P95 memory 50 % (not < 40 %): a CPU finding that also sizes
    // the measured memory: 4 -> ⌈4 × 20 / 60⌉ = 2 OCPUs, ⌈48 × 50 / 60⌉ = 40 GB. OCPU 72.00,
    // memory 0.90 a day = 27.00: saving = 72.00 × 2 / 4 = 36.00 + 27.00 × (48 − 40) / 48 = 4.50
    // -> 40.50
    instance("i-midmem", "mid-mem", 4, 48, "2.40", "0.90");
    cpu("i-midmem", 20);
    memory("i-midmem", 14, 50);
    // mem-dev: as busy-cpu but non-prod, running all hours: rightsizing 18.00; scheduling 108.00 ×
    // 118 / 168 = 75.857... (75.86) is larger, so it counts and the memory-only rightsizing is
    // superseded by it (largest saving wins)
    instance("i-memdev", "mem-dev", 4, 64, "2.40", "1.20");
    cpu("i-memdev", 70);
    memory("i-memdev", 14, 30);
    // idle-box: 2 OCPUs 16 GB, P95 CPU 2 %, memory at most 5 % (P95 5 %): idle, 1.20 + 0.30 a day
    // = 45.00 a month. Rightsizing also finds it: ⌈2 × 2 / 60⌉ = 1 OCPU, ⌈16 × 5 / 60⌉ = ⌈1.33⌉ =
    // 2 GB: 36.00 × 1 / 2 = 18.00 + 9.00 × (16 − 2) / 16 = 7.875 -> 25.875 (25.88), but idle
    // (45.00) wins: the rightsizing finding is superseded and not in the total
    instance("i-idle", "idle-box", 2, 16, "1.20", "0.30");
    cpu("i-idle", 2);
    t.measure("i-idle", MetricName.MEMORY_UTILIZATION, 14, 4, 5, 5);

    run =
        t.cloudey(StandardRules.all(ListPriceEstimator.NONE, shape -> false))
            .recommendations()
            .run();
  }

  private void instance(String id, String name, int ocpus, int gb, String ocpuDay, String gbDay) {
    t.add(
        t.resource(ResourceType.INSTANCE, id, name, "RUNNING")
            .spec(
                spec()
                    .shape("VM.Standard.E4.Flex")
                    .ocpus(BigDecimal.valueOf(ocpus))
                    .memoryGb(BigDecimal.valueOf(gb))
                    .build())
            .build());
    t.billMonth(id, "COMPUTE", "B93113", "OCPU Per Hour", ocpuDay);
    t.billMonth(id, "COMPUTE", "B93114", "Gigabyte Per Hour", gbDay);
  }

  /** 14 full days of CPU at this P95 (mean below it, max above). */
  private void cpu(String id, double p95) {
    t.measure(id, MetricName.CPU_UTILIZATION, 14, p95 * 0.8, p95, p95 * 1.2);
  }

  /** {@code days} full days of memory at this P95. */
  private void memory(String id, int days, double p95) {
    t.measure(id, MetricName.MEMORY_UTILIZATION, days, p95 - 1, p95, p95 + 1);
  }

  @AfterEach
  void close() {
    t.close();
  }

  private Recommendation rightsizing(String id) {
    return run.recommendations().stream()
        .filter(r -> r.ruleId().equals(RightsizeInstanceRule.ID))
        .filter(r -> r.resourceIds().equals(List.of(id)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rightsizing of " + id));
  }

  @Test
  void targetsOcpusAndMemoryEachFromItsP95WithHeadroom() {
    Map<String, String> found = GoldenTenancy.savings(run, RightsizeInstanceRule.ID);
    // full-mem: no finding (its kept memory needs every OCPU); busy-part, busy-noagent, busy-45: no
    // finding (CPU busy, memory not measured enough or not low)
    assertThat(found)
        .containsOnly(
            Map.entry("i-mem", "54.00"),
            Map.entry("i-noagent", "36.00"),
            Map.entry("i-partmem", "36.00"),
            Map.entry("i-busymem", "36.00"),
            Map.entry("i-one", "8.10"),
            Map.entry("i-bigmem", "72.00"),
            Map.entry("i-thin", "22.50"),
            Map.entry("i-nomemsku", "none"),
            Map.entry("i-idle", "25.88"),
            Map.entry("i-memonly", "18.00"),
            Map.entry("i-memfloor", "7.20"),
            Map.entry("i-midmem", "40.50"),
            Map.entry("i-memdev", "18.00"),
            Map.entry("i-nocpu", "18.00"),
            Map.entry("i-partcpu", "18.00"));
  }

  @Test
  void theEvidenceShowsCurrentAndTargetMemoryWithItsP95() {
    Recommendation r = rightsizing("i-mem");
    assertThat(r.title())
        .isEqualTo("Rightsize mem-web to 2 OCPUs and 32 GB (CPU and memory over-provisioned)");
    assertThat(r.basis()).isEqualTo(SavingsBasis.BILLED_COST);
    assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(r.evidence().columns())
        .containsExactly(
            "", "OCPUs", "P95 CPU %", "memory GB", "P95 memory %", "OCPU + memory monthly cost");
    // now 72.00 + 36.00 = 108.00; target 108.00 − 54.00 = 54.00; P95 CPU 20 × 4 / 2 = 40, P95
    // memory 30 × 64 / 32 = 60
    assertThat(r.evidence().rows())
        .containsExactly(
            List.of("current", "4", "20", "64", "30", "108.00 USD"),
            List.of("target", "2", "40", "32", "60", "54.00 USD"),
            List.of("over-provisioned", "", "yes: 20 < 40", "", "yes: 30 < 40", ""));
    assertThat(r.summary())
        .contains("has more CPU and memory than it uses")
        .contains("with 32 GB it would be about 60 %");
  }

  @Test
  void aMissingMemoryMetricKeepsTheMemoryAndSaysWhy() {
    Recommendation r = rightsizing("i-noagent");
    assertThat(r.title()).isEqualTo("Rightsize no-agent to 2 OCPUs (CPU over-provisioned)");
    assertThat(r.summary())
        .contains("Memory is kept as it is (64 GB)")
        .contains("no memory metric")
        .contains("never oversized");
    // now 72.00 + 36.00 = 108.00, target 108.00 − 36.00 = 72.00
    assertThat(r.evidence().rows())
        .containsExactly(
            List.of("current", "4", "20", "64", "not sized", "108.00 USD"),
            List.of("target", "2", "40", "64", "not sized", "72.00 USD"),
            List.of("over-provisioned", "", "yes: 20 < 40", "", "not judged", ""));
    assertThat(rightsizing("i-partmem").summary())
        .contains("its memory metric covers 50 % of the window's hours, below the 80 % needed");
  }

  @Test
  void memoryOnlyAndShapeLimits() {
    // one-ocpu: P95 CPU 30 % and P95 memory 15 % are both below 40 %, but 1 OCPU is the fewest
    assertThat(rightsizing("i-one").title())
        .isEqualTo("Rightsize one-ocpu to 4 GB memory (CPU and memory over-provisioned)");
    assertThat(rightsizing("i-one").summary()).contains("(VM.Standard.E4.Flex, 1 OCPU, 16 GB)");
    assertThat(rightsizing("i-bigmem").title())
        .isEqualTo("Rightsize big-mem to 4 OCPUs (CPU over-provisioned)");
    assertThat(rightsizing("i-thin").title())
        .isEqualTo("Rightsize thin-mem to 3 OCPUs and 3 GB (CPU and memory over-provisioned)");
    assertThat(rightsizing("i-busymem").summary()).contains("is kept: no smaller size");
    Recommendation unpriced = rightsizing("i-nomemsku");
    assertThat(unpriced.summary()).contains("No amount");
    assertThat(unpriced.evidence().rows())
        .extracting(row -> row.get(5))
        .containsExactly("not priced", "not priced", "");
  }

  @Test
  void busyCpuWithLowMemoryShrinksTheMemoryAndKeepsTheOcpus() {
    Recommendation r = rightsizing("i-memonly");
    assertThat(r.title()).isEqualTo("Rightsize busy-cpu to 32 GB memory (memory over-provisioned)");
    assertThat(r.basis()).isEqualTo(SavingsBasis.BILLED_COST);
    // now 72.00 + 36.00 = 108.00; target 108.00 − 18.00 = 90.00; OCPUs 4 -> 4, so P95 CPU stays
    // 70 × 4 / 4 = 70; P95 memory 30 × 64 / 32 = 60
    assertThat(r.evidence().rows())
        .containsExactly(
            List.of("current", "4", "70", "64", "30", "108.00 USD"),
            List.of("target", "4", "70", "32", "60", "90.00 USD"),
            List.of("over-provisioned", "", "no: 70 ≥ 40", "", "yes: 30 < 40", ""));
    assertThat(r.summary())
        .contains("has more memory than it uses: P95 memory 30 % is below 40 %")
        .contains("while P95 CPU 70 % is not below 40 %")
        .contains("Its OCPU count stays 4: its CPU is not over-provisioned")
        .contains("with 32 GB it would be about 60 %");
    // the 1 GB per OCPU floor of the kept 8 OCPUs: 16 -> 8 GB, not 3; now 144.00 + 14.40 =
    // 158.40, target 158.40 − 7.20 = 151.20; P95 memory 10 × 16 / 8 = 20
    assertThat(rightsizing("i-memfloor").title())
        .isEqualTo("Rightsize floor-mem to 8 GB memory (memory over-provisioned)");
    assertThat(rightsizing("i-memfloor").evidence().rows().get(1))
        .containsExactly("target", "8", "70", "8", "20", "151.20 USD");
    // a low-CPU finding sizes measured memory even when memory is not low; it names CPU only
    Recommendation mid = rightsizing("i-midmem");
    assertThat(mid.title())
        .isEqualTo("Rightsize mid-mem to 2 OCPUs and 40 GB (CPU over-provisioned)");
    assertThat(mid.summary()).contains("(P95 memory 50 % is not below 40 %)");
    assertThat(mid.evidence().rows().get(2))
        .containsExactly("over-provisioned", "", "yes: 20 < 40", "", "no: 50 ≥ 40", "");
  }

  @Test
  void withoutCpuDataOnlyTheMemoryIsSizedWithALowerConfidence() {
    Recommendation r = rightsizing("i-nocpu");
    assertThat(r.title()).isEqualTo("Rightsize no-cpu to 32 GB memory (memory over-provisioned)");
    assertThat(r.basis()).isEqualTo(SavingsBasis.BILLED_COST);
    // 0.6 for want of CPU data, below the 0.85 of a finding with both metrics covered
    assertThat(r.confidence()).isEqualTo(RightsizeInstanceRule.UNMEASURED_CPU_CONFIDENCE);
    assertThat(rightsizing("i-memonly").confidence()).isEqualTo(0.85);
    // now 72.00 + 36.00 = 108.00; target 108.00 − 18.00 = 90.00; P95 memory 30 × 64 / 32 = 60
    assertThat(r.evidence().rows())
        .containsExactly(
            List.of("current", "4", "not measured", "64", "30", "108.00 USD"),
            List.of("target", "4", "not measured", "32", "60", "90.00 USD"),
            List.of("over-provisioned", "", "not judged", "", "yes: 30 < 40", ""));
    assertThat(r.summary())
        .contains(
            "P95 memory 30 % is below 40 %, while its CPU is not measured: it has no CPU metric")
        .contains("Its OCPU count stays 4: without CPU data the OCPUs are not judged")
        .contains("with 32 GB it would be about 60 %");
    // a partly measured CPU is not judged either, however low: the OCPUs stay
    Recommendation part = rightsizing("i-partcpu");
    assertThat(part.title())
        .isEqualTo("Rightsize part-cpu to 32 GB memory (memory over-provisioned)");
    assertThat(part.summary())
        .contains("its CPU metric covers 50 % of the window's hours, below the 80 % needed");
    assertThat(part.evidence().rows().get(1)).element(1).isEqualTo("4");
  }

  @Test
  void lowMemoryWithoutEnoughDataNeverTriggers() {
    // busy CPU with memory measured on half the hours, without a memory metric, or at 45 %: none
    assertThat(run.recommendations())
        .filteredOn(r -> r.ruleId().equals(RightsizeInstanceRule.ID))
        .flatExtracting(Recommendation::resourceIds)
        .doesNotContain("i-busypart", "i-busynoagent", "i-busy45", "i-nocpu45", "i-nometrics");
  }

  @Test
  void aMemoryOnlyRightsizingOfANonProdInstanceIsSupersededByItsScheduling() {
    Recommendation schedule =
        run.recommendations().stream()
            .filter(r -> r.ruleId().equals(NonProdScheduleRule.ID))
            .filter(r -> r.resourceIds().equals(List.of("i-memdev")))
            .findFirst()
            .orElseThrow();
    // mem-dev: scheduling 108.00 × 118 / 168 = 75.86 > rightsizing 18.00: scheduling counts
    assertThat(schedule.monthlySavings().amount().setScale(2, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("75.86");
    assertThat(run.counted(schedule)).isTrue();
    assertThat(run.supersededBy()).containsEntry(rightsizing("i-memdev").id(), schedule.id());
    assertThat(run.counted(rightsizing("i-memonly"))).isTrue();
  }

  @Test
  void anIdleInstanceIsNotAlsoRightsized() {
    Recommendation idle =
        run.recommendations().stream()
            .filter(r -> r.ruleId().equals(IdleInstanceRule.ID))
            .filter(r -> r.resourceIds().equals(List.of("i-idle")))
            .findFirst()
            .orElseThrow();
    // idle-box: idle 45.00 > rightsizing 25.88: idle counts, rightsizing is superseded by it
    assertThat(idle.monthlySavings().amount()).isEqualByComparingTo("45.00");
    assertThat(run.supersededBy()).containsEntry(rightsizing("i-idle").id(), idle.id());
    assertThat(run.counted(rightsizing("i-mem"))).isTrue();
  }
}
