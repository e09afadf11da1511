package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The attachments the simulator derives from volumes' links to instances. As in OCI an attachment
 * lives in its instance's compartment, which need not be the volume's, so block-volume attachments
 * are indexed by (region, instance compartment). Immutable once built.
 */
final class VolumeAttachments {
  /** scopeKey(BLOCK_VOLUME, region, instance compartment) -> volume indexes in list order. */
  private final Map<Long, int[]> byInstanceScope = new HashMap<>();

  VolumeAttachments(Tenancy t) {
    Map<Long, List<Res>> grouped = new HashMap<>();
    for (Res v : t.resources) {
      if (v.type == ResourceType.BLOCK_VOLUME && v.link >= 0) {
        long key = Tenancy.scopeKey(v.type, v.region, t.res(v.link).compartment);
        grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
      }
    }
    // the volumes' list order, so a tenancy without moved volumes pages exactly as before
    grouped.forEach(
        (key, list) -> {
          list.sort(Tenancy.LIST_ORDER);
          byInstanceScope.put(key, list.stream().mapToInt(r -> r.index).toArray());
        });
  }

  /** Attached block volumes whose instance is in the compartment, in list order. */
  int[] blockVolumes(int region, int instanceCompartment) {
    int[] items =
        byInstanceScope.get(
            Tenancy.scopeKey(ResourceType.BLOCK_VOLUME, region, instanceCompartment));
    return items == null ? new int[0] : items;
  }

  static String attachmentId(Tenancy t, Res volume) {
    String type = volume.type == ResourceType.BOOT_VOLUME ? "instance" : "volumeattachment";
    return Ids.ocid(type, t.region(volume).lowerKey(), t.params.seed(), 4242, volume.index);
  }
}
