package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricPlanTest {

  private static Resource r(ResourceType type, String compartment, int i) {
    return Resource.builder()
        .accountId(AccountId.of("acme"))
        .provider("oci")
        .type(type)
        .id("ocid1." + type.key().toLowerCase() + ".oc1..r" + i)
        .region("us-ashburn-1")
        .compartmentId(compartment)
        .lifecycleState("RUNNING")
        .build();
  }

  @Test
  void batchesPerCompartmentTypeAndMetric() {
    List<Resource> resources = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      resources.add(r(ResourceType.INSTANCE, "c1", i));
    }
    resources.add(r(ResourceType.INSTANCE, "c2", 99));
    resources.add(r(ResourceType.BUCKET, "c1", 100)); // no metrics
    resources.add(r(ResourceType.BLOCK_VOLUME, "c1", 101));
    var batches =
        OciMetricSource.plan(
            resources, Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)), 5);
    // c1 instances: 12 resources in batches of 5 = 3 batches, for CPU and for memory = 6;
    // c2 instances: 1 batch each for CPU and memory = 2; c1 volume IOPS: 1. Total 9.
    assertThat(batches).hasSize(9);
    assertThat(batches)
        .filteredOn(b -> b.compartmentId().equals("c1") && b.metric() == MetricName.CPU_UTILIZATION)
        .extracting(b -> b.ids().size())
        .containsExactly(5, 5, 2);
    assertThat(batches).noneMatch(b -> b.ids().contains("ocid1.bucket.oc1..r100"));
  }

  @Test
  void bootAndBlockVolumesOfACompartmentShareOneBlockstoreQuery() {
    List<Resource> resources =
        List.of(
            r(ResourceType.BOOT_VOLUME, "c1", 1),
            r(ResourceType.BLOCK_VOLUME, "c1", 2),
            r(ResourceType.BOOT_VOLUME, "c2", 3),
            r(ResourceType.INSTANCE, "c1", 4),
            r(ResourceType.AUTONOMOUS_DATABASE, "c1", 5));
    var batches =
        OciMetricSource.plan(
            resources, Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 15)), 50);
    assertThat(batches)
        .filteredOn(b -> b.metric() == MetricName.VOLUME_IOPS)
        .extracting(b -> b.compartmentId() + " " + b.ids())
        .containsExactly(
            "c1 [ocid1.bootvolume.oc1..r1, ocid1.blockvolume.oc1..r2]",
            "c2 [ocid1.bootvolume.oc1..r3]");
    // the same metric from different namespaces stays apart: agent CPU vs autonomous database CPU
    assertThat(batches)
        .filteredOn(b -> b.metric() == MetricName.CPU_UTILIZATION)
        .extracting(b -> b.source().components().get(0).namespace() + " " + b.ids().size())
        .containsExactly("oci_computeagent 1", "oci_autonomous_database 1");
  }

  @Test
  void countsAreReadAsHourlySumsAndLevelsAsMeanAndMax() {
    assertThat(MetricPlan.source(ResourceType.LOAD_BALANCER, MetricName.LB_REQUESTS).reading())
        .isEqualTo(MetricPlan.Reading.COUNT_PER_HOUR);
    assertThat(MetricPlan.Reading.COUNT_PER_HOUR.divisor()).isEqualTo(1.0);
    assertThat(MetricPlan.source(ResourceType.BLOCK_VOLUME, MetricName.VOLUME_IOPS).reading())
        .isEqualTo(MetricPlan.Reading.COUNT_PER_SECOND);
    assertThat(MetricPlan.Reading.COUNT_PER_SECOND.divisor()).isEqualTo(3600.0);
    assertThat(
            MetricPlan.source(ResourceType.LOAD_BALANCER, MetricName.LB_PEAK_BANDWIDTH).reading())
        .isEqualTo(MetricPlan.Reading.LEVEL);
    assertThat(MetricPlan.source(ResourceType.INSTANCE, MetricName.CPU_UTILIZATION).reading())
        .isEqualTo(MetricPlan.Reading.LEVEL);
  }
}
