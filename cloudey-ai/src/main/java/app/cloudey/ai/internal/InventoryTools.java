package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Tools over the account's inventory and utilisation. Read-only; bound to one account. */
public final class InventoryTools {
  private static final int TAGS_SHOWN = 10;

  private final AccountView account;
  private final Periods periods;
  private final int maxRows;

  InventoryTools(AccountView account, int maxRows) {
    this.account = account;
    this.periods = new Periods(account.clock());
    this.maxRows = maxRows;
  }

  @Tool(
      name = "search_inventory",
      value =
          "Searches this account's synced resources (instances, volumes, buckets, databases, load"
              + " balancers, ...) by type, lifecycle state, compartment, name and tag. Returns"
              + " counts by type and the matching resources by name, with shape or size.")
  public String searchInventory(
      @P(
              name = "type",
              description =
                  "Comma-separated types: instance, boot_volume, block_volume, boot_volume_backup,"
                      + " volume_backup, bucket, file_system, db_system, autonomous_database,"
                      + " load_balancer",
              required = false)
          @Nullable String type,
      @P(name = "state", description = "Lifecycle state, e.g. RUNNING, STOPPED", required = false)
          @Nullable String state,
      @P(
              name = "compartment",
              description = "Compartment (and those below it), by name or path (fuzzy)",
              required = false)
          @Nullable String compartment,
      @P(name = "name", description = "Part of the resource's name", required = false)
          @Nullable String name,
      @P(name = "tag", description = "A tag: key or key=value", required = false)
          @Nullable String tag,
      @P(name = "region", description = "Region, e.g. us-ashburn-1", required = false)
          @Nullable String region,
      @P(name = "limit", description = "How many resources to list (default 20)", required = false)
          @Nullable Integer limit) {
    Directory directory = new Directory(account);
    Set<ResourceType> types = types(type);
    Set<String> compartments = Set.of();
    List<String> filters = new ArrayList<>();
    if (!types.isEmpty()) {
      filters.add(
          "type " + types.stream().map(ResourceType::key).collect(Collectors.joining(", ")));
    }
    if (present(compartment)) {
      Compartment c = directory.compartment(compartment);
      compartments = directory.subtree(c);
      filters.add("compartment " + c.path() + " and below");
    }
    Set<String> regions =
        present(region) ? Set.of(region.trim().toLowerCase(Locale.ROOT)) : Set.of();
    regions.forEach(r -> filters.add("region " + r));
    List<Resource> found =
        account.resources(new ResourceFilter(types, regions, compartments, false)).stream()
            .filter(r -> !present(state) || r.lifecycleState().equalsIgnoreCase(state.trim()))
            .filter(
                r -> !present(name) || Names.normalize(r.name()).contains(Names.normalize(name)))
            .filter(r -> !present(tag) || hasTag(r, tag))
            .sorted(
                Comparator.comparing((Resource r) -> directory.compartmentPath(r.compartmentId()))
                    .thenComparing(r -> r.type().ordinal())
                    .thenComparing(Resource::name)
                    .thenComparing(Resource::id))
            .toList();
    if (present(state)) {
      filters.add("state " + state.trim().toUpperCase(Locale.ROOT));
    }
    if (present(name)) {
      filters.add("name containing '" + name.trim() + "'");
    }
    if (present(tag)) {
      filters.add("tag " + tag.trim());
    }
    String where = filters.isEmpty() ? "" : " (" + String.join(", ", filters) + ")";
    StringBuilder out = new StringBuilder();
    if (found.isEmpty()) {
      return out.append("No live resources match")
          .append(where)
          .append(".\n")
          .append(Freshness.inventory(account))
          .toString();
    }
    Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
    found.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
    out.append(found.size())
        .append(found.size() == 1 ? " resource matches" : " resources match")
        .append(where)
        .append(": ")
        .append(
            counts.entrySet().stream()
                .map(e -> e.getKey().key() + " " + e.getValue())
                .collect(Collectors.joining(", ")))
        .append(".\n");
    int shown = Rows.limit(limit, 20, maxRows);
    for (Resource r : found.subList(0, Math.min(shown, found.size()))) {
      out.append("- ").append(line(r, directory)).append('\n');
    }
    if (found.size() > shown) {
      out.append("… ")
          .append(found.size() - shown)
          .append(" more (narrow the search, or ask for a larger limit)\n");
    }
    return out.append(Freshness.inventory(account)).toString();
  }

  @Tool(
      name = "resource_details",
      value =
          "Details of one resource by name or id: state, compartment, region, shape or size, tags,"
              + " attachment, utilisation over the metric window (CPU, memory, bandwidth, IOPS"
              + " with data coverage) and its cost in the last complete month and this month.")
  public String resourceDetails(
      @P(name = "resource", description = "The resource's name or id") String resource) {
    Directory directory = new Directory(account);
    Resource r = directory.resource(resource);
    StringBuilder out = new StringBuilder();
    out.append(directory.resourceLabel(r.id()))
        .append(": ")
        .append(r.lifecycleState())
        .append(", id ")
        .append(r.id())
        .append('\n');
    out.append("Compartment ")
        .append(directory.compartmentPath(r.compartmentId()))
        .append(", region ")
        .append(r.region());
    if (r.availabilityDomain() != null) {
      out.append(", availability domain ").append(r.availabilityDomain());
    }
    if (r.timeCreated() != null) {
      out.append(", created ").append(r.timeCreated().toString(), 0, 10);
    }
    out.append('\n');
    String spec = spec(r.spec(), directory);
    if (!spec.isEmpty()) {
      out.append("Spec: ").append(spec).append('\n');
    }
    if (!r.tags().isEmpty()) {
      out.append("Tags: ")
          .append(
              new TreeMap<>(r.tags())
                  .entrySet().stream()
                      .limit(TAGS_SHOWN)
                      .map(e -> e.getKey() + "=" + e.getValue())
                      .collect(Collectors.joining(", ")))
          .append(
              r.tags().size() > TAGS_SHOWN
                  ? " (and " + (r.tags().size() - TAGS_SHOWN) + " more)"
                  : "")
          .append('\n');
    }
    out.append(utilisation(r));
    out.append(costs(r));
    return out.append(Freshness.inventory(account)).toString();
  }

  @Tool(
      name = "list_compartments",
      value =
          "Lists this account's compartments by path with the number of live resources in each,"
              + " by type.")
  public String listCompartments() {
    Directory directory = new Directory(account);
    Map<String, Map<ResourceType, Integer>> counts = new TreeMap<>();
    for (Resource r : account.resources(ResourceFilter.ALL)) {
      counts
          .computeIfAbsent(r.compartmentId(), id -> new EnumMap<>(ResourceType.class))
          .merge(r.type(), 1, Integer::sum);
    }
    List<Compartment> compartments = new ArrayList<>(directory.compartments().values());
    StringBuilder out = new StringBuilder();
    out.append(compartments.size())
        .append(compartments.size() == 1 ? " compartment" : " compartments")
        .append(" (live resources in each):\n");
    int shown = Math.min(compartments.size(), maxRows * 2);
    for (Compartment c : compartments.subList(0, shown)) {
      Map<ResourceType, Integer> here = counts.getOrDefault(c.id(), Map.of());
      int total = here.values().stream().mapToInt(Integer::intValue).sum();
      out.append("- ").append(c.path()).append(": ").append(total);
      if (total > 0) {
        out.append(" (")
            .append(
                here.entrySet().stream()
                    .map(e -> e.getKey().key() + " " + e.getValue())
                    .collect(Collectors.joining(", ")))
            .append(')');
      }
      out.append('\n');
    }
    if (compartments.size() > shown) {
      out.append("… ").append(compartments.size() - shown).append(" more compartments\n");
    }
    return out.append(Freshness.inventory(account)).toString();
  }

  static Set<ResourceType> types(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    Set<ResourceType> types = new LinkedHashSet<>();
    for (String part : text.split("[,;]")) {
      if (part.isBlank()) {
        continue;
      }
      String key = Names.normalize(part);
      ResourceType match = null;
      for (ResourceType type : ResourceType.values()) {
        String name = Names.normalize(type.name());
        if (key.equals(name) || key.equals(name + "s") || key.equals(name + "es")) {
          match = type;
        }
      }
      if (match == null) {
        match =
            switch (key) {
              case "vm", "vms", "compute", "server", "servers" -> ResourceType.INSTANCE;
              case "volume", "volumes", "disk", "disks" -> ResourceType.BLOCK_VOLUME;
              case "lb", "lbs" -> ResourceType.LOAD_BALANCER;
              case "db", "dbs", "database", "databases" -> ResourceType.DB_SYSTEM;
              case "adb", "autonomous" -> ResourceType.AUTONOMOUS_DATABASE;
              case "backup", "backups" -> ResourceType.VOLUME_BACKUP;
              default ->
                  throw new ToolInputException(
                      "type '"
                          + part.trim()
                          + "' is unknown; use one of "
                          + java.util.Arrays.stream(ResourceType.values())
                              .map(t -> t.name().toLowerCase(Locale.ROOT))
                              .collect(Collectors.joining(", ")));
            };
      }
      types.add(match);
    }
    return types;
  }

  private static boolean present(@Nullable String text) {
    return text != null && !text.isBlank();
  }

  private static boolean hasTag(Resource r, String tag) {
    String[] kv = tag.split("=", 2);
    String key = kv[0].trim();
    for (Map.Entry<String, String> e : r.tags().entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)
          && (kv.length == 1 || e.getValue().equalsIgnoreCase(kv[1].trim()))) {
        return true;
      }
    }
    return false;
  }

  private static String line(Resource r, Directory directory) {
    String name = r.name().isBlank() ? r.id() : r.name();
    String spec = spec(r.spec(), directory);
    return name
        + ": "
        + r.type().key()
        + " "
        + r.lifecycleState()
        + (spec.isEmpty() ? "" : ", " + spec)
        + ", "
        + directory.compartmentPath(r.compartmentId())
        + ", "
        + r.region();
  }

  private static String spec(ResourceSpec s, Directory directory) {
    List<String> parts = new ArrayList<>();
    if (s.shape() != null) {
      parts.add("shape " + s.shape());
    }
    if (s.ocpus() != null) {
      parts.add(s.ocpus().toPlainString() + " OCPU");
    }
    if (s.memoryGb() != null) {
      parts.add(s.memoryGb().toPlainString() + " GB memory");
    }
    if (s.sizeGb() != null) {
      parts.add(s.sizeGb().toPlainString() + " GB");
    }
    if (s.vpusPerGb() != null) {
      parts.add(s.vpusPerGb() + " VPU/GB");
    }
    if (s.storageTier() != null) {
      parts.add("tier " + s.storageTier());
    }
    if (s.objectCount() != null) {
      parts.add(s.objectCount() + " objects");
    }
    if (s.bandwidthMaxMbps() != null) {
      parts.add(
          (s.bandwidthMinMbps() == null ? "" : s.bandwidthMinMbps() + "-")
              + s.bandwidthMaxMbps()
              + " Mbps");
    }
    if (s.backendCount() != null) {
      parts.add(
          (s.healthyBackendCount() == null ? "" : s.healthyBackendCount() + " of ")
              + s.backendCount()
              + " backends healthy");
    }
    if (s.attachedTo() != null) {
      parts.add("attached to " + directory.resourceLabel(s.attachedTo()));
    }
    return String.join(", ", parts);
  }

  private String utilisation(Resource r) {
    int days = account.metricLookbackDays();
    Period window = Period.lastDays(days, account.clock());
    List<MetricDaily> daily = account.metrics(MetricQuery.of(window).resources(Set.of(r.id())));
    StringBuilder out = new StringBuilder();
    out.append("Utilisation ").append(Periods.describe(window)).append(':');
    if (daily.isEmpty()) {
      return out.append(" no metrics stored (metrics not synced, or none for this type)\n")
          .toString();
    }
    out.append('\n');
    Map<MetricName, List<MetricDaily>> byMetric = new EnumMap<>(MetricName.class);
    daily.forEach(m -> byMetric.computeIfAbsent(m.metric(), k -> new ArrayList<>()).add(m));
    byMetric.forEach(
        (metric, values) -> {
          List<MetricDaily> withData = values.stream().filter(m -> !m.isMissing()).toList();
          out.append("- ").append(metric.name()).append(" (").append(metric.unit()).append("): ");
          if (withData.isEmpty()) {
            out.append("no data on any day (missing, not zero)\n");
            return;
          }
          double mean = withData.stream().mapToDouble(MetricDaily::mean).average().orElse(0);
          double p95 = withData.stream().mapToDouble(MetricDaily::p95).max().orElse(0);
          double max = withData.stream().mapToDouble(MetricDaily::max).max().orElse(0);
          out.append(
              String.format(
                  Locale.ROOT,
                  "mean %.1f, highest daily p95 %.1f, max %.1f; data on %d of %d days%n",
                  mean,
                  p95,
                  max,
                  withData.size(),
                  days));
        });
    return out.toString();
  }

  private String costs(Resource r) {
    Period last = periods.lastMonth();
    Period current = periods.monthToDate();
    CostReport lastMonth =
        account.costs(CostQuery.of(last).resources(r.id()).groupBy(CostDimension.SKU));
    CostReport thisMonth = account.costs(CostQuery.of(current).resources(r.id()));
    StringBuilder out = new StringBuilder("Cost: ");
    out.append(Periods.describe(last)).append(' ').append(total(lastMonth));
    out.append("; ").append(Periods.describe(current)).append(' ').append(total(thisMonth));
    out.append('\n');
    List<CostRow> skus = lastMonth.rows();
    if (!skus.isEmpty()) {
      out.append("Largest SKUs ")
          .append(java.time.YearMonth.from(last.start()))
          .append(": ")
          .append(
              skus.stream()
                  .limit(5)
                  .map(
                      row ->
                          (row.key().get(0).isEmpty() ? "(none)" : row.key().get(0))
                              + " "
                              + row.cost())
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    return out.toString();
  }

  private static String total(CostReport report) {
    return report.totals().isEmpty()
        ? "no cost stored"
        : report.totals().stream().map(Money::toString).collect(Collectors.joining(" + "));
  }
}
