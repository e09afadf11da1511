package app.cloudey.advisor;

import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code idle-load-balancer}: an ACTIVE load balancer with no backends, no healthy backend, or
 * almost no traffic: peak bandwidth below {@code peakMbps} and fewer than {@code requestsPerDay}
 * requests a day, both measured in at least {@code minCoverage} of the window's hours (missing
 * metrics are not idle).
 *
 * <p><b>Saving</b> = the load balancer's monthly cost: billed over the trailing 30 days × 30 / days
 * with cost, list price otherwise.
 */
public final class IdleLoadBalancerRule implements AdvisorRule {
  public static final String ID = "idle-load-balancer";

  /**
   * @param peakMbps peak bandwidth below this is idle (default 1)
   * @param requestsPerDay fewer requests a day than this is idle (default 100)
   * @param minCoverage share of the window's hours that must have data (default 0.8)
   * @param estimator list prices where nothing is billed (default none)
   */
  public record Options(
      double peakMbps, double requestsPerDay, double minCoverage, ListPriceEstimator estimator) {
    public static final Options DEFAULTS = new Options(1, 100, 0.8, ListPriceEstimator.NONE);
  }

  private final Options options;

  public IdleLoadBalancerRule() {
    this(Options.DEFAULTS);
  }

  public IdleLoadBalancerRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    List<Recommendation> out = new ArrayList<>();
    for (Resource lb : context.resources(ResourceType.LOAD_BALANCER)) {
      if (!"ACTIVE".equals(lb.lifecycleState())) {
        continue;
      }
      Integer backends = lb.spec().backendCount();
      Integer healthy = lb.spec().healthyBackendCount();
      String why = null;
      double confidence = 0.9;
      if (backends != null && backends == 0) {
        why = "it has no backends";
      } else if (healthy != null && healthy == 0) {
        why = "none of its " + backends + " backends is healthy";
        confidence = 0.8;
      } else {
        Optional<MetricSummary> peak =
            covered(context.metric(lb.id(), MetricName.LB_PEAK_BANDWIDTH));
        Optional<MetricSummary> requests = covered(context.metric(lb.id(), MetricName.LB_REQUESTS));
        if (peak.isPresent()
            && requests.isPresent()
            && Finding.high(peak.get().max()) < options.peakMbps()
            && Finding.high(requests.get().mean()) * 24 < options.requestsPerDay()) {
          why =
              "its peak bandwidth was "
                  + Finding.number(Finding.high(peak.get().max()))
                  + " Mbps and it served about "
                  + Finding.number(Finding.high(requests.get().mean()) * 24)
                  + " requests a day";
          confidence = Math.min(peak.get().coverage(), requests.get().coverage());
        }
      }
      if (why == null) {
        continue;
      }
      Saving saving = Costing.whole(context, lb, options.estimator());
      out.add(
          new Finding(ID, context)
              .resource(lb)
              .severity(Severity.HIGH)
              .title("Idle load balancer " + lb.name())
              .summary(
                  "Load balancer **"
                      + lb.name()
                      + "** does no useful work: "
                      + why
                      + ". "
                      + saving.describe())
              .saving(saving)
              .confidence(confidence)
              .columns("load balancer", "shape", "backends", "healthy backends", "why")
              .row(
                  lb.name(),
                  String.valueOf(lb.spec().shape()),
                  String.valueOf(backends),
                  String.valueOf(healthy),
                  why)
              .action(
                  "Delete it or consolidate",
                  "If no traffic should reach it, delete it; otherwise fix its backends or merge it"
                      + " into another load balancer.")
              .build());
    }
    return out;
  }

  private Optional<MetricSummary> covered(Optional<MetricSummary> summary) {
    return summary.filter(s -> s.coverage() >= options.minCoverage());
  }
}
