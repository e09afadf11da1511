package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.DataKind;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.spi.InventoryStore;
import app.cloudey.spi.Listings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * Compartments and resources with soft deletion; each scope is replaced in one transaction. The
 * inventory version moves only when a compartment or resource was added, changed or deleted.
 */
public final class PgInventoryStore implements InventoryStore {
  private static final String RESOURCE_COLUMNS =
      "account_id, resource_id, provider, resource_type, name, region, availability_domain,"
          + " compartment_id, lifecycle_state, time_created, shape, ocpus, memory_gb, size_gb,"
          + " vpus_per_gb, attached_to, source_id, storage_tier, object_count, bandwidth_min_mbps,"
          + " bandwidth_max_mbps, backend_count, healthy_backend_count, tags, attributes,"
          + " first_seen_at, state_since, unattached_since, seen_at, deleted_at";

  /** The columns of {@link #RESOURCE_COLUMNS}, in order. */
  private static final List<String> COLUMNS = List.of(RESOURCE_COLUMNS.split(",\\s*"));

  private final Db db;
  private final int fetchSize;

  /**
   * @param fetchSize rows per round trip of the resources read, streamed in a read-only transaction
   */
  public PgInventoryStore(Db db, int fetchSize) {
    this.db = db;
    this.fetchSize = fetchSize;
  }

  @Override
  public void replaceCompartments(
      AccountId accountId, List<Compartment> compartments, Instant seenAt) {
    Map<String, Compartment> byId = Listings.compartments(accountId, compartments);
    db.inTransaction(
        "replace compartments",
        accountId,
        h -> {
          // the stored tree, live and deleted, locked until commit: what the listing changes
          Map<String, StoredCompartment> stored = new HashMap<>();
          h.createQuery(
                  db.sql(
                      "select compartment_id, parent_id, name, path, lifecycle_state, deleted_at"
                          + " is not null from {s}.compartment where account_id = :account_id for"
                          + " update"))
              .bind("account_id", accountId.value())
              .map(
                  (rs, ctx) ->
                      new StoredCompartment(
                          new Compartment(
                              accountId,
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              rs.getString(5)),
                          rs.getBoolean(6)))
              .forEach(c -> stored.put(c.compartment().id(), c));
          boolean changed = false;
          for (Compartment c : byId.values()) {
            StoredCompartment old = stored.get(c.id());
            // added, changed, or back after a deletion
            changed |= old == null || old.deleted() || !old.compartment().equals(c);
          }
          if (!byId.isEmpty()) {
            PreparedBatch batch =
                h.prepareBatch(
                    db.sql(
                        "insert into {s}.compartment (account_id, compartment_id, parent_id, name,"
                            + " path, lifecycle_state, seen_at, deleted_at) values (:account_id,"
                            + " :id, :parent_id, :name, :path, :state, :seen_at, null) on conflict"
                            + " (account_id, compartment_id) do update set parent_id ="
                            + " excluded.parent_id, name = excluded.name, path = excluded.path,"
                            + " lifecycle_state = excluded.lifecycle_state, seen_at ="
                            + " excluded.seen_at, deleted_at = null"));
            for (Compartment c : byId.values()) {
              batch
                  .bind("account_id", accountId.value())
                  .bind("id", c.id())
                  .bind("parent_id", c.parentId())
                  .bind("name", c.name())
                  .bind("path", c.path())
                  .bind("state", c.lifecycleState())
                  .bind("seen_at", PgAccountStore.utc(seenAt))
                  .add();
            }
            batch.execute();
          }
          int deleted =
              h.createUpdate(
                      db.sql(
                          "update {s}.compartment set deleted_at = :seen_at where account_id ="
                              + " :account_id and deleted_at is null and not (compartment_id ="
                              + " any(:ids))"))
                  .bind("seen_at", PgAccountStore.utc(seenAt))
                  .bind("account_id", accountId.value())
                  .bindArray("ids", String.class, List.copyOf(byId.keySet()))
                  .execute();
          if (changed || deleted > 0) {
            db.bumpVersion(h, accountId, DataKind.INVENTORY);
          }
          return null;
        });
  }

  @Override
  public List<Compartment> compartments(AccountId accountId) {
    return db.read(
        "read compartments",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select compartment_id, parent_id, name, path, lifecycle_state from"
                            + " {s}.compartment where account_id = :account_id and deleted_at is"
                            + " null order by path collate \"C\", compartment_id collate \"C\""))
                .bind("account_id", accountId.value())
                .map(
                    (rs, ctx) ->
                        new Compartment(
                            accountId,
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5)))
                .list());
  }

  @Override
  public SyncCount replaceScope(
      AccountId accountId, Scope scope, List<Resource> listed, Instant seenAt) {
    Map<String, Resource> byId = Listings.scope(accountId, scope, listed);
    return db.inTransaction(
        "replace scope " + scope,
        accountId,
        h -> {
          Map<String, Stored> existing = new HashMap<>();
          if (!byId.isEmpty()) {
            ResourceRows rows = new ResourceRows(accountId);
            h.createQuery(
                    db.sql(
                        "select "
                            + RESOURCE_COLUMNS
                            + " from {s}.resource where account_id = :account_id and resource_id ="
                            + " any(:ids) for update"))
                .bind("account_id", accountId.value())
                .bindArray("ids", String.class, List.copyOf(byId.keySet()))
                .map((rs, ctx) -> new Stored(rows.read(rs), rows.deleted(rs)))
                .forEach(s -> existing.put(s.resource().id(), s));
          }
          int created = 0;
          int updated = 0;
          int unchanged = 0;
          List<Resource> changed = new ArrayList<>();
          for (Resource given : byId.values()) {
            Stored old = existing.get(given.id());
            Resource r =
                Listings.tracked(
                    given,
                    old == null ? null : old.resource(),
                    old != null && old.deleted(),
                    seenAt);
            if (old == null || old.deleted()) {
              created++;
              changed.add(r);
            } else if (!old.resource().asListed().equals(asStored(given.asListed()))) {
              updated++;
              changed.add(r);
            } else {
              unchanged++;
            }
          }
          upsert(h, accountId, changed, seenAt);
          if (unchanged > 0) {
            h.createUpdate(
                    db.sql(
                        "update {s}.resource set seen_at = :seen_at where account_id = :account_id"
                            + " and resource_id = any(:ids)"))
                .bind("seen_at", PgAccountStore.utc(seenAt))
                .bind("account_id", accountId.value())
                .bindArray("ids", String.class, List.copyOf(byId.keySet()))
                .execute();
          }
          int deleted =
              h.createUpdate(
                      db.sql(
                          "update {s}.resource set deleted_at = :seen_at where account_id ="
                              + " :account_id and region = :region and compartment_id ="
                              + " :compartment_id and resource_type = :type and deleted_at is null"
                              + " and not (resource_id = any(:ids))"))
                  .bind("seen_at", PgAccountStore.utc(seenAt))
                  .bind("account_id", accountId.value())
                  .bind("region", scope.region())
                  .bind("compartment_id", scope.compartmentId())
                  .bind("type", scope.type().name())
                  .bindArray("ids", String.class, List.copyOf(byId.keySet()))
                  .execute();
          if (created + updated + deleted > 0) {
            db.bumpVersion(h, accountId, DataKind.INVENTORY);
          }
          return new SyncCount(scope.type(), scope.region(), created, updated, deleted, unchanged);
        });
  }

  private void upsert(Handle h, AccountId accountId, List<Resource> resources, Instant seenAt) {
    if (resources.isEmpty()) {
      return;
    }
    StringBuilder updates = new StringBuilder();
    for (String column : COLUMNS) {
      if (!column.equals("account_id")
          && !column.equals("resource_id")
          && !column.equals("first_seen_at")) {
        updates
            .append(updates.length() == 0 ? "" : ", ")
            .append(column)
            .append(" = excluded.")
            .append(column);
      }
    }
    PreparedBatch batch =
        h.prepareBatch(
            db.sql(
                "insert into {s}.resource ("
                    + RESOURCE_COLUMNS
                    + ") values (:account_id, :resource_id, :provider, :resource_type, :name,"
                    + " :region, :availability_domain, :compartment_id, :lifecycle_state,"
                    + " :time_created, :shape, :ocpus, :memory_gb, :size_gb, :vpus_per_gb,"
                    + " :attached_to, :source_id, :storage_tier, :object_count,"
                    + " :bandwidth_min_mbps, :bandwidth_max_mbps, :backend_count,"
                    + " :healthy_backend_count, cast(:tags as jsonb), cast(:attributes as jsonb),"
                    + " :first_seen_at, :state_since, :unattached_since, :seen_at, null) on"
                    + " conflict (account_id, resource_id) do update"
                    + " set "
                    + updates));
    for (Resource r : resources) {
      ResourceSpec s = r.spec();
      Resource.Tracking t = Objects.requireNonNull(r.tracking(), "tracked before the write");
      batch
          .bind("account_id", accountId.value())
          .bind("resource_id", r.id())
          .bind("provider", r.provider())
          .bind("resource_type", r.type().name())
          .bind("name", r.name())
          .bind("region", r.region())
          .bind("availability_domain", r.availabilityDomain())
          .bind("compartment_id", r.compartmentId())
          .bind("lifecycle_state", r.lifecycleState())
          .bind(
              "time_created", r.timeCreated() == null ? null : PgAccountStore.utc(r.timeCreated()))
          .bind("shape", s.shape())
          .bind("ocpus", s.ocpus())
          .bind("memory_gb", s.memoryGb())
          .bind("size_gb", s.sizeGb())
          .bind("vpus_per_gb", s.vpusPerGb())
          .bind("attached_to", s.attachedTo())
          .bind("source_id", s.sourceId())
          .bind("storage_tier", s.storageTier())
          .bind("object_count", s.objectCount())
          .bind("bandwidth_min_mbps", s.bandwidthMinMbps())
          .bind("bandwidth_max_mbps", s.bandwidthMaxMbps())
          .bind("backend_count", s.backendCount())
          .bind("healthy_backend_count", s.healthyBackendCount())
          .bind("tags", Json.write(r.tags()))
          .bind("attributes", Json.write(r.attributes()))
          .bind("first_seen_at", PgAccountStore.utc(t.firstSeenAt()))
          .bind("state_since", PgAccountStore.utc(t.stateSince()))
          .bind(
              "unattached_since",
              t.unattachedSince() == null ? null : PgAccountStore.utc(t.unattachedSince()))
          .bind("seen_at", PgAccountStore.utc(seenAt))
          .add();
    }
    batch.execute();
  }

  @Override
  public List<SyncCount> deleteResourcesOfDeletedCompartments(AccountId accountId, Instant seenAt) {
    return db.inTransaction(
        "delete resources of deleted compartments",
        accountId,
        h -> {
          Map<String, SyncCount> counts = new HashMap<>();
          h.createQuery(
                  db.sql(
                      "update {s}.resource r set deleted_at = :seen_at from {s}.compartment c"
                          + " where r.account_id = :account_id and r.deleted_at is null and"
                          + " c.account_id = r.account_id and c.compartment_id = r.compartment_id"
                          + " and c.deleted_at is not null returning r.resource_type, r.region"))
              .bind("seen_at", PgAccountStore.utc(seenAt))
              .bind("account_id", accountId.value())
              .map(
                  (rs, ctx) ->
                      new SyncCount(
                          ResourceType.valueOf(rs.getString(1)), rs.getString(2), 0, 0, 1, 0))
              .forEach(c -> counts.merge(c.type() + "@" + c.region(), c, SyncCount::plus));
          if (!counts.isEmpty()) {
            db.bumpVersion(h, accountId, DataKind.INVENTORY);
          }
          return counts.values().stream().sorted(SyncCount.BY_TYPE_AND_REGION).toList();
        });
  }

  @Override
  public List<Resource> resources(AccountId accountId, ResourceFilter filter) {
    StringBuilder sql =
        new StringBuilder(
            "select " + RESOURCE_COLUMNS + " from {s}.resource where account_id = :account_id");
    if (!filter.includeDeleted()) {
      sql.append(" and deleted_at is null");
    }
    if (!filter.types().isEmpty()) {
      sql.append(" and resource_type = any(:types)");
    }
    if (!filter.regions().isEmpty()) {
      sql.append(" and region = any(:regions)");
    }
    if (!filter.compartmentIds().isEmpty()) {
      sql.append(" and compartment_id = any(:compartments)");
    }
    return db.read(
        "read resources",
        accountId,
        h -> {
          var query = h.createQuery(db.sql(sql.toString())).bind("account_id", accountId.value());
          if (!filter.types().isEmpty()) {
            query.bindArray(
                "types", String.class, filter.types().stream().map(ResourceType::name).toList());
          }
          if (!filter.regions().isEmpty()) {
            query.bindArray("regions", String.class, List.copyOf(filter.regions()));
          }
          if (!filter.compartmentIds().isEmpty()) {
            query.bindArray("compartments", String.class, List.copyOf(filter.compartmentIds()));
          }
          ResourceRows rows = new ResourceRows(accountId);
          // streamed (a fetch size needs a transaction): each batch of raw rows is garbage once
          // mapped, instead of the whole account's raw rows living as long as the read
          List<Resource> read =
              h.inTransaction(
                  tx -> query.setFetchSize(fetchSize).map((rs, ctx) -> rows.read(rs)).list());
          // ordered here, not by the database: an ORDER BY sorted the account's wide rows (spilling
          // 30 MB to disk at 100k resources), where this sorts references, like String.compareTo
          return read.stream().sorted(Comparator.comparing(Resource::id)).toList();
        });
  }

  /** Only the columns a label needs, in one statement. */
  @Override
  public List<app.cloudey.model.ResourceLabel> resourceLabels(AccountId accountId) {
    List<app.cloudey.model.ResourceLabel> labels =
        db.read(
            "read resource labels",
            accountId,
            h ->
                h.createQuery(
                        db.sql(
                            "select resource_id, name, resource_type, lifecycle_state, deleted_at"
                                + " is not null from {s}.resource where account_id ="
                                + " :account_id"))
                    .bind("account_id", accountId.value())
                    .map(
                        (rs, ctx) ->
                            app.cloudey.model.ResourceLabel.stored(
                                rs.getString(1),
                                rs.getString(2),
                                ResourceType.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getBoolean(5)))
                    .list());
    // ordered like String.compareTo, whatever the database's collation
    return labels.stream()
        .sorted(Comparator.comparing(app.cloudey.model.ResourceLabel::id))
        .toList();
  }

  /** One {@code GROUP BY} over the account's live resources. */
  @Override
  public java.util.Map<ResourceType, java.util.Map<String, Integer>> liveResourceCounts(
      AccountId accountId) {
    java.util.Map<ResourceType, java.util.Map<String, Integer>> counts =
        new java.util.EnumMap<>(ResourceType.class);
    db.read(
            "count resources",
            accountId,
            h ->
                h.createQuery(
                        db.sql(
                            "select resource_type, lifecycle_state, count(*) from {s}.resource"
                                + " where account_id = :account_id and deleted_at is null group"
                                + " by resource_type, lifecycle_state"))
                    .bind("account_id", accountId.value())
                    .map(
                        (rs, ctx) ->
                            new Object[] {
                              ResourceType.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3)
                            })
                    .list())
        .forEach(
            row ->
                counts
                    .computeIfAbsent((ResourceType) row[0], t -> new java.util.TreeMap<>())
                    .put((String) row[1], (Integer) row[2]));
    return counts;
  }

  @Override
  public Optional<Resource> findResource(AccountId accountId, String resourceId) {
    return db.read(
        "read a resource",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + RESOURCE_COLUMNS
                            + " from {s}.resource where account_id = :account_id and resource_id ="
                            + " :resource_id"))
                .bind("account_id", accountId.value())
                .bind("resource_id", resourceId)
                .map((rs, ctx) -> new ResourceRows(accountId).read(rs))
                .findOne());
  }

  /**
   * Resources from rows of {@code RESOURCE_COLUMNS}, for one read: equal strings (shapes, regions,
   * compartments), sync times and tag or attribute documents are shared between rows, and each
   * distinct document is parsed once (most resources of a tenancy carry one of a few tag sets).
   * Columns are read by position: by name, the driver looks each one up in a map, 3 million lookups
   * in an advisor snapshot of 100k resources.
   */
  private static final class ResourceRows {
    private static final int PROVIDER = column("provider");
    private static final int TYPE = column("resource_type");
    private static final int ID = column("resource_id");
    private static final int NAME = column("name");
    private static final int REGION = column("region");
    private static final int AVAILABILITY_DOMAIN = column("availability_domain");
    private static final int COMPARTMENT = column("compartment_id");
    private static final int STATE = column("lifecycle_state");
    private static final int TIME_CREATED = column("time_created");
    private static final int SHAPE = column("shape");
    private static final int OCPUS = column("ocpus");
    private static final int MEMORY_GB = column("memory_gb");
    private static final int SIZE_GB = column("size_gb");
    private static final int VPUS_PER_GB = column("vpus_per_gb");
    private static final int ATTACHED_TO = column("attached_to");
    private static final int SOURCE_ID = column("source_id");
    private static final int STORAGE_TIER = column("storage_tier");
    private static final int OBJECT_COUNT = column("object_count");
    private static final int BANDWIDTH_MIN = column("bandwidth_min_mbps");
    private static final int BANDWIDTH_MAX = column("bandwidth_max_mbps");
    private static final int BACKENDS = column("backend_count");
    private static final int HEALTHY_BACKENDS = column("healthy_backend_count");
    private static final int TAGS = column("tags");
    private static final int ATTRIBUTES = column("attributes");
    private static final int FIRST_SEEN = column("first_seen_at");
    private static final int STATE_SINCE = column("state_since");
    private static final int UNATTACHED_SINCE = column("unattached_since");
    private static final int DELETED_AT = column("deleted_at");

    private final AccountId accountId;
    private final Shared<String> strings = new Shared<>();
    private final Shared<Instant> instants = new Shared<>();
    private final Map<String, Map<String, String>> documents = new HashMap<>();

    ResourceRows(AccountId accountId) {
      this.accountId = accountId;
    }

    /** The JDBC index (from 1) of a column of {@code RESOURCE_COLUMNS}. */
    private static int column(String name) {
      int index = COLUMNS.indexOf(name);
      if (index < 0) {
        throw new IllegalStateException(name + " is not one of RESOURCE_COLUMNS");
      }
      return index + 1;
    }

    Resource read(ResultSet rs) throws SQLException {
      ResourceSpec spec =
          ResourceSpec.builder()
              .shape(strings.of(rs.getString(SHAPE)))
              .ocpus(rs.getBigDecimal(OCPUS))
              .memoryGb(rs.getBigDecimal(MEMORY_GB))
              .sizeGb(rs.getBigDecimal(SIZE_GB))
              .vpusPerGb(integer(rs, VPUS_PER_GB))
              .attachedTo(rs.getString(ATTACHED_TO))
              .sourceId(rs.getString(SOURCE_ID))
              .storageTier(strings.of(rs.getString(STORAGE_TIER)))
              .objectCount(rs.getObject(OBJECT_COUNT, Long.class))
              .bandwidthMinMbps(integer(rs, BANDWIDTH_MIN))
              .bandwidthMaxMbps(integer(rs, BANDWIDTH_MAX))
              .backendCount(integer(rs, BACKENDS))
              .healthyBackendCount(integer(rs, HEALTHY_BACKENDS))
              .build();
      return Resource.builder()
          .accountId(accountId)
          .provider(strings.of(rs.getString(PROVIDER)))
          .type(ResourceType.valueOf(rs.getString(TYPE)))
          .id(rs.getString(ID))
          .name(rs.getString(NAME))
          .region(strings.of(rs.getString(REGION)))
          .availabilityDomain(strings.of(rs.getString(AVAILABILITY_DOMAIN)))
          .compartmentId(strings.of(rs.getString(COMPARTMENT)))
          .lifecycleState(strings.of(rs.getString(STATE)))
          .timeCreated(instant(rs, TIME_CREATED))
          .tags(document(rs.getString(TAGS)))
          .spec(spec)
          .attributes(document(rs.getString(ATTRIBUTES)))
          .tracking(
              new Resource.Tracking(
                  instant(rs, FIRST_SEEN), instant(rs, STATE_SINCE), instant(rs, UNATTACHED_SINCE)))
          .build();
    }

    /** Whether the row's resource is soft-deleted. */
    boolean deleted(ResultSet rs) throws SQLException {
      return rs.getObject(DELETED_AT) != null;
    }

    private @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
      OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
      return value == null ? null : instants.of(value.toInstant());
    }

    private Map<String, String> document(@Nullable String json) {
      // immutable, so Resource keeps this instance instead of copying it (Map.copyOf); stored
      // documents were checked for null keys and values when written
      return json == null
          ? Map.of()
          : documents.computeIfAbsent(json, j -> Map.copyOf(Json.stringMap(j)));
    }

    private static @Nullable Integer integer(ResultSet rs, int column) throws SQLException {
      return rs.getObject(column, Integer.class);
    }
  }

  /** The resource as it reads back: PostgreSQL keeps timestamps to the microsecond. */
  private static Resource asStored(Resource r) {
    return r.timeCreated() == null
        ? r
        : r.toBuilder().timeCreated(r.timeCreated().truncatedTo(ChronoUnit.MICROS)).build();
  }

  static void requireAccount(AccountId expected, AccountId actual, Supplier<String> what) {
    if (!expected.equals(actual)) {
      throw new CloudeyConfigException(
          what.get()
              + " belongs to account "
              + actual
              + ", not "
              + expected
              + "; nothing was written");
    }
  }

  private record Stored(Resource resource, boolean deleted) {}

  private record StoredCompartment(Compartment compartment, boolean deleted) {}
}
