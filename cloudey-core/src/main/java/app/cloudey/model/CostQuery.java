package app.cloudey.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What to sum: a period, filters (an empty set means "any"), the dimensions to group by, and an
 * optional top-N. Rows come back ordered by cost descending, then key ascending.
 *
 * <pre>{@code
 * CostQuery.of(Period.month(2026, 10)).groupBy(CostDimension.SERVICE).top(5)
 * }</pre>
 *
 * @param period days to include
 * @param groupBy dimensions of each row key, in order; empty for a single total row
 * @param services only these services
 * @param compartmentIds only these compartments
 * @param includeSubcompartments also every live compartment below {@code compartmentIds} in the
 *     stored compartment tree (the engine expands it into exact ids before caching; a store given
 *     the flag expands it from its own tree)
 * @param resourceIds only these resources
 * @param regions only these regions
 * @param limit at most this many rows (the top ones), 0 for all
 */
public record CostQuery(
    Period period,
    List<CostDimension> groupBy,
    Set<String> services,
    Set<String> compartmentIds,
    boolean includeSubcompartments,
    Set<String> resourceIds,
    Set<String> regions,
    int limit) {

  public CostQuery {
    Checks.notNull(period, "period");
    groupBy = Checks.copy(groupBy, "groupBy");
    Checks.require(
        groupBy.size() == Set.copyOf(groupBy).size(), "groupBy repeats a dimension: " + groupBy);
    services = Checks.copy(services, "services");
    compartmentIds = Checks.copy(compartmentIds, "compartmentIds");
    resourceIds = Checks.copy(resourceIds, "resourceIds");
    regions = Checks.copy(regions, "regions");
    Checks.notNegative(limit, "limit");
  }

  public static CostQuery of(Period period) {
    return new CostQuery(period, List.of(), Set.of(), Set.of(), false, Set.of(), Set.of(), 0);
  }

  public CostQuery groupBy(CostDimension... dimensions) {
    return new CostQuery(
        period,
        Arrays.asList(dimensions),
        services,
        compartmentIds,
        includeSubcompartments,
        resourceIds,
        regions,
        limit);
  }

  public CostQuery services(String... values) {
    return new CostQuery(
        period,
        groupBy,
        Checks.setOf(values, "services"),
        compartmentIds,
        includeSubcompartments,
        resourceIds,
        regions,
        limit);
  }

  /** Filter to these compartments and everything below them. */
  public CostQuery compartmentSubtree(String... ids) {
    return new CostQuery(
        period,
        groupBy,
        services,
        Checks.setOf(ids, "compartmentIds"),
        true,
        resourceIds,
        regions,
        limit);
  }

  /** Filter to exactly these compartments. */
  public CostQuery compartments(Set<String> ids) {
    return new CostQuery(period, groupBy, services, ids, false, resourceIds, regions, limit);
  }

  public CostQuery resources(String... ids) {
    return new CostQuery(
        period,
        groupBy,
        services,
        compartmentIds,
        includeSubcompartments,
        Checks.setOf(ids, "resourceIds"),
        regions,
        limit);
  }

  public CostQuery regions(String... values) {
    return new CostQuery(
        period,
        groupBy,
        services,
        compartmentIds,
        includeSubcompartments,
        resourceIds,
        Checks.setOf(values, "regions"),
        limit);
  }

  public CostQuery top(int n) {
    Checks.require(n >= 1, "top n must be at least 1, was " + n);
    return new CostQuery(
        period, groupBy, services, compartmentIds, includeSubcompartments, resourceIds, regions, n);
  }

  public CostQuery period(Period newPeriod) {
    return new CostQuery(
        newPeriod,
        groupBy,
        services,
        compartmentIds,
        includeSubcompartments,
        resourceIds,
        regions,
        limit);
  }

  /** The same filters without grouping or limit: the query for the total. */
  public CostQuery totalOnly() {
    return new CostQuery(
        period,
        List.of(),
        services,
        compartmentIds,
        includeSubcompartments,
        resourceIds,
        regions,
        0);
  }

  /** True when a line passes every filter (the compartment filter taken as exact ids). */
  public boolean matches(CostLine line) {
    return period.contains(line.day())
        && (services.isEmpty() || services.contains(line.service()))
        && (compartmentIds.isEmpty() || compartmentIds.contains(line.compartmentId()))
        && (resourceIds.isEmpty() || resourceIds.contains(line.resourceId()))
        && (regions.isEmpty() || regions.contains(line.region()));
  }
}
