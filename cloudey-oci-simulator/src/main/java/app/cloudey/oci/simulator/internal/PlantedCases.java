package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.PlantedCase;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which generated resources are the optimisation cases {@link PlantedCase} describes: the rules'
 * default tests (DESIGN.md §6) written over the generator's own fields. {@link UnambiguousCases}
 * keeps every other resource clearly outside them.
 */
final class PlantedCases {
  static final long DAY = 24;

  /** The idle and rightsizing look-back, days. */
  static final int INSTANCE_WINDOW_DAYS = 14;

  /** The idle load balancer look-back, days. */
  static final int LB_WINDOW_DAYS = 7;

  /** Share of the look-back's hours that must have data before a metric rule judges. */
  static final double MIN_COVERAGE = 0.8;

  /** Stopped, unattached and orphaned for at least this long. */
  static final int STOPPED_DAYS = 7;

  static final int UNATTACHED_DAYS = 7;

  static final int BACKUP_RETENTION_DAYS = 90;

  private PlantedCases() {}

  static Map<PlantedCase, List<String>> find(Tenancy t) {
    return find(t.resources, t.nowHour, t.historyStartHour);
  }

  /** The cases among {@code resources} as of epoch hour {@code nowHour}. */
  static Map<PlantedCase, List<String>> find(
      List<Res> resources, long nowHour, long historyStartHour) {
    Map<PlantedCase, List<String>> out = new EnumMap<>(PlantedCase.class);
    for (PlantedCase c : PlantedCase.values()) {
      out.put(c, new ArrayList<>());
    }
    for (Res r : resources) {
      switch (r.type) {
        case INSTANCE -> instance(r, nowHour, historyStartHour, out);
        case BLOCK_VOLUME -> {
          if (r.link < 0 && r.createdHour <= nowHour - UNATTACHED_DAYS * DAY) {
            out.get(PlantedCase.UNATTACHED_VOLUME).add(r.id);
          }
        }
        case BOOT_VOLUME -> {
          if (r.link < 0 && r.createdHour <= nowHour - UNATTACHED_DAYS * DAY) {
            out.get(PlantedCase.ORPHANED_BOOT_VOLUME).add(r.id);
          }
        }
        case VOLUME_BACKUP, BOOT_VOLUME_BACKUP -> {
          if (r.deletedSourceId != null || r.createdHour < nowHour - BACKUP_RETENTION_DAYS * DAY) {
            out.get(PlantedCase.OLD_BACKUP).add(r.id);
          }
        }
        case LOAD_BALANCER -> {
          if (r.profile == Profile.IDLE
              && (healthyBackends(r) == 0
                  || covered(r, nowHour, historyStartHour, LB_WINDOW_DAYS))) {
            out.get(PlantedCase.IDLE_LOAD_BALANCER).add(r.id);
          }
        }
        default -> {}
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }

  private static void instance(
      Res r, long nowHour, long historyStartHour, Map<PlantedCase, List<String>> out) {
    if (r.state.equals("STOPPED") && r.endHour <= nowHour - STOPPED_DAYS * DAY) {
      out.get(PlantedCase.STOPPED_INSTANCE).add(r.id);
    }
    if (!r.state.equals("RUNNING") || r.officeHours) {
      return;
    }
    boolean judged = covered(r, nowHour, historyStartHour, INSTANCE_WINDOW_DAYS);
    boolean idle = judged && r.profile == Profile.IDLE && r.monitoringAgent;
    if (idle) {
      out.get(PlantedCase.IDLE_INSTANCE).add(r.id);
    }
    // low CPU (OVERSIZED: OCPUs and memory shrink) or low memory only (LEAN_MEMORY: memory
    // shrinks, OCPUs kept)
    if (judged
        && r.monitoringAgent
        && Shape.ALL.get(r.shape).flex()
        && ((r.profile == Profile.OVERSIZED && r.ocpus >= 2) || r.profile == Profile.LEAN_MEMORY)) {
      out.get(PlantedCase.OVERSIZED_INSTANCE).add(r.id);
    }
    // idle wins: an idle instance is not also scheduled (nor rightsized, above by profile)
    if (judged && r.nonProd && !idle) {
      out.get(PlantedCase.NON_PROD_24_7).add(r.id);
    }
  }

  /**
   * Whether a 24/7 resource has data for at least {@link #MIN_COVERAGE} of the hours of the {@code
   * days} before now: it exists and the history holds them.
   */
  static boolean covered(Res r, long nowHour, long historyStartHour, int days) {
    long windowStart = nowHour - days * DAY;
    long from = Math.max(windowStart, Math.max(historyStartHour, r.createdHour));
    return nowHour - from >= MIN_COVERAGE * days * DAY;
  }

  /** Backends GetBackendSetHealth does not name critical (see {@link LoadBalancerApi}). */
  static int healthyBackends(Res lb) {
    return lb.backends - LoadBalancerApi.critical(lb);
  }

  static String key(ResourceType type) {
    return type == ResourceType.BLOCK_VOLUME ? "volume" : type.key();
  }
}
