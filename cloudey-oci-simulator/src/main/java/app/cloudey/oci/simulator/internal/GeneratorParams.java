package app.cloudey.oci.simulator.internal;

import app.cloudey.oci.simulator.CostDynamics;
import java.time.LocalDate;

/** What a tenancy is generated from; the same values always give the same tenancy. */
record GeneratorParams(
    long seed,
    LocalDate now,
    int regions,
    int compartments,
    int depth,
    int instances,
    int days,
    int pageSize,
    String currency,
    CostDynamics dynamics) {

  GeneratorParams {
    require(
        regions >= 1 && regions <= Region.ALL.size(),
        "regions must be 1-" + Region.ALL.size() + ", was " + regions);
    require(compartments >= 1, "compartments must be at least 1, was " + compartments);
    require(depth >= 1 && depth <= 6, "depth must be 1-6, was " + depth);
    require(instances >= 1, "instances must be at least 1, was " + instances);
    require(days >= 1 && days <= 400, "days must be 1-400, was " + days);
    require(pageSize >= 1 && pageSize <= 1000, "pageSize must be 1-1000, was " + pageSize);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Items the busy scope holds per type: more than three pages. */
  int busyCount() {
    return 3 * pageSize + 1;
  }
}
