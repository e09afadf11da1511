package app.cloudey;

/**
 * The kinds of background work a {@link Schedule} plans. Declared in the order they run when
 * several are due: inventory before metrics (metrics are fetched per synced resource), costs before
 * the month close, recommendations last (they read everything else).
 */
public enum WorkKind {
  /** {@code account.inventory().sync()}. */
  INVENTORY_SYNC,
  /** {@code account.costs().refresh(...)}: the current month, and the previous one until closed. */
  COST_REFRESH,
  /** {@code account.costs().closeMonth(month)} once the month has settled. */
  MONTH_CLOSE,
  /** {@code account.metrics().sync()}. */
  METRIC_SYNC,
  /** {@code account.recommendations().generate()}. */
  RECOMMENDATIONS
}
