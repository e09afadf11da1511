package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.advisor.IdleInstanceRule;
import app.cloudey.advisor.IdleLoadBalancerRule;
import app.cloudey.advisor.NonProdScheduleRule;
import app.cloudey.advisor.OldBackupRule;
import app.cloudey.advisor.OrphanedBootVolumeRule;
import app.cloudey.advisor.RightsizeInstanceRule;
import app.cloudey.advisor.StoppedInstanceRule;
import app.cloudey.advisor.UnattachedVolumeRule;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SavingsBasis;
import app.cloudey.oci.simulator.MetricAggregate;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.PlantedCase;
import app.cloudey.oci.simulator.ResourceFacts;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.testkit.MutableClock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ground truth for the advisor: on simulated tenancies of three sizes for a fixed list of seeds,
 * synced, refreshed and measured through the real OCI SDK into a store, the rules the OCI provider
 * contributes (nothing registered by hand) at their default options find exactly the simulator's
 * {@link Truth#plantedCases()}: recall and precision 1.0 for each case, and each finding's monthly
 * saving (billed cost) equals the rule's documented formula applied to the simulator's own cost
 * lines ({@link Truth#costBySku}) to the cent.
 *
 * <p>A finding is a recommendation that counts in the run's total ({@link
 * RecommendationRun#supersededBy()} does not name it): the reconciliation rule (largest saving
 * wins) is what makes an idle instance not also rightsized or scheduled, which is how {@link
 * PlantedCase} defines the cases. The per-case table of every tenancy is printed.
 */
class RecommendationsSimulatorIT {
  private static final LocalDate NOW = LocalDate.of(2026, 11, 26);
  private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

  /** The planted case each rule's findings are compared with. */
  private static final Map<PlantedCase, String> RULES = rules();

  private static final List<String> TABLE = new ArrayList<>();

  /** Rightsizings for memory alone (OCPUs kept) over every tenancy: the memory trigger is used. */
  private static final AtomicLong MEMORY_ONLY = new AtomicLong();

  private static Map<PlantedCase, String> rules() {
    Map<PlantedCase, String> m = new EnumMap<>(PlantedCase.class);
    m.put(PlantedCase.IDLE_INSTANCE, IdleInstanceRule.ID);
    m.put(PlantedCase.OVERSIZED_INSTANCE, RightsizeInstanceRule.ID);
    m.put(PlantedCase.STOPPED_INSTANCE, StoppedInstanceRule.ID);
    m.put(PlantedCase.UNATTACHED_VOLUME, UnattachedVolumeRule.ID);
    m.put(PlantedCase.ORPHANED_BOOT_VOLUME, OrphanedBootVolumeRule.ID);
    m.put(PlantedCase.OLD_BACKUP, OldBackupRule.ID);
    m.put(PlantedCase.NON_PROD_24_7, NonProdScheduleRule.ID);
    m.put(PlantedCase.IDLE_LOAD_BALANCER, IdleLoadBalancerRule.ID);
    return m;
  }

  static Stream<Arguments> tenancies() {
    List<Arguments> list = new ArrayList<>();
    for (long seed : new long[] {1, 2}) {
      list.add(Arguments.of(seed, "small", 1, 3, 12));
      list.add(Arguments.of(seed, "medium", 2, 6, 60));
      list.add(Arguments.of(seed, "large", 3, 12, 150));
    }
    return list.stream();
  }

  @AfterAll
  static void printTable() {
    System.out.println("case | seed | size | planted | found | recall | precision");
    TABLE.forEach(System.out::println);
    // not every tenancy has one (they are every other BUSY draw), but the six together do
    assertThat(MEMORY_ONLY.get()).as("memory-only rightsizings over all tenancies").isPositive();
  }

  @ParameterizedTest(name = "seed {0}, {1}: {2} regions, {4} instances")
  @MethodSource("tenancies")
  void theRulesFindExactlyThePlantedCasesWithTheirSavings(
      long seed, String size, int regions, int compartments, int instances) {
    // Cloudey has watched the tenancy for a week: a sync 7 days before now, then one now (a volume
    // is judged unattached from the syncs that saw it so; every planted one is older than that)
    MutableClock clock = MutableClock.at(NOW.minusDays(7).atTime(6, 0).toInstant(ZoneOffset.UTC));
    try (OciSimulator sim =
            OciSimulator.builder()
                .seed(seed)
                .now(NOW)
                .regions(regions)
                .compartments(compartments)
                .instances(instances)
                .days(35)
                .start();
        Cloudey cloudey =
            Cloudey.builder()
                .cloud(
                    OciCloud.create(
                        SimulatorSupport.options()
                            // generous: a loaded build machine must not turn metrics into gaps
                            .readTimeout(Duration.ofSeconds(30))
                            .endpoints(sim::endpoint)
                            .build()),
                    SimulatorSupport.config(sim).toCredentials())
                .clock(clock)
                .syncConcurrency(8)
                .build()) {
      Truth truth = sim.truth();
      assertThat(cloudey.inventory().sync().isSuccessful()).isTrue();
      clock.set(NOW.atTime(6, 0).toInstant(ZoneOffset.UTC));
      assertThat(cloudey.inventory().sync().isSuccessful()).isTrue();
      cloudey.costs().refresh(truth.history());
      cloudey.metrics().sync(Period.of(NOW.minusDays(14), NOW));

      RecommendationRun run = cloudey.recommendations().run();
      assertThat(run.failures()).isEmpty();

      Map<PlantedCase, List<String>> planted = truth.plantedCases();
      SoftAssertions soft = new SoftAssertions();
      Map<String, ResourceFacts> facts = facts(truth);
      for (Map.Entry<PlantedCase, String> e : RULES.entrySet()) {
        PlantedCase c = e.getKey();
        Map<String, Recommendation> found = new LinkedHashMap<>();
        for (Recommendation r : run.recommendations()) {
          if (r.ruleId().equals(e.getValue()) && !run.supersededBy().containsKey(r.id())) {
            found.put(r.resourceIds().get(0), r);
          }
        }
        Set<String> expected = new HashSet<>(planted.get(c));
        Set<String> hits = new HashSet<>(found.keySet());
        hits.retainAll(expected);
        double recall = expected.isEmpty() ? 1 : (double) hits.size() / expected.size();
        double precision = found.isEmpty() ? 1 : (double) hits.size() / found.size();
        TABLE.add(
            String.format(
                Locale.ROOT,
                "%s | %d | %s | %d | %d | %.3f | %.3f",
                c,
                seed,
                size,
                expected.size(),
                found.size(),
                recall,
                precision));
        soft.assertThat(found.keySet()).as("%s, seed %d, %s", c, seed, size).isEqualTo(expected);
        for (Recommendation r : found.values()) {
          soft.assertThat(r.basis()).as("%s %s", c, r.title()).isEqualTo(SavingsBasis.BILLED_COST);
          soft.assertThat(r.monthlySavings().currency().getCurrencyCode())
              .isEqualTo(truth.currency());
          soft.assertThat(cents(r.monthlySavings().amount()))
              .as("%s saving of %s (%s)", c, r.resourceIds().get(0), r.title())
              .isEqualTo(cents(expectedSaving(c, r, truth, facts)));
        }
      }
      soft.assertAll();
      // the memory trigger is exercised too: rightsizings that keep the OCPUs (busy CPU)
      long memoryOnly =
          run.recommendations().stream()
              .filter(r -> r.ruleId().equals(RightsizeInstanceRule.ID))
              .filter(r -> r.title().endsWith("(memory over-provisioned)"))
              .count();
      TABLE.add(
          String.format(
              Locale.ROOT, "  of which memory only | %d | %s | | %d | |", seed, size, memoryOnly));
      MEMORY_ONLY.addAndGet(memoryOnly);
      // every case is planted in every tenancy here, so recall and precision are not vacuous
      for (PlantedCase c : RULES.keySet()) {
        assertThat(planted.get(c)).as("%s planted, seed %d, %s", c, seed, size).isNotEmpty();
      }
    }
  }

  /** The documented formula of the case's rule (docs/recommendations.md) on the truth's lines. */
  private static BigDecimal expectedSaving(
      PlantedCase c, Recommendation r, Truth truth, Map<String, ResourceFacts> facts) {
    String id = r.resourceIds().get(0);
    return switch (c) {
      // the resource's monthly cost = trailing 30 days' cost × 30 / days of data
      case IDLE_INSTANCE, UNATTACHED_VOLUME, ORPHANED_BOOT_VOLUME, OLD_BACKUP, IDLE_LOAD_BALANCER ->
          monthly(truth, id, s -> true);
      // the attached volumes' monthly cost, + compute when the shape bills while stopped
      case STOPPED_INSTANCE -> {
        BigDecimal sum = BigDecimal.ZERO;
        for (ResourceFacts v : facts.values()) {
          if ((v.type() == ResourceType.BOOT_VOLUME || v.type() == ResourceType.BLOCK_VOLUME)
              && id.equals(v.spec().attachedTo())) {
            sum = sum.add(monthly(truth, v.id(), s -> true));
          }
        }
        if (OciShapes.billsWhileStopped(facts.get(id).spec().shape())) {
          sum = sum.add(monthly(truth, id, s -> true));
        }
        yield sum;
      }
      // monthly cost × (1 − 50 office hours / 168)
      case NON_PROD_24_7 ->
          monthly(truth, id, s -> true)
              .multiply(BigDecimal.valueOf(118))
              .divide(BigDecimal.valueOf(168), MathContext.DECIMAL64);
      // OCPU SKUs' monthly cost × (ocpus − target) / ocpus, target = max(1, ⌈ocpus × P95 CPU / 60⌉)
      // when P95 CPU < 40, else ocpus (a memory-only case keeps its OCPUs: OCPU term 0)
      // + memory SKUs' monthly cost × (GB − target GB) / GB, target GB = ⌈GB × P95 memory / 60⌉
      // (every planted case has the memory agent; at most the current GB; within 1 to 64 GB per
      // target OCPU, which the simulator's 8 or 16 GB per OCPU always are), with each P95 the
      // highest daily P95 over the 14-day look-back
      case OVERSIZED_INSTANCE -> {
        BigDecimal ocpus = facts.get(id).spec().ocpus();
        BigDecimal gb = facts.get(id).spec().memoryGb();
        double p95 = highestDailyP95(truth, id, MetricName.CPU_UTILIZATION);
        double memoryP95 = highestDailyP95(truth, id, MetricName.MEMORY_UTILIZATION);
        BigDecimal target =
            p95 < 40
                ? BigDecimal.valueOf(ocpus.doubleValue() * p95 / 60)
                    .setScale(0, RoundingMode.CEILING)
                    .max(BigDecimal.ONE)
                : ocpus;
        BigDecimal targetGb =
            BigDecimal.valueOf(gb.doubleValue() * memoryP95 / 60)
                .setScale(0, RoundingMode.CEILING)
                .min(gb);
        assertThat(targetGb)
            .as("memory of %s within 1 to 64 GB per OCPU", id)
            .isBetween(target, target.multiply(BigDecimal.valueOf(64)));
        yield monthly(truth, id, s -> s.unit().toUpperCase(Locale.ROOT).contains("OCPU"))
            .multiply(ocpus.subtract(target))
            .divide(ocpus, MathContext.DECIMAL64)
            .add(
                monthly(truth, id, s -> s.skuName().toUpperCase(Locale.ROOT).contains("MEMORY"))
                    .multiply(gb.subtract(targetGb))
                    .divide(gb, MathContext.DECIMAL64));
      }
    };
  }

  /** The highest daily P95 of the metric over the 14 days before now (0 without data). */
  private static double highestDailyP95(Truth truth, String id, MetricName metric) {
    double p95 = 0;
    for (LocalDate d = NOW.minusDays(14); d.isBefore(NOW); d = d.plusDays(1)) {
      Optional<MetricAggregate> day = truth.findMetricDaily(id, metric, d);
      if (day.isPresent()) {
        p95 = Math.max(p95, day.get().p95());
      }
    }
    return p95;
  }

  /**
   * The matching SKUs' cost over the trailing 30 days × 30 / the resource's days of data (the most
   * days of any of its SKUs).
   */
  private static BigDecimal monthly(Truth truth, String id, Predicate<ResourceSkuCost> skus) {
    List<ResourceSkuCost> rows = truth.costBySku(id, Period.of(NOW.minusDays(30), NOW));
    assertThat(rows).as("billed lines of %s", id).isNotEmpty();
    int days = rows.stream().mapToInt(ResourceSkuCost::days).max().orElseThrow();
    BigDecimal sum = BigDecimal.ZERO;
    for (ResourceSkuCost row : rows) {
      if (skus.test(row)) {
        sum = sum.add(row.amount());
      }
    }
    return sum.multiply(THIRTY).divide(BigDecimal.valueOf(days), MathContext.DECIMAL64);
  }

  private static Map<String, ResourceFacts> facts(Truth truth) {
    Map<String, ResourceFacts> out = new LinkedHashMap<>();
    for (String region : truth.regions()) {
      for (String compartment : truth.compartmentIds()) {
        for (ResourceType type : ResourceType.values()) {
          for (ResourceFacts f : truth.resources(type, region, compartment)) {
            out.put(f.id(), f);
          }
        }
      }
    }
    return out;
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }
}
