package app.cloudey.testkit.advisor;

import static app.cloudey.testkit.advisor.GoldenTenancy.spec;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.advisor.IdleInstanceRule;
import app.cloudey.advisor.ListPriceEstimator;
import app.cloudey.advisor.NonProdScheduleRule;
import app.cloudey.advisor.RightsizeInstanceRule;
import app.cloudey.advisor.StandardRules;
import app.cloudey.advisor.StoppedInstanceRule;
import app.cloudey.model.MetricName;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden scenarios of two money edge cases (today 11-15, cost window 10-16..11-14): a stopped
 * instance some of whose billed parts have no price, and a resource that costs nothing (a free
 * tier) found by several rules.
 */
class FreeAndUnpricedGoldenTest {
  private GoldenTenancy t;

  @BeforeEach
  void open() {
    t = new GoldenTenancy();
  }

  @AfterEach
  void close() {
    t.close();
  }

  private RecommendationRun run() {
    // no list prices: a part without billed cost has no price; BM.GPU shapes bill while stopped
    return t.cloudey(
            StandardRules.all(ListPriceEstimator.NONE, shape -> shape.startsWith("BM.GPU")))
        .recommendations()
        .run();
  }

  private static Recommendation only(RecommendationRun run, String ruleId, String resourceId) {
    List<Recommendation> found =
        run.recommendations().stream()
            .filter(r -> r.ruleId().equals(ruleId) && r.resourceIds().contains(resourceId))
            .toList();
    assertThat(found).as("%s on %s", ruleId, resourceId).hasSize(1);
    return found.get(0);
  }

  @Test
  void aStoppedInstanceNamesThePartsItCannotPriceAndCountsWhatIsPriced() {
    // gpu-new: stopped BM.GPU shape (bills while stopped) with no compute line in the window and no
    // list prices: compute unpriced. Its boot volume is billed 0.10 a day all 30 days: 3.00 x 30 /
    // 30 = 3.00; its block volume "scratch" has no billed cost: unpriced. Last CPU datapoint 11-03
    // -> stopped 11-04 (11 days). Saving = 3.00 (what is priced), basis billed cost; the summary
    // and the evidence name the compute and "scratch" as not priced.
    t.add(
        t.resource(ResourceType.INSTANCE, "i-gpu", "gpu-new", "STOPPED")
            .spec(spec().shape("BM.GPU.A10.4").build())
            .build());
    t.measure("i-gpu", MetricName.CPU_UTILIZATION, 3, 50, 60, 70);
    t.add(
        t.resource(ResourceType.BOOT_VOLUME, "bv-gpu", "gpu-new (Boot Volume)", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("50")).attachedTo("i-gpu").build())
            .build());
    t.billMonth("bv-gpu", "BLOCK_STORAGE", "B91961", "GB Month", "0.10");
    t.add(
        t.resource(ResourceType.BLOCK_VOLUME, "v-scratch", "scratch", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("500")).attachedTo("i-gpu").build())
            .build());
    // old-std: stopped standard shape whose only volume has no billed cost: nothing is priced, so
    // no amount, and the reason names the volume
    t.add(
        t.resource(ResourceType.INSTANCE, "i-std", "old-std", "STOPPED")
            .spec(spec().shape("VM.Standard2.1").ocpus(BigDecimal.ONE).build())
            .build());
    t.measure("i-std", MetricName.CPU_UTILIZATION, 3, 50, 60, 70);
    t.add(
        t.resource(ResourceType.BOOT_VOLUME, "bv-std", "old-std (Boot Volume)", "AVAILABLE")
            .spec(spec().sizeGb(new BigDecimal("47")).attachedTo("i-std").build())
            .build());
    RecommendationRun run = run();

    Recommendation gpu = only(run, StoppedInstanceRule.ID, "i-gpu");
    assertThat(gpu.monthlySavings()).isEqualTo(Money.of("3.00", "USD"));
    assertThat(gpu.basis()).isEqualTo(SavingsBasis.BILLED_COST);
    assertThat(gpu.severity()).isEqualTo(Severity.HIGH);
    assertThat(gpu.summary())
        .contains("3.00 USD per month")
        .contains("Not included, as no price is known")
        .contains("compute of gpu-new")
        .contains("block volume scratch");
    assertThat(gpu.evidence().rows())
        .containsExactly(
            List.of(
                "gpu-new",
                "compute (bills while stopped)",
                "not priced",
                "NONE: no billed cost and no list price estimator"),
            List.of("gpu-new (Boot Volume)", "bootVolume", "3.00 USD", "BILLED_COST"),
            List.of(
                "scratch",
                "blockVolume",
                "not priced",
                "NONE: no billed cost and no list price estimator"));

    Recommendation std = only(run, StoppedInstanceRule.ID, "i-std");
    assertThat(std.basis()).isEqualTo(SavingsBasis.NONE);
    assertThat(std.monthlySavings().isZero()).isTrue();
    assertThat(std.summary())
        .contains("No amount: no part it is billed for has a price")
        .contains("boot volume old-std (Boot Volume)");
    assertThat(run.totalMonthlySavings()).containsExactly(Money.of("3.00", "USD"));
  }

  @Test
  void aFreeResourceFoundByThreeRulesIsInformationalAndCountsOnce() {
    // arm-dev: Ampere A1 inside the tenancy's free tier: its OCPU and memory lines are billed 0.00
    // every day. It is idle (P95 CPU 2 %, max memory 5 %), non-prod by name and over-provisioned
    // (ceil(4 x 2 / 60) = 1 OCPU): each rule's saving is 0.00 (billed cost 0 x anything). None is
    // a saving: each is INFO, says it costs nothing today, and only one counts for the resource
    // (zero savings by rule id: idle-instance before non-prod-schedule and rightsize-instance).
    // web-dev: a paid non-prod instance, 1.68 a day = 50.40 a month, busy: 50.40 x 118 / 168 =
    // 35.40, MEDIUM severity as before, the run's only saving.
    t.add(
        t.resource(ResourceType.INSTANCE, "i-arm", "arm-dev", "RUNNING")
            .spec(spec().shape("VM.Standard.A1.Flex").ocpus(new BigDecimal("4")).build())
            .build());
    t.billMonth("i-arm", "COMPUTE", "B93297", "OCPU Per Hour", "0.00");
    t.billMonth("i-arm", "COMPUTE", "B93298", "Gigabyte Per Hour", "0.00");
    t.measure("i-arm", MetricName.CPU_UTILIZATION, 14, 1, 2, 3);
    t.measure("i-arm", MetricName.MEMORY_UTILIZATION, 14, 4, 5, 5);
    t.add(
        t.resource(ResourceType.INSTANCE, "i-web", "web-dev", "RUNNING")
            .spec(spec().shape("VM.Standard2.1").ocpus(BigDecimal.ONE).build())
            .build());
    t.billMonth("i-web", "COMPUTE", "B88317", "OCPU Per Hour", "1.68");
    t.measure("i-web", MetricName.CPU_UTILIZATION, 14, 60, 70, 90);
    t.measure("i-web", MetricName.MEMORY_UTILIZATION, 14, 60, 70, 90);
    RecommendationRun run = run();

    Recommendation idle = only(run, IdleInstanceRule.ID, "i-arm");
    Recommendation schedule = only(run, NonProdScheduleRule.ID, "i-arm");
    Recommendation rightsize = only(run, RightsizeInstanceRule.ID, "i-arm");
    for (Recommendation free : List.of(idle, schedule, rightsize)) {
      assertThat(free.severity()).as(free.ruleId()).isEqualTo(Severity.INFO);
      assertThat(free.monthlySavings().isZero()).isTrue();
      assertThat(free.basis()).isEqualTo(SavingsBasis.BILLED_COST);
      assertThat(free.summary())
          .contains("costs nothing today")
          .contains("A free tier is the whole tenancy's");
    }
    assertThat(run.counted(idle)).isTrue();
    assertThat(run.supersededBy())
        .containsOnly(
            java.util.Map.entry(schedule.id(), idle.id()),
            java.util.Map.entry(rightsize.id(), idle.id()));

    Recommendation paid = only(run, NonProdScheduleRule.ID, "i-web");
    assertThat(paid.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(paid.monthlySavings().amount().setScale(2, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo("35.40");
    assertThat(paid.summary()).doesNotContain("costs nothing today");
    assertThat(run.totalMonthlySavings())
        .singleElement()
        .satisfies(m -> assertThat(m).isEqualTo(paid.monthlySavings()));
    // the summary counts what stands: arm-dev's idle finding (INFO) and web-dev's scheduling
    // (MEDIUM); arm-dev's scheduling and rightsizing are superseded by its idle finding
    app.cloudey.model.RecommendationSummary summary = t.cloudey().recommendations().summary();
    assertThat(summary.countBySeverity())
        .containsEntry(Severity.INFO, 1)
        .containsEntry(Severity.MEDIUM, 1)
        .containsEntry(Severity.HIGH, 0);
    assertThat(summary.supersededCount()).isEqualTo(2);
  }
}
