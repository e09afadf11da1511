package app.cloudey.oci.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.oracle.bmc.usageapi.model.Tag;
import com.oracle.bmc.usageapi.model.UsageAggregation;
import com.oracle.bmc.usageapi.model.UsageSummary;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Usage API RequestSummarizedUsages. Rows are aggregated one time bucket (day or month) at a time
 * from the cost model's lines, sorted by group key, and paged across buckets; the last few
 * aggregated buckets are cached so a client walking the pages does not re-aggregate.
 */
final class UsageApi {
  private static final int CACHE = 8;

  private final Tenancy t;
  private final CostModel costs;
  private final int pageSize;
  private final int maxDailyDays;
  private final int maxMonthlyDays;
  private final Map<String, List<Row>> cache =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Row>> eldest) {
          return size() > CACHE;
        }
      };

  /** One output row: group values, sums, and the SKU when the group pins one. */
  record Row(
      String key,
      String[] values,
      @Nullable Sku sku,
      @Nullable String tag,
      long amount,
      long quantity) {}

  UsageApi(Tenancy tenancy, CostModel costs, int pageSize, int maxDailyDays, int maxMonthlyDays) {
    this.t = tenancy;
    this.costs = costs;
    this.pageSize = pageSize;
    this.maxDailyDays = maxDailyDays;
    this.maxMonthlyDays = maxMonthlyDays;
  }

  void register(Router router) {
    router.add("usageapi", "POST", "20200107/usage", "RequestSummarizedUsages", this::summarize);
  }

  private ApiResponse summarize(ApiRequest req) {
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(req.body());
    } catch (IOException e) {
      throw ApiException.invalid("request body is not JSON: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw ApiException.invalid("request body must be a RequestSummarizedUsagesDetails object");
    }
    UsageQuery q = UsageQuery.parse(body, t.tenancyId, maxDailyDays, maxMonthlyDays);
    List<LocalDate[]> buckets = buckets(q);
    int limit = Pages.limit(req, pageSize);
    long cursor = Pages.offsetLong(req.param("page"));
    if (cursor / 1_000_000_000L > buckets.size()) {
      // a forged token: past the last time bucket (400, not an overflow and a 500)
      throw ApiException.invalid(
          "page token '" + req.param("page") + "' is past the end of the results");
    }
    int bucket = (int) (cursor / 1_000_000_000L);
    int offset = (int) (cursor % 1_000_000_000L);
    String cacheKey = new String(req.body(), java.nio.charset.StandardCharsets.UTF_8);
    List<UsageSummary> items = new ArrayList<>();
    String next = null;
    while (bucket < buckets.size()) {
      List<Row> rows = rows(cacheKey, bucket, buckets.get(bucket), q);
      while (offset < rows.size() && items.size() < limit) {
        items.add(summary(rows.get(offset++), buckets.get(bucket), q));
      }
      if (offset >= rows.size()) {
        bucket++;
        offset = 0;
      }
      if (items.size() >= limit) {
        if (bucket < buckets.size() && hasMore(cacheKey, bucket, offset, buckets, q)) {
          next = Pages.token(bucket * 1_000_000_000L + offset);
        }
        break;
      }
    }
    UsageAggregation aggregation =
        UsageAggregation.builder().groupBy(q.groupBy()).items(items).build();
    return ApiResponse.page(aggregation, next);
  }

  /** Whether any row remains from (bucket, offset) on; skips empty buckets. */
  private boolean hasMore(
      String key, int bucket, int offset, List<LocalDate[]> buckets, UsageQuery q) {
    for (int b = bucket; b < buckets.size(); b++) {
      if (rows(key, b, buckets.get(b), q).size() > (b == bucket ? offset : 0)) {
        return true;
      }
    }
    return false;
  }

  /** [start, end) pieces: days, calendar months clipped to the range, or the whole range. */
  private List<LocalDate[]> buckets(UsageQuery q) {
    List<LocalDate[]> out = new ArrayList<>();
    if (q.aggregateByTime()) {
      out.add(new LocalDate[] {q.start(), q.end()});
      return out;
    }
    LocalDate d = q.start();
    while (d.isBefore(q.end())) {
      LocalDate next = q.monthly() ? d.withDayOfMonth(1).plusMonths(1) : d.plusDays(1);
      if (next.isAfter(q.end())) {
        next = q.end();
      }
      out.add(new LocalDate[] {d, next});
      d = next;
    }
    return out;
  }

  private List<Row> rows(String key, int bucket, LocalDate[] range, UsageQuery q) {
    String cacheKey = key + "#" + bucket;
    synchronized (cache) {
      List<Row> cached = cache.get(cacheKey);
      if (cached != null) {
        return cached;
      }
    }
    List<Row> rows = aggregate(range, q);
    synchronized (cache) {
      cache.put(cacheKey, rows);
    }
    return rows;
  }

  private List<Row> aggregate(LocalDate[] range, UsageQuery q) {
    Map<String, long[]> sums = new HashMap<>();
    Map<String, Row> first = new HashMap<>();
    boolean pinsSku = q.groupBy().contains("skuPartNumber") || q.groupBy().contains("skuName");
    LocalDate from = range[0].isBefore(t.historyStart()) ? t.historyStart() : range[0];
    LocalDate to = range[1].isAfter(t.now()) ? t.now() : range[1];
    StringBuilder key = new StringBuilder();
    for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
      costs.forEachLine(
          day.toEpochDay(),
          line -> {
            if (q.filter() != null && !UsageFilter.matches(q.filter(), line, t)) {
              return;
            }
            key.setLength(0);
            String[] values = new String[q.groupBy().size()];
            for (int i = 0; i < values.length; i++) {
              values[i] = UsageFilter.dimension(q.groupBy().get(i), line, t);
              key.append(values[i]).append('\u0001');
            }
            String tag =
                q.tagKey() == null || line.res == null ? null : line.res.tags.get(q.tagKey());
            if (q.tagKey() != null) {
              key.append(tag);
            }
            String k = key.toString();
            long[] sum = sums.get(k);
            if (sum == null) {
              sum = new long[2];
              sums.put(k, sum);
              first.put(k, new Row(k, values, pinsSku ? line.sku : null, tag, 0, 0));
            }
            sum[0] += line.amount;
            sum[1] += line.quantity;
          });
    }
    List<Row> rows = new ArrayList<>(sums.size());
    sums.forEach(
        (k, sum) -> {
          Row r = first.get(k);
          rows.add(new Row(k, r.values(), r.sku(), r.tag(), sum[0], sum[1]));
        });
    rows.sort(java.util.Comparator.comparing(Row::key));
    return rows;
  }

  private UsageSummary summary(Row row, LocalDate[] range, UsageQuery q) {
    UsageSummary.Builder b =
        UsageSummary.builder()
            .timeUsageStarted(Date.from(range[0].atStartOfDay(ZoneOffset.UTC).toInstant()))
            .timeUsageEnded(Date.from(range[1].atStartOfDay(ZoneOffset.UTC).toInstant()))
            .computedAmount(
                BigDecimal.valueOf(row.amount(), Sku.QUANTITY_SCALE).stripTrailingZeros())
            .computedQuantity(
                BigDecimal.valueOf(row.quantity(), Sku.QUANTITY_SCALE).stripTrailingZeros())
            .currency(t.prices.currency())
            .isForecast(false);
    for (int i = 0; i < row.values().length; i++) {
      String v = row.values()[i];
      switch (q.groupBy().get(i)) {
        case "service" -> b.service(v);
        case "skuName" -> b.skuName(v);
        case "skuPartNumber" -> b.skuPartNumber(v);
        case "unit" -> b.unit(v);
        case "compartmentName" -> b.compartmentName(v);
        case "compartmentPath" -> b.compartmentPath(v);
        case "compartmentId" -> b.compartmentId(v);
        case "platform" -> b.platform(v);
        case "region" -> b.region(v);
        case "logicalAd" -> b.ad(v);
        case "resourceId" -> b.resourceId(v);
        case "tenantId" -> b.tenantId(v);
        case "tenantName" -> b.tenantName(v);
        case "subscriptionId" -> b.subscriptionId(v);
        default -> {}
      }
    }
    if (row.sku() != null) {
      b.unitPrice(row.sku().unitPrice())
          .listRate(row.sku().listRate())
          .discount(BigDecimal.ZERO)
          .unit(row.sku().unit());
    }
    if (q.tagKey() != null) {
      b.tags(
          List.of(
              Tag.builder().namespace(q.tagNamespace()).key(q.tagKey()).value(row.tag()).build()));
    }
    return b.build();
  }
}
