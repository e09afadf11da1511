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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code rightsize-instance}: an over-provisioned RUNNING flexible-shape instance (shape ending in
 * {@code .Flex}). Test: P95 CPU below {@code cpuP95Percent} with at least {@code minCoverage} of
 * the window's hours measured. Target: the smallest whole OCPU count that keeps the projected P95
 * at or below {@code targetP95Percent}: {@code target = max(1, ceil(ocpus × P95 /
 * targetP95Percent))}; memory is kept (its price is per GB and independent of OCPUs on flex
 * shapes).
 *
 * <p><b>Saving</b> = the monthly billed cost of the instance's OCPU SKUs (unit or name containing
 * "OCPU") × (ocpus − target) / ocpus: the current configuration's cost minus the target's at the
 * tenancy's own unit prices. An instance without billed OCPU cost (new, or billed under no OCPU
 * SKU) is priced by the {@code estimator} instead: the current configuration's monthly price minus
 * the target's (same memory), both from the provider's price book (OCI: the shape's per-OCPU and
 * per-GB SKUs, the tenancy's own billed unit prices first, then contract, then list prices at the
 * tenancy's marginal tier), citing its source and date. Without a price (no estimator, or an
 * account billed in another currency than the only prices known) the finding says so and has no
 * amount.
 */
public final class RightsizeInstanceRule implements AdvisorRule {
  public static final String ID = "rightsize-instance";

  static final Predicate<ResourceSkuCost> OCPU_SKU =
      s ->
          s.unit().toUpperCase(Locale.ROOT).contains("OCPU")
              || s.skuName().toUpperCase(Locale.ROOT).contains("OCPU");

  /**
   * @param cpuP95Percent P95 CPU below this is over-provisioned (default 40)
   * @param targetP95Percent projected P95 after the change at most this (default 60)
   * @param minCoverage share of the window's hours that must have data (default 0.8)
   * @param estimator prices both configurations where no OCPU cost is billed (default none)
   */
  public record Options(
      double cpuP95Percent,
      double targetP95Percent,
      double minCoverage,
      ListPriceEstimator estimator) {
    public static final Options DEFAULTS = new Options(40, 60, 0.8, ListPriceEstimator.NONE);

    /** Without an estimator: instances without billed OCPU cost get no amount. */
    public Options(double cpuP95Percent, double targetP95Percent, double minCoverage) {
      this(cpuP95Percent, targetP95Percent, minCoverage, ListPriceEstimator.NONE);
    }

    public Options withEstimator(ListPriceEstimator value) {
      return new Options(cpuP95Percent, targetP95Percent, minCoverage, value);
    }
  }

  private final Options options;

  public RightsizeInstanceRule() {
    this(Options.DEFAULTS);
  }

  public RightsizeInstanceRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    List<Recommendation> out = new ArrayList<>();
    for (Resource instance : context.resources(ResourceType.INSTANCE)) {
      String shape = instance.spec().shape();
      BigDecimal ocpus = instance.spec().ocpus();
      if (!"RUNNING".equals(instance.lifecycleState())
          || shape == null
          || !shape.endsWith(".Flex")
          || ocpus == null
          || ocpus.compareTo(BigDecimal.ONE) <= 0) {
        continue;
      }
      Optional<MetricSummary> cpu =
          context
              .metric(instance.id(), MetricName.CPU_UTILIZATION)
              .filter(s -> s.coverage() >= options.minCoverage());
      if (cpu.isEmpty() || Finding.high(cpu.get().p95()) >= options.cpuP95Percent()) {
        continue;
      }
      Optional<ResourceCost> cost = context.cost(instance.id()).filter(c -> c.has(OCPU_SKU));
      double p95 = Finding.high(cpu.get().p95());
      BigDecimal target =
          BigDecimal.valueOf(ocpus.doubleValue() * p95 / options.targetP95Percent())
              .setScale(0, RoundingMode.CEILING)
              .max(BigDecimal.ONE);
      if (target.compareTo(ocpus) >= 0) {
        continue;
      }
      double projected = p95 * ocpus.doubleValue() / target.doubleValue();
      String costColumn;
      String currentCost;
      String targetCost;
      Saving s;
      if (cost.isPresent()) {
        Money ocpuMonthly = cost.get().monthly(OCPU_SKU);
        Money saving =
            ocpuMonthly.times(ocpus.subtract(target).divide(ocpus, MathContext.DECIMAL64));
        s = Saving.billed(saving);
        costColumn = "OCPU monthly cost";
        currentCost = ocpuMonthly.toString();
        targetCost = ocpuMonthly.minus(saving).toString();
      } else {
        Resource smaller =
            instance.toBuilder().spec(instance.spec().toBuilder().ocpus(target).build()).build();
        ListPriceEstimator.Estimate now = options.estimator().monthly(instance, context);
        ListPriceEstimator.Estimate after = options.estimator().monthly(smaller, context);
        s = Costing.difference(context, now, after);
        costColumn = "monthly price as configured";
        currentCost = s.amount() == null ? "not priced" : String.valueOf(now.amount());
        targetCost = s.amount() == null ? "not priced" : String.valueOf(after.amount());
      }
      out.add(
          new Finding(ID, context)
              .resource(instance)
              .severity(Severity.MEDIUM)
              .title("Rightsize " + instance.name() + " to " + target + " OCPUs")
              .summary(
                  "Instance **"
                      + instance.name()
                      + "** ("
                      + shape
                      + ", "
                      + ocpus.toPlainString()
                      + " OCPUs) peaks at P95 CPU "
                      + Finding.number(p95)
                      + " %. With "
                      + target
                      + " OCPUs its P95 would be about "
                      + Finding.number(projected)
                      + " %. "
                      + s.describe())
              .saving(s)
              .confidence(Math.min(0.85, cpu.get().coverage()))
              .columns("", "OCPUs", "P95 CPU %", costColumn)
              .row("current", ocpus.toPlainString(), Finding.number(p95), currentCost)
              .row("target", target.toPlainString(), Finding.number(projected), targetCost)
              .action(
                  "Change the OCPU count",
                  "Edit the instance's shape configuration to "
                      + target
                      + " OCPUs (it reboots); keep the memory.")
              .build());
    }
    return out;
  }
}
