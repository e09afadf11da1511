package app.cloudey.oci.simulator.internal;

import java.math.BigDecimal;

/**
 * A billable SKU in the tenancy's billing currency. Prices are fixed point in micro-units (1e-6),
 * quantities in 1e-8 units; {@code freeUnits} is the tenancy-wide monthly free tier (0 if none).
 */
record Sku(
    int index,
    String partNumber,
    String name,
    String unit,
    long unitPriceMicros,
    long listRateMicros,
    long freeUnits) {

  static final int QUANTITY_SCALE = 8;
  static final long QUANTITY_ONE = 100_000_000L;
  static final int PRICE_SCALE = 6;

  boolean tiered() {
    return freeUnits > 0;
  }

  BigDecimal unitPrice() {
    return BigDecimal.valueOf(unitPriceMicros, PRICE_SCALE).stripTrailingZeros();
  }

  BigDecimal listRate() {
    return BigDecimal.valueOf(listRateMicros, PRICE_SCALE).stripTrailingZeros();
  }

  /** Amount in 1e-8 units of currency for a quantity in 1e-8 units, rounded half up. */
  long amount(long quantityUnits) {
    return Math.floorDiv(Math.multiplyExact(quantityUnits, unitPriceMicros) + 500_000L, 1_000_000L);
  }
}
