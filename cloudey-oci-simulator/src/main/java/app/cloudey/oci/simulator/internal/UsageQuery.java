package app.cloudey.oci.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A parsed and validated RequestSummarizedUsages body. */
record UsageQuery(
    LocalDate start,
    LocalDate end,
    boolean monthly,
    boolean aggregateByTime,
    boolean usage,
    List<String> groupBy,
    @Nullable String tagKey,
    @Nullable String tagNamespace,
    @Nullable JsonNode filter) {

  static final Set<String> GROUP_BY =
      Set.of(
          "service",
          "skuName",
          "skuPartNumber",
          "unit",
          "compartmentName",
          "compartmentPath",
          "compartmentId",
          "platform",
          "region",
          "logicalAd",
          "resourceId",
          "tenantId",
          "tenantName",
          "subscriptionId");

  static UsageQuery parse(JsonNode body, String tenancyId, int maxDailyDays, int maxMonthlyDays) {
    String tenant = body.path("tenantId").asText(null);
    if (tenant == null) {
      throw ApiException.missing("tenantId");
    }
    if (!tenant.equals(tenancyId)) {
      throw ApiException.notFound(
          "Authorization failed or requested resource not found: tenant " + tenant);
    }
    String granularity = body.path("granularity").asText(null);
    if (granularity == null) {
      throw ApiException.missing("granularity");
    }
    boolean monthly;
    switch (granularity) {
      case "DAILY" -> monthly = false;
      case "MONTHLY" -> monthly = true;
      case "HOURLY", "TOTAL" ->
          throw ApiException.invalid(
              "granularity "
                  + granularity
                  + " is not supported by the simulator; use DAILY or MONTHLY");
      default ->
          throw ApiException.invalid(
              "granularity must be HOURLY, DAILY, MONTHLY or TOTAL, was " + granularity);
    }
    LocalDate start = day(body, "timeUsageStarted");
    LocalDate end = day(body, "timeUsageEnded");
    if (!start.isBefore(end)) {
      throw ApiException.invalid("timeUsageEnded must be after timeUsageStarted");
    }
    long days = end.toEpochDay() - start.toEpochDay();
    int max = monthly ? maxMonthlyDays : maxDailyDays;
    if (days > max) {
      throw ApiException.invalid(
          "The date range is too long for "
              + granularity
              + " granularity: "
              + days
              + " days, the maximum is "
              + max
              + " days; split the request");
    }
    String queryType = body.path("queryType").asText("COST");
    boolean usage;
    switch (queryType) {
      case "COST" -> usage = false;
      case "USAGE" -> usage = true;
      default ->
          throw ApiException.invalid(
              "queryType " + queryType + " is not supported by the simulator; use COST or USAGE");
    }
    if (body.hasNonNull("forecast")) {
      throw ApiException.invalid("forecast is not supported by the simulator");
    }
    List<String> groupBy = new ArrayList<>();
    for (JsonNode g : body.path("groupBy")) {
      String key = g.asText();
      if (!GROUP_BY.contains(key)) {
        throw ApiException.invalid(
            "groupBy key '" + key + "' is not valid; valid keys are " + GROUP_BY);
      }
      if (!groupBy.contains(key)) {
        groupBy.add(key);
      }
    }
    JsonNode tags = body.path("groupByTag");
    if (tags.size() > 1) {
      throw ApiException.invalid("groupByTag supports only one tag");
    }
    String tagKey = tags.size() == 1 ? tags.get(0).path("key").asText(null) : null;
    String tagNamespace = tags.size() == 1 ? tags.get(0).path("namespace").asText(null) : null;
    JsonNode filter = body.hasNonNull("filter") ? body.get("filter") : null;
    return new UsageQuery(
        start,
        end,
        monthly,
        body.path("isAggregateByTime").asBoolean(false),
        usage,
        List.copyOf(groupBy),
        tagKey,
        tagNamespace,
        filter);
  }

  private static LocalDate day(JsonNode body, String field) {
    String text = body.path(field).asText(null);
    if (text == null) {
      throw ApiException.missing(field);
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field + " '" + text + "' is not an RFC 3339 date-time");
    }
    if (instant.getEpochSecond() % 86_400 != 0 || instant.getNano() != 0) {
      throw ApiException.invalid(
          "Passed (UTC) date does not have the right precision: "
              + field
              + " must be midnight UTC, was "
              + text);
    }
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }
}
