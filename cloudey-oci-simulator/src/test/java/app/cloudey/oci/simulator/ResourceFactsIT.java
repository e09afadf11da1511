package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import com.oracle.bmc.core.BlockstorageClient;
import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.core.model.BootVolume;
import com.oracle.bmc.core.model.BootVolumeAttachment;
import com.oracle.bmc.core.model.BootVolumeBackup;
import com.oracle.bmc.core.model.Instance;
import com.oracle.bmc.core.model.Volume;
import com.oracle.bmc.core.model.VolumeAttachment;
import com.oracle.bmc.core.model.VolumeBackup;
import com.oracle.bmc.core.requests.ListBootVolumeAttachmentsRequest;
import com.oracle.bmc.core.requests.ListBootVolumeBackupsRequest;
import com.oracle.bmc.core.requests.ListBootVolumesRequest;
import com.oracle.bmc.core.requests.ListInstancesRequest;
import com.oracle.bmc.core.requests.ListVolumeAttachmentsRequest;
import com.oracle.bmc.core.requests.ListVolumeBackupsRequest;
import com.oracle.bmc.core.requests.ListVolumesRequest;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.AutonomousDatabaseSummary;
import com.oracle.bmc.database.model.DbSystemSummary;
import com.oracle.bmc.database.requests.ListAutonomousDatabasesRequest;
import com.oracle.bmc.database.requests.ListDbSystemsRequest;
import com.oracle.bmc.filestorage.FileStorageClient;
import com.oracle.bmc.filestorage.model.FileSystemSummary;
import com.oracle.bmc.filestorage.requests.ListFileSystemsRequest;
import com.oracle.bmc.loadbalancer.LoadBalancerClient;
import com.oracle.bmc.loadbalancer.model.BackendSet;
import com.oracle.bmc.loadbalancer.model.BackendSetHealth;
import com.oracle.bmc.loadbalancer.model.LoadBalancer;
import com.oracle.bmc.loadbalancer.requests.GetBackendSetHealthRequest;
import com.oracle.bmc.loadbalancer.requests.ListLoadBalancersRequest;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.Bucket;
import com.oracle.bmc.objectstorage.model.BucketSummary;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.objectstorage.requests.ListBucketsRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Truth#findResource} and {@link Truth#resources} equal, field by field, what a client reads
 * through the raw SDK, for every resource of every type in every scope (the tenancy is small).
 */
class ResourceFactsIT {
  private static final BigDecimal GIB = BigDecimal.valueOf(1L << 30);

  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(7)
              .now(LocalDate.of(2026, 11, 26))
              .regions(2)
              .compartments(5)
              .instances(30)
              .days(10)
              .pageSize(4));

  @Test
  void factsEqualWhatTheSdkReadsForEveryTypeInEveryScope(OciSimulator sim) {
    Truth truth = sim.truth();
    Map<ResourceType, Integer> checked = new EnumMap<>(ResourceType.class);
    for (String region : truth.regions()) {
      try (ComputeClient compute = Sdk.compute(sim, region);
          BlockstorageClient block = Sdk.blockstorage(sim, region);
          ObjectStorageClient objects = Sdk.objectStorage(sim, region);
          FileStorageClient files = Sdk.fileStorage(sim, region);
          DatabaseClient db = Sdk.database(sim, region);
          LoadBalancerClient lbs = Sdk.loadBalancer(sim, region)) {
        Reader reader =
            new Reader(
                truth,
                region,
                compute,
                block,
                objects,
                files,
                db,
                lbs,
                attachedTo(truth, region, compute));
        for (String c : truth.compartmentIds()) {
          for (ResourceType type : ResourceType.values()) {
            List<ResourceFacts> read = reader.read(type, c);
            List<ResourceFacts> expected = truth.resources(type, region, c);
            if (type == ResourceType.FILE_SYSTEM) {
              // listed per availability domain: the same facts, AD by AD
              assertThat(read).as(type + " in " + c).containsExactlyInAnyOrderElementsOf(expected);
            } else {
              assertThat(read).as(type + " in " + c).containsExactlyElementsOf(expected);
            }
            for (ResourceFacts f : read) {
              assertThat(truth.findResource(f.id())).contains(f);
            }
            checked.merge(type, read.size(), Integer::sum);
          }
        }
      }
    }
    for (ResourceType type : ResourceType.values()) {
      assertThat(checked.get(type)).as(type.toString()).isEqualTo(truth.count(type));
    }
    assertThat(truth.findResource("ocid1.volumeattachment.oc1.iad.unknown")).isEmpty();
  }

  @Test
  void specsCarryTheTypedValues(OciSimulator sim) {
    Truth truth = sim.truth();
    Map<ResourceType, ResourceSpec> first = new EnumMap<>(ResourceType.class);
    for (String c : truth.compartmentIds()) {
      for (ResourceType type : ResourceType.values()) {
        truth.resources(type, truth.homeRegion(), c).stream()
            .findFirst()
            .ifPresent(f -> first.putIfAbsent(type, f.spec()));
      }
    }
    assertThat(first).hasSize(ResourceType.values().length);
    assertThat(first.get(ResourceType.INSTANCE).ocpus()).isPositive();
    assertThat(first.get(ResourceType.INSTANCE).memoryGb()).isPositive();
    assertThat(first.get(ResourceType.BLOCK_VOLUME).sizeGb()).isPositive();
    assertThat(first.get(ResourceType.BOOT_VOLUME).vpusPerGb()).isEqualTo(10);
    assertThat(first.get(ResourceType.VOLUME_BACKUP).sourceId()).startsWith("ocid1.volume.");
    assertThat(first.get(ResourceType.BUCKET).storageTier()).isIn("Standard", "Archive");
    assertThat(first.get(ResourceType.BUCKET).objectCount()).isPositive();
    assertThat(first.get(ResourceType.DB_SYSTEM).shape()).isEqualTo("VM.Standard.E4.Flex");
    assertThat(first.get(ResourceType.AUTONOMOUS_DATABASE).sizeGb()).isEqualByComparingTo("1024");
    assertThat(first.get(ResourceType.LOAD_BALANCER).shape()).isEqualTo("flexible");
  }

  /** Volume id to instance id over every compartment's attachments: they live with instances. */
  private static Map<String, String> attachedTo(Truth truth, String region, ComputeClient compute) {
    Map<String, String> out = new HashMap<>();
    for (String c : truth.compartmentIds()) {
      for (VolumeAttachment a :
          Sdk.all(
              p ->
                  compute.listVolumeAttachments(
                      ListVolumeAttachmentsRequest.builder().compartmentId(c).page(p).build()),
              r -> r.getItems(),
              r -> r.getOpcNextPage())) {
        assertThat(a.getCompartmentId()).isEqualTo(c);
        assertThat(out.put(a.getVolumeId(), a.getInstanceId())).isNull();
      }
      for (String ad : truth.availabilityDomains(region)) {
        for (BootVolumeAttachment a :
            Sdk.all(
                p ->
                    compute.listBootVolumeAttachments(
                        ListBootVolumeAttachmentsRequest.builder()
                            .availabilityDomain(ad)
                            .compartmentId(c)
                            .page(p)
                            .build()),
                r -> r.getItems(),
                r -> r.getOpcNextPage())) {
          assertThat(out.put(a.getBootVolumeId(), a.getInstanceId())).isNull();
        }
      }
    }
    return out;
  }

  private static @Nullable BigDecimal decimal(@Nullable Float value) {
    return value == null ? null : new BigDecimal(Float.toString(value));
  }

  private static @Nullable BigDecimal decimal(@Nullable Number value) {
    return value == null ? null : BigDecimal.valueOf(value.longValue());
  }

  private static @Nullable BigDecimal gib(@Nullable Long bytes) {
    return bytes == null ? null : new BigDecimal(bytes).divide(GIB);
  }

  /** Reads one scope of one type through the SDK and maps it the way a client would. */
  private record Reader(
      Truth truth,
      String region,
      ComputeClient compute,
      BlockstorageClient block,
      ObjectStorageClient objects,
      FileStorageClient files,
      DatabaseClient db,
      LoadBalancerClient lbs,
      Map<String, String> attachedTo) {

    List<ResourceFacts> read(ResourceType type, String c) {
      return switch (type) {
        case INSTANCE ->
            Sdk.all(
                    p ->
                        compute.listInstances(
                            ListInstancesRequest.builder().compartmentId(c).page(p).build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::instance)
                .toList();
        case BLOCK_VOLUME ->
            Sdk.all(
                    p ->
                        block.listVolumes(
                            ListVolumesRequest.builder().compartmentId(c).page(p).build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::volume)
                .toList();
        case BOOT_VOLUME ->
            Sdk.all(
                    p ->
                        block.listBootVolumes(
                            ListBootVolumesRequest.builder().compartmentId(c).page(p).build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::bootVolume)
                .toList();
        case VOLUME_BACKUP ->
            Sdk.all(
                    p ->
                        block.listVolumeBackups(
                            ListVolumeBackupsRequest.builder().compartmentId(c).page(p).build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::volumeBackup)
                .toList();
        case BOOT_VOLUME_BACKUP ->
            Sdk.all(
                    p ->
                        block.listBootVolumeBackups(
                            ListBootVolumeBackupsRequest.builder()
                                .compartmentId(c)
                                .page(p)
                                .build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::bootVolumeBackup)
                .toList();
        case BUCKET -> buckets(c);
        case FILE_SYSTEM -> fileSystems(c);
        case DB_SYSTEM ->
            Sdk.all(
                    p ->
                        db.listDbSystems(
                            ListDbSystemsRequest.builder().compartmentId(c).page(p).build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::dbSystem)
                .toList();
        case AUTONOMOUS_DATABASE ->
            Sdk.all(
                    p ->
                        db.listAutonomousDatabases(
                            ListAutonomousDatabasesRequest.builder()
                                .compartmentId(c)
                                .page(p)
                                .build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::autonomous)
                .toList();
        case LOAD_BALANCER ->
            Sdk.all(
                    p ->
                        lbs.listLoadBalancers(
                            ListLoadBalancersRequest.builder().compartmentId(c).page(p).build()),
                    r -> r.getItems(),
                    r -> r.getOpcNextPage())
                .stream()
                .map(this::loadBalancer)
                .toList();
      };
    }

    private ResourceFacts instance(Instance i) {
      assertThat(i.getRegion()).isEqualTo(region);
      return new ResourceFacts(
          ResourceType.INSTANCE,
          i.getId(),
          region,
          i.getCompartmentId(),
          i.getDisplayName(),
          i.getLifecycleState().getValue(),
          i.getAvailabilityDomain(),
          ResourceSpec.builder()
              .shape(i.getShape())
              .ocpus(decimal(i.getShapeConfig().getOcpus()))
              .memoryGb(decimal(i.getShapeConfig().getMemoryInGBs()))
              .sourceId(i.getImageId())
              .build());
    }

    private ResourceFacts volume(Volume v) {
      return new ResourceFacts(
          ResourceType.BLOCK_VOLUME,
          v.getId(),
          region,
          v.getCompartmentId(),
          v.getDisplayName(),
          v.getLifecycleState().getValue(),
          v.getAvailabilityDomain(),
          ResourceSpec.builder()
              .sizeGb(decimal(v.getSizeInGBs()))
              .vpusPerGb(Math.toIntExact(v.getVpusPerGB()))
              .attachedTo(attachedTo.get(v.getId()))
              .build());
    }

    private ResourceFacts bootVolume(BootVolume v) {
      return new ResourceFacts(
          ResourceType.BOOT_VOLUME,
          v.getId(),
          region,
          v.getCompartmentId(),
          v.getDisplayName(),
          v.getLifecycleState().getValue(),
          v.getAvailabilityDomain(),
          ResourceSpec.builder()
              .sizeGb(decimal(v.getSizeInGBs()))
              .vpusPerGb(Math.toIntExact(v.getVpusPerGB()))
              .attachedTo(attachedTo.get(v.getId()))
              .sourceId(v.getImageId())
              .build());
    }

    private ResourceFacts volumeBackup(VolumeBackup b) {
      return new ResourceFacts(
          ResourceType.VOLUME_BACKUP,
          b.getId(),
          region,
          b.getCompartmentId(),
          b.getDisplayName(),
          b.getLifecycleState().getValue(),
          null,
          ResourceSpec.builder()
              .sizeGb(decimal(b.getSizeInGBs()))
              .sourceId(b.getVolumeId())
              .build());
    }

    private ResourceFacts bootVolumeBackup(BootVolumeBackup b) {
      return new ResourceFacts(
          ResourceType.BOOT_VOLUME_BACKUP,
          b.getId(),
          region,
          b.getCompartmentId(),
          b.getDisplayName(),
          b.getLifecycleState().getValue(),
          null,
          ResourceSpec.builder()
              .sizeGb(decimal(b.getSizeInGBs()))
              .sourceId(b.getBootVolumeId())
              .build());
    }

    private List<ResourceFacts> buckets(String c) {
      String ns = objects.getNamespace(GetNamespaceRequest.builder().build()).getValue();
      List<ResourceFacts> out = new ArrayList<>();
      for (BucketSummary summary :
          Sdk.all(
              p ->
                  objects.listBuckets(
                      ListBucketsRequest.builder()
                          .namespaceName(ns)
                          .compartmentId(c)
                          .page(p)
                          .build()),
              r -> r.getItems(),
              r -> r.getOpcNextPage())) {
        Bucket b =
            objects
                .getBucket(
                    GetBucketRequest.builder()
                        .namespaceName(ns)
                        .bucketName(summary.getName())
                        .fields(
                            List.of(
                                GetBucketRequest.Fields.ApproximateSize,
                                GetBucketRequest.Fields.ApproximateCount))
                        .build())
                .getBucket();
        out.add(
            new ResourceFacts(
                ResourceType.BUCKET,
                b.getId(),
                region,
                b.getCompartmentId(),
                b.getName(),
                "ACTIVE", // buckets have no lifecycle state
                null,
                ResourceSpec.builder()
                    .storageTier(b.getStorageTier().getValue())
                    .sizeGb(gib(b.getApproximateSize()))
                    .objectCount(b.getApproximateCount())
                    .build()));
      }
      return out;
    }

    private List<ResourceFacts> fileSystems(String c) {
      List<ResourceFacts> out = new ArrayList<>();
      for (String ad : truth.availabilityDomains(region)) {
        for (FileSystemSummary f :
            Sdk.all(
                p ->
                    files.listFileSystems(
                        ListFileSystemsRequest.builder()
                            .compartmentId(c)
                            .availabilityDomain(ad)
                            .page(p)
                            .build()),
                r -> r.getItems(),
                r -> r.getOpcNextPage())) {
          out.add(
              new ResourceFacts(
                  ResourceType.FILE_SYSTEM,
                  f.getId(),
                  region,
                  f.getCompartmentId(),
                  f.getDisplayName(),
                  f.getLifecycleState().getValue(),
                  f.getAvailabilityDomain(),
                  ResourceSpec.builder().sizeGb(gib(f.getMeteredBytes())).build()));
        }
      }
      return out;
    }

    private ResourceFacts dbSystem(DbSystemSummary d) {
      return new ResourceFacts(
          ResourceType.DB_SYSTEM,
          d.getId(),
          region,
          d.getCompartmentId(),
          d.getDisplayName(),
          d.getLifecycleState().getValue(),
          d.getAvailabilityDomain(),
          ResourceSpec.builder()
              .shape(d.getShape())
              .ocpus(decimal(d.getCpuCoreCount()))
              .memoryGb(decimal(d.getMemorySizeInGBs()))
              .sizeGb(decimal(d.getDataStorageSizeInGBs()))
              .build());
    }

    private ResourceFacts autonomous(AutonomousDatabaseSummary a) {
      return new ResourceFacts(
          ResourceType.AUTONOMOUS_DATABASE,
          a.getId(),
          region,
          a.getCompartmentId(),
          a.getDisplayName(),
          a.getLifecycleState().getValue(),
          null,
          ResourceSpec.builder()
              .ocpus(decimal(a.getComputeCount()))
              .sizeGb(decimal(a.getDataStorageSizeInGBs()))
              .build());
    }

    private ResourceFacts loadBalancer(LoadBalancer lb) {
      int backends = 0;
      int healthy = 0;
      for (Map.Entry<String, BackendSet> set : lb.getBackendSets().entrySet()) {
        int inSet = set.getValue().getBackends().size();
        backends += inSet;
        if (inSet > 0) {
          BackendSetHealth health =
              lbs.getBackendSetHealth(
                      GetBackendSetHealthRequest.builder()
                          .loadBalancerId(lb.getId())
                          .backendSetName(set.getKey())
                          .build())
                  .getBackendSetHealth();
          healthy +=
              health.getTotalBackendCount()
                  - health.getCriticalStateBackendNames().size()
                  - health.getWarningStateBackendNames().size()
                  - health.getUnknownStateBackendNames().size();
        }
      }
      return new ResourceFacts(
          ResourceType.LOAD_BALANCER,
          lb.getId(),
          region,
          lb.getCompartmentId(),
          lb.getDisplayName(),
          lb.getLifecycleState().getValue(),
          null,
          ResourceSpec.builder()
              .shape(lb.getShapeName())
              .bandwidthMinMbps(lb.getShapeDetails().getMinimumBandwidthInMbps())
              .bandwidthMaxMbps(lb.getShapeDetails().getMaximumBandwidthInMbps())
              .backendCount(backends)
              .healthyBackendCount(healthy)
              .build());
    }
  }
}
