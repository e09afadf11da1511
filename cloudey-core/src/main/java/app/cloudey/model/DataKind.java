package app.cloudey.model;

/**
 * The kinds of stored data that queries read, each with its own {@link
 * app.cloudey.spi.CloudeyStore#dataVersion data version}: a write of one kind leaves cached results
 * computed from the others valid (an inventory sync does not empty the cost caches).
 */
public enum DataKind {
  /** The compartment tree and resources ({@link app.cloudey.spi.InventoryStore}). */
  INVENTORY,
  /** Cost lines, month close records and rollups ({@link app.cloudey.spi.CostStore}). */
  COSTS,
  /** Daily metric aggregates ({@link app.cloudey.spi.MetricStore}). */
  METRICS,
  /**
   * Saved recommendations, which the dashboard's summary reads. No store keeps them yet, so its
   * version stays 0 until the advisor's recommendation store moves it.
   */
  RECOMMENDATIONS
}
