package app.cloudey.oci.internal;

import app.cloudey.model.Resource;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciService;
import com.oracle.bmc.core.model.BootVolume;
import com.oracle.bmc.core.model.BootVolumeBackup;
import com.oracle.bmc.core.model.Volume;
import com.oracle.bmc.core.model.VolumeBackup;
import com.oracle.bmc.core.requests.ListBootVolumeBackupsRequest;
import com.oracle.bmc.core.requests.ListBootVolumesRequest;
import com.oracle.bmc.core.requests.ListVolumeBackupsRequest;
import com.oracle.bmc.core.requests.ListVolumesRequest;
import com.oracle.bmc.core.responses.ListBootVolumeBackupsResponse;
import com.oracle.bmc.core.responses.ListBootVolumesResponse;
import com.oracle.bmc.core.responses.ListVolumeBackupsResponse;
import com.oracle.bmc.core.responses.ListVolumesResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Lists boot and block volumes with their attachments, so {@link ResourceSpec#attachedTo()} is a
 * listed fact (an AVAILABLE volume may or may not be attached), and their backups. Attachments come
 * from the pass's {@link AttachmentIndex}, which also finds those held in another compartment.
 */
final class VolumeLister {
  private final ListContext ctx;

  VolumeLister(ListContext ctx) {
    this.ctx = ctx;
  }

  List<Resource> blockVolumes(Scope scope, AttachmentIndex attachments) {
    List<Volume> volumes =
        Pages.all(
            ctx.calls(),
            OciService.BLOCK_STORAGE,
            "ListVolumes",
            page ->
                ctx.clients()
                    .blockstorage(scope.region())
                    .listVolumes(
                        ListVolumesRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListVolumesResponse::getItems,
            ListVolumesResponse::getOpcNextPage);
    return volumes(
        scope,
        ResourceType.BLOCK_VOLUME,
        attachments,
        volumes.stream()
            .map(
                v ->
                    new VolumeFields(
                        v.getId(),
                        v.getDisplayName(),
                        v.getAvailabilityDomain(),
                        ListContext.state(v.getLifecycleState()),
                        v.getTimeCreated(),
                        v.getFreeformTags(),
                        v.getDefinedTags(),
                        v.getSizeInGBs(),
                        v.getVpusPerGB(),
                        v.getIsAutoTuneEnabled(),
                        v.getVolumeGroupId(),
                        null))
            .toList());
  }

  List<Resource> bootVolumes(Scope scope, AttachmentIndex attachments) {
    List<BootVolume> volumes =
        Pages.all(
            ctx.calls(),
            OciService.BLOCK_STORAGE,
            "ListBootVolumes",
            page ->
                ctx.clients()
                    .blockstorage(scope.region())
                    .listBootVolumes(
                        ListBootVolumesRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListBootVolumesResponse::getItems,
            ListBootVolumesResponse::getOpcNextPage);
    return volumes(
        scope,
        ResourceType.BOOT_VOLUME,
        attachments,
        volumes.stream()
            .map(
                v ->
                    new VolumeFields(
                        v.getId(),
                        v.getDisplayName(),
                        v.getAvailabilityDomain(),
                        ListContext.state(v.getLifecycleState()),
                        v.getTimeCreated(),
                        v.getFreeformTags(),
                        v.getDefinedTags(),
                        v.getSizeInGBs(),
                        v.getVpusPerGB(),
                        v.getIsAutoTuneEnabled(),
                        v.getVolumeGroupId(),
                        v.getImageId()))
            .toList());
  }

  /**
   * What block and boot volumes share; as with backups, the SDK gives the two no common type, so
   * each listing copies its fields here and one mapping serves both.
   */
  private record VolumeFields(
      String id,
      @Nullable String displayName,
      @Nullable String availabilityDomain,
      String lifecycleState,
      @Nullable Date timeCreated,
      @Nullable Map<String, String> freeformTags,
      @Nullable Map<String, Map<String, Object>> definedTags,
      @Nullable Long sizeGb,
      @Nullable Long vpusPerGb,
      @Nullable Boolean autoTune,
      @Nullable String volumeGroupId,
      @Nullable String imageId) {}

  /** Maps listed volumes, with the instance each is attached to from the pass's index. */
  private List<Resource> volumes(
      Scope scope, ResourceType type, AttachmentIndex attachments, List<VolumeFields> volumes) {
    AttachmentIndex.Kind kind =
        type == ResourceType.BOOT_VOLUME ? AttachmentIndex.Kind.BOOT : AttachmentIndex.Kind.BLOCK;
    Map<String, String> attachable = new HashMap<>();
    for (VolumeFields v : volumes) {
      // boot volume attachments are listed per AD, so a boot volume without one cannot be looked up
      if (canBeAttached(v.lifecycleState())
          && (kind == AttachmentIndex.Kind.BLOCK || v.availabilityDomain() != null)) {
        attachable.put(v.id(), v.availabilityDomain());
      }
    }
    Map<String, String> attachedTo =
        attachments.attachedTo(scope.region(), scope.compartmentId(), kind, attachable);
    List<Resource> resources = new ArrayList<>(volumes.size());
    for (VolumeFields v : volumes) {
      Map<String, String> attributes = new HashMap<>();
      Mapping.put(attributes, "autoTuneEnabled", v.autoTune());
      Mapping.put(attributes, "volumeGroupId", v.volumeGroupId());
      resources.add(
          ctx.resource(scope, type)
              .id(v.id())
              .name(Mapping.text(v.displayName()))
              .availabilityDomain(v.availabilityDomain())
              .lifecycleState(v.lifecycleState())
              .timeCreated(Mapping.instant(v.timeCreated()))
              .tags(Mapping.tags(v.freeformTags(), v.definedTags()))
              .spec(
                  ResourceSpec.builder()
                      .sizeGb(Mapping.decimal(v.sizeGb()))
                      .vpusPerGb(Mapping.intValue(v.vpusPerGb()))
                      .attachedTo(attachedTo.get(v.id()))
                      .sourceId(v.imageId())
                      .build())
              .attributes(attributes)
              .build());
    }
    return resources;
  }

  List<Resource> volumeBackups(Scope scope) {
    List<VolumeBackup> backups =
        Pages.all(
            ctx.calls(),
            OciService.BLOCK_STORAGE,
            "ListVolumeBackups",
            page ->
                ctx.clients()
                    .blockstorage(scope.region())
                    .listVolumeBackups(
                        ListVolumeBackupsRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListVolumeBackupsResponse::getItems,
            ListVolumeBackupsResponse::getOpcNextPage);
    return backups.stream()
        .map(
            b ->
                backup(
                    scope,
                    ResourceType.VOLUME_BACKUP,
                    new BackupFields(
                        b.getId(),
                        b.getDisplayName(),
                        ListContext.state(b.getLifecycleState()),
                        b.getTimeCreated(),
                        b.getFreeformTags(),
                        b.getDefinedTags(),
                        b.getSizeInGBs(),
                        b.getVolumeId(),
                        ListContext.stateOrNull(b.getType()),
                        ListContext.stateOrNull(b.getSourceType()),
                        b.getUniqueSizeInGBs(),
                        b.getExpirationTime())))
        .toList();
  }

  List<Resource> bootVolumeBackups(Scope scope) {
    List<BootVolumeBackup> backups =
        Pages.all(
            ctx.calls(),
            OciService.BLOCK_STORAGE,
            "ListBootVolumeBackups",
            page ->
                ctx.clients()
                    .blockstorage(scope.region())
                    .listBootVolumeBackups(
                        ListBootVolumeBackupsRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListBootVolumeBackupsResponse::getItems,
            ListBootVolumeBackupsResponse::getOpcNextPage);
    return backups.stream()
        .map(
            b ->
                backup(
                    scope,
                    ResourceType.BOOT_VOLUME_BACKUP,
                    new BackupFields(
                        b.getId(),
                        b.getDisplayName(),
                        ListContext.state(b.getLifecycleState()),
                        b.getTimeCreated(),
                        b.getFreeformTags(),
                        b.getDefinedTags(),
                        b.getSizeInGBs(),
                        b.getBootVolumeId(),
                        ListContext.stateOrNull(b.getType()),
                        ListContext.stateOrNull(b.getSourceType()),
                        b.getUniqueSizeInGBs(),
                        b.getExpirationTime())))
        .toList();
  }

  /**
   * What volume and boot-volume backups share; the SDK gives the two no common type, so each
   * listing copies its fields here and one mapping serves both.
   */
  private record BackupFields(
      String id,
      @Nullable String displayName,
      String lifecycleState,
      @Nullable Date timeCreated,
      @Nullable Map<String, String> freeformTags,
      @Nullable Map<String, Map<String, Object>> definedTags,
      @Nullable Long sizeGb,
      @Nullable String sourceId,
      @Nullable String backupType,
      @Nullable String sourceType,
      @Nullable Long uniqueSizeGb,
      @Nullable Date expirationTime) {}

  private Resource backup(Scope scope, ResourceType type, BackupFields b) {
    Map<String, String> attributes = new HashMap<>();
    Mapping.put(attributes, "backupType", b.backupType());
    Mapping.put(attributes, "sourceType", b.sourceType());
    Mapping.put(attributes, "uniqueSizeInGBs", b.uniqueSizeGb());
    Mapping.put(attributes, "expirationTime", Mapping.instant(b.expirationTime()));
    return ctx.resource(scope, type)
        .id(b.id())
        .name(Mapping.text(b.displayName()))
        .lifecycleState(b.lifecycleState())
        .timeCreated(Mapping.instant(b.timeCreated()))
        .tags(Mapping.tags(b.freeformTags(), b.definedTags()))
        .spec(
            ResourceSpec.builder()
                .sizeGb(Mapping.decimal(b.sizeGb()))
                .sourceId(b.sourceId())
                .build())
        .attributes(attributes)
        .build();
  }

  /** A terminated volume has no attachment; looking for one would only cost calls. */
  private static boolean canBeAttached(String state) {
    return !state.equals("TERMINATED") && !state.equals("TERMINATING");
  }
}
