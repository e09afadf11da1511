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
}
