package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.PriceBook;
import app.cloudey.spi.RuleContext;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loads one read-only snapshot of an account and runs every registered rule over it. */
public final class AdvisorEngine {
  /** Complete months of cost lines the rules see. */
  static final int COST_WINDOW_MONTHS = 3;

  private final Runtime runtime;

  public AdvisorEngine(Runtime runtime) {
    this.runtime = runtime;
  }

  /** Recommendations of every rule, most severe first, then largest saving first. */
  public List<Recommendation> generate(AccountId accountId, Map<String, String> options) {
    RuleContext context = snapshot(accountId, options);
    List<Recommendation> all = new ArrayList<>();
    for (AdvisorRule rule : runtime.rules()) {
      long start = System.nanoTime();
      List<Recommendation> found = rule.evaluate(context);
      runtime
          .listener()
          .ruleEvaluated(
              accountId, rule.id(), found.size(), Duration.ofNanos(System.nanoTime() - start));
      all.addAll(found);
    }
    all.sort(
        Comparator.comparing(Recommendation::severity)
            .thenComparing(r -> r.monthlySavings().amount(), Comparator.reverseOrder())
            .thenComparing(Recommendation::id));
    return all;
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
