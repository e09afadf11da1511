package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Hourly metric statistics computed on demand from (seed, resource, metric, hour). Each hour is
 * described by the min, mean and max of its (notional) per-minute points; values are rounded to two
 * decimals so that every reader sees the same numbers. Gauges (percent, Mbps) are levels; the
 * counting metrics (HttpRequests, VolumeReadOps, VolumeWriteOps) are counts per minute, as OCI
 * emits them, so an hour's points sum to its mean x 60.
 */
final class MetricModel {

  /** A metric the simulator serves. */
  record Def(int id, String namespace, String name, String unit) {}

  static final Def AGENT_CPU = new Def(0, "oci_computeagent", "CpuUtilization", "percent");
  static final Def AGENT_MEMORY = new Def(1, "oci_computeagent", "MemoryUtilization", "percent");
  static final Def VMI_CPU =
      new Def(2, "oci_vmi_resource_utilization", "CpuUtilization", "percent");
  static final Def LB_BANDWIDTH = new Def(3, "oci_lbaas", "PeakBandwidth", "Mbps");
  static final Def LB_REQUESTS = new Def(4, "oci_lbaas", "HttpRequests", "count");
  static final Def VOLUME_READ = new Def(5, "oci_blockstore", "VolumeReadOps", "operations");
  static final Def VOLUME_WRITE = new Def(6, "oci_blockstore", "VolumeWriteOps", "operations");
  static final Def ADB_CPU = new Def(7, "oci_autonomous_database", "CpuUtilization", "percent");
  static final Def ADB_STORAGE =
      new Def(8, "oci_autonomous_database", "StorageUtilization", "percent");

  static final List<Def> ALL =
      List.of(
          AGENT_CPU,
          AGENT_MEMORY,
          VMI_CPU,
          LB_BANDWIDTH,
          LB_REQUESTS,
          VOLUME_READ,
          VOLUME_WRITE,
          ADB_CPU,
          ADB_STORAGE);

  private final Tenancy t;
  private final long seed;

  MetricModel(Tenancy tenancy) {
    this.t = tenancy;
    this.seed = tenancy.params.seed();
  }

  static @Nullable Def find(String namespace, String name) {
    for (Def d : ALL) {
      if (d.namespace.equals(namespace) && d.name.equals(name)) {
        return d;
      }
    }
    return null;
  }

  static boolean knownNamespace(String namespace) {
    return ALL.stream().anyMatch(d -> d.namespace.equals(namespace));
  }

  /** Whether the resource ever emits this metric. */
  boolean emits(Res r, Def m) {
    return switch (m.namespace) {
      case "oci_computeagent" -> r.type == ResourceType.INSTANCE && r.monitoringAgent;
      case "oci_vmi_resource_utilization" -> r.type == ResourceType.INSTANCE;
      case "oci_lbaas" -> r.type == ResourceType.LOAD_BALANCER;
      case "oci_blockstore" ->
          (r.type == ResourceType.BLOCK_VOLUME || r.type == ResourceType.BOOT_VOLUME)
              && r.link >= 0;
      case "oci_autonomous_database" -> r.type == ResourceType.AUTONOMOUS_DATABASE;
      default -> false;
    };
  }

  /** Whether there is a data point for the epoch hour (history only, resource running). */
  boolean hasData(Res r, Def m, long hour) {
    if (hour < t.historyStartHour || hour >= t.nowHour || !emits(r, m)) {
      return false;
    }
    return switch (r.type) {
      case INSTANCE, AUTONOMOUS_DATABASE -> r.runningAt(hour);
      case BLOCK_VOLUME, BOOT_VOLUME -> r.createdHour <= hour && t.res(r.link).runningAt(hour);
      default -> hour >= r.createdHour;
    };
  }

  /** Fills {min, mean, max} for the hour; call only when {@link #hasData} is true. */
  void hourly(Res r, Def m, long hour, double[] out) {
    long h = Rng.hash(seed, r.index, m.id, hour);
    double u1 = Rng.unit(h);
    double u2 = Rng.unit(Rng.mix(h + 1));
    double u3 = Rng.unit(Rng.mix(h + 2));
    double diurnal = 0.5 + 0.35 * Math.sin(2 * Math.PI * (Math.floorMod(hour, 24) - 9) / 24.0);
    double f = Math.max(0, Math.min(1, diurnal + (u1 - 0.5) * 0.3));
    Profile p = profileOf(r);
    double low;
    double high;
    double cap;
    switch (m.id) {
      case 1 -> { // memory: flat around the profile's level
        low = p.memory - 2;
        high = p.memory + 1;
        cap = p == Profile.IDLE ? 9.5 : Math.min(100, p.memory + 15);
      }
      case 3 -> { // peak bandwidth, Mbps
        double max = Math.max(1, r.maxMbps);
        low = p == Profile.IDLE ? 0.01 : max * (p == Profile.BUSY ? 0.3 : 0.04);
        high = p == Profile.IDLE ? 0.4 : max * (p == Profile.BUSY ? 0.6 : 0.15);
        cap = p == Profile.IDLE ? 0.9 : max * (p == Profile.BUSY ? 0.9 : 0.2);
      }
      case 4 -> { // HttpRequests: requests per minute
        low = p == Profile.IDLE ? 0 : 50;
        high = p == Profile.IDLE ? 0.05 : p == Profile.BUSY ? 900 : 400;
        cap = p == Profile.IDLE ? 0.06 : high * 1.5;
      }
      case 5, 6 -> {
        // Volume{Read,Write}Ops: operations per minute, from the instance's load; / 60 gives
        // 0.1-1 (idle), 20-200 (normal), 300-1500 (busy) operations per second
        low = p == Profile.IDLE ? 6 : p == Profile.BUSY ? 18_000 : 1_200;
        high = p == Profile.IDLE ? 60 : p == Profile.BUSY ? 90_000 : 12_000;
        cap = high * 1.4;
      }
      case 8 -> {
        low = 20 + (r.index % 40);
        high = low + 1;
        cap = high;
      }
      default -> {
        low = p.low;
        high = p.high;
        cap = p.peakCap;
      }
    }
    double mean = round(low + (high - low) * f);
    double max = round(Math.max(mean, Math.min(cap, mean + (cap - mean) * u2 * 0.8)));
    double min = round(Math.max(0, mean - (mean - low * 0.5) * u3 * 0.5));
    out[0] = Math.min(min, mean);
    out[1] = mean;
    out[2] = max;
  }

  private Profile profileOf(Res r) {
    if (r.type == ResourceType.BLOCK_VOLUME || r.type == ResourceType.BOOT_VOLUME) {
      return t.res(r.link).profile;
    }
    return r.profile;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The dimensions a resource's stream carries, as OCI names them. */
  Map<String, String> dimensions(Res r, Def m) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("resourceId", r.id);
    switch (m.namespace) {
      case "oci_computeagent", "oci_vmi_resource_utilization" -> {
        d.put("resourceDisplayName", r.name);
        d.put("shape", Shape.ALL.get(r.shape).name());
        d.put("availabilityDomain", t.adName(r.region, r.ad));
      }
      case "oci_lbaas" -> d.put("lbName", r.name);
      case "oci_blockstore" -> d.put("attachmentId", VolumeAttachments.attachmentId(t, r));
      default -> d.put("resourceName", r.name);
    }
    d.put("region", t.region(r).name());
    return d;
  }
}
