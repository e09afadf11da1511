package app.cloudey.testkit.advisor;

import app.cloudey.Cloudey;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-built tenancy written straight into an in-memory store, for golden scenarios. Today
 * is 2026-11-15: the trailing cost window is 2026-10-16 .. 2026-11-14 (30 days), the metric window
 * 2026-11-01 .. 2026-11-14 (14 days).
 */
final class GoldenTenancy implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 15);
  static final LocalDate COST_START = LocalDate.of(2026, 10, 16);
  static final LocalDate METRIC_START = LocalDate.of(2026, 11, 1);
  static final Instant FIRST_SYNC = Instant.parse("2026-11-01T06:00:00Z");
  static final Instant LONG_AGO = Instant.parse("2026-07-01T00:00:00Z");
  static final String REGION = Fixtures.HOME_REGION;
  static final String COMPARTMENT = Fixtures.PROD;

  final MutableClock clock = MutableClock.at(NOW);
  final InMemoryStore store = InMemoryStore.create(clock);
  final AccountId id = Cloudey.DEFAULT_ACCOUNT;
  private final Map<ResourceType, List<Resource>> resources = new LinkedHashMap<>();
  private final List<CostLine> lines = new ArrayList<>();
  private final List<MetricDaily> metrics = new ArrayList<>();
  private Cloudey cloudey;

  Resource.Builder resource(ResourceType type, String rid, String name, String state) {
    return Resource.builder()
        .accountId(id)
        .provider(Fixtures.PROVIDER)
        .type(type)
        .id(rid)
        .name(name)
        .region(REGION)
        .compartmentId(COMPARTMENT)
        .lifecycleState(state)
        .timeCreated(LONG_AGO);
  }

  GoldenTenancy add(Resource r) {
    resources.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
    return this;
  }

  /**
   * A run's findings of one rule: their resources (joined by "+"; the title when none) to the
   * saving rounded to the cent, "none" without an amount.
   */
  static java.util.Map<String, String> savings(
      app.cloudey.model.RecommendationRun run, String ruleId) {
    return run.recommendations().stream()
        .filter(r -> r.ruleId().equals(ruleId))
        .collect(
            java.util.stream.Collectors.toMap(
                r -> r.resourceIds().isEmpty() ? r.title() : String.join("+", r.resourceIds()),
                r ->
                    r.basis() == app.cloudey.model.SavingsBasis.NONE
                        ? "none"
                        : r.monthlySavings()
                            .amount()
                            .setScale(2, java.math.RoundingMode.HALF_EVEN)
                            .toPlainString()));
  }

  static ResourceSpec.Builder spec() {
    return ResourceSpec.builder();
  }

  /** One line a day from {@code first} for {@code days} days, each costing {@code usd}. */
  GoldenTenancy bill(
      String rid, String service, String sku, String unit, LocalDate first, int days, String usd) {
    for (int i = 0; i < days; i++) {
      lines.add(
          CostLine.builder()
              .accountId(id)
              .day(first.plusDays(i))
              .service(service)
              .skuPartNumber(sku)
              .skuName(sku + " " + unit)
              .unit(unit)
              .quantity(BigDecimal.ONE)
              .cost(Money.of(usd, "USD"))
              .region(REGION)
              .compartmentId(COMPARTMENT)
              .compartmentPath("root/prod")
              .resourceId(rid)
              .build());
    }
    return this;
  }

  /** A line without a resource in another region. */
  GoldenTenancy lineIn(String region, LocalDate day, String service, String usd) {
    lines.add(
        CostLine.builder()
            .accountId(id)
            .day(day)
            .service(service)
            .skuPartNumber("S")
            .skuName("S")
            .unit("u")
            .quantity(BigDecimal.ONE)
            .cost(Money.of(usd, "USD"))
            .region(region)
            .compartmentId(COMPARTMENT)
            .compartmentPath("root/prod")
            .build());
    return this;
  }

  /** Every day of the 30-day cost window. */
  GoldenTenancy billMonth(String rid, String service, String sku, String unit, String usd) {
    return bill(rid, service, sku, unit, COST_START, 30, usd);
  }

  /** {@code days} days of a metric from 11-01, each with 24 hourly samples. */
  GoldenTenancy measure(
      String rid, MetricName metric, int days, double mean, double p95, double max) {
    for (int i = 0; i < days; i++) {
      metrics.add(new MetricDaily(id, rid, metric, METRIC_START.plusDays(i), mean, max, p95, 24));
    }
    return this;
  }

  /** 14 missing days (every fetch failed). */
  GoldenTenancy unmeasured(String rid, MetricName metric) {
    for (int i = 0; i < 14; i++) {
      metrics.add(MetricDaily.missing(id, rid, metric, METRIC_START.plusDays(i)));
    }
    return this;
  }

  /** Builds Cloudey over the store with the rules and writes the data (first synced 11-01). */
  Cloudey cloudey(List<AdvisorRule> rules) {
    Cloudey.Builder builder =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(store)
            .clock(clock);
    rules.forEach(builder::rule);
    cloudey = builder.build();
    resources.forEach(
        (type, list) ->
            store
                .inventory()
                .replaceScope(id, new Scope(REGION, COMPARTMENT, type), list, FIRST_SYNC));
    store.costs().replaceCostLines(id, Period.of(LocalDate.of(2026, 8, 1), TODAY), lines.stream());
    store.metrics().upsert(id, metrics);
    return cloudey;
  }

  /** The Cloudey {@link #cloudey(List)} built. */
  Cloudey cloudey() {
    return cloudey;
  }

  @Override
  public void close() {
    if (cloudey != null) {
      cloudey.close();
    }
    store.close();
  }
}
