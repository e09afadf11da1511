package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CompartmentLabel;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceLabel;
import app.cloudey.spi.InventoryStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Human names for the ids in cost rows, from one read of the stored inventory (never a live call):
 * compartments by name and path, resources by name, type and lifecycle, "(deleted)" when the
 * inventory marks them deleted.
 */
final class Labels {
  static final String NO_RESOURCE = "(no resource)";
  static final String NO_COMPARTMENT = "(no compartment)";

  private final Map<String, Compartment> compartments = new HashMap<>();
  private final Map<String, Resource> live = new HashMap<>();
  // ids not live, looked up one by one (deleted or unknown): few, and only those costs name
  private final Map<String, Optional<Resource>> gone = new HashMap<>();
  private final @Nullable InventoryStore inventory;
  private final @Nullable AccountId accountId;

  private Labels(@Nullable InventoryStore inventory, @Nullable AccountId accountId) {
    this.inventory = inventory;
    this.accountId = accountId;
  }

  /**
   * Reads the live compartment tree and the live resources; a resource id that is not live is
   * looked up by id when first named (a deleted one is found, an unknown one is not).
   */
  static Labels load(InventoryStore inventory, AccountId accountId) {
    Labels labels = compartmentsOnly(inventory, accountId);
    for (Resource r : inventory.resources(accountId, ResourceFilter.ALL)) {
      labels.live.put(r.id(), r);
    }
    return labels;
  }

  /** No inventory: every id is named by its own text. */
  static Labels none() {
    return new Labels(null, null);
  }

  /** Only the compartment tree (views that name no resource). */
  static Labels compartmentsOnly(InventoryStore inventory, AccountId accountId) {
    Labels labels = new Labels(inventory, accountId);
    for (Compartment c : inventory.compartments(accountId)) {
      labels.compartments.put(c.id(), c);
    }
    return labels;
  }

  CompartmentLabel compartment(String id) {
    if (id.isEmpty()) {
      return new CompartmentLabel(id, NO_COMPARTMENT, "", false);
    }
    Compartment c = compartments.get(id);
    if (c == null) {
      return new CompartmentLabel(id, tail(id, 8) + " (not in inventory)", "", false);
    }
    return new CompartmentLabel(id, c.name(), c.path(), true);
  }

  ResourceLabel resource(String id) {
    if (id.isEmpty()) {
      return new ResourceLabel(id, NO_RESOURCE, null, null, false);
    }
    Resource r = live.get(id);
    boolean deleted = false;
    if (r == null) {
      r = gone.computeIfAbsent(id, this::find).orElse(null);
      if (r == null) {
        return new ResourceLabel(id, lastSegment(id), null, null, false);
      }
      deleted = true; // stored, but not live
    }
    String name = r.name().isBlank() ? lastSegment(id) : r.name();
    return new ResourceLabel(
        id, deleted ? name + " (deleted)" : name, r.type(), r.lifecycleState(), deleted);
  }

  /** The path of a known compartment, else its label's name. */
  String compartmentDisplay(String id) {
    CompartmentLabel label = compartment(id);
    return label.path().isEmpty() ? label.name() : label.path();
  }

  private static String tail(String id, int n) {
    return id.length() <= n ? id : id.substring(id.length() - n);
  }

  /** {@code ocid1.instance.oc1.iad.abc} → {@code abc}. */
  static String lastSegment(String id) {
    int dot = id.lastIndexOf('.');
    String last = dot >= 0 && dot < id.length() - 1 ? id.substring(dot + 1) : id;
    return last.isBlank() ? id : last;
  }

  private Optional<Resource> find(String id) {
    return inventory == null || accountId == null
        ? Optional.empty()
        : inventory.findResource(accountId, id);
  }
}
