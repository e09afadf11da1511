package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceSpec;
import app.cloudey.oci.simulator.ResourceFacts;
import java.math.BigDecimal;

/**
 * {@link ResourceFacts} of a generated resource: the values the list and get handlers serve
 * (ComputeApi, StorageApis, DatabaseApi, LoadBalancerApi), read from the same fields and helpers so
 * the two cannot drift apart.
 */
final class Facts {
  private Facts() {}

  static ResourceFacts of(Tenancy t, Res r) {
    return new ResourceFacts(
        r.type,
        r.id,
        t.region(r).name(),
        t.compartment(r).id(),
        r.name,
        // every handler serves Res.state (buckets have none in the API: ACTIVE, as the truth
        // counts)
        r.state,
        r.ad >= 0 ? t.adName(r.region, r.ad) : null,
        spec(t, r));
  }

  private static ResourceSpec spec(Tenancy t, Res r) {
    ResourceSpec.Builder spec = ResourceSpec.builder();
    switch (r.type) {
      case INSTANCE ->
          spec.shape(Shape.ALL.get(r.shape).name())
              .ocpus(BigDecimal.valueOf(r.ocpus))
              .memoryGb(BigDecimal.valueOf(r.memoryGb));
      case BOOT_VOLUME, BLOCK_VOLUME ->
          spec.sizeGb(BigDecimal.valueOf(r.sizeGb))
              .vpusPerGb(r.vpusPerGb)
              .attachedTo(r.link >= 0 ? t.res(r.link).id : null);
      case VOLUME_BACKUP, BOOT_VOLUME_BACKUP ->
          spec.sizeGb(BigDecimal.valueOf(r.sizeGb))
              .sourceId(r.link >= 0 ? t.res(r.link).id : r.deletedSourceId);
      case BUCKET ->
          // approximateSize is served in bytes, whole GiB: bytes / 2^30 is exactly sizeGb
          spec.storageTier(r.variant)
              .sizeGb(BigDecimal.valueOf(r.sizeGb))
              .objectCount(StorageApis.approximateCount(r));
      case FILE_SYSTEM -> spec.sizeGb(BigDecimal.valueOf(r.sizeGb)); // meteredBytes / 2^30
      case DB_SYSTEM ->
          spec.shape(Shape.ALL.get(r.shape).name())
              .ocpus(BigDecimal.valueOf(r.ocpus))
              .sizeGb(BigDecimal.valueOf((int) r.sizeGb));
      case AUTONOMOUS_DATABASE ->
          spec.ocpus(BigDecimal.valueOf(r.ocpus)).sizeGb(BigDecimal.valueOf((int) r.sizeGb));
      case LOAD_BALANCER ->
          spec.shape(LoadBalancerApi.SHAPE)
              .bandwidthMinMbps(r.minMbps)
              .bandwidthMaxMbps(r.maxMbps)
              .backendCount(r.backends)
              .healthyBackendCount(r.backends - LoadBalancerApi.critical(r));
    }
    return spec.build();
  }
}
