package app.cloudey.model;

/** What a {@link SyncRun} synchronised. */
public enum SyncKind {
  INVENTORY,
  COSTS,
  METRICS,
  /**
   * A recommendation run made by {@code Schedules#run}: it counts nothing, its times and error tell
   * the schedule when recommendations were last generated.
   */
  RECOMMENDATIONS
}
