package app.cloudey.oci.simulator.internal;

import static app.cloudey.oci.simulator.internal.PlantedCases.DAY;

import app.cloudey.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves generated resources away from the rules' thresholds, so that every resource is clearly a
 * {@link app.cloudey.oci.simulator.PlantedCase} or clearly not one, whatever reasonable reading of
 * the evidence a rule makes (hours or whole days, a clock a few hours after "now", P95 over pooled
 * hours or over daily values). Deterministic and without random draws, so the generator's random
 * stream stays as it was; and it changes no cost (names, tags, profiles and backup sources are not
 * billed), so every ground-truth total is what it was:
 *
 * <ul>
 *   <li>Instances with the IDLE, OVERSIZED or LEAN_MEMORY profile have the monitoring agent (a
 *       memory metric): a rule that needs memory never has to guess.
 *   <li>An Ampere A1 instance is never IDLE (it becomes NORMAL): A1 compute has a tenancy-wide free
 *       tier, so an idle A1 instance may cost nothing, and a finding without a saving claims
 *       nothing in the advisor's reconciliation (largest saving wins), so its rightsizing or
 *       non-prod finding, also without a saving, would stand beside the idle one.
 *   <li>A flex instance with 1 OCPU is never OVERSIZED (it cannot shrink its OCPUs, only its
 *       memory): it becomes NORMAL, so every low-CPU oversized case shrinks both OCPUs and memory.
 *       The OVERSIZED profile's memory (hourly mean 33-36 %) is below both the rule's 40 % memory
 *       test and its 60 % target; NORMAL and BUSY instances' CPU P95 is above the 40 % CPU test and
 *       their memory (hourly mean 53-56 % and 73-76 %) far above the 40 % memory test, and
 *       LEAN_MEMORY instances' CPU is BUSY's while their memory (hourly mean 20-23 %) is far below
 *       40 %, so every instance is clearly low CPU and memory (OVERSIZED, IDLE), low memory only
 *       (LEAN_MEMORY: the memory-only rightsizing, OCPUs kept) or neither.
 *   <li>A running 24/7 non-prod instance is never OVERSIZED (it becomes NORMAL) nor LEAN_MEMORY (it
 *       becomes BUSY): rightsizing and scheduling never overlap, so no reconciliation beyond "idle
 *       wins" is needed.
 *   <li>A running 24/7 instance younger than {@link #MIN_AGE_DAYS} days (its 14-day look-back only
 *       partly covered) is neither IDLE nor OVERSIZED (it becomes NORMAL) nor LEAN_MEMORY (it
 *       becomes BUSY) nor non-prod (it is named and tagged prod).
 *   <li>A load balancer without a healthy backend (none, or its only backend CRITICAL) has the IDLE
 *       profile (no traffic); a younger than {@code MIN_AGE_DAYS} one with healthy backends is
 *       never IDLE (its quiet week could not be judged).
 *   <li>A backup between {@link #BACKUP_GAP_FROM_DAYS} and {@link #BACKUP_GAP_TO_DAYS} days old
 *       (the 90-day retention) has lost its source volume, so it is an old backup either way.
 * </ul>
 *
 * Stop times are left as drawn (moving one would change its cost): the stopped-instance case is
 * exact on the evidence instead. The last billed compute hour ends at {@code endHour}, the last CPU
 * data point is the hour before it, and with "now" at midnight {@code endHour <= now - 7 days}
 * holds exactly when the last compute cost line is 8 or more days before today. Both readings agree
 * as long as a rule takes the end of its last evidence (hour or day) as the stop time.
 */
final class UnambiguousCases {
  static final int MIN_AGE_DAYS = 15;
  static final int BACKUP_GAP_FROM_DAYS = 88;
  static final int BACKUP_GAP_TO_DAYS = 92;

  private UnambiguousCases() {}

  /** Instances, before their volumes are generated (volumes copy their names and tags). */
  static void instances(List<Res> instances, long nowHour) {
    for (Res r : instances) {
      boolean flex = Shape.ALL.get(r.shape).flex();
      boolean allHours = r.state.equals("RUNNING") && !r.officeHours;
      boolean young = r.createdHour > nowHour - MIN_AGE_DAYS * DAY;
      if (r.profile == Profile.OVERSIZED && ((flex && r.ocpus < 2) || (allHours && r.nonProd))) {
        r.profile = Profile.NORMAL;
      }
      if (r.profile == Profile.LEAN_MEMORY && allHours && (r.nonProd || young)) {
        r.profile = Profile.BUSY;
      }
      if (allHours && young) {
        if (r.profile == Profile.IDLE || r.profile == Profile.OVERSIZED) {
          r.profile = Profile.NORMAL;
        }
        if (r.nonProd) {
          rename(r, "prod");
        }
      }
      if (r.profile == Profile.IDLE && Shape.ALL.get(r.shape).name().contains(".A1.")) {
        r.profile = Profile.NORMAL; // may be free: see the class comment
      }
      if (r.profile == Profile.IDLE
          || r.profile == Profile.OVERSIZED
          || r.profile == Profile.LEAN_MEMORY) {
        r.monitoringAgent = true;
      }
    }
  }

  /** Load balancers and backups, once generated. */
  static void others(TenancyGenerator g) {
    long nowHour = g.startHour + DAY * g.p.days();
    for (Res r : g.resources) {
      if (r.type == ResourceType.LOAD_BALANCER) {
        if (PlantedCases.healthyBackends(r) == 0) {
          r.profile = Profile.IDLE;
        } else if (r.profile == Profile.IDLE && r.createdHour > nowHour - MIN_AGE_DAYS * DAY) {
          r.profile = Profile.NORMAL;
        }
      } else if (r.type == ResourceType.VOLUME_BACKUP
          || r.type == ResourceType.BOOT_VOLUME_BACKUP) {
        long age = nowHour - r.createdHour;
        if (r.link >= 0 && age >= BACKUP_GAP_FROM_DAYS * DAY && age <= BACKUP_GAP_TO_DAYS * DAY) {
          String sourceType = r.type == ResourceType.VOLUME_BACKUP ? "volume" : "bootvolume";
          r.link = -1;
          r.deletedSourceId =
              Ids.ocid(sourceType, g.regions.get(r.region).lowerKey(), g.seed, 888, r.index);
        }
      }
    }
  }

  /** Gives an instance another environment in its name and {@code env} tag. */
  static void rename(Res r, String env) {
    r.nonProd = !env.equals("prod");
    String app = r.name.substring(0, r.name.indexOf('-'));
    String suffix = r.name.substring(r.name.lastIndexOf('-') + 1);
    r.name = app + "-" + env + "-" + suffix;
    Map<String, String> tags = new LinkedHashMap<>(r.tags);
    tags.put("env", env);
    r.tags = tags;
  }
}
