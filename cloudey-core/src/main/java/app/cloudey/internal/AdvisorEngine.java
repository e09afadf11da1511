package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceType;
import app.cloudey.model.RuleFailure;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.PriceBook;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads one read-only snapshot of an account and runs every registered rule over it. */
public final class AdvisorEngine {
  private static final Logger LOG = LoggerFactory.getLogger(AdvisorEngine.class);

  private final Runtime runtime;

  public AdvisorEngine(Runtime runtime) {
    this.runtime = runtime;
  }

  /**
   * Runs every rule over one snapshot: a rule that throws is recorded as a {@link RuleFailure} and
   * the others still run. Recommendations are ordered most severe first, then largest saving, then
   * id; the reconciliation marks those whose resources a larger saving already counts.
   *
   * <p>The snapshot's reads and then the rules run on the same few threads ({@code
   * advisorReadConcurrency}, {@link ConcurrentReads}): rules are pure functions of the snapshot
   * ({@link AdvisorRule} is thread-safe), so they run at once, and their findings are merged in
   * registration order, so the run is the same as when they run in turn.
   */
  public RecommendationRun run(AccountId accountId) {
    Instant generatedAt = runtime.clock().instant();
    try (ConcurrentReads work =
        new ConcurrentReads(runtime.settings().advisorReadConcurrency() - 1, "cloudey-advisor-")) {
      RuleContext context = snapshot(work, accountId);
      Runtime.AccountRules rules = runtime.rules(accountId);
      List<ConcurrentReads.Read<Evaluation>> evaluations = new ArrayList<>();
      for (AdvisorRule rule : rules.rules()) {
        evaluations.add(work.fork(() -> evaluate(accountId, rule, context)));
      }
      List<Recommendation> all = new ArrayList<>();
      List<RuleFailure> failures = new ArrayList<>(rules.failures());
      Set<String> ids = new HashSet<>();
      for (ConcurrentReads.Read<Evaluation> evaluation : evaluations) {
        Evaluation e = evaluation.get();
        if (e.failure() != null) {
          failures.add(e.failure());
        }
        for (Recommendation r : e.found()) {
          if (ids.add(r.id())) { // two rules (or one twice) reporting one finding: keep the first
            all.add(r);
          }
        }
      }
      return finish(accountId, generatedAt, all, failures);
    }
  }

  /** One rule's findings, or its failure (then no findings). */
  private record Evaluation(List<Recommendation> found, @Nullable RuleFailure failure) {}

  private Evaluation evaluate(AccountId accountId, AdvisorRule rule, RuleContext context) {
    long start = System.nanoTime();
    List<Recommendation> found;
    try {
      found = List.copyOf(rule.evaluate(context));
    } catch (RuntimeException e) {
      LOG.warn("advisor rule {} failed for account {}", rule.id(), accountId, e);
      return new Evaluation(
          List.of(),
          new RuleFailure(rule.id(), e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    runtime
        .listener()
        .ruleEvaluated(
            accountId, rule.id(), found.size(), Duration.ofNanos(System.nanoTime() - start));
    return new Evaluation(found, null);
  }

  private RecommendationRun finish(
      AccountId accountId,
      Instant generatedAt,
      List<Recommendation> all,
      List<RuleFailure> failures) {
    all.sort(
        Comparator.comparing(Recommendation::severity)
            .thenComparing(r -> r.monthlySavings().amount(), Comparator.reverseOrder())
            .thenComparing(Recommendation::id));
    return new RecommendationRun(
        UUID.randomUUID().toString(),
        accountId,
        generatedAt,
        all,
        failures,
        Reconciler.supersededBy(all));
  }

  /**
   * Reads the snapshot. The four reads it needs are independent store calls and, with an {@code
   * advisorReadConcurrency} above 1, run at the same time ({@link ConcurrentReads}). They are
   * forked in this order: the per-resource costs (with their grouping by resource), then the
   * inventory, the metric summaries and the insights' grouped cost aggregate of the recent months.
   * A fork with no idle pool thread runs on this thread, so with one pool thread (the default on
   * two processors) the costs run there while this thread reads the other three. When the store
   * computes the costs on read (their window not kept), they are the longest read and the two lanes
   * are of about equal length, where forking the inventory first left the costs and two more reads
   * on this thread; when the store keeps the advisor's windows, the inventory is the longest
   * (forking it first then is not measured). With 1 they run in turn on this thread, and the
   * insights' aggregate only when a rule first asks for it. Each is one store call as before, so
   * each is as consistent as the store makes it, and none sees another's writes any differently
   * than when they ran in turn. The insights' aggregate is only awaited when a rule first asks for
   * it, so its failure is that rule's failure, as when the rule read it itself.
   */
  private RuleContext snapshot(ConcurrentReads reads, AccountId accountId) {
    Clock clock = runtime.clock();
    LocalDate today = Period.today(clock);
    Period costWindow = runtime.advisorCostWindow();
    Period metricWindow = runtime.advisorMetricWindow();
    Period insightRange = InsightCosts.recentMonths(today);
    CostQuery insightQuery = InsightCosts.fineQuery(insightRange);
    CloudeyStore store = runtime.store();
    ConcurrentReads.Read<ResourceCosts> costRead =
        reads.fork(
            () -> ResourceCosts.of(store.costs().resourceCosts(accountId, costWindow), costWindow));
    ConcurrentReads.Read<List<Resource>> inventory =
        reads.fork(() -> store.inventory().resources(accountId, ResourceFilter.ALL));
    ConcurrentReads.Read<List<MetricSummary>> summaries =
        reads.fork(() -> store.metrics().summaries(accountId, MetricQuery.of(metricWindow)));
    // read one after another, the insights' aggregate stays lazy: no rule may ask for it
    ConcurrentReads.@Nullable Read<List<CostRow>> recent =
        reads.concurrent()
            ? reads.fork(() -> List.copyOf(store.costs().aggregate(accountId, insightQuery)))
            : null;
    ResourceCosts resourceCosts = costRead.get();
    Map<String, ResourceCost> costs = resourceCosts.byResource();
    List<MetricSummary> summaryList = summaries.get();
    Map<MetricKey, MetricSummary> metrics = new HashMap<>(summaryList.size() * 4 / 3 + 1);
    for (MetricSummary m : summaryList) {
      metrics.put(new MetricKey(m.resourceId(), m.metric()), m);
    }
    List<Resource> resources = inventory.get();
    Map<String, Resource> byId = new HashMap<>();
    Map<ResourceType, List<Resource>> byType = new EnumMap<>(ResourceType.class);
    Map<String, List<Resource>> attached = new HashMap<>();
    for (Resource r : resources) {
      byId.put(r.id(), r);
      byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
      String to = r.spec().attachedTo();
      if (to != null) {
        attached.computeIfAbsent(to, id -> new ArrayList<>()).add(r);
      }
    }
    byType.replaceAll((t, list) -> List.copyOf(list));
    attached.replaceAll((id, list) -> List.copyOf(list));
    Map<CostQuery, List<CostRow>> answered = new ConcurrentHashMap<>();
    InsightCosts insights =
        new InsightCosts(
            insightRange,
            query ->
                recent != null && query.equals(insightQuery)
                    ? recent.get()
                    : store.costs().aggregate(accountId, query));
    return new Snapshot(
        accountId,
        clock,
        List.copyOf(resources),
        byId,
        byType,
        attached,
        costWindow,
        costs,
        metricWindow,
        metrics,
        runtime.priceBook(),
        resourceCosts.billingCurrency(),
        // one snapshot, one answer per query (several insights ask for last month by service),
        // and the recent days' unfiltered aggregates all from one grouped query
        query ->
            answered.computeIfAbsent(
                query,
                q ->
                    insights
                        .answer(q)
                        .orElseGet(() -> List.copyOf(store.costs().aggregate(accountId, q)))));
  }

  /**
   * The window's per-resource costs by resource, and the currency billed most (by absolute amount,
   * equal amounts by currency code): empty when no line names a resource.
   */
  private record ResourceCosts(
      Map<String, ResourceCost> byResource, Optional<Currency> billingCurrency) {
    static ResourceCosts of(List<ResourceSkuCost> rows, Period window) {
      Map<String, List<ResourceSkuCost>> grouped = new HashMap<>();
      Map<Currency, BigDecimal> billed = new HashMap<>();
      for (ResourceSkuCost row : rows) {
        grouped.computeIfAbsent(row.resourceId(), id -> new ArrayList<>()).add(row);
        billed.merge(row.currency(), row.amount().abs(), BigDecimal::add);
      }
      Map<String, ResourceCost> byResource = new HashMap<>(grouped.size() * 4 / 3 + 1);
      grouped.forEach((id, list) -> byResource.put(id, new ResourceCost(id, window, list)));
      Optional<Currency> billingCurrency =
          billed.entrySet().stream()
              .max(
                  Map.Entry.<Currency, BigDecimal>comparingByValue()
                      .thenComparing(e -> e.getKey().getCurrencyCode()))
              .map(Map.Entry::getKey);
      return new ResourceCosts(byResource, billingCurrency);
    }
  }

  /** A metric summary's key: a record, not a concatenated string built again on every lookup. */
  private record MetricKey(String resourceId, MetricName metric) {}

  private record Snapshot(
      AccountId accountId,
      Clock clock,
      List<Resource> resources,
      Map<String, Resource> byId,
      Map<ResourceType, List<Resource>> byType,
      Map<String, List<Resource>> attached,
      Period costWindow,
      Map<String, ResourceCost> costs,
      Period metricWindow,
      Map<MetricKey, MetricSummary> metrics,
      PriceBook priceBook,
      Optional<Currency> billingCurrency,
      Function<CostQuery, List<CostRow>> aggregate)
      implements RuleContext {

    @Override
    public List<Resource> resources(ResourceType type) {
      return byType.getOrDefault(type, List.of());
    }

    @Override
    public List<Resource> attachedTo(String resourceId) {
      return attached.getOrDefault(resourceId, List.of());
    }

    @Override
    public Optional<Resource> resource(String id) {
      return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<ResourceCost> cost(String resourceId) {
      return Optional.ofNullable(costs.get(resourceId));
    }

    @Override
    public List<CostRow> costs(CostQuery query) {
      return aggregate.apply(query);
    }

    @Override
    public Optional<MetricSummary> metric(String resourceId, MetricName metric) {
      return Optional.ofNullable(metrics.get(new MetricKey(resourceId, metric)));
    }
  }
}
