package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.cloudey.model.Period;
import app.cloudey.model.ResourceType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Cost dynamics: off by default, and each option visible in the truth as documented. */
class CostDynamicsTest {
  static final LocalDate NOW = LocalDate.of(2026, 12, 1);
  static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
  static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);

  /** 200 days: [2026-05-15, 2026-12-01), seven months. */
  static OciSimulator.Builder tenancy(CostDynamics dynamics) {
    return OciSimulator.builder()
        .seed(5)
        .now(NOW)
        .regions(2)
        .compartments(6)
        .instances(40)
        .days(200)
        .pageSize(5)
        .dynamics(dynamics);
  }

  @Test
  void withoutDynamicsTheTenancyIsTheOneGeneratedBeforeTheyExisted() {
    OciSimulator.Builder usageIt =
        OciSimulator.builder()
            .seed(11)
            .now(LocalDate.of(2026, 11, 26))
            .regions(2)
            .compartments(4)
            .instances(25)
            .days(40)
            .pageSize(3);
    try (OciSimulator plain = usageIt.start();
        OciSimulator none = usageIt.dynamics(CostDynamics.NONE).start()) {
      Truth truth = plain.truth();
      // this tenancy's 40-day total as generated before CostDynamics existed (commit 63feafd)
      assertThat(truth.cost(truth.history())).isEqualByComparingTo("41209.46564649");
      assertThat(none.truth().toJson()).isEqualTo(truth.toJson()).doesNotContain("costSpikes");
      assertThat(truth.dynamics()).isEqualTo(CostDynamics.NONE);
      assertThat(truth.dynamics().active()).isFalse();
      assertThat(truth.costSpikes()).isEmpty();
      assertThat(truth.addedInstances()).isEmpty();
      assertThat(truth.elasticResourceIds()).isEmpty();
      assertThat(truth.loadFactor(LocalDate.of(2026, 11, 21))).isEqualTo(1.0);
    }
  }

  @Test
  void optionsOutOfRangeNameTheirField() {
    assertThatThrownBy(() -> CostDynamics.NONE.withWeekendLoad(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("weekendLoad");
    assertThatThrownBy(() -> CostDynamics.NONE.withGrowthPerMonth(-0.5))
        .hasMessageContaining("growthPerMonth");
    assertThatThrownBy(() -> CostDynamics.NONE.withDailyNoise(0.6))
        .hasMessageContaining("dailyNoise");
    assertThatThrownBy(() -> CostDynamics.NONE.withNewInstancesPerMonth(-0.1))
        .hasMessageContaining("newInstancesPerMonth");
    assertThatThrownBy(() -> CostDynamics.NONE.withSpikesPerMonth(32))
        .hasMessageContaining("spikesPerMonth");
  }

  /**
   * An elastic instance on untiered SKUs (no free tier) that, in the same tenancy without dynamics,
   * bills the same whole amount on each of the days: it ran all of them.
   */
  private static String steadyElasticInstance(Truth truth, Truth flat, LocalDate... days) {
    return truth.elasticResourceIds().stream()
        .filter(id -> truth.findResource(id).orElseThrow().type() == ResourceType.INSTANCE)
        .filter(
            id ->
                !"VM.Standard.A1.Flex".equals(truth.findResource(id).orElseThrow().spec().shape()))
        .filter(id -> flat.cost(id, days[0]).signum() > 0)
        .filter(
            id ->
                java.util.Arrays.stream(days)
                    .allMatch(d -> flat.cost(id, d).compareTo(flat.cost(id, days[0])) == 0))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void weekendsBillTheWeekendLoadAndShowInDailyTotals() {
    try (OciSimulator seasonal = tenancy(CostDynamics.NONE.withWeekendLoad(0.5)).start();
        OciSimulator flat = tenancy(CostDynamics.NONE).start()) {
      Truth truth = seasonal.truth();
      assertThat(truth.loadFactor(MONDAY)).isEqualTo(1.0);
      assertThat(truth.loadFactor(SATURDAY)).isEqualTo(0.5);
      String id = steadyElasticInstance(truth, flat.truth(), MONDAY, SATURDAY);
      // quantity × 0.5 on Saturday: exactly half of the Monday amount, which is unchanged
      assertThat(truth.cost(id, MONDAY)).isEqualByComparingTo(flat.truth().cost(id, MONDAY));
      assertThat(truth.cost(id, SATURDAY))
          .isEqualByComparingTo(truth.cost(id, MONDAY).multiply(new BigDecimal("0.5")));

      double seasonalRatio = weekendOverWeekday(truth);
      double flatRatio = weekendOverWeekday(flat.truth());
      // office-hours instances already make weekends a little cheaper; elastic usage at half
      // load on weekends makes it visible in the tenancy's daily totals
      assertThat(seasonalRatio).isLessThan(flatRatio - 0.05);
    }
  }

  private static double weekendOverWeekday(Truth truth) {
    double weekend = 0;
    double weekday = 0;
    int weekends = 0;
    int weekdays = 0;
    for (Map.Entry<LocalDate, BigDecimal> e : truth.costByDay(truth.history()).entrySet()) {
      DayOfWeek dow = e.getKey().getDayOfWeek();
      if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
        weekend += e.getValue().doubleValue();
        weekends++;
      } else {
        weekday += e.getValue().doubleValue();
        weekdays++;
      }
    }
    return (weekend / weekends) / (weekday / weekdays);
  }

  @Test
  void elasticUsageGrowsByTheMonthlyRate() {
    try (OciSimulator growing = tenancy(CostDynamics.NONE.withGrowthPerMonth(0.1)).start();
        OciSimulator flat = tenancy(CostDynamics.NONE).start()) {
      Truth truth = growing.truth();
      assertThat(truth.loadFactor(truth.history().start())).isEqualTo(1.0);
      // (1 + 0.1)^(28 / 30.436875) = 1.0916380 over four weeks
      double fourWeeks = 1.0916380;
      assertThat(truth.loadFactor(MONDAY) / truth.loadFactor(MONDAY.minusDays(28)))
          .isCloseTo(fourWeeks, within(1e-6));
      String id = steadyElasticInstance(truth, flat.truth(), MONDAY.minusDays(28), MONDAY);
      assertThat(
              truth.cost(id, MONDAY).doubleValue()
                  / truth.cost(id, MONDAY.minusDays(28)).doubleValue())
          .isCloseTo(fourWeeks, within(1e-6));
      // the same tenancy otherwise: November costs more with growth than without
      Period november = Period.month(2026, 11);
      assertThat(truth.cost(november)).isGreaterThan(flat.truth().cost(november));
      Period june = Period.month(2026, 6);
      double novemberGain =
          truth.cost(november).doubleValue() / flat.truth().cost(november).doubleValue();
      double juneGain = truth.cost(june).doubleValue() / flat.truth().cost(june).doubleValue();
      assertThat(novemberGain).isGreaterThan(juneGain);
    }
  }

  @Test
  void addedInstancesBillFromTheirCreationHour() {
    try (OciSimulator growing = tenancy(CostDynamics.NONE.withNewInstancesPerMonth(0.05)).start();
        OciSimulator flat = tenancy(CostDynamics.NONE).start()) {
      Truth truth = growing.truth();
      Map<String, Instant> added = truth.addedInstances();
      // round(0.05 × 40) = 2 draws in each of the seven months May-November; May's draws before
      // the history's first day (May 15) are dropped
      assertThat(added.size()).isBetween(12, 14);
      assertThat(truth.count(ResourceType.INSTANCE))
          .isEqualTo(flat.truth().count(ResourceType.INSTANCE) + added.size());
      assertThat(truth.count(ResourceType.BOOT_VOLUME))
          .isEqualTo(flat.truth().count(ResourceType.BOOT_VOLUME) + added.size());
      for (Map.Entry<String, Instant> e : added.entrySet()) {
        LocalDate day = LocalDate.ofInstant(e.getValue(), ZoneOffset.UTC);
        int hour = e.getValue().atZone(ZoneOffset.UTC).getHour();
        assertThat(day.getDayOfMonth()).isGreaterThanOrEqualTo(2);
        assertThat(truth.history().contains(day)).isTrue();
        ResourceFacts facts = truth.findResource(e.getKey()).orElseThrow();
        assertThat(facts.lifecycleState()).isEqualTo("RUNNING");
        // E4 Flex: 0.025 per OCPU hour + 0.0015 per GB hour; E5 Flex: 0.03 + 0.002
        boolean e4 = facts.spec().shape().equals("VM.Standard.E4.Flex");
        BigDecimal hourly =
            facts
                .spec()
                .ocpus()
                .multiply(new BigDecimal(e4 ? "0.025" : "0.03"))
                .add(facts.spec().memoryGb().multiply(new BigDecimal(e4 ? "0.0015" : "0.002")));
        assertThat(truth.cost(e.getKey(), day.minusDays(1))).isZero();
        // e.g. created at 15:00 with 2 OCPUs and 16 GB on E4: 9 h × (0.05 + 0.024) = 0.666
        assertThat(truth.cost(e.getKey(), day))
            .isEqualByComparingTo(hourly.multiply(BigDecimal.valueOf(24 - hour)));
        if (day.plusDays(1).isBefore(NOW)) {
          assertThat(truth.cost(e.getKey(), day.plusDays(1)))
              .isEqualByComparingTo(hourly.multiply(BigDecimal.valueOf(24)));
        }
      }
    }
  }

  @Test
  void spikesAreInTheTruthAndInTheDailyCosts() {
    try (OciSimulator spiky = tenancy(CostDynamics.NONE.withSpikesPerMonth(3)).start();
        OciSimulator flat = tenancy(CostDynamics.NONE).start()) {
      Truth truth = spiky.truth();
      List<CostSpike> spikes = truth.costSpikes();
      // three in each of the seven months the history touches
      assertThat(spikes).hasSize(21);
      Map<LocalDate, BigDecimal> extraByDay = new TreeMap<>();
      int steady = 0;
      for (CostSpike s : spikes) {
        assertThat(s.multiplier()).isBetween(new BigDecimal("5"), new BigDecimal("20"));
        assertThat(s.amount()).isPositive();
        assertThat(s.service()).isIn("Compute", "Database");
        assertThat(truth.history().contains(s.day())).isTrue();
        extraByDay.merge(s.day(), s.amount(), BigDecimal::add);
        BigDecimal before = truth.cost(s.resourceId(), s.day().minusDays(1));
        BigDecimal after = truth.cost(s.resourceId(), s.day().plusDays(1));
        if (before.signum() > 0 && before.compareTo(after) == 0) {
          // a resource billing the same whole days around its spike: the day bills multiplier ×
          // that, and the spike's amount is the difference
          steady++;
          assertThat(truth.cost(s.resourceId(), s.day()))
              .isEqualByComparingTo(before.multiply(s.multiplier()));
          assertThat(s.amount())
              .isEqualByComparingTo(before.multiply(s.multiplier().subtract(BigDecimal.ONE)));
        }
      }
      assertThat(steady).isPositive();
      // spikes draw from their own stream: everything else is the tenancy without them
      Map<LocalDate, BigDecimal> days = truth.costByDay(truth.history());
      Map<LocalDate, BigDecimal> flatDays = flat.truth().costByDay(truth.history());
      for (LocalDate day : days.keySet()) {
        assertThat(days.get(day))
            .as(day.toString())
            .isEqualByComparingTo(
                flatDays.get(day).add(extraByDay.getOrDefault(day, BigDecimal.ZERO)));
      }
      CostSpike first = spikes.get(0);
      Period day = Period.day(first.day());
      BigDecimal sameDaySameService =
          spikes.stream()
              .filter(s -> s.day().equals(first.day()) && s.service().equals(first.service()))
              .map(CostSpike::amount)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(truth.costByService(day).get(first.service()))
          .isEqualByComparingTo(
              flat.truth().costByService(day).get(first.service()).add(sameDaySameService));
    }
  }

  @Test
  void realisticIsDeterministicAndWritesTheDynamicsIntoTruthJson() {
    String json;
    try (OciSimulator a = tenancy(CostDynamics.realistic()).start()) {
      json = a.truth().toJson();
      assertThat(a.truth().elasticResourceIds()).isNotEmpty();
      assertThat(a.truth().addedInstances()).isNotEmpty();
      assertThat(a.truth().costSpikes()).isNotEmpty();
    }
    try (OciSimulator b = tenancy(CostDynamics.realistic()).start()) {
      assertThat(b.truth().toJson()).isEqualTo(json);
    }
    assertThat(json)
        .contains("\"dynamics\"")
        .contains("\"weekendLoad\" : 0.6")
        .contains("\"costSpikes\"")
        .contains("\"costsByDay\"")
        .contains("\"2026-11-30\"");
  }
}
