package app.cloudey.oci.simulator;

/**
 * Optimisation cases the generator plants on purpose, so advisor rules have known answers. {@link
 * Truth#plantedCases()} lists the resource ids of each.
 *
 * <p>Each case is exactly what the rule of the same name finds at its documented defaults
 * (DESIGN.md §6), judged from what the simulator's APIs serve as of {@link Truth#now()} (midnight
 * UTC). "Look-back" means the {@code N} whole days before now; "covered" means the resource has
 * data for at least 80 % of the look-back's hours (it existed and the history holds them: with
 * {@code days} shorter than 80 % of a look-back, no metric case of that look-back is planted).
 *
 * <p>The generator keeps every other resource clearly outside the cases, far from each threshold,
 * without changing any cost (see {@code UnambiguousCases}): idle and oversized instances (low CPU
 * or low memory) always have the monitoring agent (a memory metric); an Ampere A1 instance (free
 * tier: it may cost nothing) is never idle; a running 24/7 instance younger than 15 days (its
 * look-back partly covered) is never idle, oversized or non-prod; a 1-OCPU flex instance never has
 * low CPU (a low-CPU case always shrinks its OCPUs; memory-only cases are planted apart, with busy
 * CPU); a backup 88 to 92 days old has lost its source (old either way); a load balancer without a
 * healthy backend carries no traffic, and one judged on its traffic is 15 days old or more.
 * Unattached block volumes and orphaned boot volumes are 8 days old or more. Stop times are as
 * drawn (moving one would change its cost), so {@link #STOPPED_INSTANCE} is exact on the evidence
 * instead (see there).
 *
 * <p>Reconciliation (the advisor's written rule): <b>idle wins</b>. An idle instance is listed only
 * under {@link #IDLE_INSTANCE}, never also under {@link #OVERSIZED_INSTANCE} (its CPU would pass
 * the rightsizing test too) or {@link #NON_PROD_24_7}. Rightsizing (for CPU or memory) and non-prod
 * scheduling never overlap in generated tenancies (a non-prod 24/7 instance is never oversized), so
 * no other policy is needed. A stopped instance is in no running case. Other rules (old-generation
 * shape, oversized load balancer, volume performance, storage tier, commitment, anomaly, trend)
 * have no planted set.
 */
public enum PlantedCase {
  /**
   * RUNNING instance, 24/7, covered over the 14-day look-back, with CPU and memory metrics, whose
   * P95 of hourly mean CPU is under 5 % and whose maximum memory is under 10 % (the IDLE profile:
   * hourly mean CPU 1-2.5 %, memory at most 9.5 %). Never an Ampere A1 shape (free tier).
   */
  IDLE_INSTANCE,
  /**
   * RUNNING flex instance, 24/7, covered over the 14-day look-back, with CPU and memory metrics,
   * whose P95 CPU or P95 memory is under 40 %, whose rightsizing target (OCPUs from P95 CPU when it
   * is under 40 %, else kept; memory from P95 memory; each to a projected P95 of at most 60 %,
   * within 1 to 64 GB per OCPU) is smaller than now, and not idle (idle wins). Two kinds, nothing
   * in between:
   *
   * <ul>
   *   <li><b>low CPU</b> (the OVERSIZED profile): hourly mean CPU 10-18 %, so {@code ⌈ocpus × P95 /
   *       60⌉} is under its 2 or more OCPUs, and hourly mean memory 33-36 % (also under 40 %), so
   *       {@code ⌈GB × P95 / 60⌉} is about 60 % of its 8 or 16 GB per OCPU: it shrinks <i>both</i>
   *       (a 1-OCPU flex instance, which could only shrink its memory, never has this profile);
   *   <li><b>low memory only</b> (the LEAN_MEMORY profile, every other BUSY draw): hourly mean CPU
   *       55-80 % (P95 far above 40 %, so its OCPUs are kept) and hourly mean memory 20-23 %, so
   *       its memory shrinks to {@code ⌈GB × P95 / 60⌉}, about 40 % of it, at any OCPU count.
   * </ul>
   *
   * Every other covered 24/7 instance has P95 CPU and P95 memory over 40 % (NORMAL, BUSY) or is
   * idle.
   */
  OVERSIZED_INSTANCE,
  /**
   * STOPPED instance that stopped 7 days ago or more: the end of its last CPU data point's hour, or
   * equally the end of the day of its last compute cost line, is at least 7 days before now (the
   * simulator's now is midnight, so both readings agree; a rule must take the end of its last
   * evidence, not its start). An instance stopped before the history has no such evidence and
   * counts as stopped for the whole history. It still pays for its boot and block volumes.
   */
  STOPPED_INSTANCE,
  /**
   * Block volume with no attachment (ListVolumeAttachments has none for it), created 7 days ago or
   * more (every one is 8 days old or more). OCI reports no detach time, so a rule judges the 7 days
   * from the inventory syncs that saw the volume unattached: a client finds exactly these when it
   * synced 7 days before now (or earlier) and again now, as {@code RecommendationsSimulatorIT}
   * does; after a single sync it finds none yet.
   */
  UNATTACHED_VOLUME,
  /**
   * Boot volume with no attachment (no instance uses it: its instance is gone), created 7 days ago
   * or more; judged from syncs a week apart, as {@link #UNATTACHED_VOLUME}.
   */
  ORPHANED_BOOT_VOLUME,
  /**
   * Volume or boot-volume backup created more than 90 days ago, or whose source volume is not
   * listed (deleted).
   */
  OLD_BACKUP,
  /**
   * RUNNING instance with a non-prod word (dev, test, uat, sandbox, staging, qa, demo, matched as a
   * whole word) in its name and {@code env} tag, running every hour (not office hours), covered
   * over the 14-day look-back, and not idle (idle wins). Prod instances carry none of these words
   * in their names or tags.
   */
  NON_PROD_24_7,
  /**
   * ACTIVE load balancer with no healthy backend (no backends, or its only backend CRITICAL in
   * GetBackendSetHealth), at any age; or, covered over the 7-day look-back, under 1 Mbps peak
   * bandwidth and under 100 requests every day (the IDLE profile: peak at most 0.9 Mbps, at most 3
   * requests an hour). Load balancers without a healthy backend have the IDLE profile too; every
   * other load balancer serves over 1,000 requests a day.
   */
  IDLE_LOAD_BALANCER
}
