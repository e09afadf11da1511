package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import app.cloudey.model.MetricName;
import app.cloudey.model.ResourceType;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.monitoring.MonitoringClient;
import com.oracle.bmc.monitoring.model.AggregatedDatapoint;
import com.oracle.bmc.monitoring.model.MetricData;
import com.oracle.bmc.monitoring.model.SummarizeMetricsDataDetails;
import com.oracle.bmc.monitoring.requests.SummarizeMetricsDataRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Monitoring through the raw SDK: hourly mean/max give the truth's daily aggregates; OCI's limits.
 */
class MonitoringIT {
  static final LocalDate NOW = LocalDate.of(2026, 11, 26);

  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(9)
              .now(NOW)
              .regions(1)
              .compartments(3)
              .instances(12)
              .days(100)
              .pageSize(4));

  static Date at(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  static List<MetricData> query(
      MonitoringClient client,
      String compartment,
      boolean subtree,
      String namespace,
      String mql,
      LocalDate from,
      LocalDate to) {
    return client
        .summarizeMetricsData(
            SummarizeMetricsDataRequest.builder()
                .compartmentId(compartment)
                .compartmentIdInSubtree(subtree)
                .summarizeMetricsDataDetails(
                    SummarizeMetricsDataDetails.builder()
                        .namespace(namespace)
                        .query(mql)
                        .startTime(at(from))
                        .endTime(at(to))
                        .resolution("1h")
                        .build())
                .build())
        .getItems();
  }

  @Test
  void hourlyMeanAndMaxGiveTheTruthsDailyAggregates(OciSimulator sim) {
    Truth truth = sim.truth();
    String compartment = truth.compartmentIds().get(1);
    List<String> ids =
        truth.resourceIds(ResourceType.INSTANCE, truth.homeRegion(), compartment).subList(0, 5);
    LocalDate day = NOW.minusDays(3);
    try (MonitoringClient monitoring = Sdk.monitoring(sim, truth.homeRegion())) {
      String filter = "{resourceId =~ \"" + String.join("|", ids) + "\"}";
      List<MetricData> means =
          query(
              monitoring,
              compartment,
              false,
              "oci_computeagent",
              "CpuUtilization[1h]" + filter + ".groupBy(resourceId).mean()",
              day,
              day.plusDays(1));
      List<MetricData> maxes =
          query(
              monitoring,
              compartment,
              false,
              "oci_computeagent",
              "CpuUtilization[1h]" + filter + ".groupBy(resourceId).max()",
              day,
              day.plusDays(1));
      int checked = 0;
      for (String id : ids) {
        var expected = truth.findMetricDaily(id, MetricName.CPU_UTILIZATION, day);
        MetricData mean =
            means.stream()
                .filter(m -> id.equals(m.getDimensions().get("resourceId")))
                .findFirst()
                .orElse(null);
        MetricData max =
            maxes.stream()
                .filter(m -> id.equals(m.getDimensions().get("resourceId")))
                .findFirst()
                .orElse(null);
        if (expected.isEmpty() || mean == null) {
          continue; // stopped, terminated or without the agent: no data, never 0
        }
        List<Double> hourly =
            mean.getAggregatedDatapoints().stream().map(AggregatedDatapoint::getValue).toList();
        assertThat(hourly).hasSize(expected.get().samples());
        double dailyMean = hourly.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double dailyMax =
            max.getAggregatedDatapoints().stream()
                .mapToDouble(AggregatedDatapoint::getValue)
                .max()
                .orElseThrow();
        List<Double> sorted = new ArrayList<>(hourly);
        sorted.sort(null);
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        assertThat(dailyMean).isCloseTo(expected.get().mean(), within(1e-9));
        assertThat(dailyMax).isEqualTo(expected.get().max());
        assertThat(p95).isEqualTo(expected.get().p95());
        checked++;
      }
      assertThat(checked).isPositive();
    }
  }

  /** Hourly values of one resource's metric: {@code Metric[1h]{resourceId = "id"}.sum()}. */
  static Map<Date, Double> hourlySums(
      MonitoringClient monitoring,
      String compartment,
      String namespace,
      String metric,
      String id,
      LocalDate day) {
    Map<Date, Double> out = new java.util.TreeMap<>();
    for (MetricData data :
        query(
            monitoring,
            compartment,
            false,
            namespace,
            metric + "[1h]{resourceId = \"" + id + "\"}.groupBy(resourceId).sum()",
            day,
            day.plusDays(1))) {
      data.getAggregatedDatapoints().forEach(p -> out.put(p.getTimestamp(), p.getValue()));
    }
    return out;
  }

  /** Mean, max, nearest-rank p95 and samples of hourly values, as a client computes them. */
  static void assertAggregate(List<Double> hourly, MetricAggregate expected) {
    double mean = 0;
    for (double v : hourly) {
      mean += v;
    }
    mean /= hourly.size();
    List<Double> sorted = new ArrayList<>(hourly);
    sorted.sort(null);
    assertThat(hourly).hasSize(expected.samples());
    assertThat(mean).isCloseTo(expected.mean(), within(Math.abs(expected.mean()) * 1e-9));
    assertThat(sorted.get(sorted.size() - 1)).isEqualTo(expected.max());
    assertThat(sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1)).isEqualTo(expected.p95());
  }

  @Test
  void requestsPerHourAreTheSumsOfThePerMinuteCounts(OciSimulator sim) {
    Truth truth = sim.truth();
    LocalDate day = NOW.minusDays(2);
    int checked = 0;
    try (MonitoringClient monitoring = Sdk.monitoring(sim, truth.homeRegion())) {
      for (String c : truth.compartmentIds()) {
        for (String id : truth.resourceIds(ResourceType.LOAD_BALANCER, truth.homeRegion(), c)) {
          var expected = truth.findMetricDaily(id, MetricName.LB_REQUESTS, day);
          if (expected.isEmpty() || checked >= 4) {
            continue;
          }
          List<Double> hourly =
              new ArrayList<>(
                  hourlySums(monitoring, c, "oci_lbaas", "HttpRequests", id, day).values());
          assertAggregate(hourly, expected.get());
          // hourly means of 0-900 requests a minute: an hour sums to at most 54,000
          assertThat(expected.get().max()).isBetween(0.0, 54_000.0);
          checked++;
        }
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void volumeIopsAreHourlyReadPlusWriteOperationsOver3600Seconds(OciSimulator sim) {
    Truth truth = sim.truth();
    LocalDate day = NOW.minusDays(2);
    int checked = 0;
    try (MonitoringClient monitoring = Sdk.monitoring(sim, truth.homeRegion())) {
      for (String c : truth.compartmentIds()) {
        for (ResourceType type : List.of(ResourceType.BLOCK_VOLUME, ResourceType.BOOT_VOLUME)) {
          for (String id : truth.resourceIds(type, truth.homeRegion(), c)) {
            var expected = truth.findMetricDaily(id, MetricName.VOLUME_IOPS, day);
            if (expected.isEmpty() || checked >= 6) {
              continue;
            }
            Map<Date, Double> reads =
                hourlySums(monitoring, c, "oci_blockstore", "VolumeReadOps", id, day);
            Map<Date, Double> writes =
                hourlySums(monitoring, c, "oci_blockstore", "VolumeWriteOps", id, day);
            java.util.Set<Date> hours = new java.util.TreeSet<>(reads.keySet());
            hours.addAll(writes.keySet());
            List<Double> hourly = new ArrayList<>();
            for (Date h : hours) {
              hourly.add((reads.getOrDefault(h, 0.0) + writes.getOrDefault(h, 0.0)) / 3600);
            }
            assertAggregate(hourly, expected.get());
            // hourly means of 6-90,000 operations a minute each: 0.2-3,000 per second
            assertThat(expected.get().mean()).isBetween(0.2, 3_000.0);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isPositive();
  }

  @Test
  void plantedIdleInstancesStayUnderFivePercent(OciSimulator sim) {
    Truth truth = sim.truth();
    List<String> idle = truth.plantedCases().get(PlantedCase.IDLE_INSTANCE);
    for (String id : idle) {
      for (LocalDate d = NOW.minusDays(14); d.isBefore(NOW); d = d.plusDays(1)) {
        truth
            .findMetricDaily(id, MetricName.CPU_UTILIZATION, d)
            .ifPresent(m -> assertThat(m.p95()).isLessThan(5));
      }
    }
  }

  @Test
  void ociLimitsAnswer400(OciSimulator sim) {
    Truth truth = sim.truth();
    try (MonitoringClient monitoring = Sdk.monitoring(sim, truth.homeRegion())) {
      // more than 90 days back
      assertThatThrownBy(
              () ->
                  query(
                      monitoring,
                      truth.tenancyId(),
                      true,
                      "oci_computeagent",
                      "CpuUtilization[1h].mean()",
                      NOW.minusDays(95),
                      NOW))
          .isInstanceOfSatisfying(
              BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
      // every instance of the tenancy x 24 x 89 hourly points is far above 100,000? no: prove the
      // cap with 1h over 89 days
      List<MetricData> ok =
          query(
              monitoring,
              truth.tenancyId(),
              true,
              "oci_vmi_resource_utilization",
              "CpuUtilization[1d].grouping().max()",
              NOW.minusDays(10),
              NOW);
      assertThat(ok).hasSize(1);
      // resolution 1h with a 1d window: one sliding 24-hour window ending on each hour, 10 x 24
      assertThat(ok.get(0).getAggregatedDatapoints()).hasSize(240);
      assertThatThrownBy(
              () ->
                  query(
                      monitoring,
                      truth.tenancyId(),
                      true,
                      "oci_computeagent",
                      "CpuUtilization[1h]{bad}.mean()",
                      NOW.minusDays(1),
                      NOW))
          .isInstanceOfSatisfying(
              BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }
  }

  @Test
  void theDatapointCapIsEnforced() {
    try (OciSimulator big =
            OciSimulator.builder()
                .seed(9)
                .now(NOW)
                .regions(1)
                .compartments(2)
                .instances(60)
                .days(90)
                .pageSize(20)
                .start();
        MonitoringClient monitoring = Sdk.monitoring(big, big.truth().homeRegion())) {
      // 60+ instances x 24 x 89 hourly windows > 100,000 data points
      assertThatThrownBy(
              () ->
                  query(
                      monitoring,
                      big.truth().tenancyId(),
                      true,
                      "oci_vmi_resource_utilization",
                      "CpuUtilization[1h].mean()",
                      NOW.minusDays(89),
                      NOW))
          .isInstanceOfSatisfying(
              BmcException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(400);
                assertThat(e.getMessage()).contains("100000");
              });
      Map<String, String> dims =
          query(
                  monitoring,
                  big.truth().tenancyId(),
                  true,
                  "oci_lbaas",
                  "PeakBandwidth[1h].max()",
                  NOW.minusDays(1),
                  NOW)
              .get(0)
              .getDimensions();
      assertThat(dims).containsKey("resourceId");
    }
  }
}
