package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One generated resource. Written only by the generator, then read concurrently: the tenancy
 * publishes resources through final fields, so they are safely visible to every request thread.
 */
final class Res {
  final ResourceType type;
  final int index;
  final String id;
  String name = "";
  final int region;
  int compartment;

  /** Availability domain index, or -1 for regional resources. */
  int ad = -1;

  /** Epoch hour of creation; billing starts here. */
  long createdHour;

  /** Epoch hour billing ends (terminated / stopped); Long.MAX_VALUE while it runs. */
  long endHour = Long.MAX_VALUE;

  /** OCI lifecycle state as the list API shows it. */
  String state = "";

  int shape = -1;
  int ocpus;
  int memoryGb;
  long sizeGb;
  int vpusPerGb;

  /** Volumes: the instance they are attached to; backups: their source volume; -1 none. */
  int link = -1;

  /** Instances: their boot volume; -1 none. */
  int bootVolume = -1;

  /** A source id that no longer exists (old backups whose volume was deleted). */
  @Nullable String deletedSourceId;

  Profile profile = Profile.NORMAL;
  boolean monitoringAgent = true;
  boolean officeHours;
  boolean nonProd;

  /** Buckets: storage tier; DB: workload; LB: backend count. */
  String variant = "";

  int backends;
  int minMbps;
  int maxMbps;

  Map<String, String> tags = Map.of();

  /**
   * Instances and autonomous databases: bills its compute quantity × the day's load factor (cost
   * dynamics only).
   */
  boolean elastic;

  /** Added during the history by the cost dynamics (new instances and their boot volumes). */
  boolean added;

  Res(ResourceType type, int index, String id, int region) {
    this.type = type;
    this.index = index;
    this.id = id;
    this.region = region;
  }

  /** Hours this resource was billed for in the UTC day starting at epoch hour {@code dayStart}. */
  int billedHours(long dayStart) {
    long from = Math.max(dayStart, createdHour);
    long to = Math.min(dayStart + 24, endHour);
    if (to <= from) {
      return 0;
    }
    if (!officeHours) {
      return (int) (to - from);
    }
    // office hours: 08:00-20:00 UTC on weekdays only (epoch day 0 was a Thursday)
    long epochDay = Math.floorDiv(dayStart, 24);
    int dow = (int) Math.floorMod(epochDay + 3, 7); // 0 = Monday
    if (dow >= 5) {
      return 0;
    }
    long open = Math.max(from, dayStart + 8);
    long close = Math.min(to, dayStart + 20);
    return (int) Math.max(0, close - open);
  }

  /** Whether the resource was running (billed) during the epoch hour. */
  boolean runningAt(long hour) {
    if (hour < createdHour || hour >= endHour) {
      return false;
    }
    if (!officeHours) {
      return true;
    }
    long dayStart = Math.floorDiv(hour, 24) * 24;
    int dow = (int) Math.floorMod(Math.floorDiv(hour, 24) + 3, 7);
    long h = hour - dayStart;
    return dow < 5 && h >= 8 && h < 20;
  }
}
