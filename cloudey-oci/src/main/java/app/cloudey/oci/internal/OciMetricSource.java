package app.cloudey.oci.internal;

import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyException;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.oci.OciService;
import app.cloudey.spi.MetricSource;
import com.oracle.bmc.monitoring.model.AggregatedDatapoint;
import com.oracle.bmc.monitoring.model.MetricData;
import com.oracle.bmc.monitoring.model.SummarizeMetricsDataDetails;
import com.oracle.bmc.monitoring.requests.SummarizeMetricsDataRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily metric aggregates from OCI Monitoring. Resources are grouped by (region, compartment, OCI
 * namespace and metric) and read in batches ({@code resourceId =~ "a|b|..."}, grouped by resource
 * id) with hourly queries over the window: {@code mean()} and {@code max()} for levels (CPU,
 * memory, bandwidth), one {@code sum()} for counts (requests per hour; volume operations per second
 * = the hour's sum / 3600), see {@link MetricPlan.Reading}; CPU falls back to {@code
 * oci_vmi_resource_utilization} for instances without the Cloud Agent. Batches are fetched a few at
 * a time ({@link Prefetch}) within the Monitoring rate limit.
 *
 * <p>A batch that fails (after retries) or returns nothing yields {@link MetricDaily#missing
 * missing} days, never zeros; only an authentication failure, which no retry fixes, is thrown. A
 * failed batch is also reported to the caller ({@link #fetchDaily(List, Period, Consumer)}), so
 * {@code MetricSyncResult.failedRequests()} tells a failure from no data.
 */
public final class OciMetricSource implements MetricSource {
  private static final Logger LOG = LoggerFactory.getLogger(OciMetricSource.class);

  private final ListContext ctx;
  private final int configuredBatch;
  private final ExecutorService executor;
  private final int parallelism;

  public OciMetricSource(
      ListContext ctx, int configuredBatch, ExecutorService executor, int parallelism) {
    this.ctx = ctx;
    this.configuredBatch = configuredBatch;
    this.executor = executor;
    this.parallelism = parallelism;
  }

  @Override
  public Set<MetricName> metricsFor(ResourceType type) {
    return MetricPlan.metricsFor(type);
  }

  @Override
  public Stream<MetricDaily> fetchDaily(List<Resource> resources, Period window) {
    return fetchDaily(resources, window, failure -> {});
  }

  /** As {@link #fetchDaily(List, Period)}; each batch that fails after retries is reported. */
  @Override
  public Stream<MetricDaily> fetchDaily(
      List<Resource> resources, Period window, Consumer<String> failedRequest) {
    List<Batch> batches = plan(resources, window, configuredBatch);
    return Prefetch.stream(batches, b -> fetch(b, window, failedRequest), executor, parallelism)
        .flatMap(List::stream);
  }

  /**
   * One query unit: resources of one region and compartment, for one metric read from the same OCI
   * namespaces and metrics ({@code source}), whatever their types (boot and block volumes share one
   * {@code oci_blockstore} query).
   */
  record Batch(
      String region,
      String compartmentId,
      MetricPlan.Source source,
      MetricName metric,
      List<String> ids) {
    /** Where and what, without the ids (a batch holds up to hundreds). */
    String describe() {
      return metric + " of " + ids.size() + " resources in " + compartmentId + "@" + region;
    }
  }

  /** Query units in a stable order: groups in first-seen order, batches of at most the size. */
  static List<Batch> plan(List<Resource> resources, Period window, int configuredBatch) {
    Map<List<Object>, List<String>> groups = new LinkedHashMap<>();
    for (Resource r : resources) {
      for (MetricName metric : MetricPlan.metricsFor(r.type())) {
        groups
            .computeIfAbsent(
                List.of(r.region(), r.compartmentId(), MetricPlan.source(r.type(), metric), metric),
                k -> new ArrayList<>())
            .add(r.id());
      }
    }
    int size = Mql.batchSize(configuredBatch, window.days() * 24);
    List<Batch> batches = new ArrayList<>();
    groups.forEach(
        (key, ids) -> {
          for (List<String> batch : Mql.batches(ids.stream().distinct().toList(), size)) {
            batches.add(
                new Batch(
                    (String) key.get(0),
                    (String) key.get(1),
                    (MetricPlan.Source) key.get(2),
                    (MetricName) key.get(3),
                    batch));
          }
        });
    return batches;
  }

  private List<MetricDaily> fetch(Batch batch, Period window, Consumer<String> failedRequest) {
    Map<String, DailyAggregator> byResource = new HashMap<>();
    MetricPlan.Source source = batch.source();
    double divisor = source.reading().divisor();
    batch.ids().forEach(id -> byResource.put(id, new DailyAggregator(divisor)));
    try {
      for (MetricPlan.OciMetric component : source.components()) {
        read(batch, component, batch.ids(), window, byResource);
      }
      List<String> withoutData =
          batch.ids().stream().filter(id -> byResource.get(id).isEmpty()).toList();
      if (!withoutData.isEmpty()) {
        for (MetricPlan.OciMetric fallback : source.fallback()) {
          read(batch, fallback, withoutData, window, byResource);
        }
      }
    } catch (CloudeyAuthException e) {
      throw e; // a refused key or a missing policy: every batch would fail the same way
    } catch (CloudeyException e) {
      // the days stay missing (never zeros, and the store keeps what an earlier sync found); the
      // sync result counts the failed batch, so a failure is told apart from no data
      failedRequest.accept("metric batch " + batch.describe() + ": " + e.getMessage());
      LOG.warn(
          "metric batch {} failed after retries, its days are recorded as missing and the next sync"
              + " reads them again: {}",
          batch.describe(),
          e.getMessage());
      LOG.debug("metric batch {} failure", batch.describe(), e);
      byResource.replaceAll((id, agg) -> new DailyAggregator(divisor));
    }
    List<MetricDaily> daily = new ArrayList<>();
    for (String id : batch.ids()) {
      daily.addAll(byResource.get(id).daily(ctx.accountId(), id, batch.metric(), window));
    }
    return daily;
  }

  private void read(
      Batch batch,
      MetricPlan.OciMetric metric,
      List<String> ids,
      Period window,
      Map<String, DailyAggregator> byResource) {
    if (batch.source().reading() != MetricPlan.Reading.LEVEL) {
      // a count's hourly value is its sum: the busiest hour is the day's maximum
      query(batch, metric, ids, window, "sum")
          .forEach(
              (id, points) -> {
                DailyAggregator agg = byResource.get(id);
                if (agg != null) {
                  points.forEach((t, sum) -> agg.add(t, sum, sum));
                }
              });
      return;
    }
    Map<String, Map<Instant, Double>> means = query(batch, metric, ids, window, "mean");
    Map<String, Map<Instant, Double>> maxima = query(batch, metric, ids, window, "max");
    means.forEach(
        (id, points) -> {
          DailyAggregator agg = byResource.get(id);
          if (agg == null) {
            return; // a stream for a resource we did not ask about
          }
          Map<Instant, Double> max = maxima.getOrDefault(id, Map.of());
          points.forEach((t, mean) -> agg.add(t, mean, max.getOrDefault(t, mean)));
        });
  }

  private Map<String, Map<Instant, Double>> query(
      Batch batch, MetricPlan.OciMetric metric, List<String> ids, Period window, String statistic) {
    SummarizeMetricsDataRequest request =
        SummarizeMetricsDataRequest.builder()
            .compartmentId(batch.compartmentId())
            .summarizeMetricsDataDetails(
                SummarizeMetricsDataDetails.builder()
                    .namespace(metric.namespace())
                    .query(Mql.hourly(metric.name(), ids, statistic))
                    .startTime(Date.from(window.start().atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .endTime(Date.from(window.end().atStartOfDay(ZoneOffset.UTC).toInstant()))
                    .resolution("1h")
                    .build())
            .build();
    List<MetricData> items =
        ctx.calls()
            .call(
                OciService.MONITORING,
                "SummarizeMetricsData",
                () -> ctx.clients().monitoring(batch.region()).summarizeMetricsData(request))
            .getItems();
    Map<String, Map<Instant, Double>> result = new HashMap<>();
    if (items == null) {
      return result;
    }
    for (MetricData data : items) {
      String id = data.getDimensions() == null ? null : data.getDimensions().get("resourceId");
      if (id == null || data.getAggregatedDatapoints() == null) {
        continue;
      }
      Map<Instant, Double> points = result.computeIfAbsent(id, k -> new HashMap<>());
      for (AggregatedDatapoint p : data.getAggregatedDatapoints()) {
        if (p.getTimestamp() != null && p.getValue() != null && Double.isFinite(p.getValue())) {
          points.merge(p.getTimestamp().toInstant(), p.getValue(), Double::sum);
        }
      }
    }
    return result;
  }
}
