package app.cloudey.oci.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** Dimension values of a cost line and the Usage API {@code Filter} (AND / OR / NOT, nested). */
final class UsageFilter {
  private UsageFilter() {}

  /**
   * The line's value for a groupBy / filter key; null when the line has none (e.g. no resource).
   */
  static @Nullable String dimension(String key, CostLine line, Tenancy t) {
    return switch (key) {
      case "service" -> line.service;
      case "skuName" -> line.sku.name();
      case "skuPartNumber" -> line.sku.partNumber();
      case "unit" -> line.sku.unit();
      case "compartmentName" -> t.compartments.get(line.compartment).name();
      case "compartmentPath" -> t.compartments.get(line.compartment).path();
      case "compartmentId" -> t.compartments.get(line.compartment).id();
      case "region" -> t.regions.get(line.region).name();
      case "logicalAd" ->
          line.res == null || line.res.ad < 0 ? null : t.adName(line.res.region, line.res.ad);
      case "resourceId" -> line.res == null ? null : line.res.id;
      case "tenantId" -> t.tenancyId;
      case "tenantName" -> t.tenancyName;
      default -> null;
    };
  }

  static boolean matches(JsonNode filter, CostLine line, Tenancy t) {
    String operator = filter.path("operator").asText("AND");
    int total = 0;
    int matched = 0;
    for (JsonNode d : filter.path("dimensions")) {
      total++;
      String value = dimension(d.path("key").asText(), line, t);
      if (value != null && value.equals(d.path("value").asText())) {
        matched++;
      }
    }
    for (JsonNode tag : filter.path("tags")) {
      total++;
      String value = line.res == null ? null : line.res.tags.get(tag.path("key").asText());
      if (value != null && value.equals(tag.path("value").asText())) {
        matched++;
      }
    }
    for (JsonNode nested : filter.path("filters")) {
      total++;
      if (matches(nested, line, t)) {
        matched++;
      }
    }
    return switch (operator) {
      case "OR" -> total == 0 || matched > 0;
      case "NOT" -> matched == 0;
      default -> matched == total;
    };
  }
}
