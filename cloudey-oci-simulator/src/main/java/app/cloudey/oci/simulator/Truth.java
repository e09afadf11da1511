package app.cloudey.oci.simulator;

import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ground truth of a generated tenancy: what the simulator's APIs return, computed from the same
 * generator and the same pure cost and metric functions, so tests can compare a client's results
 * with exact expected values.
 *
 * <p>Counts are "items the list API returns": terminated instances are listed (as OCI lists them
 * for a while), DELETED compartments are not counted in {@link #compartmentIds()}. Costs are in the
 * billing currency, exact decimals (every Usage API row is a sum of the same lines, so sums agree
 * to the last digit, not just to the cent). Cost methods iterate over every line of the requested
 * days: a month of a 20k-resource tenancy takes a second or so.
 *
 * <p>Thread-safe; immutable except for internal caches.
 *
 * <pre>{@code
 * Truth truth = simulator.truth();
 * int instances = truth.count(ResourceType.INSTANCE, "us-ashburn-1");
 * BigDecimal october = truth.costByMonth().get(YearMonth.of(2026, 10));
 * ResourceFacts volume = truth.findResource(volumeId).orElseThrow(); // volume.spec().attachedTo()
 * }</pre>
 */
public interface Truth {

  String tenancyId();

  String tenancyName();

  /** The Object Storage namespace. */
  String namespace();

  String homeRegion();

  /** Subscribed regions, home region first. */
  List<String> regions();

  /** Availability domain names of a region, e.g. {@code Abcd:US-ASHBURN-AD-1}. */
  List<String> availabilityDomains(String region);

  /** The simulator's "today" (UTC); history is the {@code days} before it, today excluded. */
  LocalDate now();

  /** {@code [now - days, now)}: the days that have costs and metrics. */
  Period history();

  /** ISO 4217 billing currency, e.g. {@code USD}. */
  String currency();

  /** The list page size the simulator serves (OCI's {@code limit} is capped to it). */
  int pageSize();

  /** ACTIVE compartments including the root (the tenancy), tree order. */
  List<String> compartmentIds();

  /** The DELETED compartments ListCompartments also returns. */
  List<String> deletedCompartmentIds();

  /** Compartment path as the Usage API shows it, e.g. {@code tenancy/prod-1/apps-6}. */
  String compartmentPath(String compartmentId);

  /** All items of a type over every region and compartment. */
  int count(ResourceType type);

  int count(ResourceType type, String region);

  int count(ResourceType type, String region, String compartmentId);

  /** Compartment id to type to count, over every region; compartments with nothing omitted. */
  Map<String, Map<ResourceType, Integer>> countsByCompartment();

  /** Lifecycle state (as the API shows it) to count. */
  Map<String, Integer> countsByState(ResourceType type);

  /** Ids in list-API order (newest first) for one scope. */
  List<String> resourceIds(ResourceType type, String region, String compartmentId);

  /**
   * Facts of one listed resource (what the list and get APIs show of it, see {@link
   * ResourceFacts}); empty when the id is not listed by any API (an attachment id, a deleted backup
   * source, an unknown id).
   */
  Optional<ResourceFacts> findResource(String id);

  /**
   * Facts of every listed resource of one scope, in list-API order (the order of {@link
   * #resourceIds}).
   *
   * @throws IllegalArgumentException for a region or compartment not in the tenancy
   */
  List<ResourceFacts> resources(ResourceType type, String region, String compartmentId);

  /**
   * Volumes (block and boot) whose attachment is in another compartment than the volume, in
   * generation order. An attachment lives in its instance's compartment (as in OCI), so these
   * volumes' attachments are listed by ListVolumeAttachments / ListBootVolumeAttachments only in
   * the instance's compartment, never in the volume's; region and availability domain are the
   * instance's. The volume's costs and metrics stay in the volume's compartment.
   */
  List<String> crossCompartmentAttachments();

  /** Sum of every cost line of the period (credits and lines without a resource included). */
  BigDecimal cost(Period period);

  Map<LocalDate, BigDecimal> costByDay(Period period);

  /** Every month of the history (partial months included). */
  Map<YearMonth, BigDecimal> costByMonth();

  /** Service name as the Usage API shows it ({@code Compute}, {@code Block Storage}, ...). */
  Map<String, BigDecimal> costByService(Period period);

  Map<String, BigDecimal> costByCompartment(Period period);

  /**
   * Resource id to cost; lines without a resource id are left out (see {@link
   * #costWithoutResource}).
   */
  Map<String, BigDecimal> costByResource(Period period);

  /**
   * One resource's cost lines of a period summed by SKU, as a store sums them for the advisor
   * ({@code CostStore.resourceCosts}): amount, quantity, first and last day with a line, and the
   * days with a line (free-tier lines billed at 0 included), in SKU part-number order. Expected
   * savings are computed from it, e.g. a monthly figure = amount × 30 / days.
   *
   * @throws IllegalArgumentException for an id that is not in the tenancy
   */
  List<ResourceSkuCost> costBySku(String resourceId, Period period);

  /** Network egress, support and credits: lines that have no resource id. */
  BigDecimal costWithoutResource(Period period);

  /** One resource's cost for one day (0 when it did not bill). */
  BigDecimal cost(String resourceId, LocalDate day);

  /**
   * The daily aggregate of a metric, or empty when the resource has no data that day (stopped, not
   * yet created, no monitoring agent for memory, outside the history). CPU is {@code
   * oci_computeagent} when the instance has the agent, else {@code oci_vmi_resource_utilization}.
   * {@link MetricAggregate} gives the definition per metric ({@code LB_REQUESTS} and {@code
   * VOLUME_IOPS} aggregate hourly sums, the others hourly means and maxima).
   */
  Optional<MetricAggregate> findMetricDaily(String resourceId, MetricName metric, LocalDate day);

  /** The cost dynamics the tenancy was generated with ({@link CostDynamics#NONE} by default). */
  CostDynamics dynamics();

  /**
   * The factor elastic usage was billed at on a day (see {@link CostDynamics}); 1 without elastic
   * dynamics. Defined for any day, inside the history or not.
   */
  double loadFactor(LocalDate day);

  /**
   * Instances and autonomous databases whose compute quantity follows {@link #loadFactor}, in
   * generation order.
   */
  List<String> elasticResourceIds();

  /**
   * Instances the cost dynamics added during the history, in creation order, with their creation
   * time (a whole UTC hour; billing starts then, so the first billed day is partial). Each has a
   * boot volume created at the same time. Empty without {@link CostDynamics#newInstancesPerMonth}.
   */
  Map<String, Instant> addedInstances();

  /**
   * Planted cost spikes (see {@link CostDynamics#spikesPerMonth}), by day; the served costs and
   * every cost method of this interface include them.
   */
  List<CostSpike> costSpikes();

  /** Resource ids of each planted case (a resource may appear in several). */
  Map<PlantedCase, List<String>> plantedCases();

  /** The {@code truth.json} document (deterministic: same seed and now, same bytes). */
  String toJson();
}
