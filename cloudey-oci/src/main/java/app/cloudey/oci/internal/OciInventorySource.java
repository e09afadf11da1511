package app.cloudey.oci.internal;

import app.cloudey.CloudeyProviderException;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciService;
import app.cloudey.spi.InventorySource;
import com.oracle.bmc.identity.model.RegionSubscription;
import com.oracle.bmc.identity.model.Tenancy;
import com.oracle.bmc.identity.requests.GetTenancyRequest;
import com.oracle.bmc.identity.requests.ListCompartmentsRequest;
import com.oracle.bmc.identity.requests.ListRegionSubscriptionsRequest;
import com.oracle.bmc.identity.responses.ListCompartmentsResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * OCI inventory: subscribed regions and the compartment tree from Identity, and one lister per
 * resource type. Every listing follows every page and is complete or throws. Volume attachments are
 * read once per pass (see {@link AttachmentIndex}); a pass begins with {@link #compartments()},
 * which the sync engine calls at the start of every sync. Thread-safe.
 */
public final class OciInventorySource implements InventorySource {
  private static final Set<ResourceType> TYPES =
      EnumSet.of(
          ResourceType.INSTANCE,
          ResourceType.BOOT_VOLUME,
          ResourceType.BLOCK_VOLUME,
          ResourceType.BOOT_VOLUME_BACKUP,
          ResourceType.VOLUME_BACKUP,
          ResourceType.BUCKET,
          ResourceType.FILE_SYSTEM,
          ResourceType.DB_SYSTEM,
          ResourceType.AUTONOMOUS_DATABASE,
          ResourceType.LOAD_BALANCER);

  private final ListContext ctx;
  private final ComputeLister compute;
  private final VolumeLister volumes;
  private final StorageLister storage;
  private final DatabaseLister databases;
  private final LoadBalancerLister loadBalancers;

  /** How long a pass started by a listing (not by a sync's compartment tree) is reused. */
  private static final long UNSYNCED_PASS_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(15);

  /** Attachments of the current pass; replaced by every {@link #compartments()} call. */
  private volatile @Nullable AttachmentIndex attachments;

  /** When a pass started by a listing began, or null while the pass is a sync's. */
  private volatile @Nullable Long unsyncedPassStarted;

  private final Executor background;

  /**
   * @param background runs attachment listings of other compartments (see {@link AttachmentIndex})
   */
  public OciInventorySource(ListContext ctx, Executor background) {
    this.ctx = ctx;
    this.background = background;
    this.compute = new ComputeLister(ctx);
    this.volumes = new VolumeLister(ctx);
    this.storage = new StorageLister(ctx);
    this.databases = new DatabaseLister(ctx);
    this.loadBalancers = new LoadBalancerLister(ctx);
  }

  @Override
  public List<String> regions() {
    List<RegionSubscription> subscriptions =
        ctx.calls()
            .call(
                OciService.IDENTITY,
                "ListRegionSubscriptions",
                () ->
                    ctx.clients()
                        .identity(ctx.homeRegion())
                        .listRegionSubscriptions(
                            ListRegionSubscriptionsRequest.builder()
                                .tenancyId(ctx.tenancyId())
                                .build()))
            .getItems();
    List<String> regions = new ArrayList<>();
    subscriptions.stream()
        .filter(s -> s.getStatus() == null || s.getStatus() == RegionSubscription.Status.Ready)
        .sorted(
            Comparator.comparing(
                (RegionSubscription s) -> !Boolean.TRUE.equals(s.getIsHomeRegion())))
        .forEach(s -> regions.add(s.getRegionName()));
    if (regions.isEmpty()) {
      throw new CloudeyProviderException(
          "OCI ListRegionSubscriptions returned no READY region for tenancy " + ctx.tenancyId(),
          200,
          null,
          null);
    }
    return regions;
  }

  @Override
  public List<Compartment> compartments() {
    Tenancy tenancy =
        ctx.calls()
            .call(
                OciService.IDENTITY,
                "GetTenancy",
                () ->
                    ctx.clients()
                        .identity(ctx.homeRegion())
                        .getTenancy(GetTenancyRequest.builder().tenancyId(ctx.tenancyId()).build()))
            .getTenancy();
    List<com.oracle.bmc.identity.model.Compartment> listed =
        Pages.all(
            ctx.calls(),
            OciService.IDENTITY,
            "ListCompartments",
            page ->
                ctx.clients()
                    .identity(ctx.homeRegion())
                    .listCompartments(
                        ListCompartmentsRequest.builder()
                            .compartmentId(ctx.tenancyId())
                            .compartmentIdInSubtree(true)
                            .accessLevel(ListCompartmentsRequest.AccessLevel.Any)
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListCompartmentsResponse::getItems,
            ListCompartmentsResponse::getOpcNextPage);
    List<Compartment> tree =
        CompartmentTree.build(ctx.accountId(), ctx.tenancyId(), rootName(tenancy), listed);
    // a sync starts with the compartment tree: it starts a new pass, so attachments are re-read
    attachments = AttachmentIndex.of(ctx, tree.stream().map(Compartment::id).toList(), background);
    unsyncedPassStarted = null;
    return tree;
  }

  /**
   * The current pass's attachments. A sync's pass lasts until its next {@link #compartments()}; a
   * caller listing scopes without one gets a pass of its own, renewed after {@link
   * #UNSYNCED_PASS_NANOS}, so it never sees attachments older than that.
   */
  private synchronized AttachmentIndex attachments() {
    AttachmentIndex index = attachments;
    Long started = unsyncedPassStarted;
    boolean stale = started != null && System.nanoTime() - started > UNSYNCED_PASS_NANOS;
    if (index == null || stale) {
      compartments();
      unsyncedPassStarted = System.nanoTime();
      index = java.util.Objects.requireNonNull(attachments);
    }
    return index;
  }

  private String rootName(Tenancy tenancy) {
    String name = tenancy == null ? null : tenancy.getName();
    return name == null || name.isBlank() ? ctx.tenancyId() : name;
  }

  @Override
  public Set<ResourceType> resourceTypes() {
    return TYPES;
  }

  /** Volumes wait for their region's attachment index (see {@link AttachmentIndex}). */
  @Override
  public Set<ResourceType> typesWithSharedLookups() {
    return EnumSet.of(ResourceType.BLOCK_VOLUME, ResourceType.BOOT_VOLUME);
  }

  @Override
  public List<Resource> list(Scope scope) {
    return switch (scope.type()) {
      case INSTANCE -> compute.instances(scope);
      case BOOT_VOLUME -> volumes.bootVolumes(scope, attachments());
      case BLOCK_VOLUME -> volumes.blockVolumes(scope, attachments());
      case BOOT_VOLUME_BACKUP -> volumes.bootVolumeBackups(scope);
      case VOLUME_BACKUP -> volumes.volumeBackups(scope);
      case BUCKET -> storage.buckets(scope);
      case FILE_SYSTEM -> storage.fileSystems(scope);
      case DB_SYSTEM -> databases.dbSystems(scope);
      case AUTONOMOUS_DATABASE -> databases.autonomousDatabases(scope);
      case LOAD_BALANCER -> loadBalancers.loadBalancers(scope);
    };
  }

  /** Builds the active tree with root-down paths; children of inactive parents are dropped. */
  static final class CompartmentTree {
    private CompartmentTree() {}

    static List<Compartment> build(
        app.cloudey.model.AccountId accountId,
        String tenancyId,
        String rootName,
        List<com.oracle.bmc.identity.model.Compartment> listed) {
      Map<String, com.oracle.bmc.identity.model.Compartment> byId = new HashMap<>();
      for (var c : listed) {
        if (c.getLifecycleState() == com.oracle.bmc.identity.model.Compartment.LifecycleState.Active
            && !tenancyId.equals(c.getId())) {
          byId.put(c.getId(), c);
        }
      }
      Map<String, String> paths = new LinkedHashMap<>();
      paths.put(tenancyId, rootName);
      List<Compartment> result = new ArrayList<>();
      result.add(new Compartment(accountId, tenancyId, null, rootName, rootName, "ACTIVE"));
      List<com.oracle.bmc.identity.model.Compartment> sorted = new ArrayList<>(byId.values());
      sorted.sort(Comparator.comparing(com.oracle.bmc.identity.model.Compartment::getId));
      for (var c : sorted) {
        String path = path(c.getId(), byId, paths, tenancyId, 0);
        if (path != null) {
          result.add(
              new Compartment(
                  accountId, c.getId(), c.getCompartmentId(), c.getName(), path, "ACTIVE"));
        }
      }
      return result;
    }

    /** Memoised root-down path, or null when an ancestor is missing (inactive or a cycle). */
    private static String path(
        String id,
        Map<String, com.oracle.bmc.identity.model.Compartment> byId,
        Map<String, String> paths,
        String tenancyId,
        int depth) {
      String known = paths.get(id);
      if (known != null || depth > 64) {
        return known;
      }
      var c = byId.get(id);
      if (c == null || c.getCompartmentId() == null) {
        return null;
      }
      String parentPath = path(c.getCompartmentId(), byId, paths, tenancyId, depth + 1);
      if (parentPath == null) {
        return null;
      }
      String path = parentPath + "/" + c.getName();
      paths.put(id, path);
      return path;
    }
  }
}
