package app.cloudey.oci.simulator.internal;

/** Ids of the attachments the simulator derives from volumes' links to instances. */
final class VolumeAttachments {
  private VolumeAttachments() {}

  static String attachmentId(Tenancy t, Res volume) {
    String type =
        volume.type == app.cloudey.model.ResourceType.BOOT_VOLUME ? "instance" : "volumeattachment";
    return Ids.ocid(type, t.region(volume).lowerKey(), t.params.seed(), 4242, volume.index);
  }
}
