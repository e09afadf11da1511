package app.cloudey.spi;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceLabel;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Stored inventory: the compartment tree and resources, with soft deletion. */
public interface InventoryStore {

  /**
   * Replaces the account's compartment tree with a completed listing: upserts the listed ones,
   * marks absent ones deleted. Atomic.
   */
  void replaceCompartments(AccountId accountId, List<Compartment> compartments, Instant seenAt);

  /** Live compartments, ordered by path. */
  List<Compartment> compartments(AccountId accountId);

  /**
   * Writes one scope's completed listing atomically: upserts every listed resource (a deleted one
   * that reappears is live again) and marks deleted the live resources of exactly this scope that
   * are absent. Resources of other scopes are untouched.
   *
   * @param listed every resource of the scope; each must belong to {@code accountId} and {@code
   *     scope}, else {@link CloudeyConfigException} and nothing is written
   * @return what changed, counted by the scope's type and region
   */
  SyncCount replaceScope(AccountId accountId, Scope scope, List<Resource> listed, Instant seenAt);

  /**
   * Marks deleted, atomically, every live resource whose compartment is stored as deleted (see
   * {@link #replaceCompartments}), whatever its type and region. A provider only deletes empty
   * compartments, so such resources are gone; running this on every sync makes a deletion converge
   * even when the sync that noticed it did not list or empty that compartment's scopes.
   *
   * @return what was deleted, one count per type and region (only {@code deleted} set), ordered by
   *     type then region; empty when nothing was
   */
  List<SyncCount> deleteResourcesOfDeletedCompartments(AccountId accountId, Instant seenAt);

  /** Matching resources, ordered by id; live only unless the filter includes deleted ones. */
  List<Resource> resources(AccountId accountId, ResourceFilter filter);

  /** One resource by id, live or deleted. */
  Optional<Resource> findResource(AccountId accountId, String resourceId);

  /**
   * The label of every resource the account stores, live and deleted ({@link ResourceLabel#stored}:
   * name, type, lifecycle state, "(deleted)"), ordered by id: what the cost views name cost rows
   * with, without reading whole resources. The default reads {@link #resources} (live, then with
   * the deleted ones); a store with many resources should read only these columns.
   */
  default List<ResourceLabel> resourceLabels(AccountId accountId) {
    java.util.Set<String> live = new java.util.HashSet<>();
    for (Resource r : resources(accountId, ResourceFilter.ALL)) {
      live.add(r.id());
    }
    List<ResourceLabel> labels = new java.util.ArrayList<>();
    for (Resource r : resources(accountId, ResourceFilter.ALL.withDeleted())) {
      labels.add(
          ResourceLabel.stored(
              r.id(), r.name(), r.type(), r.lifecycleState(), !live.contains(r.id())));
    }
    return labels;
  }

  /**
   * How many live resources the account has, by type and lifecycle state: what {@link #resources}
   * with {@link ResourceFilter#ALL} returns, counted (the dashboard's inventory summary). Types and
   * states without resources are absent. The default counts {@link #resources}; a store with many
   * resources should count them where they are stored.
   */
  default Map<ResourceType, Map<String, Integer>> liveResourceCounts(AccountId accountId) {
    Map<ResourceType, Map<String, Integer>> counts = new EnumMap<>(ResourceType.class);
    for (Resource r : resources(accountId, ResourceFilter.ALL)) {
      counts
          .computeIfAbsent(r.type(), t -> new TreeMap<>())
          .merge(r.lifecycleState(), 1, Integer::sum);
    }
    return counts;
  }
}
