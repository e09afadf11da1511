package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.Period;
import com.oracle.bmc.usageapi.UsageapiClient;
import com.oracle.bmc.usageapi.model.Dimension;
import com.oracle.bmc.usageapi.model.Filter;
import com.oracle.bmc.usageapi.model.UsageSummary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Usage API serves the realistic dynamics exactly as the truth has them. */
class CostDynamicsIT {
  static final LocalDate NOW = LocalDate.of(2026, 12, 1);

  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(21)
              .now(NOW)
              .regions(2)
              .compartments(5)
              .instances(40)
              .days(200)
              .pageSize(5)
              .dynamics(CostDynamics.realistic()));

  private static Map<LocalDate, BigDecimal> servedByDay(
      UsageapiClient usage, Truth truth, String resourceId, LocalDate start, LocalDate end) {
    List<UsageSummary> rows =
        UsageIT.fetch(
            usage,
            UsageIT.daily(truth, start, end)
                .groupBy(List.of("resourceId"))
                .filter(
                    Filter.builder()
                        .operator(Filter.Operator.And)
                        .dimensions(
                            List.of(
                                Dimension.builder().key("resourceId").value(resourceId).build()))
                        .build())
                .build(),
            null);
    Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
    rows.forEach(
        r ->
            byDay.merge(
                LocalDate.ofInstant(r.getTimeUsageStarted().toInstant(), ZoneOffset.UTC),
                r.getComputedAmount(),
                BigDecimal::add));
    return byDay;
  }

  @Test
  void aMonthOfServedCostsEqualsTheTruthByDayAndResource(OciSimulator sim) {
    Truth truth = sim.truth();
    Period november = Period.month(2026, 11);
    try (UsageapiClient usage = Sdk.usage(sim)) {
      List<UsageSummary> rows =
          UsageIT.fetch(
              usage,
              UsageIT.daily(truth, november.start(), november.end())
                  .groupBy(List.of("resourceId", "skuPartNumber"))
                  .build(),
              null);
      Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
      Map<String, BigDecimal> byResource = new TreeMap<>();
      for (UsageSummary r : rows) {
        byDay.merge(
            LocalDate.ofInstant(r.getTimeUsageStarted().toInstant(), ZoneOffset.UTC),
            r.getComputedAmount(),
            BigDecimal::add);
        if (r.getResourceId() != null) {
          byResource.merge(r.getResourceId(), r.getComputedAmount(), BigDecimal::add);
        }
      }
      Map<LocalDate, BigDecimal> expectedDays = truth.costByDay(november);
      assertThat(byDay.keySet()).isEqualTo(expectedDays.keySet());
      expectedDays.forEach(
          (day, cost) -> assertThat(byDay.get(day)).as(day.toString()).isEqualByComparingTo(cost));
      Map<String, BigDecimal> expectedResources = truth.costByResource(november);
      expectedResources.forEach(
          (id, cost) -> assertThat(byResource.get(id)).as(id).isEqualByComparingTo(cost));
    }
  }

  @Test
  void spikesAreServedOnTheirDay(OciSimulator sim) {
    Truth truth = sim.truth();
    List<CostSpike> spikes = truth.costSpikes();
    assertThat(spikes).isNotEmpty();
    try (UsageapiClient usage = Sdk.usage(sim)) {
      for (CostSpike spike : spikes.subList(0, Math.min(4, spikes.size()))) {
        Map<LocalDate, BigDecimal> served =
            servedByDay(
                usage,
                truth,
                spike.resourceId(),
                spike.day().minusDays(1),
                spike.day().plusDays(1));
        BigDecimal onTheDay = served.get(spike.day());
        assertThat(onTheDay).isEqualByComparingTo(truth.cost(spike.resourceId(), spike.day()));
        // the day bills multiplier × usual: the spike's extra is most of it
        assertThat(onTheDay).isGreaterThan(spike.amount());
        assertThat(spike.amount())
            .isGreaterThan(onTheDay.subtract(spike.amount()).multiply(new BigDecimal("3")));
      }
    }
  }

  @Test
  void anAddedInstanceIsFirstServedOnItsCreationDay(OciSimulator sim) {
    Truth truth = sim.truth();
    Map.Entry<String, Instant> added =
        truth.addedInstances().entrySet().stream()
            .filter(
                e ->
                    e.getValue()
                        .isAfter(
                            truth
                                .history()
                                .start()
                                .plusDays(3)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()))
            .findFirst()
            .orElseThrow();
    LocalDate created = LocalDate.ofInstant(added.getValue(), ZoneOffset.UTC);
    try (UsageapiClient usage = Sdk.usage(sim)) {
      Map<LocalDate, BigDecimal> served =
          servedByDay(usage, truth, added.getKey(), created.minusDays(3), created.plusDays(2));
      assertThat(served.keySet().iterator().next()).isEqualTo(created);
      assertThat(served.get(created)).isEqualByComparingTo(truth.cost(added.getKey(), created));
    }
  }
}
