package app.cloudey.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to sum: a period, filters (an empty set means "any"), the dimensions and tag keys to group
 * by, and an optional top-N. Rows come back ordered by cost descending, then key ascending.
 *
 * <pre>{@code
 * CostQuery.of(Period.month(2026, 10)).groupBy(CostDimension.SERVICE).top(5)
 * CostQuery.of(Period.month(2026, 10)).groupBy(CostDimension.SERVICE).groupByTags("env")
 *     .tag("Operations.CostCenter", "42")          // rows keyed [service, env value]
 * CostQuery.of(Period.month(2026, 10)).groupBy("sku", "sku_name", "tag:env")   // parsed names
 * }</pre>
 *
 * <p><b>Tags.</b> A cost line's value for tag key {@code K} is, in this order: the line's own tag
 * {@code K} ({@link CostLine#tags()}, filled only when the cost source fetched tags), else the tag
 * {@code K} of the line's resource in the account's stored inventory ({@link Resource#tags()}, live
 * or deleted), else {@link #UNTAGGED} ({@code ""}). A line without a resource, or whose resource
 * the inventory does not know or does not carry {@code K}, is untagged; an empty value counts as
 * untagged too. Keys match exactly (case-sensitive) as the inventory names them: freeform tags by
 * their key ({@code env}), defined tags as {@code namespace.key} ({@code Operations.CostCenter}).
 * The inventory's current tags apply to every day of the period.
 *
 * @param period days to include
 * @param groupBy dimensions of each row key, in order; with {@code groupByTags}, empty for a single
 *     total row
 * @param services only these services
 * @param compartmentIds only these compartments
 * @param includeSubcompartments also every live compartment below {@code compartmentIds} in the
 *     stored compartment tree (the engine expands it into exact ids before caching; a store given
 *     the flag expands it from its own tree)
 * @param resourceIds only these resources ({@code ""} selects the lines without a resource)
 * @param regions only these regions
 * @param limit at most this many rows (the top ones), 0 for all
 * @param skus only these SKU part numbers
 * @param groupByTags tag keys whose values follow the {@code groupBy} values in each row key, in
 *     order ({@link #UNTAGGED} for an untagged line)
 * @param tags tag filters: for every key, the line's value must be one of the given values ({@link
 *     #UNTAGGED} selects untagged lines); several keys must all match
 */
public record CostQuery(
    Period period,
    List<CostDimension> groupBy,
    Set<String> services,
    Set<String> compartmentIds,
    boolean includeSubcompartments,
    Set<String> resourceIds,
    Set<String> regions,
    int limit,
    Set<String> skus,
    List<String> groupByTags,
    Map<String, Set<String>> tags) {

  /** The tag value of an untagged line: in row keys and as a filter value. */
  public static final String UNTAGGED = "";

  /** The prefix of a tag in {@link #groupBy(String...)}: {@code tag:env}. */
  public static final String TAG_PREFIX = "tag:";

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
    skus = Checks.copy(skus, "skus");
    groupByTags = Checks.copy(groupByTags, "groupByTags");
    groupByTags.forEach(key -> tagKey(key, "groupByTags"));
    Checks.require(
        groupByTags.size() == Set.copyOf(groupByTags).size(),
        "groupByTags repeats a tag key: " + groupByTags);
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    Checks.copy(tags, "tags")
        .forEach(
            (key, values) -> {
              tagKey(key, "tags");
              Set<String> copy = Checks.copy(values, "values of tag filter '" + key + "'");
              Checks.require(
                  !copy.isEmpty(),
                  "tag filter '"
                      + key
                      + "' has no values: give at least one value (\"\" selects untagged lines)");
              filters.put(key, copy);
            });
    tags = Map.copyOf(filters);
  }

  /** The query before tags and SKU filters existed: no SKU filter, no tags. */
  public CostQuery(
      Period period,
      List<CostDimension> groupBy,
      Set<String> services,
      Set<String> compartmentIds,
      boolean includeSubcompartments,
      Set<String> resourceIds,
      Set<String> regions,
      int limit) {
    this(
        period,
        groupBy,
        services,
        compartmentIds,
        includeSubcompartments,
        resourceIds,
        regions,
        limit,
        Set.of(),
        List.of(),
        Map.of());
  }

  private static void tagKey(String key, String field) {
    Checks.require(
        key != null && !key.isBlank() && key.strip().equals(key),
        field
            + ": a tag key must be non-blank without surrounding spaces, was '"
            + key
            + "' (freeform tags by key, e.g. env; defined tags as namespace.key)");
  }

  public static CostQuery of(Period period) {
    return new CostQuery(period, List.of(), Set.of(), Set.of(), false, Set.of(), Set.of(), 0);
  }

  public CostQuery groupBy(CostDimension... dimensions) {
    return copy(Arrays.asList(dimensions), groupByTags, limit);
  }

  /**
   * Groups by names, as a user or an HTTP parameter writes them: dimension names in any case, with
   * {@code _}, {@code -} or spaces optional ({@code service}, {@code sku_name}, {@code SkuName}),
   * and {@code tag:KEY} for a tag. Dimensions replace {@link #groupBy()}, tags {@link
   * #groupByTags()}; in a row key tags always follow the dimensions, so tags must come last.
   *
   * @throws app.cloudey.CloudeyConfigException for an unknown name, {@code tag:} without a key, or
   *     a dimension after a tag
   */
  public CostQuery groupBy(String... names) {
    List<CostDimension> dimensions = new ArrayList<>();
    List<String> tagKeys = new ArrayList<>();
    for (String name : Checks.notNull(names, "names")) {
      Checks.require(name != null && !name.isBlank(), "a group-by name must not be blank");
      String text = name.strip();
      if (text.regionMatches(true, 0, TAG_PREFIX, 0, TAG_PREFIX.length())) {
        String key = text.substring(TAG_PREFIX.length()).strip();
        Checks.require(
            !key.isEmpty(),
            "group-by '" + name + "' names no tag key: write tag:KEY, e.g. tag:env");
        tagKeys.add(key);
      } else {
        Checks.require(
            tagKeys.isEmpty(),
            "group-by '"
                + name
                + "' comes after a tag: tags follow the dimensions in a row key, so list"
                + " dimensions first (e.g. service,tag:env)");
        dimensions.add(dimension(name));
      }
    }
    return copy(dimensions, tagKeys, limit);
  }

  private static CostDimension dimension(String name) {
    String wanted = name.replaceAll("[\\s_-]", "").toUpperCase(Locale.ROOT);
    for (CostDimension d : CostDimension.values()) {
      if (d.name().replace("_", "").equals(wanted)) {
        return d;
      }
    }
    throw new app.cloudey.CloudeyConfigException(
        "unknown group-by '"
            + name
            + "': use one of "
            + Arrays.stream(CostDimension.values())
                .map(d -> d.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "))
            + " or tag:KEY");
  }

  /** Groups by the values of these tag keys (after the {@link #groupBy()} dimensions). */
  public CostQuery groupByTags(String... keys) {
    return copy(groupBy, Arrays.asList(Checks.notNull(keys, "keys")), limit);
  }

  public CostQuery services(String... values) {
    return with(c -> c.services = Checks.setOf(values, "services"));
  }

  /** Filter to these compartments and everything below them. */
  public CostQuery compartmentSubtree(String... ids) {
    return with(
        c -> {
          c.compartmentIds = Checks.setOf(ids, "compartmentIds");
          c.includeSubcompartments = true;
        });
  }

  /** Filter to exactly these compartments. */
  public CostQuery compartments(Set<String> ids) {
    return with(
        c -> {
          c.compartmentIds = ids;
          c.includeSubcompartments = false;
        });
  }

  public CostQuery resources(String... ids) {
    return with(c -> c.resourceIds = Checks.setOf(ids, "resourceIds"));
  }

  public CostQuery regions(String... values) {
    return with(c -> c.regions = Checks.setOf(values, "regions"));
  }

  /** Filter to these SKU part numbers (e.g. {@code B97384}). */
  public CostQuery skus(String... partNumbers) {
    return with(c -> c.skus = Checks.setOf(partNumbers, "skus"));
  }

  /**
   * Filter to lines whose tag {@code key} has one of {@code values} (see the class doc for a line's
   * tag value); {@link #UNTAGGED} ({@code ""}) selects untagged lines. Replaces an earlier filter
   * on the same key; filters on several keys must all match.
   */
  public CostQuery tag(String key, String... values) {
    Map<String, Set<String>> filters = new LinkedHashMap<>(tags);
    filters.put(key, Checks.setOf(Checks.notNull(values, "values"), "values of tag '" + key + "'"));
    return with(c -> c.tags = filters);
  }

  public CostQuery top(int n) {
    Checks.require(n >= 1, "top n must be at least 1, was " + n);
    return with(c -> c.limit = n);
  }

  /** The same query without its limit: every row. */
  public CostQuery unlimited() {
    return with(c -> c.limit = 0);
  }

  public CostQuery period(Period newPeriod) {
    return with(c -> c.period = newPeriod);
  }

  /** The same filters without grouping or limit: the query for the total. */
  public CostQuery totalOnly() {
    return copy(List.of(), List.of(), 0);
  }

  /** True when the rows are one total per currency: no dimension and no tag to group by. */
  public boolean ungrouped() {
    return groupBy.isEmpty() && groupByTags.isEmpty();
  }

  /** True when answering needs the lines' tag values (a tag group-by or filter). */
  public boolean usesTags() {
    return !groupByTags.isEmpty() || !tags.isEmpty();
  }

  private CostQuery copy(List<CostDimension> dimensions, List<String> tagKeys, int newLimit) {
    return with(
        c -> {
          c.groupBy = dimensions;
          c.groupByTags = tagKeys;
          c.limit = newLimit;
        });
  }

  /** This query with {@code change} applied to a copy of its components (validated again). */
  private CostQuery with(java.util.function.Consumer<Components> change) {
    Components c = new Components(this);
    change.accept(c);
    return new CostQuery(
        c.period,
        c.groupBy,
        c.services,
        c.compartmentIds,
        c.includeSubcompartments,
        c.resourceIds,
        c.regions,
        c.limit,
        c.skus,
        c.groupByTags,
        c.tags);
  }

  /** The components of a query being copied; the record constructor validates them. */
  private static final class Components {
    Period period;
    List<CostDimension> groupBy;
    Set<String> services;
    Set<String> compartmentIds;
    boolean includeSubcompartments;
    Set<String> resourceIds;
    Set<String> regions;
    int limit;
    Set<String> skus;
    List<String> groupByTags;
    Map<String, Set<String>> tags;

    Components(CostQuery q) {
      period = q.period;
      groupBy = q.groupBy;
      services = q.services;
      compartmentIds = q.compartmentIds;
      includeSubcompartments = q.includeSubcompartments;
      resourceIds = q.resourceIds;
      regions = q.regions;
      limit = q.limit;
      skus = q.skus;
      groupByTags = q.groupByTags;
      tags = q.tags;
    }
  }

  /**
   * True when a line passes every filter (the compartment filter taken as exact ids), its tags
   * taken from the line alone: see {@link #matches(CostLine, Map)}.
   */
  public boolean matches(CostLine line) {
    return matches(line, Map.of());
  }

  /**
   * True when a line passes every filter (the compartment filter taken as exact ids), {@code
   * resourceTags} being the inventory tags of the line's resource (empty when it has none).
   */
  public boolean matches(CostLine line, Map<String, String> resourceTags) {
    if (!(period.contains(line.day())
        && (services.isEmpty() || services.contains(line.service()))
        && (compartmentIds.isEmpty() || compartmentIds.contains(line.compartmentId()))
        && (resourceIds.isEmpty() || resourceIds.contains(line.resourceId()))
        && (regions.isEmpty() || regions.contains(line.region()))
        && (skus.isEmpty() || skus.contains(line.skuPartNumber())))) {
      return false;
    }
    for (Map.Entry<String, Set<String>> filter : tags.entrySet()) {
      if (!filter.getValue().contains(tagValue(filter.getKey(), line, resourceTags))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The line's value of tag {@code key}: its own tag, else its resource's, else {@link #UNTAGGED};
   * an empty value counts as untagged.
   *
   * @param resourceTags inventory tags of the line's resource, empty when it has none
   */
  public static String tagValue(String key, CostLine line, Map<String, String> resourceTags) {
    String own = line.tags().get(key);
    if (own != null && !own.isEmpty()) {
      return own;
    }
    String inherited = line.hasResource() ? resourceTags.get(key) : null;
    return inherited == null ? UNTAGGED : inherited;
  }
}
