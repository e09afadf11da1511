package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.ResourceType;
import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.core.model.BootVolumeAttachment;
import com.oracle.bmc.core.model.VolumeAttachment;
import com.oracle.bmc.core.requests.ListBootVolumeAttachmentsRequest;
import com.oracle.bmc.core.requests.ListVolumeAttachmentsRequest;
import com.oracle.bmc.usageapi.UsageapiClient;
import com.oracle.bmc.usageapi.model.Dimension;
import com.oracle.bmc.usageapi.model.Filter;
import com.oracle.bmc.usageapi.model.UsageSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Through the raw SDK: an attachment is listed in its instance's compartment, never in a moved
 * volume's own; every attachment is listed exactly once across compartments and pages; the volume
 * still bills in its own compartment.
 */
class CrossCompartmentAttachmentsIT {
  static final LocalDate NOW = LocalDate.of(2026, 11, 26);

  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(21)
              .now(NOW)
              .regions(2)
              .compartments(6)
              .instances(60)
              .days(5)
              .pageSize(3));

  private static List<VolumeAttachment> volumeAttachments(
      ComputeClient compute, String compartment, String volumeId) {
    return Sdk.all(
        p ->
            compute.listVolumeAttachments(
                ListVolumeAttachmentsRequest.builder()
                    .compartmentId(compartment)
                    .volumeId(volumeId)
                    .page(p)
                    .build()),
        r -> r.getItems(),
        r -> r.getOpcNextPage());
  }

  private static List<BootVolumeAttachment> bootAttachments(
      ComputeClient compute, String compartment, String ad, String bootVolumeId) {
    return Sdk.all(
        p ->
            compute.listBootVolumeAttachments(
                ListBootVolumeAttachmentsRequest.builder()
                    .compartmentId(compartment)
                    .availabilityDomain(ad)
                    .bootVolumeId(bootVolumeId)
                    .page(p)
                    .build()),
        r -> r.getItems(),
        r -> r.getOpcNextPage());
  }

  @Test
  void attachmentsAreListedInTheInstancesCompartmentNotTheVolumes(OciSimulator sim) {
    Truth truth = sim.truth();
    List<String> moved = truth.crossCompartmentAttachments();
    assertThat(moved).isNotEmpty();
    Set<String> typesAndRegions = new TreeSet<>();
    for (String id : moved) {
      ResourceFacts volume = truth.findResource(id).orElseThrow();
      ResourceFacts instance = truth.findResource(volume.spec().attachedTo()).orElseThrow();
      assertThat(volume.compartmentId()).isNotEqualTo(instance.compartmentId());
      typesAndRegions.add(volume.type() + " " + volume.region());
      try (ComputeClient compute = Sdk.compute(sim, volume.region())) {
        if (volume.type() == ResourceType.BLOCK_VOLUME) {
          assertThat(volumeAttachments(compute, volume.compartmentId(), id)).isEmpty();
          assertThat(volumeAttachments(compute, volume.compartmentId(), null))
              .extracting(VolumeAttachment::getVolumeId)
              .doesNotContain(id);
          List<VolumeAttachment> found = volumeAttachments(compute, instance.compartmentId(), id);
          assertThat(found).hasSize(1);
          assertThat(found.get(0).getInstanceId()).isEqualTo(instance.id());
          assertThat(found.get(0).getCompartmentId()).isEqualTo(instance.compartmentId());
          assertThat(found.get(0).getAvailabilityDomain()).isEqualTo(instance.availabilityDomain());
        } else {
          String ad = volume.availabilityDomain();
          assertThat(bootAttachments(compute, volume.compartmentId(), ad, id)).isEmpty();
          List<BootVolumeAttachment> found =
              bootAttachments(compute, instance.compartmentId(), ad, id);
          assertThat(found).hasSize(1);
          assertThat(found.get(0).getInstanceId()).isEqualTo(instance.id());
          assertThat(found.get(0).getCompartmentId()).isEqualTo(instance.compartmentId());
        }
      }
    }
    // both kinds in both regions
    assertThat(typesAndRegions).hasSize(4);
  }

  @Test
  void everyAttachmentIsListedOnceAcrossCompartmentsAndPages(OciSimulator sim) {
    Truth truth = sim.truth();
    for (String region : truth.regions()) {
      Map<String, String> expected = new HashMap<>();
      for (String c : truth.compartmentIds()) {
        for (ResourceFacts v : truth.resources(ResourceType.BLOCK_VOLUME, region, c)) {
          if (v.spec().attachedTo() != null) {
            String instanceCompartment =
                truth.findResource(v.spec().attachedTo()).orElseThrow().compartmentId();
            expected.put(v.id(), v.spec().attachedTo() + " in " + instanceCompartment);
          }
        }
      }
      Map<String, String> listed = new HashMap<>();
      try (ComputeClient compute = Sdk.compute(sim, region)) {
        for (String c : truth.compartmentIds()) {
          for (VolumeAttachment a : volumeAttachments(compute, c, null)) {
            assertThat(a.getCompartmentId()).isEqualTo(c);
            assertThat(listed.put(a.getVolumeId(), a.getInstanceId() + " in " + c))
                .as("listed twice: " + a.getVolumeId())
                .isNull();
          }
        }
      }
      assertThat(listed).isEqualTo(expected);
    }
  }

  @Test
  void aMovedVolumeBillsInItsOwnCompartment(OciSimulator sim) {
    Truth truth = sim.truth();
    ResourceFacts volume =
        truth.findResource(truth.crossCompartmentAttachments().get(0)).orElseThrow();
    LocalDate day = NOW.minusDays(1);
    BigDecimal cost = truth.cost(volume.id(), day);
    assertThat(cost).isPositive();
    try (UsageapiClient usage = Sdk.usage(sim)) {
      List<UsageSummary> rows =
          UsageIT.fetch(
              usage,
              UsageIT.daily(truth, day, NOW)
                  .groupBy(List.of("resourceId", "compartmentId"))
                  .filter(
                      Filter.builder()
                          .operator(Filter.Operator.And)
                          .dimensions(
                              List.of(
                                  Dimension.builder().key("resourceId").value(volume.id()).build()))
                          .build())
                  .build(),
              null);
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getCompartmentId()).isEqualTo(volume.compartmentId());
      assertThat(rows.get(0).getComputedAmount()).isEqualByComparingTo(cost);
    }
  }
}
