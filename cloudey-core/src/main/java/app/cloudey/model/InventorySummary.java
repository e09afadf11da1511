package app.cloudey.model;

import java.util.List;

/**
 * Counts of the stored inventory (live resources and compartments), as the last sync left it: read
 * from the store, never from a live call.
 *
 * @param compartments live compartments, the root included
 * @param resources live resources of every type
 * @param runningInstances instances in state {@code RUNNING}
 * @param stoppedInstances instances in state {@code STOPPED} (terminated ones are not stopped: see
 *     {@code byType})
 * @param byType one entry per type that has live resources, in {@link ResourceType} order
 */
public record InventorySummary(
    int compartments,
    int resources,
    int runningInstances,
    int stoppedInstances,
    List<InventorySummary.TypeCount> byType) {
  public InventorySummary {
    byType = Checks.copy(byType, "byType");
  }

  /**
   * Live resources of one type.
   *
   * @param type the type
   * @param count how many
   * @param byState how many per lifecycle state, state ascending
   */
  public record TypeCount(ResourceType type, int count, List<StateCount> byState) {
    public TypeCount {
      Checks.notNull(type, "type");
      byState = Checks.copy(byState, "byState");
    }
  }

  /**
   * Resources in one lifecycle state.
   *
   * @param state the provider's lifecycle state, e.g. {@code RUNNING}
   * @param count how many
   */
  public record StateCount(String state, int count) {
    public StateCount {
      Checks.notBlank(state, "state");
    }
  }
}
