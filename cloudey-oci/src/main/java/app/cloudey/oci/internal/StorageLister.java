package app.cloudey.oci.internal;

import app.cloudey.model.Resource;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciService;
import com.oracle.bmc.filestorage.model.FileSystemSummary;
import com.oracle.bmc.filestorage.requests.ListFileSystemsRequest;
import com.oracle.bmc.filestorage.responses.ListFileSystemsResponse;
import com.oracle.bmc.objectstorage.model.Bucket;
import com.oracle.bmc.objectstorage.model.BucketSummary;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.ListBucketsRequest;
import com.oracle.bmc.objectstorage.responses.ListBucketsResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists buckets (ListBuckets, then GetBucket per bucket for the real OCID, storage tier and
 * approximate size and count) and file systems (per availability domain, with metered bytes).
 */
final class StorageLister {
  private final ListContext ctx;

  StorageLister(ListContext ctx) {
    this.ctx = ctx;
  }

  List<Resource> buckets(Scope scope) {
    String namespace = ctx.namespace();
    var client = ctx.clients().objectStorage(scope.region());
    List<BucketSummary> summaries =
        Pages.all(
            ctx.calls(),
            OciService.OBJECT_STORAGE,
            "ListBuckets",
            page ->
                client.listBuckets(
                    ListBucketsRequest.builder()
                        .namespaceName(namespace)
                        .compartmentId(scope.compartmentId())
                        .limit(ctx.pageLimit())
                        .page(page)
                        .build()),
            ListBucketsResponse::getItems,
            ListBucketsResponse::getOpcNextPage);
    List<Resource> resources = new ArrayList<>(summaries.size());
    for (BucketSummary summary : summaries) {
      Bucket b =
          ctx.calls()
              .call(
                  OciService.OBJECT_STORAGE,
                  "GetBucket",
                  () ->
                      client.getBucket(
                          GetBucketRequest.builder()
                              .namespaceName(namespace)
                              .bucketName(summary.getName())
                              .fields(
                                  List.of(
                                      GetBucketRequest.Fields.ApproximateSize,
                                      GetBucketRequest.Fields.ApproximateCount))
                              .build()))
              .getBucket();
      Map<String, String> attributes = new HashMap<>();
      attributes.put("namespace", namespace);
      Mapping.put(attributes, "approximateSizeBytes", b.getApproximateSize());
      Mapping.put(attributes, "publicAccessType", ListContext.stateOrNull(b.getPublicAccessType()));
      Mapping.put(attributes, "versioning", ListContext.stateOrNull(b.getVersioning()));
      Mapping.put(attributes, "autoTiering", ListContext.stateOrNull(b.getAutoTiering()));
      Mapping.put(attributes, "objectLifecyclePolicyEtag", b.getObjectLifecyclePolicyEtag());
      resources.add(
          ctx.resource(scope, ResourceType.BUCKET)
              // real OCID; older stacks without one get a namespace-qualified name, never a fake
              // OCID
              .id(b.getId() == null ? namespace + "/" + summary.getName() : b.getId())
              .name(Mapping.text(b.getName()))
              .lifecycleState("ACTIVE") // buckets have no lifecycle state; listed means present
              .timeCreated(Mapping.instant(b.getTimeCreated()))
              .tags(Mapping.tags(b.getFreeformTags(), b.getDefinedTags()))
              .spec(
                  ResourceSpec.builder()
                      .storageTier(ListContext.stateOrNull(b.getStorageTier()))
                      .sizeGb(Mapping.gib(b.getApproximateSize()))
                      .objectCount(b.getApproximateCount())
                      .build())
              .attributes(attributes)
              .build());
    }
    return resources;
  }

  List<Resource> fileSystems(Scope scope) {
    List<Resource> resources = new ArrayList<>();
    for (String ad : ctx.availabilityDomains(scope.region())) {
      List<FileSystemSummary> items =
          Pages.all(
              ctx.calls(),
              OciService.FILE_STORAGE,
              "ListFileSystems",
              page ->
                  ctx.clients()
                      .fileStorage(scope.region())
                      .listFileSystems(
                          ListFileSystemsRequest.builder()
                              .compartmentId(scope.compartmentId())
                              .availabilityDomain(ad)
                              .limit(ctx.pageLimit())
                              .page(page)
                              .build()),
              ListFileSystemsResponse::getItems,
              ListFileSystemsResponse::getOpcNextPage);
      for (FileSystemSummary fs : items) {
        Map<String, String> attributes = new HashMap<>();
        Mapping.put(attributes, "meteredBytes", fs.getMeteredBytes());
        resources.add(
            ctx.resource(scope, ResourceType.FILE_SYSTEM)
                .id(fs.getId())
                .name(Mapping.text(fs.getDisplayName()))
                .availabilityDomain(
                    fs.getAvailabilityDomain() == null ? ad : fs.getAvailabilityDomain())
                .lifecycleState(ListContext.state(fs.getLifecycleState()))
                .timeCreated(Mapping.instant(fs.getTimeCreated()))
                .tags(Mapping.tags(fs.getFreeformTags(), fs.getDefinedTags()))
                .spec(ResourceSpec.builder().sizeGb(Mapping.gib(fs.getMeteredBytes())).build())
                .attributes(attributes)
                .build());
      }
    }
    return resources;
  }
}
