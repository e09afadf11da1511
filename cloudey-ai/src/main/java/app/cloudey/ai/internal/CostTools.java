package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRest;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.TopCostRows;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Tools over the account's stored costs. Read-only; bound to one account. */
public final class CostTools {
  private final AccountView account;
  private final Periods periods;
  private final int maxRows;

  CostTools(AccountView account, int maxRows) {
    this.account = account;
    this.periods = new Periods(account.clock());
    this.maxRows = maxRows;
  }

  @Tool(
      name = "query_costs",
      value =
          "Sums this account's stored costs over a period, grouped and filtered. Returns the"
              + " total with its currency, the largest rows with their share of the total, how"
              + " many more rows there are, and how fresh the data is. Use it for every question"
              + " about spend.")
  public String queryCosts(
      @P(
              name = "period",
              description = "The period: " + Periods.FORMATS + ". Default: last_month.",
              required = false)
          @Nullable String period,
      @P(
              name = "group_by",
              description =
                  "Comma-separated dimensions: service, compartment, resource, region, sku (part"
                      + " number), sku_name, month, day, then tag:KEY for a tag's values (e.g."
                      + " service,tag:env); or none for the total only. Default: service.",
              required = false)
          @Nullable String groupBy,
      @P(
              name = "service",
              description = "Only this service, e.g. COMPUTE or 'block storage' (fuzzy)",
              required = false)
          @Nullable String service,
      @P(
              name = "compartment",
              description =
                  "Only this compartment and those below it, by name or path (fuzzy), e.g. prod",
              required = false)
          @Nullable String compartment,
      @P(name = "region", description = "Only this region, e.g. us-ashburn-1", required = false)
          @Nullable String region,
      @P(name = "resource", description = "Only this resource, by name or id", required = false)
          @Nullable String resource,
      @P(
              name = "tag",
              description =
                  "Only costs whose resource carries these tags: KEY=VALUE, several values as"
                      + " KEY=V1|V2, several keys separated by ';' (all must match);"
                      + " KEY=untagged for costs without the tag. Keys as the inventory names"
                      + " them: env, or Namespace.key for defined tags",
              required = false)
          @Nullable String tag,
      @P(
              name = "sku",
              description = "Only these SKU part numbers, comma-separated, e.g. B97384",
              required = false)
          @Nullable String sku,
      @P(
              name = "top",
              description = "How many rows to list, largest first (default 10)",
              required = false)
          @Nullable Integer top) {
    Directory directory = new Directory(account);
    Period p = periods.parse(period, periods.lastMonth());
    List<CostDimension> dimensions = dimensions(groupBy);
    List<String> tagKeys = tagKeys(groupBy);
    CostQuery query =
        CostQuery.of(p)
            .groupBy(dimensions.toArray(CostDimension[]::new))
            .groupByTags(tagKeys.toArray(String[]::new));
    List<String> filters = new ArrayList<>();
    if (present(service)) {
      Set<String> services = services(service, p);
      query = query.services(services.toArray(String[]::new));
      filters.add("service " + String.join(", ", services));
    }
    if (present(compartment)) {
      Compartment c = directory.compartment(compartment);
      query = query.compartmentSubtree(c.id());
      filters.add("compartment " + c.path() + " and below");
    }
    if (present(region)) {
      String r = region.trim().toLowerCase(Locale.ROOT);
      query = query.regions(r);
      filters.add("region " + r);
    }
    if (present(resource)) {
      Resource r = directory.resource(resource);
      query = query.resources(r.id());
      filters.add("resource " + directory.resourceLabel(r.id()));
    }
    if (present(tag)) {
      for (Map.Entry<String, List<String>> filter : tagFilters(tag).entrySet()) {
        query = query.tag(filter.getKey(), filter.getValue().toArray(String[]::new));
        filters.add(
            "tag "
                + filter.getKey()
                + "="
                + filter.getValue().stream()
                    .map(v -> v.isEmpty() ? "(untagged)" : v)
                    .collect(Collectors.joining("|")));
      }
    }
    if (present(sku)) {
      String[] parts =
          java.util.Arrays.stream(sku.split("[,;\\s]+"))
              .filter(x -> !x.isBlank())
              .map(x -> x.trim().toUpperCase(Locale.ROOT))
              .toArray(String[]::new);
      query = query.skus(parts);
      filters.add("SKU " + String.join(", ", parts));
    }
    boolean grouped = !dimensions.isEmpty() || !tagKeys.isEmpty();
    int limit = Rows.limit(top, 10, maxRows);
    // grouped: the largest rows and the rest summed by sign in the store, never every row
    CostReport report = account.costs(grouped ? query.totalOnly() : query);
    @Nullable TopCostRows rows = grouped ? account.costsTop(query.top(limit)) : null;
    String scope =
        Periods.describe(p)
            + (grouped ? " by " + names(dimensions, tagKeys) : "")
            + (filters.isEmpty() ? "" : ", " + String.join(", ", filters));
    StringBuilder out = new StringBuilder();
    if (report.totals().isEmpty()) {
      out.append("No costs stored for ").append(scope).append(".\n");
      return out.append(Freshness.costs(account, p)).toString();
    }
    out.append("Costs for ")
        .append(scope)
        .append(": total ")
        .append(report.totals().stream().map(Money::toString).collect(Collectors.joining(" + ")));
    if (rows != null) {
      long count = rows.rowCount();
      out.append(", ").append(count).append(count == 1 ? " row" : " rows");
    }
    out.append(".\n");
    if (rows != null) {
      int i = 0;
      for (CostRow row : rows.rows()) {
        out.append(++i)
            .append(". ")
            .append(label(row, dimensions, tagKeys, directory))
            .append(": ")
            .append(row.cost())
            .append(share(row.cost(), report.totals()))
            .append('\n');
      }
      if (!rows.rest().isEmpty()) {
        appendRest(out, rows.rest());
      }
    }
    return out.append(Freshness.costs(account, p)).toString();
  }

  private static boolean present(@Nullable String text) {
    return text != null && !text.isBlank();
  }

  /** The group-by's parts, e.g. {@code service}, {@code tag:env}. */
  private static List<String> parts(String groupBy) {
    List<String> out = new ArrayList<>();
    for (String part : groupBy.split("[,;+]|\\band\\b")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }

  private static boolean isTag(String part) {
    return part.regionMatches(true, 0, CostQuery.TAG_PREFIX, 0, CostQuery.TAG_PREFIX.length());
  }

  /** The tag keys of a group-by ({@code tag:env} gives {@code env}), in order. */
  static List<String> tagKeys(@Nullable String groupBy) {
    if (groupBy == null || groupBy.isBlank()) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String part : parts(groupBy)) {
      if (isTag(part)) {
        String key = part.substring(CostQuery.TAG_PREFIX.length()).trim();
        if (key.isEmpty()) {
          throw new ToolInputException(
              "group_by '" + part + "' names no tag key: write tag:KEY, e.g. tag:env");
        }
        keys.add(key);
      }
    }
    return List.copyOf(keys);
  }

  /**
   * Tag filters: {@code env=prod;team=a|b}; {@code untagged} (any case) or an empty value selects
   * costs without the tag.
   */
  static Map<String, List<String>> tagFilters(String text) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (String part : text.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split("[=:]", 2);
      String key = kv[0].trim();
      if (key.isEmpty() || kv.length < 2) {
        throw new ToolInputException(
            "tag '"
                + part.trim()
                + "' needs a key and a value: KEY=VALUE, KEY=V1|V2 or KEY=untagged");
      }
      List<String> values = new ArrayList<>();
      for (String value : kv[1].split("\\|", -1)) {
        String v = value.trim();
        values.add(v.equalsIgnoreCase("untagged") || v.equalsIgnoreCase("(untagged)") ? "" : v);
      }
      out.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
    }
    return out;
  }

  static List<CostDimension> dimensions(@Nullable String groupBy) {
    if (groupBy == null || groupBy.isBlank()) {
      return List.of(CostDimension.SERVICE);
    }
    if (Names.normalize(groupBy).equals("none") || Names.normalize(groupBy).equals("total")) {
      return List.of();
    }
    Set<CostDimension> out = new LinkedHashSet<>();
    boolean tagSeen = false;
    for (String part : parts(groupBy)) {
      if (isTag(part)) {
        tagSeen = true;
        continue;
      }
      if (tagSeen) {
        throw new ToolInputException(
            "group_by '"
                + part
                + "' comes after a tag: list dimensions first, then tags (e.g. service,tag:env)");
      }
      String key = Names.normalize(part);
      CostDimension dimension =
          switch (key) {
            case "service", "services" -> CostDimension.SERVICE;
            case "compartment", "compartments" -> CostDimension.COMPARTMENT;
            case "resource", "resources", "resourceid" -> CostDimension.RESOURCE;
            case "region", "regions" -> CostDimension.REGION;
            case "sku", "skus", "skupartnumber" -> CostDimension.SKU;
            case "skuname", "skunames" -> CostDimension.SKU_NAME;
            case "month", "months", "monthly" -> CostDimension.MONTH;
            case "day", "days", "daily", "date" -> CostDimension.DAY;
            default ->
                throw new ToolInputException(
                    "group_by '"
                        + part.trim()
                        + "' is unknown; use service, compartment, resource, region, sku,"
                        + " sku_name, month, day, tag:KEY or none");
          };
      out.add(dimension);
    }
    return List.copyOf(out);
  }

  /** The stored service names the text means (any case, spaces or underscores). */
  private Set<String> services(String text, Period p) {
    Period window =
        Period.of(
            p.start().isBefore(periods.today().minusYears(1))
                ? p.start()
                : periods.today().minusYears(1),
            p.end().isAfter(periods.today().plusDays(1)) ? p.end() : periods.today().plusDays(1));
    List<String> known =
        account.costs(CostQuery.of(window).groupBy(CostDimension.SERVICE)).rows().stream()
            .map(row -> row.key().get(0))
            .sorted()
            .toList();
    String term = Names.normalize(text);
    List<String> exact = known.stream().filter(s -> Names.normalize(s).equals(term)).toList();
    if (!exact.isEmpty()) {
      return new LinkedHashSet<>(exact);
    }
    List<String> partial =
        known.stream()
            .filter(s -> term.length() >= 3 && Names.normalize(s).contains(term))
            .toList();
    if (partial.size() == 1) {
      return Set.of(partial.get(0));
    }
    throw new ToolInputException(
        (partial.isEmpty() ? "no service with costs matches '" : "several services match '")
            + text
            + "'; services with costs in the last year: "
            + (known.isEmpty() ? "none (costs were never refreshed?)" : String.join(", ", known)));
  }

  private static String names(List<CostDimension> dimensions, List<String> tagKeys) {
    return java.util.stream.Stream.concat(
            dimensions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)),
            tagKeys.stream().map(k -> "tag " + k))
        .collect(Collectors.joining(" and "));
  }

  private static String label(
      CostRow row, List<CostDimension> dimensions, List<String> tagKeys, Directory directory) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < dimensions.size(); i++) {
      String value = row.key().get(i);
      parts.add(
          switch (dimensions.get(i)) {
            case COMPARTMENT -> directory.compartmentPath(value);
            case RESOURCE -> directory.resourceLabel(value);
            default -> value.isEmpty() ? "(none)" : value;
          });
    }
    for (int i = 0; i < tagKeys.size(); i++) {
      String value = row.key().get(dimensions.size() + i);
      parts.add(tagKeys.get(i) + "=" + (value.isEmpty() ? "(untagged)" : value));
    }
    return String.join(" / ", parts);
  }

  private static String share(Money cost, List<Money> totals) {
    for (Money total : totals) {
      if (total.currency().equals(cost.currency()) && total.amount().signum() > 0) {
        BigDecimal percent =
            cost.amount()
                .multiply(BigDecimal.valueOf(100))
                .divide(total.amount(), 1, RoundingMode.HALF_EVEN);
        return " (" + percent.toPlainString() + "%)";
      }
    }
    return "";
  }

  /**
   * "… N more rows: X, and credits and refunds Y": the rows beyond the list as the store summed
   * them, split by sign as core's "others" and "credits" rows are ({@link
   * app.cloudey.model.LabeledCost}), so credits outside the listed rows never make the rest read as
   * a negative cost. Amounts of several currencies are joined with " + ".
   */
  private static void appendRest(StringBuilder out, List<CostRest> rest) {
    long count = 0;
    List<String> others = new ArrayList<>();
    List<String> credits = new ArrayList<>();
    for (CostRest r : rest) {
      count += r.rows();
      if (r.nonNegativeRows() > 0) {
        others.add(new Money(r.nonNegative(), r.currency()).toString());
      }
      if (r.negativeRows() > 0) {
        credits.add(new Money(r.negative(), r.currency()).toString());
      }
    }
    out.append("… ").append(count).append(count == 1 ? " more row: " : " more rows: ");
    out.append(String.join(" + ", others));
    if (!credits.isEmpty()) {
      out.append(others.isEmpty() ? "" : ", and ")
          .append("credits and refunds ")
          .append(String.join(" + ", credits));
    }
    out.append(" (ask for a larger top, or filter)\n");
  }
}
