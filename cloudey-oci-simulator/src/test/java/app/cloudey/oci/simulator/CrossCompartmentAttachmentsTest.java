package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.ResourceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Attached volumes in another compartment than their instance: where they are, how many, and that
 * the planted cases ignore them.
 */
class CrossCompartmentAttachmentsTest {
  private static final List<ResourceType> VOLUMES =
      List.of(ResourceType.BLOCK_VOLUME, ResourceType.BOOT_VOLUME);

  private static OciSimulator start(
      long seed, int regions, int compartments, int instances, int pageSize) {
    return OciSimulator.builder()
        .seed(seed)
        .now(LocalDate.of(2026, 11, 26))
        .regions(regions)
        .compartments(compartments)
        .instances(instances)
        .days(5)
        .pageSize(pageSize)
        .start();
  }

  private static List<ResourceFacts> volumes(Truth truth, String region) {
    List<ResourceFacts> out = new ArrayList<>();
    for (String c : truth.compartmentIds()) {
      for (ResourceType type : VOLUMES) {
        out.addAll(truth.resources(type, region, c));
      }
    }
    return out;
  }

  /** Home region, first child compartment, first AD: it keeps more than three pages. */
  private static boolean inBusyScope(Truth truth, ResourceFacts instance) {
    return instance.region().equals(truth.homeRegion())
        && instance.compartmentId().equals(truth.compartmentIds().get(1))
        && truth
            .availabilityDomains(truth.homeRegion())
            .get(0)
            .equals(instance.availabilityDomain());
  }

  @Test
  void movedVolumesStayWithTheirInstancesRegionAndAdInAnotherActiveCompartment() {
    long[][] shapes = {{1, 1, 2, 5, 1}, {2, 2, 3, 20, 2}, {3, 3, 6, 60, 3}, {4, 2, 12, 150, 5}};
    for (long[] s : shapes) {
      try (OciSimulator sim = start(s[0], (int) s[1], (int) s[2], (int) s[3], (int) s[4])) {
        Truth truth = sim.truth();
        List<String> expected = new ArrayList<>();
        for (String region : truth.regions()) {
          for (ResourceType type : VOLUMES) {
            boolean candidate = false;
            boolean moved = false;
            for (ResourceFacts v : volumes(truth, region)) {
              if (v.type() != type || v.spec().attachedTo() == null) {
                continue;
              }
              ResourceFacts instance = truth.findResource(v.spec().attachedTo()).orElseThrow();
              assertThat(v.region()).isEqualTo(instance.region());
              assertThat(v.availabilityDomain()).isEqualTo(instance.availabilityDomain());
              assertThat(truth.compartmentIds()).contains(v.compartmentId());
              // outside the busy scope every attached volume may move (inside, only extras)
              candidate |= !inBusyScope(truth, instance);
              if (!v.compartmentId().equals(instance.compartmentId())) {
                expected.add(v.id());
                moved = true;
              }
            }
            if (candidate) {
              assertThat(moved).as("seed %d, %s in %s", s[0], type, region).isTrue();
            }
          }
        }
        for (ResourceType type : ResourceType.values()) {
          assertThat(truth.count(type, truth.homeRegion(), truth.compartmentIds().get(1)))
              .as("busy scope of %s, seed %d", type, s[0])
              .isGreaterThan(3 * (int) s[4]);
        }
        assertThat(truth.crossCompartmentAttachments())
            .isNotEmpty()
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(truth.toJson())
            .contains("\"crossCompartmentAttachments\" : " + expected.size() + ",");
      }
    }
  }

  @Test
  void aboutOneBlockVolumeInTenAndOneBootVolumeInTwentyMove() {
    try (OciSimulator sim = start(5, 2, 30, 2000, 2)) {
      Truth truth = sim.truth();
      int[] candidates = new int[2];
      int[] moved = new int[2];
      for (String region : truth.regions()) {
        for (ResourceFacts v : volumes(truth, region)) {
          if (v.spec().attachedTo() == null) {
            continue;
          }
          ResourceFacts instance = truth.findResource(v.spec().attachedTo()).orElseThrow();
          if (inBusyScope(truth, instance)) {
            continue;
          }
          int k = VOLUMES.indexOf(v.type());
          candidates[k]++;
          if (!v.compartmentId().equals(instance.compartmentId())) {
            moved[k]++;
          }
        }
      }
      // ~470 attached block volumes and ~1,800 boot volumes can move
      assertThat(candidates[0]).isGreaterThan(400);
      assertThat((double) moved[0] / candidates[0]).isBetween(0.06, 0.14);
      assertThat(candidates[1]).isGreaterThan(1500);
      assertThat((double) moved[1] / candidates[1]).isBetween(0.03, 0.07);
    }
  }

  @Test
  void unattachedVolumesAreOnlyThoseWithoutAnyAttachment() {
    try (OciSimulator sim = start(3, 3, 6, 60, 3)) {
      Truth truth = sim.truth();
      List<String> unattached = new ArrayList<>();
      List<String> orphaned = new ArrayList<>();
      for (String region : truth.regions()) {
        for (ResourceFacts v : volumes(truth, region)) {
          if (v.spec().attachedTo() == null) {
            (v.type() == ResourceType.BLOCK_VOLUME ? unattached : orphaned).add(v.id());
          }
        }
      }
      assertThat(truth.plantedCases().get(PlantedCase.UNATTACHED_VOLUME))
          .containsExactlyInAnyOrderElementsOf(unattached)
          .doesNotContainAnyElementsOf(truth.crossCompartmentAttachments());
      assertThat(truth.plantedCases().get(PlantedCase.ORPHANED_BOOT_VOLUME))
          .containsExactlyInAnyOrderElementsOf(orphaned)
          .doesNotContainAnyElementsOf(truth.crossCompartmentAttachments());
    }
  }
}
