package app.cloudey.oci.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.MetricName;
import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.CostDynamics;
import app.cloudey.oci.simulator.MetricAggregate;
import app.cloudey.oci.simulator.PlantedCase;
import app.cloudey.oci.simulator.ResourceFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each {@link PlantedCase} is exactly what its rule finds at the documented defaults (DESIGN.md
 * §6), re-derived here from what the APIs serve (facts, hourly metric values, cost lines), not from
 * the generator's flags; and every resource is far from each threshold, so a rule reading the
 * evidence by hours or by whole days, or aggregating daily P95s by mean, max or pooled hours, finds
 * the same set.
 */
class PlantedCaseDefinitionsTest {
  private static final LocalDate NOW = LocalDate.of(2026, 11, 26);
  private static final Set<String> NON_PROD =
      Set.of("dev", "test", "uat", "sandbox", "staging", "qa", "demo");

  static Stream<Arguments> tenancies() {
    List<Arguments> list = new ArrayList<>();
    for (long seed : new long[] {1, 2, 3, 7}) {
      list.add(Arguments.of(seed, 1, 2, 5, 30, 1)); // the smallest: planted by force
      list.add(Arguments.of(seed, 2, 6, 60, 30, 10));
      list.add(Arguments.of(seed, 3, 20, 400, 45, 50));
    }
    list.add(Arguments.of(11L, 2, 6, 120, 10, 10)); // history too short for the 14-day look-back
    list.add(Arguments.of(12L, 2, 6, 120, 13, 10)); // just long enough (13 of 14 days covered)
    return list.stream();
  }

  @ParameterizedTest(name = "seed {0}, {1} regions, {3} instances, {4} days")
  @MethodSource("tenancies")
  void plantedCasesAreWhatTheRulesFind(
      long seed, int regions, int compartments, int instances, int days, int pageSize) {
    Tenancy t =
        new TenancyGenerator(
                new GeneratorParams(
                    seed,
                    NOW,
                    regions,
                    compartments,
                    3,
                    instances,
                    days,
                    pageSize,
                    "USD",
                    CostDynamics.NONE))
            .generate();
    MetricModel metrics = new MetricModel(t);
    TruthImpl truth = new TruthImpl(t, new CostModel(t), metrics, pageSize);
    Observed observed = new Observed(t, metrics, truth);
    Map<PlantedCase, List<String>> planted = truth.plantedCases();
    Map<PlantedCase, Set<String>> found = observed.find();
    for (PlantedCase c : PlantedCase.values()) {
      assertThat(new HashSet<>(planted.get(c))).as("%s", c).isEqualTo(found.get(c));
    }
    if (instances >= 400) {
      // large tenancies plant memory-only rightsizing cases too (every other BUSY draw)
      assertThat(observed.memoryOnly).as("memory-only oversized cases").isPositive();
    }
    if (days >= 12) {
      for (PlantedCase c : PlantedCase.values()) {
        assertThat(planted.get(c)).as("%s planted in a small tenancy", c).isNotEmpty();
      }
    } else {
      assertThat(planted.get(PlantedCase.IDLE_INSTANCE)).isEmpty();
    }
  }

  /** The rules' default tests over served data, with margin checks along the way. */
  private static final class Observed {
    final Tenancy t;
    final MetricModel metrics;
    final TruthImpl truth;
    final long now;

    /** Oversized cases found for their memory alone (CPU busy, OCPUs kept). */
    int memoryOnly;

    Observed(Tenancy t, MetricModel metrics, TruthImpl truth) {
      this.t = t;
      this.metrics = metrics;
      this.truth = truth;
      this.now = Tenancy.epochHour(NOW);
    }

    Map<PlantedCase, Set<String>> find() {
      Map<PlantedCase, Set<String>> out = new EnumMap<>(PlantedCase.class);
      for (PlantedCase c : PlantedCase.values()) {
        out.put(c, new HashSet<>());
      }
      for (Res r : t.resources) {
        ResourceFacts f = truth.findResource(r.id).orElseThrow();
        switch (r.type) {
          case INSTANCE -> instance(r, f, out);
          case BLOCK_VOLUME, BOOT_VOLUME -> {
            boolean old = r.createdHour <= now - 7 * 24;
            if (f.spec().attachedTo() == null) {
              assertThat(r.createdHour)
                  .as("unattached %s age", r.id)
                  .isLessThanOrEqualTo(now - 8 * 24);
            }
            if (f.spec().attachedTo() == null && old) {
              out.get(
                      r.type == ResourceType.BLOCK_VOLUME
                          ? PlantedCase.UNATTACHED_VOLUME
                          : PlantedCase.ORPHANED_BOOT_VOLUME)
                  .add(r.id);
            }
          }
          case VOLUME_BACKUP, BOOT_VOLUME_BACKUP -> {
            long ageHours = now - r.createdHour;
            String source = f.spec().sourceId();
            boolean gone = source == null || truth.findResource(source).isEmpty();
            // near the 90-day retention a backup has lost its source: old either way
            assertThat(ageHours < 88 * 24 || ageHours > 92 * 24 || gone)
                .as("backup %s is %d hours old", r.id, ageHours)
                .isTrue();
            if (gone || ageHours > 90 * 24) {
              out.get(PlantedCase.OLD_BACKUP).add(r.id);
            }
          }
          case LOAD_BALANCER -> loadBalancer(r, f, out);
          default -> {}
        }
      }
      return out;
    }

    private void instance(Res r, ResourceFacts f, Map<PlantedCase, Set<String>> out) {
      if (f.lifecycleState().equals("STOPPED")) {
        // the evidence: the last CPU data point (every instance has the agentless CPU metric)
        // and the last day with a paid compute cost line; their ends agree on the 7 days
        long stoppedHours = now - lastRunningHour(r) - 1;
        boolean longAgo = stoppedHours >= 7 * 24;
        Optional<LocalDate> lastPaid = lastBilledDay(r.id);
        if (lastPaid.isPresent() && lastRunningHour(r) / 24 == lastPaid.get().toEpochDay()) {
          long daysSinceEndOfDay = NOW.toEpochDay() - lastPaid.get().toEpochDay() - 1;
          assertThat(daysSinceEndOfDay >= 7).as("cost-day evidence of %s", r.id).isEqualTo(longAgo);
        }
        if (longAgo) {
          out.get(PlantedCase.STOPPED_INSTANCE).add(r.id);
        }
        return;
      }
      if (!f.lifecycleState().equals("RUNNING")) {
        return;
      }
      Window w = window(r, 14);
      boolean covered = w.cpu.size() >= 0.8 * 14 * 24 && w.memoryHours >= 0.8 * 14 * 24;
      boolean idle = covered && w.p95 < 5 && w.memoryMax < 10;
      boolean lowCpu = covered && w.p95 < 40;
      boolean lowMemory = covered && w.memoryDailyP95Max < 40;
      if (t.params.days() >= 14 && w.cpu.size() > 0.6 * 14 * 24 && w.cpu.size() < 0.9 * 14 * 24) {
        // partly covered instances are nowhere near the thresholds (a history shorter than the
        // look-back covers every instance partly: that is the caller's choice of days)
        assertThat(w.p95).as("partly covered %s", r.id).isGreaterThan(40);
        if (w.memoryHours > 0) {
          assertThat(w.memoryDailyP95Max).as("partly covered memory of %s", r.id).isGreaterThan(40);
        }
      }
      if (w.memoryHours == 0 && !w.cpu.isEmpty()) {
        // no memory metric (no agent): a CPU-only reading finds neither idle nor oversized
        assertThat(w.p95).as("CPU of %s, which has no memory metric", r.id).isGreaterThan(40);
      }
      if (covered) {
        assertThat(Math.max(w.dailyP95Max, Math.max(w.dailyP95Mean, w.p95)) < 5)
            .as("idle is the same by every P95 of %s", r.id)
            .isEqualTo(Math.min(w.dailyP95Max, Math.min(w.dailyP95Mean, w.p95)) < 5);
        assertThat(Math.max(w.dailyP95Max, Math.max(w.dailyP95Mean, w.p95)) < 40)
            .as(
                "low CPU is the same by every P95 of %s (%s %s %s)",
                r.id, w.p95, w.dailyP95Mean, w.dailyP95Max)
            .isEqualTo(Math.min(w.dailyP95Max, Math.min(w.dailyP95Mean, w.p95)) < 40);
        assertThat(Math.max(w.memoryDailyP95Max, Math.max(w.memoryDailyP95Mean, w.memoryP95)) < 40)
            .as(
                "low memory is the same by every P95 of %s (%s %s %s)",
                r.id, w.memoryP95, w.memoryDailyP95Mean, w.memoryDailyP95Max)
            .isEqualTo(
                Math.min(w.memoryDailyP95Max, Math.min(w.memoryDailyP95Mean, w.memoryP95)) < 40);
      }
      if (idle) {
        out.get(PlantedCase.IDLE_INSTANCE).add(r.id);
      }
      String shape = f.spec().shape();
      BigDecimal ocpus = f.spec().ocpus();
      BigDecimal gb = f.spec().memoryGb();
      if ((lowCpu || lowMemory)
          && !idle
          && shape != null
          && shape.endsWith(".Flex")
          && ocpus != null) {
        // the rule's target: OCPUs max(1, ⌈ocpus × P95 CPU / 60⌉) when CPU is low, else kept,
        // memory ⌈GB × P95 memory / 60⌉ (never more than now), within 1 to 64 GB per target OCPU;
        // a case when either shrinks
        BigDecimal cpuTarget =
            lowCpu
                ? BigDecimal.valueOf(ocpus.doubleValue() * w.dailyP95Max / 60)
                    .setScale(0, java.math.RoundingMode.CEILING)
                    .max(BigDecimal.ONE)
                : ocpus;
        BigDecimal need =
            BigDecimal.valueOf(gb.doubleValue() * w.memoryDailyP95Max / 60)
                .setScale(0, java.math.RoundingMode.CEILING)
                .max(BigDecimal.ONE)
                .min(gb);
        BigDecimal target =
            cpuTarget
                .max(need.divide(BigDecimal.valueOf(64), 0, java.math.RoundingMode.CEILING))
                .min(ocpus);
        BigDecimal targetGb = gb.min(need.max(target));
        if (target.compareTo(ocpus) < 0 || targetGb.compareTo(gb) < 0) {
          if (lowCpu) {
            // every low-CPU case shrinks both, by a wide margin (nowhere near a rounding edge)
            assertThat(target).as("OCPUs of oversized %s", r.id).isLessThan(ocpus);
            assertThat(w.memoryDailyP95Max).as("memory P95 of oversized %s", r.id).isLessThan(40);
          } else {
            // a low-memory case keeps its OCPUs; CPU busy, memory far below 40 %
            memoryOnly++;
            assertThat(target).as("OCPUs of memory-only %s", r.id).isEqualTo(ocpus);
            assertThat(targetGb).as("memory of memory-only %s", r.id).isLessThan(gb);
            assertThat(w.dailyP95Mean).as("CPU P95 of memory-only %s", r.id).isGreaterThan(50);
            assertThat(w.memoryDailyP95Max).as("memory of memory-only %s", r.id).isLessThan(30);
          }
          out.get(PlantedCase.OVERSIZED_INSTANCE).add(r.id);
        }
      }
      boolean allHours = w.cpu.size() == w.expectedHours;
      if (!idle && w.cpu.size() >= 0.8 * 14 * 24 && allHours && nonProd(f, r)) {
        out.get(PlantedCase.NON_PROD_24_7).add(r.id);
      }
    }

    private void loadBalancer(Res r, ResourceFacts f, Map<PlantedCase, Set<String>> out) {
      Integer healthy = f.spec().healthyBackendCount();
      int coveredHours = 0;
      double peak = 0;
      double maxDailyRequests = 0;
      double minDailyRequests = Double.MAX_VALUE;
      for (LocalDate d = NOW.minusDays(7); d.isBefore(NOW); d = d.plusDays(1)) {
        Optional<MetricAggregate> bw = truth.findMetricDaily(r.id, MetricName.LB_PEAK_BANDWIDTH, d);
        Optional<MetricAggregate> rq = truth.findMetricDaily(r.id, MetricName.LB_REQUESTS, d);
        if (bw.isPresent()) {
          coveredHours += bw.get().samples();
          peak = Math.max(peak, bw.get().max());
        }
        double requests = rq.map(m -> m.mean() * m.samples()).orElse(0.0);
        maxDailyRequests = Math.max(maxDailyRequests, requests);
        if (rq.isPresent() && rq.get().samples() == 24) {
          minDailyRequests = Math.min(minDailyRequests, requests);
        }
      }
      boolean quiet = coveredHours >= 0.8 * 7 * 24 && peak < 1 && maxDailyRequests < 100;
      boolean idle = (healthy != null && healthy == 0) || quiet;
      if (!idle && coveredHours > 0) {
        assertThat(minDailyRequests).as("busy LB %s requests a day", r.id).isGreaterThan(1000);
      }
      if (quiet && healthy != null && healthy > 0) {
        // judged on traffic: its whole week is covered (no healthy backend needs no age)
        assertThat(r.createdHour).as("quiet LB %s age", r.id).isLessThan(now - 14 * 24);
      }
      if (idle) {
        out.get(PlantedCase.IDLE_LOAD_BALANCER).add(r.id);
      }
    }

    /** The last hour with a CPU data point in the history, or the hour before it. */
    private long lastRunningHour(Res r) {
      for (long h = now - 1; h >= t.historyStartHour; h--) {
        if (metrics.hasData(r, MetricModel.VMI_CPU, h)) {
          return h;
        }
      }
      return t.historyStartHour - 1;
    }

    private Optional<LocalDate> lastBilledDay(String id) {
      LocalDate last = null;
      for (LocalDate d = truth.history().start(); d.isBefore(NOW); d = d.plusDays(1)) {
        if (truth.cost(id, d).signum() > 0) {
          last = d;
        }
      }
      return Optional.ofNullable(last);
    }

    /**
     * A whole non-prod word in the name or a tag value (the freeform tags ListInstances serves).
     */
    private static boolean nonProd(ResourceFacts f, Res r) {
      return words(f.name()) || words(String.join(" ", r.tags.values()));
    }

    private static boolean words(String text) {
      for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
        if (NON_PROD.contains(word)) {
          return true;
        }
      }
      return false;
    }

    /** CPU hourly means and memory over the look-back, as SummarizeMetricsData serves them. */
    private Window window(Res r, int days) {
      long from = now - days * 24L;
      MetricModel.Def cpu = r.monitoringAgent ? MetricModel.AGENT_CPU : MetricModel.VMI_CPU;
      List<Double> means = new ArrayList<>();
      double memoryMax = 0;
      int memoryHours = 0;
      List<Double> memoryMeans = new ArrayList<>();
      int expected = 0;
      double[] stats = new double[3];
      for (long h = from; h < now; h++) {
        if (h >= r.createdHour && h >= t.historyStartHour) {
          expected++;
        }
        if (metrics.hasData(r, cpu, h)) {
          metrics.hourly(r, cpu, h, stats);
          means.add(stats[1]);
        }
        if (metrics.hasData(r, MetricModel.AGENT_MEMORY, h)) {
          metrics.hourly(r, MetricModel.AGENT_MEMORY, h, stats);
          memoryMax = Math.max(memoryMax, stats[2]);
          memoryHours++;
          memoryMeans.add(stats[1]);
        }
      }
      double dailyMax = 0;
      double dailySum = 0;
      int dailyCount = 0;
      for (LocalDate d = NOW.minusDays(days); d.isBefore(NOW); d = d.plusDays(1)) {
        Optional<MetricAggregate> m = truth.findMetricDaily(r.id, MetricName.CPU_UTILIZATION, d);
        if (m.isPresent()) {
          dailyMax = Math.max(dailyMax, m.get().p95());
          dailySum += m.get().p95();
          dailyCount++;
        }
      }
      double memoryDailyP95Max = 0;
      double memoryDailySum = 0;
      int memoryDailyCount = 0;
      for (LocalDate d = NOW.minusDays(days); d.isBefore(NOW); d = d.plusDays(1)) {
        Optional<MetricAggregate> m = truth.findMetricDaily(r.id, MetricName.MEMORY_UTILIZATION, d);
        if (m.isPresent()) {
          memoryDailyP95Max = Math.max(memoryDailyP95Max, m.get().p95());
          memoryDailySum += m.get().p95();
          memoryDailyCount++;
        }
      }
      double p95 = means.isEmpty() ? 0 : MonitoringApi.nearestRank(means, 0.95);
      return new Window(
          means,
          p95,
          dailyMax,
          dailyCount == 0 ? 0 : dailySum / dailyCount,
          memoryMax,
          memoryDailyP95Max,
          memoryDailyCount == 0 ? 0 : memoryDailySum / memoryDailyCount,
          memoryMeans.isEmpty() ? 0 : MonitoringApi.nearestRank(memoryMeans, 0.95),
          memoryHours,
          expected);
    }
  }

  private record Window(
      List<Double> cpu,
      double p95,
      double dailyP95Max,
      double dailyP95Mean,
      double memoryMax,
      double memoryDailyP95Max,
      double memoryDailyP95Mean,
      double memoryP95,
      int memoryHours,
      int expectedHours) {}
}
