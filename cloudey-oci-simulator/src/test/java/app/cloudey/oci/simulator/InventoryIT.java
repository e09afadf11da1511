package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.model.ResourceType;
import com.oracle.bmc.core.BlockstorageClient;
import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.core.model.BootVolumeAttachment;
import com.oracle.bmc.core.model.Instance;
import com.oracle.bmc.core.model.VolumeAttachment;
import com.oracle.bmc.core.requests.ListBootVolumeAttachmentsRequest;
import com.oracle.bmc.core.requests.ListBootVolumeBackupsRequest;
import com.oracle.bmc.core.requests.ListBootVolumesRequest;
import com.oracle.bmc.core.requests.ListInstancesRequest;
import com.oracle.bmc.core.requests.ListVolumeAttachmentsRequest;
import com.oracle.bmc.core.requests.ListVolumeBackupsRequest;
import com.oracle.bmc.core.requests.ListVolumesRequest;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.requests.ListAutonomousDatabasesRequest;
import com.oracle.bmc.database.requests.ListDbSystemsRequest;
import com.oracle.bmc.filestorage.FileStorageClient;
import com.oracle.bmc.filestorage.requests.ListFileSystemsRequest;
import com.oracle.bmc.identity.IdentityClient;
import com.oracle.bmc.identity.model.Compartment;
import com.oracle.bmc.identity.requests.GetTenancyRequest;
import com.oracle.bmc.identity.requests.ListAvailabilityDomainsRequest;
import com.oracle.bmc.identity.requests.ListCompartmentsRequest;
import com.oracle.bmc.identity.requests.ListRegionSubscriptionsRequest;
import com.oracle.bmc.loadbalancer.LoadBalancerClient;
import com.oracle.bmc.loadbalancer.model.LoadBalancer;
import com.oracle.bmc.loadbalancer.requests.GetLoadBalancerHealthRequest;
import com.oracle.bmc.loadbalancer.requests.ListLoadBalancersRequest;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.objectstorage.ObjectStorageClient;
import com.oracle.bmc.objectstorage.model.Bucket;
import com.oracle.bmc.objectstorage.model.BucketSummary;
import com.oracle.bmc.objectstorage.requests.GetBucketRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import com.oracle.bmc.objectstorage.requests.ListBucketsRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every inventory list, through the raw SDK, across pages, regions and compartments, equals the
 * truth.
 */
class InventoryIT {
  static final int PAGE = 4;

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
              .pageSize(PAGE));

  @Test
  void identityAnswersRegionsTenancyCompartmentsAndAds(OciSimulator sim) {
    Truth truth = sim.truth();
    try (IdentityClient identity = Sdk.identity(sim, truth.homeRegion())) {
      var regions =
          identity
              .listRegionSubscriptions(
                  ListRegionSubscriptionsRequest.builder().tenancyId(truth.tenancyId()).build())
              .getItems();
      assertThat(regions)
          .extracting(r -> r.getRegionName())
          .containsExactly("us-ashburn-1", "us-phoenix-1");
      assertThat(regions.get(0).getIsHomeRegion()).isTrue();
      assertThat(
              identity
                  .getTenancy(GetTenancyRequest.builder().tenancyId(truth.tenancyId()).build())
                  .getTenancy()
                  .getHomeRegionKey())
          .isEqualTo("IAD");

      List<Compartment> all =
          Sdk.all(
              page ->
                  identity.listCompartments(
                      ListCompartmentsRequest.builder()
                          .compartmentId(truth.tenancyId())
                          .compartmentIdInSubtree(true)
                          .accessLevel(ListCompartmentsRequest.AccessLevel.Any)
                          .page(page)
                          .build()),
              r -> r.getItems(),
              r -> r.getOpcNextPage());
      // 5 active + 1 deleted below the root; the truth counts the root too
      assertThat(all).hasSize(6);
      assertThat(
              all.stream()
                  .filter(c -> c.getLifecycleState() == Compartment.LifecycleState.Active)
                  .map(Compartment::getId))
          .containsExactlyElementsOf(
              truth.compartmentIds().subList(1, truth.compartmentIds().size()));
      assertThat(truth.compartmentIds()).hasSize(6);

      assertThatThrownBy(
              () ->
                  identity.listCompartments(
                      ListCompartmentsRequest.builder()
                          .compartmentId(truth.compartmentIds().get(1))
                          .compartmentIdInSubtree(true)
                          .accessLevel(ListCompartmentsRequest.AccessLevel.Any)
                          .build()))
          .isInstanceOfSatisfying(
              BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));

      var ads =
          identity
              .listAvailabilityDomains(
                  ListAvailabilityDomainsRequest.builder().compartmentId(truth.tenancyId()).build())
              .getItems();
      assertThat(ads)
          .extracting(a -> a.getName())
          .containsExactlyElementsOf(truth.availabilityDomains(truth.homeRegion()));
    }
  }

  @Test
  void everyListEqualsTheTruthInEveryRegionAndCompartment(OciSimulator sim) {
    Truth truth = sim.truth();
    Map<ResourceType, Integer> seen = new java.util.EnumMap<>(ResourceType.class);
    for (String region : truth.regions()) {
      try (ComputeClient compute = Sdk.compute(sim, region);
          BlockstorageClient block = Sdk.blockstorage(sim, region);
          ObjectStorageClient objects = Sdk.objectStorage(sim, region);
          FileStorageClient files = Sdk.fileStorage(sim, region);
          DatabaseClient db = Sdk.database(sim, region);
          LoadBalancerClient lbs = Sdk.loadBalancer(sim, region)) {
        String ns = objects.getNamespace(GetNamespaceRequest.builder().build()).getValue();
        assertThat(ns).isEqualTo(truth.namespace());
        for (String c : truth.compartmentIds()) {
          check(
              truth,
              region,
              c,
              ResourceType.INSTANCE,
              seen,
              Sdk.all(
                      p ->
                          compute.listInstances(
                              ListInstancesRequest.builder().compartmentId(c).page(p).build()),
                      r -> r.getItems(),
                      r -> r.getOpcNextPage())
                  .stream()
                  .map(Instance::getId)
                  .toList());
          check(
              truth,
              region,
              c,
              ResourceType.BLOCK_VOLUME,
              seen,
              Sdk.all(
                      p ->
                          block.listVolumes(
                              ListVolumesRequest.builder().compartmentId(c).page(p).build()),
                      r -> r.getItems(),
                      r -> r.getOpcNextPage())
                  .stream()
                  .map(v -> v.getId())
                  .toList());
          check(
              truth,
              region,
              c,
              ResourceType.BOOT_VOLUME,
              seen,
              Sdk.all(
                      p ->
                          block.listBootVolumes(
                              ListBootVolumesRequest.builder().compartmentId(c).page(p).build()),
                      r -> r.getItems(),
                      r -> r.getOpcNextPage())
                  .stream()
                  .map(v -> v.getId())
                  .toList());
          check(
              truth,
              region,
              c,
              ResourceType.VOLUME_BACKUP,
              seen,
              Sdk.all(
                      p ->
                          block.listVolumeBackups(
                              ListVolumeBackupsRequest.builder().compartmentId(c).page(p).build()),
                      r -> r.getItems(),
                      r -> r.getOpcNextPage())
                  .stream()
                  .map(v -> v.getId())
                  .toList());
          check(
              truth,
              region,
              c,
              ResourceType.BOOT_VOLUME_BACKUP,
              seen,
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
                  .map(v -> v.getId())
                  .toList());
          List<BucketSummary> buckets =
              Sdk.all(
                  p ->
                      objects.listBuckets(
                          ListBucketsRequest.builder()
                              .namespaceName(ns)
                              .compartmentId(c)
                              .page(p)
                              .build()),
                  r -> r.getItems(),
                  r -> r.getOpcNextPage());
          assertThat(buckets).hasSize(truth.count(ResourceType.BUCKET, region, c));
          seen.merge(ResourceType.BUCKET, buckets.size(), Integer::sum);
          List<String> bucketIds = new ArrayList<>();
          for (BucketSummary b : buckets) {
            Bucket full =
                objects
                    .getBucket(
                        GetBucketRequest.builder()
                            .namespaceName(ns)
                            .bucketName(b.getName())
                            .fields(
                                List.of(
                                    GetBucketRequest.Fields.ApproximateSize,
                                    GetBucketRequest.Fields.ApproximateCount))
                            .build())
                    .getBucket();
            assertThat(full.getApproximateSize()).isPositive();
            assertThat(full.getStorageTier()).isNotNull();
            bucketIds.add(full.getId());
          }
          assertThat(bucketIds)
              .containsExactlyElementsOf(truth.resourceIds(ResourceType.BUCKET, region, c));
          List<String> fileSystems = new ArrayList<>();
          List<String> bootAttached = new ArrayList<>();
          for (String ad : truth.availabilityDomains(region)) {
            fileSystems.addAll(
                Sdk.all(
                        p ->
                            files.listFileSystems(
                                ListFileSystemsRequest.builder()
                                    .compartmentId(c)
                                    .availabilityDomain(ad)
                                    .page(p)
                                    .build()),
                        r -> r.getItems(),
                        r -> r.getOpcNextPage())
                    .stream()
                    .map(f -> f.getId())
                    .toList());
            bootAttached.addAll(
                Sdk.all(
                        p ->
                            compute.listBootVolumeAttachments(
                                ListBootVolumeAttachmentsRequest.builder()
                                    .compartmentId(c)
                                    .availabilityDomain(ad)
                                    .page(p)
                                    .build()),
                        r -> r.getItems(),
                        r -> r.getOpcNextPage())
                    .stream()
                    .map(BootVolumeAttachment::getBootVolumeId)
                    .toList());
          }
          assertThat(fileSystems)
              .containsExactlyInAnyOrderElementsOf(
                  truth.resourceIds(ResourceType.FILE_SYSTEM, region, c));
          seen.merge(ResourceType.FILE_SYSTEM, fileSystems.size(), Integer::sum);
          // every attached volume is listed by its attachment, in the instance's compartment
          List<VolumeAttachment> attachments =
              Sdk.all(
                  p ->
                      compute.listVolumeAttachments(
                          ListVolumeAttachmentsRequest.builder().compartmentId(c).page(p).build()),
                  r -> r.getItems(),
                  r -> r.getOpcNextPage());
          assertThat(attachments)
              .allSatisfy(
                  a ->
                      assertThat(a.getLifecycleState())
                          .isEqualTo(VolumeAttachment.LifecycleState.Attached));
          // the attachment is the instance's: its volume may be in another compartment
          HashSet<String> instances =
              new HashSet<>(truth.resourceIds(ResourceType.INSTANCE, region, c));
          assertThat(attachments)
              .allSatisfy(
                  a -> {
                    assertThat(instances).contains(a.getInstanceId());
                    assertThat(
                            truth.findResource(a.getVolumeId()).orElseThrow().spec().attachedTo())
                        .isEqualTo(a.getInstanceId());
                  });
          assertThat(bootAttached)
              .allSatisfy(
                  id ->
                      assertThat(instances)
                          .contains(truth.findResource(id).orElseThrow().spec().attachedTo()));
          check(
              truth,
              region,
              c,
              ResourceType.DB_SYSTEM,
              seen,
              Sdk.all(
                      p ->
                          db.listDbSystems(
                              ListDbSystemsRequest.builder().compartmentId(c).page(p).build()),
                      r -> r.getItems(),
                      r -> r.getOpcNextPage())
                  .stream()
                  .map(d -> d.getId())
                  .toList());
          check(
              truth,
              region,
              c,
              ResourceType.AUTONOMOUS_DATABASE,
              seen,
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
                  .map(d -> d.getId())
                  .toList());
          List<LoadBalancer> lbList =
              Sdk.all(
                  p ->
                      lbs.listLoadBalancers(
                          ListLoadBalancersRequest.builder().compartmentId(c).page(p).build()),
                  r -> r.getItems(),
                  r -> r.getOpcNextPage());
          check(
              truth,
              region,
              c,
              ResourceType.LOAD_BALANCER,
              seen,
              lbList.stream().map(LoadBalancer::getId).toList());
          for (LoadBalancer lb : lbList) {
            assertThat(lb.getBackendSets()).containsKey("bs-app");
            assertThat(
                    lbs.getLoadBalancerHealth(
                            GetLoadBalancerHealthRequest.builder()
                                .loadBalancerId(lb.getId())
                                .build())
                        .getLoadBalancerHealth()
                        .getStatus())
                .isNotNull();
          }
        }
      }
    }
    for (ResourceType type : ResourceType.values()) {
      assertThat(seen.get(type)).as(type.toString()).isEqualTo(truth.count(type));
    }
  }

  private static void check(
      Truth truth,
      String region,
      String compartment,
      ResourceType type,
      Map<ResourceType, Integer> seen,
      List<String> listed) {
    assertThat(listed)
        .as(type + " in " + region + "/" + compartment)
        .containsExactlyElementsOf(truth.resourceIds(type, region, compartment));
    seen.merge(type, listed.size(), Integer::sum);
  }

  @Test
  void theBusyScopeHasMoreThanThreePagesOfEveryTypeAndEveryRegionHasEveryType(OciSimulator sim) {
    Truth truth = sim.truth();
    String busy = truth.compartmentIds().get(1);
    for (ResourceType type : ResourceType.values()) {
      // 3 pages of 4 plus one: 13 at least
      assertThat(truth.count(type, truth.homeRegion(), busy))
          .as(type.toString())
          .isGreaterThanOrEqualTo(3 * PAGE + 1);
      for (String region : truth.regions()) {
        assertThat(truth.count(type, region)).as(type + " in " + region).isPositive();
      }
    }
    try (ComputeClient compute = Sdk.compute(sim, truth.homeRegion())) {
      int pages =
          Sdk.pages(
              p ->
                  compute.listInstances(
                      ListInstancesRequest.builder().compartmentId(busy).page(p).build()),
              r -> r.getOpcNextPage());
      assertThat(pages).isGreaterThanOrEqualTo(4);
      // limit is honoured below the page size
      assertThat(
              compute
                  .listInstances(
                      ListInstancesRequest.builder().compartmentId(busy).limit(2).build())
                  .getItems())
          .hasSize(2);
    }
  }

  @Test
  void requiredParametersAreEnforced(OciSimulator sim) {
    Truth truth = sim.truth();
    try (FileStorageClient files = Sdk.fileStorage(sim, truth.homeRegion());
        ComputeClient compute = Sdk.compute(sim, truth.homeRegion())) {
      assertThatThrownBy(
              () ->
                  files.listFileSystems(
                      ListFileSystemsRequest.builder()
                          .compartmentId(truth.tenancyId())
                          .availabilityDomain("Nope:US-ASHBURN-AD-9")
                          .build()))
          .isInstanceOfSatisfying(
              BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
      assertThatThrownBy(
              () ->
                  compute.listInstances(
                      ListInstancesRequest.builder()
                          .compartmentId("ocid1.compartment.oc1..unknown")
                          .build()))
          .isInstanceOfSatisfying(
              BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
      assertThatThrownBy(
              () ->
                  compute.listInstances(
                      ListInstancesRequest.builder()
                          .compartmentId(truth.tenancyId())
                          .page("forged")
                          .build()))
          .isInstanceOfSatisfying(
              BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }
  }
}
