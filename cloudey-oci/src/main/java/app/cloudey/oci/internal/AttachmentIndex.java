package app.cloudey.oci.internal;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.oci.OciService;
import com.oracle.bmc.core.model.BootVolumeAttachment;
import com.oracle.bmc.core.model.VolumeAttachment;
import com.oracle.bmc.core.requests.ListBootVolumeAttachmentsRequest;
import com.oracle.bmc.core.requests.ListVolumeAttachmentsRequest;
import com.oracle.bmc.core.responses.ListBootVolumeAttachmentsResponse;
import com.oracle.bmc.core.responses.ListVolumeAttachmentsResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Which instance each volume is attached to, for one inventory pass. OCI keeps an attachment in the
 * <em>instance's</em> compartment, which need not be the volume's, so a volume missing from its own
 * compartment's attachments is unattached only when no compartment of its region lists an
 * attachment for it. The volume's compartment is read first, in the calling thread (the usual case
 * ends there); for volumes still unmatched, every other compartment's listing is started at once on
 * the background executor (each call still takes its rate-limit token and concurrency slot), so the
 * region's index fills as fast as the limits allow while other scopes go on. Every listing (region,
 * compartment, kind, and for boot volumes the availability domain, which OCI requires and which is
 * always the volume's) that succeeds is fetched once per pass; a failed one is forgotten, so the
 * next scope that needs it tries again rather than failing on a stale error. Thread-safe.
 */
final class AttachmentIndex {
  /** Block volume attachments are listed per compartment, boot volume ones per AD too. */
  enum Kind {
    BLOCK,
    BOOT
  }

  /** One attachment listing: attached volume id to instance id. */
  @FunctionalInterface
  interface Listing {
    Map<String, String> list(String region, String compartmentId, Kind kind, @Nullable String ad);
  }

  private record Key(String region, String compartmentId, Kind kind, @Nullable String ad) {}

  private final Listing listing;
  private final List<String> compartmentIds;
  private final Executor background;
  private final ConcurrentMap<Key, CompletableFuture<Map<String, String>>> listings =
      new ConcurrentHashMap<>();

  /**
   * @param compartmentIds every compartment of the pass (the active tree, root included)
   * @param background runs other compartments' listings; it must not be the executor whose threads
   *     wait for them
   */
  AttachmentIndex(Listing listing, List<String> compartmentIds, Executor background) {
    this.listing = listing;
    this.compartmentIds = List.copyOf(compartmentIds);
    this.background = background;
  }

  /** The index of a pass over an OCI tenancy, listing through the guarded caller. */
  static AttachmentIndex of(ListContext ctx, List<String> compartmentIds, Executor background) {
    return new AttachmentIndex(
        (r, c, k, ad) -> fetch(ctx, r, c, k, ad), compartmentIds, background);
  }

  /**
   * The instance each of the given volumes is attached to; a volume attached nowhere in the region
   * is absent from the result.
   *
   * @param volumeAds the scope's volumes that can be attached (not terminated), id to availability
   *     domain
   * @throws CloudeyException when a listing needed to decide failed; the scope must then fail,
   *     since storing a volume as unattached would be a guess
   */
  Map<String, String> attachedTo(
      String region, String compartmentId, Kind kind, Map<String, String> volumeAds) {
    Map<String, String> found = new HashMap<>();
    Map<String, String> unmatched = new LinkedHashMap<>(volumeAds);
    for (Key key : keys(region, compartmentId, kind, unmatched)) {
      match(join(listing(key, Runnable::run), true, key), unmatched, found);
    }
    if (unmatched.isEmpty()) {
      return found;
    }
    // start every other compartment's listing, beginning after this one so that concurrent
    // scopes of different compartments do not all wait on the same first listings
    List<Key> others = new ArrayList<>();
    int own = compartmentIds.indexOf(compartmentId);
    for (int i = 1; i <= compartmentIds.size(); i++) {
      String other = compartmentIds.get(Math.floorMod(own + i, compartmentIds.size()));
      if (!other.equals(compartmentId)) {
        others.addAll(keys(region, other, kind, unmatched));
      }
    }
    List<CompletableFuture<Map<String, String>>> started = new ArrayList<>(others.size());
    others.forEach(key -> started.add(listing(key, background)));
    for (int i = 0; i < others.size() && !unmatched.isEmpty(); i++) {
      match(join(started.get(i), false, others.get(i)), unmatched, found);
    }
    return found;
  }

  /** The listings of one compartment that can hold attachments of the unmatched volumes. */
  private static List<Key> keys(
      String region, String compartmentId, Kind kind, Map<String, String> unmatched) {
    if (unmatched.isEmpty()) {
      return List.of();
    }
    if (kind == Kind.BLOCK) {
      return List.of(new Key(region, compartmentId, kind, null));
    }
    return new TreeSet<>(unmatched.values())
        .stream().map(ad -> new Key(region, compartmentId, kind, ad)).toList();
  }

  private static void match(
      Map<String, String> attachments, Map<String, String> unmatched, Map<String, String> found) {
    unmatched
        .keySet()
        .removeIf(
            volumeId -> {
              String instanceId = attachments.get(volumeId);
              if (instanceId == null) {
                return false;
              }
              found.put(volumeId, instanceId);
              return true;
            });
  }

  /** The listing's future, started on {@code executor} by whoever asks first. */
  private CompletableFuture<Map<String, String>> listing(Key key, Executor executor) {
    CompletableFuture<Map<String, String>> existing = listings.get(key);
    if (existing != null) {
      return existing;
    }
    CompletableFuture<Map<String, String>> mine = new CompletableFuture<>();
    existing = listings.putIfAbsent(key, mine);
    if (existing != null) {
      return existing;
    }
    Runnable fetch =
        () -> {
          try {
            mine.complete(listing.list(key.region(), key.compartmentId(), key.kind(), key.ad()));
          } catch (RuntimeException e) {
            listings.remove(key, mine);
            mine.completeExceptionally(e);
          }
        };
    try {
      executor.execute(fetch);
    } catch (java.util.concurrent.RejectedExecutionException closed) {
      fetch.run(); // an executor that refuses work: list in this thread instead
    }
    return mine;
  }

  private static Map<String, String> join(
      CompletableFuture<Map<String, String>> listing, boolean own, Key key) {
    try {
      return listing.join();
    } catch (CompletionException | java.util.concurrent.CancellationException e) {
      RuntimeException cause =
          e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      throw own ? cause : unreadable(key, cause);
    }
  }

  /** Another compartment's listing failed: say why this scope cannot be decided. */
  private static CloudeyException unreadable(Key key, RuntimeException cause) {
    return new CloudeyProviderException(
        "cannot tell whether volumes are attached: "
            + (key.kind() == Kind.BOOT ? "boot volume" : "volume")
            + " attachments in compartment "
            + key.compartmentId()
            + " ("
            + key.region()
            + (key.ad() == null ? "" : ", " + key.ad())
            + ") could not be listed, and an instance there may hold them: "
            + cause.getMessage(),
        cause instanceof CloudeyProviderException p ? p.status() : -1,
        cause,
        cause instanceof CloudeyException c ? c.requestId().orElse(null) : null);
  }

  private static Map<String, String> fetch(
      ListContext ctx, String region, String compartmentId, Kind kind, @Nullable String ad) {
    Map<String, String> attached = new HashMap<>();
    if (kind == Kind.BLOCK) {
      List<VolumeAttachment> items =
          Pages.all(
              ctx.calls(),
              OciService.COMPUTE,
              "ListVolumeAttachments",
              page ->
                  ctx.clients()
                      .compute(region)
                      .listVolumeAttachments(
                          ListVolumeAttachmentsRequest.builder()
                              .compartmentId(compartmentId)
                              .limit(ctx.pageLimit())
                              .page(page)
                              .build()),
              ListVolumeAttachmentsResponse::getItems,
              ListVolumeAttachmentsResponse::getOpcNextPage);
      for (VolumeAttachment a : items) {
        if (isAttached(ListContext.state(a.getLifecycleState()))) {
          attached.put(a.getVolumeId(), a.getInstanceId());
        }
      }
    } else {
      List<BootVolumeAttachment> items =
          Pages.all(
              ctx.calls(),
              OciService.COMPUTE,
              "ListBootVolumeAttachments",
              page ->
                  ctx.clients()
                      .compute(region)
                      .listBootVolumeAttachments(
                          ListBootVolumeAttachmentsRequest.builder()
                              .availabilityDomain(ad)
                              .compartmentId(compartmentId)
                              .limit(ctx.pageLimit())
                              .page(page)
                              .build()),
              ListBootVolumeAttachmentsResponse::getItems,
              ListBootVolumeAttachmentsResponse::getOpcNextPage);
      for (BootVolumeAttachment a : items) {
        if (isAttached(ListContext.state(a.getLifecycleState()))) {
          attached.put(a.getBootVolumeId(), a.getInstanceId());
        }
      }
    }
    return attached;
  }

  private static boolean isAttached(String state) {
    return state.equals("ATTACHED") || state.equals("ATTACHING");
  }
}
