package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import com.oracle.bmc.filestorage.model.FileSystemSummary;
import com.oracle.bmc.objectstorage.model.Bucket;
import com.oracle.bmc.objectstorage.model.BucketSummary;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Object Storage (namespace, buckets) and File Storage (file systems, per availability domain). */
final class StorageApis {
  private final Tenancy t;
  private final ApiSupport s;

  /** region + "/" + bucket name -> resource index */
  private final Map<String, Integer> buckets = new HashMap<>();

  StorageApis(Tenancy tenancy, ApiSupport support) {
    this.t = tenancy;
    this.s = support;
    for (Res r : tenancy.resources) {
      if (r.type == ResourceType.BUCKET) {
        buckets.put(r.region + "/" + r.name, r.index);
      }
    }
  }

  void register(Router router) {
    router
        .add("objectstorage", "GET", "n", "GetNamespace", req -> ApiResponse.ok(t.namespace))
        .add("objectstorage", "GET", "n/{}/b", "ListBuckets", this::listBuckets)
        .add("objectstorage", "GET", "n/{}/b/{}", "GetBucket", this::getBucket)
        .add("filestorage", "GET", "20171215/fileSystems", "ListFileSystems", this::fileSystems);
  }

  private void checkNamespace(String namespace) {
    if (!t.namespace.equals(namespace)) {
      throw new ApiException(
          404,
          "NamespaceNotFound",
          "You do not have authorization to perform this request, or the requested resource could not be found (namespace "
              + namespace
              + ")");
    }
  }

  private ApiResponse listBuckets(ApiRequest req) {
    checkNamespace(req.segment(1));
    boolean withTags = String.valueOf(req.param("fields")).contains("tags");
    return s.list(
        req,
        ResourceType.BUCKET,
        i -> true,
        i -> {
          Res b = t.res(i);
          // summaries only, as OCI: no id, storage tier or size
          BucketSummary.Builder summary =
              BucketSummary.builder()
                  .namespace(t.namespace)
                  .name(b.name)
                  .compartmentId(t.compartment(b).id())
                  .createdBy(t.userId)
                  .timeCreated(ApiSupport.date(b.createdHour, b.index))
                  .etag("etag-" + b.index);
          if (withTags) {
            summary.freeformTags(b.tags).definedTags(ApiSupport.noDefinedTags());
          }
          return summary.build();
        });
  }

  private ApiResponse getBucket(ApiRequest req) {
    checkNamespace(req.segment(1));
    String name = req.segment(3);
    Integer index = buckets.get(req.region() + "/" + name);
    if (index == null) {
      throw new ApiException(
          404,
          "BucketNotFound",
          "Either the bucket named '"
              + name
              + "' does not exist in the namespace '"
              + t.namespace
              + "' or you are not authorized to access it");
    }
    Res b = t.res(index);
    String fields = String.valueOf(req.param("fields"));
    Bucket.Builder bucket =
        Bucket.builder()
            .namespace(t.namespace)
            .name(b.name)
            .id(b.id)
            .compartmentId(t.compartment(b).id())
            .metadata(Map.of())
            .createdBy(t.userId)
            .timeCreated(ApiSupport.date(b.createdHour, b.index))
            .etag("etag-" + b.index)
            .publicAccessType(Bucket.PublicAccessType.NoPublicAccess)
            .storageTier(
                b.variant.equals("Archive")
                    ? Bucket.StorageTier.Archive
                    : Bucket.StorageTier.Standard)
            .objectEventsEnabled(false)
            .versioning(Bucket.Versioning.Disabled)
            .freeformTags(b.tags)
            .definedTags(ApiSupport.noDefinedTags());
    if (fields.contains("approximateSize")) {
      bucket.approximateSize(b.sizeGb * 1024L * 1024 * 1024);
    }
    if (fields.contains("approximateCount")) {
      bucket.approximateCount(approximateCount(b));
    }
    return ApiResponse.ok(bucket.build());
  }

  /** GetBucket's {@code approximateCount}. */
  static long approximateCount(Res bucket) {
    return bucket.sizeGb * 37 + bucket.index % 100;
  }

  private ApiResponse fileSystems(ApiRequest req) {
    int ad = s.ad(req, true);
    int compartment = s.compartment(req);
    int[] items =
        Arrays.stream(t.scope(ResourceType.FILE_SYSTEM, req.region(), compartment))
            .filter(i -> t.res(i).ad == ad)
            .toArray();
    return s.page(
        req,
        items,
        i -> {
          Res f = t.res(i);
          return FileSystemSummary.builder()
              .id(f.id)
              .displayName(f.name)
              .compartmentId(t.compartment(f).id())
              .availabilityDomain(t.adName(f.region, f.ad))
              .meteredBytes(f.sizeGb * 1024L * 1024 * 1024)
              .lifecycleState(FileSystemSummary.LifecycleState.Active)
              .timeCreated(ApiSupport.date(f.createdHour, f.index))
              .freeformTags(f.tags)
              .definedTags(ApiSupport.noDefinedTags())
              .build();
        });
  }
}
