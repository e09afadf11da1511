package app.cloudey.oci.simulator.internal;

import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.CostDynamics;
import app.cloudey.oci.simulator.CostSpike;
import app.cloudey.oci.simulator.MetricAggregate;
import app.cloudey.oci.simulator.PlantedCase;
import app.cloudey.oci.simulator.ResourceFacts;
import app.cloudey.oci.simulator.Truth;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Ground truth computed from the same generator and models the APIs serve. */
public final class TruthImpl implements Truth {
  private final Tenancy t;
  private final CostModel costs;
  private final MetricModel metrics;
  private final int pageSize;
  private long[] dailyTotals;

  TruthImpl(Tenancy tenancy, CostModel costs, MetricModel metrics, int pageSize) {
    this.t = tenancy;
    this.costs = costs;
    this.metrics = metrics;
    this.pageSize = pageSize;
  }

  static BigDecimal money(long units) {
    return units == 0
        ? BigDecimal.ZERO
        : BigDecimal.valueOf(units, Sku.QUANTITY_SCALE).stripTrailingZeros();
  }

  Tenancy tenancy() {
    return t;
  }

  @Override
  public String tenancyId() {
    return t.tenancyId;
  }

  @Override
  public String tenancyName() {
    return t.tenancyName;
  }

  @Override
  public String namespace() {
    return t.namespace;
  }

  @Override
  public String homeRegion() {
    return t.regions.get(0).name();
  }

  @Override
  public List<String> regions() {
    return t.regions.stream().map(Region::name).toList();
  }

  @Override
  public List<String> availabilityDomains(String region) {
    int r = regionIndex(region);
    List<String> ads = new ArrayList<>();
    for (int ad = 0; ad < t.regions.get(r).availabilityDomains(); ad++) {
      ads.add(t.adName(r, ad));
    }
    return ads;
  }

  @Override
  public LocalDate now() {
    return t.now();
  }

  @Override
  public Period history() {
    return Period.of(t.historyStart(), t.now());
  }

  @Override
  public String currency() {
    return t.prices.currency();
  }

  @Override
  public int pageSize() {
    return pageSize;
  }

  @Override
  public List<String> compartmentIds() {
    return t.compartments.stream().filter(SimCompartment::active).map(SimCompartment::id).toList();
  }

  @Override
  public List<String> deletedCompartmentIds() {
    return t.compartments.stream().filter(c -> !c.active()).map(SimCompartment::id).toList();
  }

  @Override
  public String compartmentPath(String compartmentId) {
    return t.compartments.get(compartmentIndex(compartmentId)).path();
  }

  private int regionIndex(String region) {
    int r = t.regionIndex(region);
    if (r < 0) {
      throw new IllegalArgumentException("region " + region + " is not one of " + regions());
    }
    return r;
  }

  private int compartmentIndex(String id) {
    Integer c = t.compartmentById.get(id);
    if (c == null) {
      throw new IllegalArgumentException("compartment " + id + " is not in this tenancy");
    }
    return c;
  }

  @Override
  public int count(ResourceType type) {
    return (int) t.resources.stream().filter(r -> r.type == type).count();
  }

  @Override
  public int count(ResourceType type, String region) {
    int r = regionIndex(region);
    return (int) t.resources.stream().filter(x -> x.type == type && x.region == r).count();
  }

  @Override
  public int count(ResourceType type, String region, String compartmentId) {
    return t.scope(type, regionIndex(region), compartmentIndex(compartmentId)).length;
  }

  @Override
  public Map<String, Map<ResourceType, Integer>> countsByCompartment() {
    Map<String, Map<ResourceType, Integer>> out = new LinkedHashMap<>();
    for (SimCompartment c : t.compartments) {
      Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
      for (ResourceType type : ResourceType.values()) {
        int n = 0;
        for (int region = 0; region < t.regions.size(); region++) {
          n += t.scope(type, region, c.index()).length;
        }
        if (n > 0) {
          counts.put(type, n);
        }
      }
      if (!counts.isEmpty()) {
        out.put(c.id(), counts);
      }
    }
    return out;
  }

  @Override
  public Map<String, Integer> countsByState(ResourceType type) {
    Map<String, Integer> out = new TreeMap<>();
    t.resources.stream()
        .filter(r -> r.type == type)
        .forEach(r -> out.merge(r.state, 1, Integer::sum));
    return out;
  }

  @Override
  public List<String> resourceIds(ResourceType type, String region, String compartmentId) {
    return Arrays.stream(t.scope(type, regionIndex(region), compartmentIndex(compartmentId)))
        .mapToObj(i -> t.res(i).id)
        .toList();
  }

  @Override
  public Optional<ResourceFacts> findResource(String id) {
    // every generated resource is listed; other ids (attachments, deleted sources) are not
    Integer index = t.resourceById.get(id);
    return index == null ? Optional.empty() : Optional.of(Facts.of(t, t.res(index)));
  }

  @Override
  public List<ResourceFacts> resources(ResourceType type, String region, String compartmentId) {
    return Arrays.stream(t.scope(type, regionIndex(region), compartmentIndex(compartmentId)))
        .mapToObj(i -> Facts.of(t, t.res(i)))
        .toList();
  }

  @Override
  public List<String> crossCompartmentAttachments() {
    return t.resources.stream()
        .filter(r -> r.type == ResourceType.BLOCK_VOLUME || r.type == ResourceType.BOOT_VOLUME)
        .filter(r -> r.link >= 0 && t.res(r.link).compartment != r.compartment)
        .map(r -> r.id)
        .toList();
  }

  /** Per-day totals over the history, computed once. */
  synchronized long[] dailyTotals() {
    if (dailyTotals == null) {
      long first = t.historyStart().toEpochDay();
      long[] totals = new long[t.params.days()];
      for (int d = 0; d < totals.length; d++) {
        long[] sum = {0};
        costs.forEachLine(first + d, line -> sum[0] += line.amount);
        totals[d] = sum[0];
      }
      dailyTotals = totals;
    }
    return dailyTotals;
  }

  @Override
  public BigDecimal cost(Period period) {
    long sum = 0;
    for (Map.Entry<LocalDate, Long> e : dayUnits(period).entrySet()) {
      sum += e.getValue();
    }
    return money(sum);
  }

  private Map<LocalDate, Long> dayUnits(Period period) {
    Map<LocalDate, Long> out = new TreeMap<>();
    long[] totals = dailyTotals();
    LocalDate first = t.historyStart();
    period
        .intersection(history())
        .ifPresent(
            p ->
                p.dayStream()
                    .forEach(d -> out.put(d, totals[(int) (d.toEpochDay() - first.toEpochDay())])));
    return out;
  }

  @Override
  public Map<LocalDate, BigDecimal> costByDay(Period period) {
    Map<LocalDate, BigDecimal> out = new TreeMap<>();
    dayUnits(period).forEach((d, units) -> out.put(d, money(units)));
    return out;
  }

  @Override
  public Map<YearMonth, BigDecimal> costByMonth() {
    Map<YearMonth, Long> units = new TreeMap<>();
    dayUnits(history()).forEach((d, u) -> units.merge(YearMonth.from(d), u, Long::sum));
    Map<YearMonth, BigDecimal> out = new TreeMap<>();
    units.forEach((m, u) -> out.put(m, money(u)));
    return out;
  }

  private Map<String, BigDecimal> costBy(Period period, Function<CostLine, String> key) {
    Map<String, Long> units = new TreeMap<>();
    period
        .intersection(history())
        .ifPresent(
            p ->
                p.dayStream()
                    .forEach(
                        d ->
                            costs.forEachLine(
                                d.toEpochDay(),
                                line -> {
                                  String k = key.apply(line);
                                  if (k != null) {
                                    units.merge(k, line.amount, Long::sum);
                                  }
                                })));
    Map<String, BigDecimal> out = new TreeMap<>();
    units.forEach((k, u) -> out.put(k, money(u)));
    return out;
  }

  @Override
  public Map<String, BigDecimal> costByService(Period period) {
    return costBy(period, line -> line.service);
  }

  @Override
  public Map<String, BigDecimal> costByCompartment(Period period) {
    return costBy(period, line -> t.compartments.get(line.compartment).id());
  }

  @Override
  public Map<String, BigDecimal> costByResource(Period period) {
    return costBy(period, line -> line.res == null ? null : line.res.id);
  }

  @Override
  public BigDecimal costWithoutResource(Period period) {
    return costBy(period, line -> line.res == null ? "" : null).getOrDefault("", BigDecimal.ZERO);
  }

  @Override
  public List<ResourceSkuCost> costBySku(String resourceId, Period period) {
    Integer index = t.resourceById.get(resourceId);
    if (index == null) {
      throw new IllegalArgumentException("resource " + resourceId + " is not in this tenancy");
    }
    Map<String, long[]> sums = new TreeMap<>(); // amount, quantity, first, last, days
    Map<String, CostLine> first = new HashMap<>();
    period
        .intersection(history())
        .ifPresent(
            p ->
                p.dayStream()
                    .forEach(
                        d ->
                            costs.forEachLine(
                                t.res(index),
                                d.toEpochDay(),
                                line -> {
                                  long[] s =
                                      sums.computeIfAbsent(
                                          line.sku.partNumber(),
                                          k ->
                                              new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0});
                                  s[0] += line.amount;
                                  s[1] += line.quantity;
                                  if (s[3] != line.epochDay) {
                                    s[4]++;
                                  }
                                  s[2] = Math.min(s[2], line.epochDay);
                                  s[3] = Math.max(s[3], line.epochDay);
                                  if (!first.containsKey(line.sku.partNumber())) {
                                    CostLine copy = new CostLine(line.sku);
                                    copy.service = line.service;
                                    first.put(line.sku.partNumber(), copy);
                                  }
                                })));
    List<ResourceSkuCost> out = new ArrayList<>();
    java.util.Currency currency = java.util.Currency.getInstance(currency());
    sums.forEach(
        (sku, s) -> {
          CostLine line = first.get(sku);
          out.add(
              new ResourceSkuCost(
                  resourceId,
                  line.service,
                  sku,
                  line.sku.name(),
                  line.sku.unit(),
                  currency,
                  money(s[0]),
                  BigDecimal.valueOf(s[1], Sku.QUANTITY_SCALE),
                  LocalDate.ofEpochDay(s[2]),
                  LocalDate.ofEpochDay(s[3]),
                  (int) s[4]));
        });
    return out;
  }

  @Override
  public BigDecimal cost(String resourceId, LocalDate day) {
    Integer index = t.resourceById.get(resourceId);
    if (index == null) {
      throw new IllegalArgumentException("resource " + resourceId + " is not in this tenancy");
    }
    if (!history().contains(day)) {
      return BigDecimal.ZERO;
    }
    long[] sum = {0};
    costs.forEachLine(t.res(index), day.toEpochDay(), line -> sum[0] += line.amount);
    return money(sum[0]);
  }

  @Override
  public Optional<MetricAggregate> findMetricDaily(
      String resourceId, MetricName metric, LocalDate day) {
    Integer index = t.resourceById.get(resourceId);
    if (index == null) {
      throw new IllegalArgumentException("resource " + resourceId + " is not in this tenancy");
    }
    return DailyMetrics.aggregate(metrics, t.res(index), metric, day);
  }

  @Override
  public CostDynamics dynamics() {
    return t.params.dynamics();
  }

  @Override
  public double loadFactor(LocalDate day) {
    return costs.loadFactor(day.toEpochDay());
  }

  @Override
  public List<String> elasticResourceIds() {
    return t.resources.stream().filter(r -> r.elastic).map(r -> r.id).toList();
  }

  @Override
  public Map<String, Instant> addedInstances() {
    Map<String, Instant> out = new LinkedHashMap<>();
    t.resources.stream()
        .filter(r -> r.added && r.type == ResourceType.INSTANCE)
        .sorted(Comparator.comparingLong((Res r) -> r.createdHour).thenComparing(r -> r.index))
        .forEach(r -> out.put(r.id, Instant.ofEpochSecond(r.createdHour * 3600)));
    return out;
  }

  @Override
  public List<CostSpike> costSpikes() {
    List<CostSpike> out = new ArrayList<>();
    t.spikes.stream()
        .sorted(Comparator.comparingLong(Spike::epochDay).thenComparing(Spike::resource))
        .forEach(
            s -> {
              Res r = t.res(s.resource());
              long[] with = {0};
              long[] without = {0};
              costs.forEachLine(r, s.epochDay(), line -> with[0] += line.amount);
              costs.forEachLineWithoutSpike(r, s.epochDay(), line -> without[0] += line.amount);
              out.add(
                  new CostSpike(
                      LocalDate.ofEpochDay(s.epochDay()),
                      r.type == ResourceType.INSTANCE ? CostModel.COMPUTE : CostModel.DATABASE,
                      r.id,
                      t.region(r).name(),
                      t.compartment(r).id(),
                      BigDecimal.valueOf(s.percent(), 2),
                      money(with[0] - without[0])));
            });
    return out;
  }

  @Override
  public Map<PlantedCase, List<String>> plantedCases() {
    return PlantedCases.find(t);
  }

  @Override
  public String toJson() {
    return TruthJson.write(this);
  }
}
