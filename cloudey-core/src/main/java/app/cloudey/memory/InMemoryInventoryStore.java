package app.cloudey.memory;

import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.DataKind;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.spi.InventoryStore;
import app.cloudey.spi.Listings;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Compartments and resources with soft deletion. Validation runs before any mutation, so a refused
 * call leaves the state untouched; the account's write lock makes each call atomic. A replace moves
 * the {@link DataKind#INVENTORY} version only when a compartment or resource was added, changed or
 * deleted.
 */
final class InMemoryInventoryStore
    implements InventoryStore, InMemoryAccountStore.AccountDataOwner {
  private final Tenants tenants;
  private final ConcurrentMap<AccountId, Inventory> inventories = new ConcurrentHashMap<>();

  InMemoryInventoryStore(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public void replaceCompartments(
      @Nullable AccountId accountId,
      @Nullable List<Compartment> compartments,
      @Nullable Instant seenAt) {
    Check.notNull(accountId, "accountId");
    Check.notNull(compartments, "compartments");
    Check.notNull(seenAt, "seenAt");
    Set<String> ids = Listings.compartments(accountId, compartments).keySet();
    tenants.write(
        accountId,
        () -> {
          Map<String, Stored<Compartment>> stored = inventory(accountId).compartments;
          boolean changed = false;
          for (Map.Entry<String, Stored<Compartment>> old : stored.entrySet()) {
            if (!ids.contains(old.getKey()) && !old.getValue().isDeleted()) {
              old.setValue(old.getValue().deleted(seenAt));
              changed = true;
            }
          }
          for (Compartment c : compartments) {
            Stored<Compartment> old = stored.put(c.id(), Stored.live(c));
            // added, changed, or back after a deletion
            changed |= old == null || old.isDeleted() || !old.value().equals(c);
          }
          if (changed) {
            tenants.changed(accountId, DataKind.INVENTORY);
          }
          return null;
        });
  }

  @Override
  public List<Compartment> compartments(@Nullable AccountId accountId) {
    Check.notNull(accountId, "accountId");
    return tenants.read(
        accountId,
        () ->
            find(accountId)
                .map(
                    inventory ->
                        inventory.compartments.values().stream()
                            .filter(s -> !s.isDeleted())
                            .map(Stored::value)
                            .sorted(
                                Comparator.comparing(Compartment::path)
                                    .thenComparing(Compartment::id))
                            .toList())
                .orElse(List.of()));
  }

  /**
   * The given compartments and every live compartment below them. The caller holds the account's
   * lock. Unknown ids are kept as they are: they may name compartments not synced yet.
   */
  Set<String> subtreeLocked(AccountId accountId, Set<String> roots) {
    Map<String, List<String>> children = new HashMap<>();
    find(accountId)
        .ifPresent(
            inventory ->
                inventory.compartments.values().stream()
                    .filter(s -> !s.isDeleted() && s.value().parentId() != null)
                    .forEach(
                        s ->
                            children
                                .computeIfAbsent(s.value().parentId(), p -> new ArrayList<>())
                                .add(s.value().id())));
    Set<String> result = new HashSet<>(roots);
    Deque<String> pending = new ArrayDeque<>(roots);
    while (!pending.isEmpty()) {
      for (String child : children.getOrDefault(pending.pop(), List.of())) {
        if (result.add(child)) {
          pending.push(child);
        }
      }
    }
    return result;
  }

  /**
   * The tags of a resource, live or deleted; empty when the inventory does not know it. The caller
   * holds the account's lock.
   */
  Map<String, String> tagsLocked(AccountId accountId, String resourceId) {
    return find(accountId)
        .map(inventory -> inventory.resources.get(resourceId))
        .map(stored -> stored.value().tags())
        .orElse(Map.of());
  }

  @Override
  public SyncCount replaceScope(
      @Nullable AccountId accountId,
      @Nullable Scope scope,
      @Nullable List<Resource> listed,
      @Nullable Instant seenAt) {
    Check.notNull(accountId, "accountId");
    Check.notNull(scope, "scope");
    Check.notNull(listed, "listed");
    Check.notNull(seenAt, "seenAt");
    Set<String> listedIds = Listings.scope(accountId, scope, listed).keySet();
    return tenants.write(
        accountId,
        () -> {
          Inventory inventory = inventory(accountId);
          int created = 0;
          int updated = 0;
          int unchanged = 0;
          for (Resource given : listed) {
            Stored<Resource> old = inventory.resources.get(given.id());
            Resource resource =
                Listings.tracked(
                    given,
                    old == null ? null : old.value(),
                    old != null && old.isDeleted(),
                    seenAt);
            if (old == null || old.isDeleted()) {
              created++; // a deleted resource that reappears counts as created
            } else if (old.value().asListed().equals(given.asListed())) {
              unchanged++;
            } else {
              updated++;
            }
            if (old != null && !old.value().scope().equals(scope)) {
              // moved from another compartment (or region): its old scope no longer owns it
              inventory.idsOf(old.value().scope()).remove(resource.id());
            }
            inventory.resources.put(resource.id(), Stored.live(resource));
            inventory.idsOf(scope).add(resource.id());
          }
          int deleted = 0;
          for (String id : inventory.idsOf(scope)) {
            Stored<Resource> stored = inventory.resources.get(id);
            if (!listedIds.contains(id) && stored != null && !stored.isDeleted()) {
              inventory.resources.put(id, stored.deleted(seenAt));
              deleted++;
            }
          }
          if (created + updated + deleted > 0) {
            tenants.changed(accountId, DataKind.INVENTORY);
          }
          return new SyncCount(scope.type(), scope.region(), created, updated, deleted, unchanged);
        });
  }

  @Override
  public List<SyncCount> deleteResourcesOfDeletedCompartments(
      @Nullable AccountId accountId, @Nullable Instant seenAt) {
    Check.notNull(accountId, "accountId");
    Check.notNull(seenAt, "seenAt");
    return tenants.write(
        accountId,
        () -> {
          Map<String, SyncCount> counts = new HashMap<>();
          find(accountId)
              .ifPresent(
                  inventory ->
                      inventory.resources.replaceAll(
                          (id, stored) -> {
                            Stored<Compartment> compartment =
                                inventory.compartments.get(stored.value().compartmentId());
                            if (stored.isDeleted()
                                || compartment == null
                                || !compartment.isDeleted()) {
                              return stored;
                            }
                            Resource r = stored.value();
                            counts.merge(
                                r.type() + "@" + r.region(),
                                new SyncCount(r.type(), r.region(), 0, 0, 1, 0),
                                SyncCount::plus);
                            return stored.deleted(seenAt);
                          }));
          if (!counts.isEmpty()) {
            tenants.changed(accountId, DataKind.INVENTORY);
          }
          return counts.values().stream().sorted(SyncCount.BY_TYPE_AND_REGION).toList();
        });
  }

  @Override
  public List<Resource> resources(@Nullable AccountId accountId, @Nullable ResourceFilter filter) {
    Check.notNull(accountId, "accountId");
    Check.notNull(filter, "filter");
    return tenants.read(
        accountId,
        () ->
            find(accountId)
                .map(
                    inventory ->
                        inventory.resources.values().stream() // a TreeMap: ordered by id
                            .filter(s -> filter.includeDeleted() || !s.isDeleted())
                            .map(Stored::value)
                            .filter(filter::matches)
                            .toList())
                .orElse(List.of()));
  }

  @Override
  public Optional<Resource> findResource(
      @Nullable AccountId accountId, @Nullable String resourceId) {
    Check.notNull(accountId, "accountId");
    Check.notNull(resourceId, "resourceId");
    return tenants.read(
        accountId,
        () ->
            find(accountId)
                .map(inventory -> inventory.resources.get(resourceId))
                .map(Stored::value));
  }

  @Override
  public void clear(AccountId accountId) {
    inventories.remove(accountId);
  }

  private Inventory inventory(AccountId accountId) {
    return inventories.computeIfAbsent(accountId, id -> new Inventory());
  }

  private Optional<Inventory> find(AccountId accountId) {
    return Optional.ofNullable(inventories.get(accountId));
  }

  /** One account's inventory; guarded by the account's read-write lock. */
  private static final class Inventory {
    final Map<String, Stored<Compartment>> compartments = new HashMap<>();
    final TreeMap<String, Stored<Resource>> resources = new TreeMap<>();
    // ids per scope, live or deleted, so a scope replace does not scan the whole inventory
    final Map<Scope, Set<String>> idsByScope = new HashMap<>();

    Set<String> idsOf(Scope scope) {
      return idsByScope.computeIfAbsent(scope, s -> new HashSet<>());
    }
  }

  /** A stored value and when it was marked deleted (null while live). */
  private record Stored<T>(T value, @Nullable Instant deletedAt) {
    static <T> Stored<T> live(T value) {
      return new Stored<>(value, null);
    }

    boolean isDeleted() {
      return deletedAt != null;
    }

    Stored<T> deleted(Instant at) {
      return new Stored<>(value, at);
    }
  }
}
