package app.cloudey.model;

import org.jspecify.annotations.Nullable;

/**
 * A resource as the views show it: its id with the name, type and lifecycle state of the stored
 * inventory (never a live call).
 *
 * @param id resource id as the cost lines carry it ({@code ""} for lines without a resource)
 * @param name the stored display name, followed by {@code " (deleted)"} when the inventory marks
 *     the resource deleted; the id's last dot-separated segment when the inventory does not know it
 *     (or the name is empty); {@code (no resource)} for {@code ""}
 * @param type stored resource type, null when unknown
 * @param lifecycleState stored lifecycle state, null when unknown
 * @param deleted whether the inventory marks it deleted
 */
public record ResourceLabel(
    String id,
    String name,
    @Nullable ResourceType type,
    @Nullable String lifecycleState,
    boolean deleted) {
  public ResourceLabel {
    Checks.notNull(id, "id");
    Checks.notBlank(name, "name");
  }

  /**
   * The label of a resource the inventory stores: its stored name (the id's last segment when the
   * name is blank), followed by {@code " (deleted)"} when it is deleted.
   */
  public static ResourceLabel stored(
      String id, String storedName, ResourceType type, String lifecycleState, boolean deleted) {
    String name = storedName.isBlank() ? lastSegment(id) : storedName;
    return new ResourceLabel(
        id, deleted ? name + " (deleted)" : name, type, lifecycleState, deleted);
  }

  /** The label of an id the inventory does not know: its last segment, no type nor state. */
  public static ResourceLabel unknown(String id) {
    return new ResourceLabel(id, lastSegment(id), null, null, false);
  }

  /** {@code ocid1.instance.oc1.iad.abc} → {@code abc}; the id itself when that is blank. */
  public static String lastSegment(String id) {
    int dot = id.lastIndexOf('.');
    String last = dot >= 0 && dot < id.length() - 1 ? id.substring(dot + 1) : id;
    return last.isBlank() ? id : last;
  }
}
