package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CompartmentLabel;
import app.cloudey.model.ResourceLabel;
import app.cloudey.spi.InventoryStore;
import java.util.HashMap;
import java.util.Map;
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
  // every stored resource's label (live and deleted), when loaded
  private final Map<String, ResourceLabel> stored = new HashMap<>();
  private boolean allStored;
  private final @Nullable InventoryStore inventory;
  private final @Nullable AccountId accountId;

  private Labels(@Nullable InventoryStore inventory, @Nullable AccountId accountId) {
    this.inventory = inventory;
    this.accountId = accountId;
  }

  /**
   * Reads the live compartment tree and the labels of every stored resource, live and deleted
   * ({@link InventoryStore#resourceLabels}, only the columns a label needs); an id the store does
   * not know is named by its last segment.
   */
  static Labels load(InventoryStore inventory, AccountId accountId) {
    Labels labels = compartmentsOnly(inventory, accountId);
    for (ResourceLabel label : inventory.resourceLabels(accountId)) {
      labels.stored.put(label.id(), label);
    }
    labels.allStored = true;
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

  /** The number of live compartments read. */
  int compartmentCount() {
    return compartments.size();
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
    if (!allStored && inventory != null && accountId != null) {
      // loaded without resources: read their labels when the first one is named
      for (ResourceLabel label : inventory.resourceLabels(accountId)) {
        stored.put(label.id(), label);
      }
      allStored = true;
    }
    ResourceLabel label = stored.get(id);
    return label != null ? label : ResourceLabel.unknown(id);
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
    return ResourceLabel.lastSegment(id);
  }
}
