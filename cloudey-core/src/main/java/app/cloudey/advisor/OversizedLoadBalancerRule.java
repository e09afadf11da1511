package app.cloudey.advisor;

import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code oversized-load-balancer}: a flexible load balancer whose reserved minimum bandwidth
 * ({@code bandwidthMinMbps}, what is billed even when unused) is far above its peak: peak below
 * {@code peakShare} of the minimum over the window, with at least {@code minCoverage} measured.
 * Target minimum = max({@code floorMbps}, peak rounded up to 10 Mbps).
 *
 * <p><b>Saving</b> = the monthly billed cost of its bandwidth SKUs (name or unit containing "Mbps"
 * or "Bandwidth") × (minimum − target) / minimum.
 */
public final class OversizedLoadBalancerRule implements AdvisorRule {
  public static final String ID = "oversized-load-balancer";

  static final Predicate<ResourceSkuCost> BANDWIDTH_SKU =
      s -> {
        String text = (s.skuName() + " " + s.unit()).toUpperCase(Locale.ROOT);
        return text.contains("MBPS") || text.contains("BANDWIDTH");
      };

  /**
   * @param peakShare peak below this share of the minimum is oversized (default 0.25)
   * @param floorMbps the smallest minimum bandwidth (default 10)
   * @param minCoverage share of the window's hours that must have data (default 0.8)
   */
  public record Options(double peakShare, int floorMbps, double minCoverage) {
    public static final Options DEFAULTS = new Options(0.25, 10, 0.8);
  }

  private final Options options;

  public OversizedLoadBalancerRule() {
    this(Options.DEFAULTS);
  }

  public OversizedLoadBalancerRule(Options options) {
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
      Integer min = lb.spec().bandwidthMinMbps();
      if (!"ACTIVE".equals(lb.lifecycleState()) || min == null || min <= options.floorMbps()) {
        continue;
      }
      Optional<MetricSummary> peak =
          context
              .metric(lb.id(), MetricName.LB_PEAK_BANDWIDTH)
              .filter(s -> s.coverage() >= options.minCoverage());
      Optional<ResourceCost> cost = context.cost(lb.id());
      if (peak.isEmpty()
          || Finding.high(peak.get().max()) >= options.peakShare() * min
          || cost.isEmpty()
          || !cost.get().has(BANDWIDTH_SKU)) {
        continue;
      }
      int target =
          Math.max(options.floorMbps(), (int) Math.ceil(Finding.high(peak.get().max()) / 10) * 10);
      if (target >= min) {
        continue;
      }
      Money bandwidth = cost.get().monthly(BANDWIDTH_SKU);
      Money saving =
          bandwidth.times(
              BigDecimal.valueOf(min - target)
                  .divide(BigDecimal.valueOf(min), MathContext.DECIMAL64));
      Saving s = Saving.billed(saving);
      out.add(
          new Finding(ID, context)
              .resource(lb)
              .severity(Severity.LOW)
              .title("Lower the minimum bandwidth of " + lb.name())
              .summary(
                  "Load balancer **"
                      + lb.name()
                      + "** reserves "
                      + min
                      + " Mbps but peaked at "
                      + Finding.number(Finding.high(peak.get().max()))
                      + " Mbps. A "
                      + target
                      + " Mbps minimum keeps headroom. "
                      + s.describe())
              .saving(s)
              .confidence(Math.min(0.8, peak.get().coverage()))
              .columns("load balancer", "minimum Mbps", "peak Mbps", "target minimum Mbps")
              .row(
                  lb.name(),
                  String.valueOf(min),
                  Finding.number(Finding.high(peak.get().max())),
                  String.valueOf(target))
              .action(
                  "Update the shape's minimum bandwidth",
                  "Edit the load balancer's flexible shape and set the minimum to "
                      + target
                      + " Mbps.")
              .build());
    }
    return out;
  }
}
