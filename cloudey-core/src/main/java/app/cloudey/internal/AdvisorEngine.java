package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.RuleFailure;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.PriceBook;
import app.cloudey.spi.RuleContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads one read-only snapshot of an account and runs every registered rule over it. */
public final class AdvisorEngine {
  private static final Logger LOG = LoggerFactory.getLogger(AdvisorEngine.class);

  /** Complete months of cost lines the rules see. */
  static final int COST_WINDOW_MONTHS = 3;

  private final Runtime runtime;

  public AdvisorEngine(Runtime runtime) {
    this.runtime = runtime;
  }

  /**
   * Runs every rule over one snapshot: a rule that throws is recorded as a {@link RuleFailure} and
   * the others still run. Recommendations are ordered most severe first, then largest saving, then
   * id; the reconciliation marks those whose resources a larger saving already counts.
   */
  public RecommendationRun run(AccountId accountId, Map<String, String> options) {
    Instant generatedAt = runtime.clock().instant();
    RuleContext context = snapshot(accountId, options);
    List<Recommendation> all = new ArrayList<>();
    List<RuleFailure> failures = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (AdvisorRule rule : runtime.rules()) {
      long start = System.nanoTime();
      List<Recommendation> found;
      try {
        found = List.copyOf(rule.evaluate(context));
      } catch (RuntimeException e) {
        LOG.warn("advisor rule {} failed for account {}", rule.id(), accountId, e);
        failures.add(
            new RuleFailure(rule.id(), e.getClass().getSimpleName() + ": " + e.getMessage()));
        continue;
      }
      runtime
          .listener()
          .ruleEvaluated(
              accountId, rule.id(), found.size(), Duration.ofNanos(System.nanoTime() - start));
      for (Recommendation r : found) {
        if (ids.add(r.id())) { // two rules (or one twice) reporting one finding: keep the first
          all.add(r);
        }
      }
    }
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

  private RuleContext snapshot(AccountId accountId, Map<String, String> options) {
    Clock clock = runtime.clock();
    YearMonth current = YearMonth.from(Period.today(clock));
    Period costWindow =
        new Period(current.minusMonths(COST_WINDOW_MONTHS).atDay(1), current.atDay(1));
    Period metricWindow = Period.lastDays(runtime.settings().metricLookbackDays(), clock);
    List<Resource> resources = runtime.store().inventory().resources(accountId, ResourceFilter.ALL);
    List<CostLine> lines;
    try (Stream<CostLine> stream = runtime.store().costs().lines(accountId, costWindow)) {
      lines = stream.toList();
    }
    List<MetricDaily> metrics =
        runtime.store().metrics().daily(accountId, MetricQuery.of(metricWindow));
    return new Snapshot(
        accountId,
        clock,
        resources,
        costWindow,
        lines,
        metricWindow,
        metrics,
        runtime.priceBook(),
        Map.copyOf(options));
  }

  private record Snapshot(
      AccountId accountId,
      Clock clock,
      List<Resource> resources,
      Period costWindow,
      List<CostLine> costLines,
      Period metricWindow,
      List<MetricDaily> metrics,
      PriceBook priceBook,
      Map<String, String> options)
      implements RuleContext {}
}
