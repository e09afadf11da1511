package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import com.oracle.bmc.core.model.BootVolume;
import com.oracle.bmc.core.model.BootVolumeAttachment;
import com.oracle.bmc.core.model.BootVolumeBackup;
import com.oracle.bmc.core.model.Instance;
import com.oracle.bmc.core.model.InstanceAgentConfig;
import com.oracle.bmc.core.model.InstanceShapeConfig;
import com.oracle.bmc.core.model.ParavirtualizedVolumeAttachment;
import com.oracle.bmc.core.model.Volume;
import com.oracle.bmc.core.model.VolumeAttachment;
import com.oracle.bmc.core.model.VolumeBackup;
import java.util.Arrays;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/** Compute (instances, attachments) and Block Storage (volumes, boot volumes, backups). */
final class ComputeApi {
  private final Tenancy t;
  private final ApiSupport s;
  private final VolumeAttachments attachments;

  ComputeApi(Tenancy tenancy, ApiSupport support) {
    this.t = tenancy;
    this.s = support;
    this.attachments = new VolumeAttachments(tenancy);
  }

  void register(Router router) {
    router
        .add("compute", "GET", "20160918/instances", "ListInstances", this::instances)
        .add(
            "compute",
            "GET",
            "20160918/volumeAttachments",
            "ListVolumeAttachments",
            this::volumeAttachments)
        .add(
            "compute",
            "GET",
            "20160918/bootVolumeAttachments",
            "ListBootVolumeAttachments",
            this::bootAttachments)
        .add(
            "blockstorage",
            "GET",
            "20160918/volumes",
            "ListVolumes",
            req -> volumes(req, ResourceType.BLOCK_VOLUME))
        .add(
            "blockstorage",
            "GET",
            "20160918/bootVolumes",
            "ListBootVolumes",
            req -> volumes(req, ResourceType.BOOT_VOLUME))
        .add(
            "blockstorage",
            "GET",
            "20160918/volumeBackups",
            "ListVolumeBackups",
            req -> backups(req, ResourceType.VOLUME_BACKUP))
        .add(
            "blockstorage",
            "GET",
            "20160918/bootVolumeBackups",
            "ListBootVolumeBackups",
            req -> backups(req, ResourceType.BOOT_VOLUME_BACKUP));
  }

  private IntPredicate inAd(int ad) {
    return i -> ad < 0 || t.res(i).ad == ad;
  }

  private ApiResponse instances(ApiRequest req) {
    int ad = s.ad(req, false);
    return s.list(
        req,
        ResourceType.INSTANCE,
        inAd(ad).and(ApiSupport.stateFilter(req, t)),
        i -> instance(t.res(i)));
  }

  private Instance instance(Res r) {
    Shape shape = Shape.ALL.get(r.shape);
    return Instance.builder()
        .id(r.id)
        .displayName(r.name)
        .compartmentId(t.compartment(r).id())
        .availabilityDomain(t.adName(r.region, r.ad))
        .faultDomain("FAULT-DOMAIN-" + (1 + r.index % 3))
        .region(t.region(r).name())
        .shape(shape.name())
        .shapeConfig(
            InstanceShapeConfig.builder()
                .ocpus((float) r.ocpus)
                .memoryInGBs((float) r.memoryGb)
                .vcpus(r.ocpus * (shape.name().contains("A1") ? 1 : 2))
                .build())
        .lifecycleState(Instance.LifecycleState.create(r.state))
        .timeCreated(ApiSupport.date(r.createdHour, r.index))
        .agentConfig(InstanceAgentConfig.builder().isMonitoringDisabled(!r.monitoringAgent).build())
        .freeformTags(r.tags)
        .definedTags(ApiSupport.noDefinedTags())
        .build();
  }

  /** The attachments of the compartment's instances, wherever their volumes are (as OCI). */
  private ApiResponse volumeAttachments(ApiRequest req) {
    int compartment = s.compartment(req);
    int ad = s.ad(req, false);
    String instanceId = req.param("instanceId");
    String volumeId = req.param("volumeId");
    int[] items =
        Arrays.stream(attachments.blockVolumes(req.region(), compartment))
            .filter(inAd(ad))
            .filter(i -> instanceId == null || t.res(t.res(i).link).id.equals(instanceId))
            .filter(i -> volumeId == null || t.res(i).id.equals(volumeId))
            .toArray();
    return s.page(req, items, i -> attachment(t.res(i)));
  }

  private VolumeAttachment attachment(Res v) {
    Res instance = t.res(v.link);
    return ParavirtualizedVolumeAttachment.builder()
        .id(VolumeAttachments.attachmentId(t, v))
        .availabilityDomain(t.adName(v.region, v.ad))
        .compartmentId(t.compartment(instance).id())
        .displayName("attachment-" + v.index)
        .instanceId(instance.id)
        .volumeId(v.id)
        .lifecycleState(VolumeAttachment.LifecycleState.Attached)
        .timeCreated(ApiSupport.date(v.createdHour, v.index))
        .isReadOnly(false)
        .build();
  }

  /** Iterates the compartment's instances: the attachment is in the instance's compartment. */
  private ApiResponse bootAttachments(ApiRequest req) {
    int ad = s.ad(req, true);
    int compartment = s.compartment(req);
    String instanceId = req.param("instanceId");
    String bootVolumeId = req.param("bootVolumeId");
    int[] items =
        Arrays.stream(t.scope(ResourceType.INSTANCE, req.region(), compartment))
            .filter(i -> t.res(i).bootVolume >= 0 && t.res(i).ad == ad)
            .filter(i -> instanceId == null || t.res(i).id.equals(instanceId))
            .filter(i -> bootVolumeId == null || t.res(t.res(i).bootVolume).id.equals(bootVolumeId))
            .toArray();
    return s.page(
        req,
        items,
        i -> {
          Res instance = t.res(i);
          Res boot = t.res(instance.bootVolume);
          return BootVolumeAttachment.builder()
              .id(VolumeAttachments.attachmentId(t, boot))
              .availabilityDomain(t.adName(instance.region, instance.ad))
              .compartmentId(t.compartment(instance).id())
              .instanceId(instance.id)
              .bootVolumeId(boot.id)
              .displayName("boot-attachment-" + boot.index)
              .lifecycleState(BootVolumeAttachment.LifecycleState.Attached)
              .timeCreated(ApiSupport.date(instance.createdHour, instance.index))
              .build();
        });
  }

  private ApiResponse volumes(ApiRequest req, ResourceType type) {
    int ad = s.ad(req, false);
    return s.list(
        req,
        type,
        inAd(ad),
        i -> type == ResourceType.BLOCK_VOLUME ? volume(t.res(i)) : bootVolume(t.res(i)));
  }

  private Volume volume(Res v) {
    return Volume.builder()
        .id(v.id)
        .displayName(v.name)
        .compartmentId(t.compartment(v).id())
        .availabilityDomain(t.adName(v.region, v.ad))
        .sizeInGBs(v.sizeGb)
        .sizeInMBs(v.sizeGb * 1024)
        .vpusPerGB((long) v.vpusPerGb)
        .isHydrated(true)
        .lifecycleState(Volume.LifecycleState.Available)
        .timeCreated(ApiSupport.date(v.createdHour, v.index))
        .freeformTags(v.tags)
        .definedTags(ApiSupport.noDefinedTags())
        .build();
  }

  private BootVolume bootVolume(Res v) {
    return BootVolume.builder()
        .id(v.id)
        .displayName(v.name)
        .compartmentId(t.compartment(v).id())
        .availabilityDomain(t.adName(v.region, v.ad))
        .sizeInGBs(v.sizeGb)
        .sizeInMBs(v.sizeGb * 1024)
        .vpusPerGB((long) v.vpusPerGb)
        .isHydrated(true)
        .lifecycleState(BootVolume.LifecycleState.Available)
        .timeCreated(ApiSupport.date(v.createdHour, v.index))
        .freeformTags(v.tags)
        .definedTags(ApiSupport.noDefinedTags())
        .build();
  }

  private ApiResponse backups(ApiRequest req, ResourceType type) {
    return s.list(req, type, ApiSupport.stateFilter(req, t), i -> backup(t.res(i)));
  }

  private Object backup(Res b) {
    @Nullable String source = b.link >= 0 ? t.res(b.link).id : b.deletedSourceId;
    boolean scheduled = b.index % 3 == 0;
    if (b.type == ResourceType.VOLUME_BACKUP) {
      return VolumeBackup.builder()
          .id(b.id)
          .displayName(b.name)
          .compartmentId(t.compartment(b).id())
          .volumeId(source)
          .sizeInGBs(b.sizeGb)
          .uniqueSizeInGBs(b.sizeGb)
          .lifecycleState(VolumeBackup.LifecycleState.Available)
          .timeCreated(ApiSupport.date(b.createdHour, b.index))
          .type(b.index % 4 == 0 ? VolumeBackup.Type.Full : VolumeBackup.Type.Incremental)
          .sourceType(
              scheduled ? VolumeBackup.SourceType.Scheduled : VolumeBackup.SourceType.Manual)
          .freeformTags(b.tags)
          .definedTags(ApiSupport.noDefinedTags())
          .build();
    }
    return BootVolumeBackup.builder()
        .id(b.id)
        .displayName(b.name)
        .compartmentId(t.compartment(b).id())
        .bootVolumeId(source)
        .sizeInGBs(b.sizeGb)
        .uniqueSizeInGBs(b.sizeGb)
        .lifecycleState(BootVolumeBackup.LifecycleState.Available)
        .timeCreated(ApiSupport.date(b.createdHour, b.index))
        .type(b.index % 4 == 0 ? BootVolumeBackup.Type.Full : BootVolumeBackup.Type.Incremental)
        .sourceType(
            scheduled ? BootVolumeBackup.SourceType.Scheduled : BootVolumeBackup.SourceType.Manual)
        .freeformTags(b.tags)
        .definedTags(ApiSupport.noDefinedTags())
        .build();
  }
}
