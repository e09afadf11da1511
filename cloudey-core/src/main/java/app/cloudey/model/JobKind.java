package app.cloudey.model;

/** What a background job does; one kind per async method of the facade. */
public enum JobKind {
  /** {@code inventory().syncAsync()}. */
  INVENTORY_SYNC,
  /** {@code costs().refreshAsync(period)}. */
  COST_REFRESH,
  /** {@code costs().closeMonthAsync(month)}. */
  MONTH_CLOSE,
  /** {@code metrics().syncAsync()}. */
  METRIC_SYNC,
  /** {@code recommendations().generateAsync()}. */
  RECOMMENDATIONS
}
