package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.internal.OciConnection;
import app.cloudey.oci.simulator.MetricAggregate;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.spi.MetricSource;
import app.cloudey.testkit.contract.MetricSourceContract;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test kit's metric contract against the simulator: every resource of the two fullest
 * compartments of the home region (instances with and without the Cloud Agent, volumes, load
 * balancers, autonomous databases, and types without metrics), 10 days, batches of 7 resources.
 */
class OciMetricSourceIT extends MetricSourceContract {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder().seed(31).instances(40).days(30).now(LocalDate.of(2026, 11, 20)));

  private static OciConnection connection;
  private static List<Resource> resources;

  @Override
  protected MetricSource metricSource() {
    return connection().metrics();
  }

  private static OciConnection connection() {
    if (connection == null) {
      connection =
          SimulatorSupport.connect(
              SIM.simulator(), SimulatorSupport.options().metricBatchSize(7).build());
    }
    return connection;
  }

  @AfterAll
  static void close() {
    if (connection != null) {
      connection.close();
      connection = null;
      resources = null;
    }
  }

  private static Truth truth() {
    return SIM.simulator().truth();
  }

  @Override
  protected AccountId expectedAccountId() {
    return SimulatorSupport.ACCOUNT;
  }

  @Override
  protected List<Resource> metricResources() {
    if (resources == null) {
      String region = truth().homeRegion();
      List<String> compartments = new ArrayList<>(truth().compartmentIds());
      compartments.sort((a, b) -> total(region, b) - total(region, a));
      List<Resource> listed = new ArrayList<>();
      for (String compartment : compartments.subList(0, 2)) {
        for (ResourceType type : ResourceType.values()) {
          listed.addAll(connection().inventory().list(new Scope(region, compartment, type)));
        }
      }
      resources = listed;
    }
    return resources;
  }

  private static int total(String region, String compartment) {
    int n = 0;
    for (ResourceType type : ResourceType.values()) {
      n += truth().count(type, region, compartment);
    }
    return n;
  }

  @Override
  protected Period metricWindow() {
    return Period.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 19));
  }

  @Override
  protected Map<ResourceType, Set<MetricName>> expectedMetricNames() {
    Map<ResourceType, Set<MetricName>> names = new EnumMap<>(ResourceType.class);
    names.put(
        ResourceType.INSTANCE,
        EnumSet.of(MetricName.CPU_UTILIZATION, MetricName.MEMORY_UTILIZATION));
    names.put(
        ResourceType.LOAD_BALANCER,
        EnumSet.of(MetricName.LB_PEAK_BANDWIDTH, MetricName.LB_REQUESTS));
    names.put(ResourceType.BLOCK_VOLUME, EnumSet.of(MetricName.VOLUME_IOPS));
    names.put(ResourceType.BOOT_VOLUME, EnumSet.of(MetricName.VOLUME_IOPS));
    names.put(ResourceType.AUTONOMOUS_DATABASE, EnumSet.of(MetricName.CPU_UTILIZATION));
    return names;
  }

  @Override
  protected List<MetricDaily> expectedDaysWithData() {
    List<MetricDaily> expected = new ArrayList<>();
    for (Resource r : metricResources()) {
      for (MetricName metric : expectedMetricNames().getOrDefault(r.type(), Set.of())) {
        metricWindow()
            .dayStream()
            .forEach(
                day -> {
                  Optional<MetricAggregate> a = truth().findMetricDaily(r.id(), metric, day);
                  a.ifPresent(
                      v ->
                          expected.add(
                              new MetricDaily(
                                  expectedAccountId(),
                                  r.id(),
                                  metric,
                                  day,
                                  v.mean(),
                                  v.max(),
                                  v.p95(),
                                  v.samples())));
                });
      }
    }
    return expected;
  }

  @org.junit.jupiter.api.Test
  void aBatchThatFailsAfterRetriesIsReportedAndItsDaysAreMissing() {
    // every Monitoring call for one compartment answers 500: each of its batches fails after the
    // retries, is reported once, and its days are missing (never zeros); the other compartment's
    // batches are not reported
    String broken = metricResources().get(0).compartmentId();
    List<Resource> all = metricResources();
    int pairsInBroken = 0;
    for (Resource r : all) {
      if (r.compartmentId().equals(broken)) {
        pairsInBroken += connection().metrics().metricsFor(r.type()).size();
      }
    }
    SIM.simulator().faults().failScope("monitoring", broken, 500);
    try {
      List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      List<MetricDaily> days;
      try (java.util.stream.Stream<MetricDaily> s =
          connection().metrics().fetchDaily(all, metricWindow(), failures::add)) {
        days = s.toList();
      }
      assertThat(failures).isNotEmpty().allMatch(f -> f.contains(broken));
      // the batches' sizes add up to the compartment's (resource, metric) pairs
      int reported = 0;
      for (String f : failures) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile(" of (\\d+) resources").matcher(f);
        assertThat(m.find()).as(f).isTrue();
        reported += Integer.parseInt(m.group(1));
      }
      assertThat(reported).isEqualTo(pairsInBroken);
      assertThat(days)
          .filteredOn(d -> compartmentOf(d.resourceId()).equals(broken))
          .isNotEmpty()
          .allMatch(MetricDaily::isMissing);
      assertThat(days)
          .filteredOn(d -> !compartmentOf(d.resourceId()).equals(broken))
          .anyMatch(d -> !d.isMissing());
    } finally {
      SIM.simulator().faults().clear();
    }
  }

  private String compartmentOf(String resourceId) {
    return metricResources().stream()
        .filter(r -> r.id().equals(resourceId))
        .findFirst()
        .orElseThrow()
        .compartmentId();
  }
}
