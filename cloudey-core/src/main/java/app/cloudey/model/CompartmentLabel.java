package app.cloudey.model;

/**
 * A compartment as the views show it: its id with the name and path of the stored compartment tree
 * (never a live call).
 *
 * @param id compartment id as the cost lines carry it ({@code ""} for lines without one)
 * @param name the stored name; for an id the stored tree does not hold (deleted, or not synced yet)
 *     the id's last 8 characters followed by {@code (not in inventory)}; {@code (no compartment)}
 *     for {@code ""}
 * @param path the stored path from the root, e.g. {@code root/prod/web}; {@code ""} when unknown
 * @param inInventory whether the stored (live) compartment tree holds it
 */
public record CompartmentLabel(String id, String name, String path, boolean inInventory) {
  public CompartmentLabel {
    Checks.notNull(id, "id");
    Checks.notBlank(name, "name");
    Checks.notNull(path, "path");
  }
}
