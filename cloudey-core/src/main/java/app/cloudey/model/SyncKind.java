package app.cloudey.model;

/** What a {@link SyncRun} synchronised. */
public enum SyncKind {
  INVENTORY,
  COSTS,
  METRICS
}
