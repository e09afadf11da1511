package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.PlantedCase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Which generated resources are the optimisation cases {@link PlantedCase} describes. */
final class PlantedCases {
  private PlantedCases() {}

  static Map<PlantedCase, List<String>> find(Tenancy t) {
    return find(t.resources, t.nowHour);
  }

  /** The cases among {@code resources} as of epoch hour {@code nowHour}. */
  static Map<PlantedCase, List<String>> find(List<Res> resources, long nowHour) {
    Map<PlantedCase, List<String>> out = new EnumMap<>(PlantedCase.class);
    for (PlantedCase c : PlantedCase.values()) {
      out.put(c, new ArrayList<>());
    }
    long twoWeeksAgo = nowHour - 14 * 24;
    for (Res r : resources) {
      switch (r.type) {
        case INSTANCE -> {
          boolean running = r.state.equals("RUNNING");
          boolean old = r.createdHour <= twoWeeksAgo;
          if (running && old && !r.officeHours && r.profile == Profile.IDLE) {
            out.get(PlantedCase.IDLE_INSTANCE).add(r.id);
          }
          if (running
              && old
              && !r.officeHours
              && r.profile == Profile.OVERSIZED
              && Shape.ALL.get(r.shape).flex()
              && r.ocpus >= 2) {
            out.get(PlantedCase.OVERSIZED_INSTANCE).add(r.id);
          }
          if (r.state.equals("STOPPED") && r.endHour <= nowHour - 7 * 24) {
            out.get(PlantedCase.STOPPED_INSTANCE).add(r.id);
          }
          if (running && r.nonProd && !r.officeHours) {
            out.get(PlantedCase.NON_PROD_24_7).add(r.id);
          }
        }
        case BLOCK_VOLUME -> {
          if (r.link < 0) {
            out.get(PlantedCase.UNATTACHED_VOLUME).add(r.id);
          }
        }
        case BOOT_VOLUME -> {
          if (r.link < 0) {
            out.get(PlantedCase.ORPHANED_BOOT_VOLUME).add(r.id);
          }
        }
        case VOLUME_BACKUP, BOOT_VOLUME_BACKUP -> {
          if (r.deletedSourceId != null || r.createdHour < nowHour - 90 * 24) {
            out.get(PlantedCase.OLD_BACKUP).add(r.id);
          }
        }
        case LOAD_BALANCER -> {
          if (r.backends == 0 || r.profile == Profile.IDLE) {
            out.get(PlantedCase.IDLE_LOAD_BALANCER).add(r.id);
          }
        }
        default -> {}
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  static String key(ResourceType type) {
    return type == ResourceType.BLOCK_VOLUME ? "volume" : type.key();
  }
}
