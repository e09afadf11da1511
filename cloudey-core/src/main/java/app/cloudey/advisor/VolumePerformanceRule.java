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
 * {@code volume-performance}: a block or boot volume on a performance tier above Balanced ({@code
 * vpusPerGb} above {@code targetVpusPerGb}) whose measured IOPS stay far below what Balanced gives:
 * max IOPS below {@code maxShareOfTarget} × {@code iopsPerGbAtTarget} × size, with at least {@code
 * minCoverage} of the window measured. Large volumes ({@code sizeGb} at least {@code
 * largeVolumeGb}) are named as such in the summary.
 *
 * <p><b>Saving</b> = the monthly billed cost of its performance SKUs (name or unit containing
 * "Performance" or "VPU") × (vpus − target) / vpus; storage capacity cost is unchanged.
 */
public final class VolumePerformanceRule implements AdvisorRule {
  public static final String ID = "volume-performance";

  static final Predicate<ResourceSkuCost> VPU_SKU =
      s -> {
        String text = (s.skuName() + " " + s.unit()).toUpperCase(Locale.ROOT);
        return text.contains("PERFORMANCE") || text.contains("VPU");
      };

  /**
   * @param targetVpusPerGb the tier to move to (default 10, Balanced)
   * @param iopsPerGbAtTarget IOPS per GB the target tier gives (default 60)
   * @param maxShareOfTarget max IOPS below this share of the target's is "far below" (default 0.5)
   * @param minCoverage share of the window's hours that must have data (default 0.8)
   * @param largeVolumeGb volumes this large are called out as large (default 1000)
   */
  public record Options(
      int targetVpusPerGb,
      double iopsPerGbAtTarget,
      double maxShareOfTarget,
      double minCoverage,
      int largeVolumeGb) {
    public static final Options DEFAULTS = new Options(10, 60, 0.5, 0.8, 1000);
  }

  private final Options options;

  public VolumePerformanceRule() {
    this(Options.DEFAULTS);
  }

  public VolumePerformanceRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    List<Recommendation> out = new ArrayList<>();
    for (Resource v : context.resources()) {
      Integer vpus = v.spec().vpusPerGb();
      BigDecimal size = v.spec().sizeGb();
      if ((v.type() != ResourceType.BLOCK_VOLUME && v.type() != ResourceType.BOOT_VOLUME)
          || vpus == null
          || size == null
          || vpus <= options.targetVpusPerGb()) {
        continue;
      }
      Optional<MetricSummary> iops =
          context
              .metric(v.id(), MetricName.VOLUME_IOPS)
              .filter(s -> s.coverage() >= options.minCoverage());
      Optional<ResourceCost> cost = context.cost(v.id());
      double limit = options.maxShareOfTarget() * options.iopsPerGbAtTarget() * size.doubleValue();
      if (iops.isEmpty()
          || Finding.high(iops.get().max()) >= limit
          || cost.isEmpty()
          || !cost.get().has(VPU_SKU)) {
        continue;
      }
      Money vpuMonthly = cost.get().monthly(VPU_SKU);
      Money saving =
          vpuMonthly.times(
              BigDecimal.valueOf(vpus - options.targetVpusPerGb())
                  .divide(BigDecimal.valueOf(vpus), MathContext.DECIMAL64));
      Saving s = Saving.billed(saving);
      boolean large = size.compareTo(BigDecimal.valueOf(options.largeVolumeGb())) >= 0;
      out.add(
          new Finding(ID, context)
              .resource(v)
              .severity(Severity.LOW)
              .title("Lower the performance tier of " + v.name())
              .summary(
                  (large ? "Large volume **" : "Volume **")
                      + v.name()
                      + "** ("
                      + size.toPlainString()
                      + " GB) pays for "
                      + vpus
                      + " VPUs/GB but peaked at "
                      + Finding.number(Finding.high(iops.get().max()))
                      + " IOPS; "
                      + options.targetVpusPerGb()
                      + " VPUs/GB would give "
                      + Finding.number(options.iopsPerGbAtTarget() * size.doubleValue())
                      + ". "
                      + s.describe())
              .saving(s)
              .confidence(Math.min(0.8, iops.get().coverage()))
              .columns("volume", "size GB", "VPUs/GB", "max IOPS", "target VPUs/GB")
              .row(
                  v.name(),
                  size.toPlainString(),
                  String.valueOf(vpus),
                  Finding.number(Finding.high(iops.get().max())),
                  String.valueOf(options.targetVpusPerGb()))
              .action(
                  "Change the volume's performance",
                  "Edit the volume and set " + options.targetVpusPerGb() + " VPUs/GB (online).")
              .build());
    }
    return out;
  }
}
