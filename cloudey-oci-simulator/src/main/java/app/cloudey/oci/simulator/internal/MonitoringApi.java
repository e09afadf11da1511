package app.cloudey.oci.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.oracle.bmc.monitoring.model.AggregatedDatapoint;
import com.oracle.bmc.monitoring.model.MetricData;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monitoring SummarizeMetricsData over the metric model. One stream per resource (or per groupBy
 * value, or one for {@code grouping()}); windows end on interval boundaries. OCI's limits apply: 90
 * days back from now for hourly and daily resolution, 100,000 data points and 2,000 streams per
 * answer (400 beyond).
 */
final class MonitoringApi {
  static final int MAX_POINTS = 100_000;
  static final int MAX_STREAMS = 2_000;
  static final int MAX_DAYS_BACK = 90;

  /** Per-minute points behind each hourly value (the model keeps hourly min, mean, max). */
  static final int POINTS_PER_HOUR = 60;

  private final Tenancy t;
  private final MetricModel metrics;

  MonitoringApi(Tenancy tenancy, MetricModel metrics) {
    this.t = tenancy;
    this.metrics = metrics;
  }

  void register(Router router) {
    router.add(
        "monitoring",
        "POST",
        "20180401/metrics/actions/summarizeMetricsData",
        "SummarizeMetricsData",
        this::summarize);
  }

  private ApiResponse summarize(ApiRequest req) {
    String compartmentId = req.required("compartmentId");
    Integer compartment = t.compartmentById.get(compartmentId);
    if (compartment == null) {
      throw ApiException.notFound(
          "Authorization failed or requested resource not found: compartment " + compartmentId);
    }
    boolean subtree = req.flag("compartmentIdInSubtree");
    if (subtree && compartment != 0) {
      throw ApiException.invalid(
          "compartmentIdInSubtree is only valid when compartmentId is the tenancy");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(req.body());
    } catch (IOException e) {
      throw ApiException.invalid("request body is not JSON: " + e.getMessage());
    }
    String namespace = text(body, "namespace");
    Mql mql = Mql.parse(text(body, "query"));
    Instant start = instant(body, "startTime");
    Instant end = instant(body, "endTime");
    int resolution = mql.intervalHours();
    if (body.hasNonNull("resolution")) {
      resolution = Mql.parse("X[" + body.get("resolution").asText() + "].mean()").intervalHours();
      if (resolution > mql.intervalHours()) {
        throw ApiException.invalid(
            "resolution "
                + body.get("resolution").asText()
                + " must not exceed the query interval");
      }
    }
    if (!end.isAfter(start)) {
      throw ApiException.invalid("endTime must be after startTime");
    }
    Instant now = Instant.ofEpochSecond(t.nowHour * 3600);
    if (start.isBefore(now.minusSeconds(86_400L * MAX_DAYS_BACK))) {
      throw ApiException.invalid(
          "startTime is more than "
              + MAX_DAYS_BACK
              + " days before now, the limit for "
              + resolution
              + "h resolution");
    }
    if (!MetricModel.knownNamespace(namespace)) {
      return ApiResponse.ok(List.of());
    }
    MetricModel.Def def = MetricModel.find(namespace, mql.metric());
    if (def == null) {
      return ApiResponse.ok(List.of());
    }
    // window ends: multiples of the step, in (start, end]
    long step = resolution;
    long firstEnd = Math.floorDiv(start.getEpochSecond() / 3600, step) * step + step;
    long lastEnd = Math.floorDiv(end.getEpochSecond() / 3600, step) * step;
    Map<String, List<Res>> streams = new TreeMap<>();
    for (int c = 0; c < t.compartments.size(); c++) {
      if (!subtree && c != compartment) {
        continue;
      }
      for (var type : app.cloudey.model.ResourceType.values()) {
        for (int i : t.scope(type, req.region(), c)) {
          Res r = t.res(i);
          if (!metrics.emits(r, def)) {
            continue;
          }
          Map<String, String> dims = metrics.dimensions(r, def);
          if (!mql.conditions().stream()
              .allMatch(cond -> cond.matches(dims.get(cond.dimension())))) {
            continue;
          }
          String key =
              mql.grouping()
                  ? ""
                  : mql.groupBy() != null ? String.valueOf(dims.get(mql.groupBy())) : r.id;
          streams.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
      }
    }
    if (streams.size() > MAX_STREAMS) {
      throw ApiException.invalid(
          "The query returned "
              + streams.size()
              + " metric streams, more than the maximum of "
              + MAX_STREAMS
              + "; narrow the query");
    }
    long windows = Math.max(0, (lastEnd - firstEnd) / step + 1);
    if (windows * streams.size() > MAX_POINTS) {
      throw ApiException.invalid(
          "The query would return "
              + windows * streams.size()
              + " data points, more than the maximum of "
              + MAX_POINTS
              + "; narrow the query or shorten the time range");
    }
    List<MetricData> out = new ArrayList<>();
    double[] hour = new double[3];
    for (Map.Entry<String, List<Res>> stream : streams.entrySet()) {
      List<AggregatedDatapoint> points = new ArrayList<>();
      for (long windowEnd = firstEnd; windowEnd <= lastEnd; windowEnd += step) {
        Double value =
            window(stream.getValue(), def, mql, windowEnd - mql.intervalHours(), windowEnd, hour);
        if (value != null) {
          points.add(
              AggregatedDatapoint.builder()
                  .timestamp(new Date(windowEnd * 3_600_000L))
                  .value(value)
                  .build());
        }
      }
      if (points.isEmpty()) {
        continue;
      }
      Res first = stream.getValue().get(0);
      Map<String, String> dims =
          mql.grouping()
              ? Map.of()
              : mql.groupBy() != null
                  ? Map.of(mql.groupBy(), stream.getKey())
                  : metrics.dimensions(first, def);
      out.add(
          MetricData.builder()
              .namespace(namespace)
              .compartmentId(t.compartment(first).id())
              .name(def.name())
              .dimensions(dims)
              .metadata(Map.of("unit", def.unit(), "displayName", def.name()))
              .resolution(resolution + "h")
              .aggregatedDatapoints(points)
              .build());
    }
    return ApiResponse.ok(out);
  }

  /** One window's statistic over the stream's resources; null when no hour had data. */
  private Double window(
      List<Res> resources,
      MetricModel.Def def,
      Mql mql,
      long fromHour,
      long toHour,
      double[] hour) {
    List<Double> means = new ArrayList<>();
    double sumMeans = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    double percentileSum = 0;
    for (Res r : resources) {
      for (long h = fromHour; h < toHour; h++) {
        if (!metrics.hasData(r, def, h)) {
          continue;
        }
        metrics.hourly(r, def, h, hour);
        means.add(hour[1]);
        sumMeans += hour[1];
        max = Math.max(max, hour[2]);
        min = Math.min(min, hour[0]);
        double p = mql.percentile();
        percentileSum +=
            p <= 0.5
                ? hour[0] + (hour[1] - hour[0]) * p / 0.5
                : hour[1] + (hour[2] - hour[1]) * (p - 0.5) / 0.5;
      }
    }
    int n = means.size();
    if (n == 0) {
      return null;
    }
    return switch (mql.statistic()) {
      case "mean" -> sumMeans / n;
      case "max" -> max;
      case "min" -> min;
      case "sum" -> minuteSum(sumMeans);
      case "count" -> (double) n * POINTS_PER_HOUR;
      default -> n == 1 ? round(percentileSum) : nearestRank(means, mql.percentile());
    };
  }

  /**
   * The sum of the per-minute points behind hourly means: each hour's points average to its mean,
   * so they sum to mean x 60. The truth's counting metrics use this same expression.
   */
  static double minuteSum(double sumOfHourlyMeans) {
    return sumOfHourlyMeans * POINTS_PER_HOUR;
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Nearest-rank percentile: sorted ascending, the value at rank ceil(p * n). */
  static double nearestRank(List<Double> values, double p) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String text(JsonNode body, String field) {
    String value = body.path(field).asText(null);
    if (value == null || value.isBlank()) {
      throw ApiException.missing(field);
    }
    return value;
  }

  private static Instant instant(JsonNode body, String field) {
    String value = text(body, field);
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field + " '" + value + "' is not an RFC 3339 date-time");
    }
  }
}
