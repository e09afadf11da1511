package app.cloudey.oci.simulator.internal;

import org.jspecify.annotations.Nullable;

/**
 * One billed line: a resource (or none), a SKU, one UTC day. A mutable carrier reused while
 * iterating, so a day of a large tenancy costs no garbage per line; copy what you keep.
 */
final class CostLine {
  @Nullable Res res;
  int region;
  int compartment;
  String service = "";
  Sku sku;
  long epochDay;

  /** 1e-8 units of the SKU's unit. */
  long quantity;

  /** 1e-8 units of the billing currency, after the free tier. */
  long amount;

  /** Set while settling free tiers: quantities only. */
  boolean raw;

  /** Set to price a day as it would be without its cost spike (the spike's extra amount). */
  boolean withoutSpike;

  CostLine(Sku any) {
    this.sku = any;
  }
}
