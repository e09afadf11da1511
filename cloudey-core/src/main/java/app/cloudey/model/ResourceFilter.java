package app.cloudey.model;

import java.util.Set;

/**
 * Which stored resources to read; an empty set means "any".
 *
 * @param types only these types
 * @param regions only these regions
 * @param compartmentIds only these compartments (exact ids)
 * @param includeDeleted also resources marked deleted
 */
public record ResourceFilter(
    Set<ResourceType> types,
    Set<String> regions,
    Set<String> compartmentIds,
    boolean includeDeleted) {
  public static final ResourceFilter ALL = new ResourceFilter(Set.of(), Set.of(), Set.of(), false);

  public ResourceFilter {
    types = Checks.copy(types, "types");
    regions = Checks.copy(regions, "regions");
    compartmentIds = Checks.copy(compartmentIds, "compartmentIds");
  }

  public static ResourceFilter of(ResourceType... types) {
    return new ResourceFilter(Checks.setOf(types, "types"), Set.of(), Set.of(), false);
  }

  public static ResourceFilter scope(Scope scope) {
    return new ResourceFilter(
        Set.of(scope.type()), Set.of(scope.region()), Set.of(scope.compartmentId()), false);
  }

  public ResourceFilter withDeleted() {
    return new ResourceFilter(types, regions, compartmentIds, true);
  }

  public boolean matches(Resource r) {
    return (types.isEmpty() || types.contains(r.type()))
        && (regions.isEmpty() || regions.contains(r.region()))
        && (compartmentIds.isEmpty() || compartmentIds.contains(r.compartmentId()));
  }
}
