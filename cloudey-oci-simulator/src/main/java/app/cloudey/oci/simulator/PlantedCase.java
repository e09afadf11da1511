package app.cloudey.oci.simulator;

/**
 * Optimisation cases the generator plants on purpose, so advisor rules have known answers. {@link
 * Truth#plantedCases()} lists the resource ids of each.
 */
public enum PlantedCase {
  /**
   * RUNNING instance, idle profile (every hourly CPU mean under 5 %, memory max under 10 %), 24/7,
   * older than 14 days.
   */
  IDLE_INSTANCE,
  /** RUNNING flex instance with 2+ OCPUs whose CPU stays under 30 %, older than 14 days. */
  OVERSIZED_INSTANCE,
  /** STOPPED for at least 7 days (its boot and block volumes still bill). */
  STOPPED_INSTANCE,
  /** Block volume with no attachment, created at least 10 days ago. */
  UNATTACHED_VOLUME,
  /** Boot volume whose instance is gone. */
  ORPHANED_BOOT_VOLUME,
  /** Volume or boot-volume backup older than 90 days, or whose source volume was deleted. */
  OLD_BACKUP,
  /** Instance with a non-prod name (dev, test, uat, sandbox, staging, qa, demo) running 24/7. */
  NON_PROD_24_7,
  /** Load balancer with no backends, or under 1 Mbps peak and under 100 requests a day. */
  IDLE_LOAD_BALANCER
}
