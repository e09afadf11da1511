package app.cloudey.advisor;

import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.Severity;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the rules that lower a volume's performance level ({@link VolumePerformanceRule}, {@link
 * LargeVolumeRule}) judge it by: its performance units, its size, its peak IOPS over a window with
 * enough data, and the monthly billed cost of its performance SKUs.
 *
 * @param vpus its VPUs/GB
 * @param maxIops its highest hourly IOPS in the window
 * @param coverage the share of the window's hours with an IOPS sample
 * @param vpuMonthly its performance SKUs' monthly billed cost
 */
record VolumeIo(
    Resource volume,
    int vpus,
    BigDecimal sizeGb,
    double maxIops,
    double coverage,
    Money vpuMonthly) {

  /** A performance SKU: its name or unit says "Performance" or "VPU". */
  static final Predicate<ResourceSkuCost> VPU_SKU =
      s -> {
        String text = (s.skuName() + " " + s.unit()).toUpperCase(Locale.ROOT);
        return text.contains("PERFORMANCE") || text.contains("VPU");
      };

  /**
   * The volume's I/O and performance cost; empty when it has no VPUs or size, no IOPS metric
   * covering at least {@code minCoverage} of the window (missing data is never low I/O), or no
   * billed performance SKU.
   */
  static Optional<VolumeIo> of(RuleContext context, Resource volume, double minCoverage) {
    Integer vpus = volume.spec().vpusPerGb();
    BigDecimal size = volume.spec().sizeGb();
    if (vpus == null || size == null) {
      return Optional.empty();
    }
    Optional<MetricSummary> iops =
        context
            .metric(volume.id(), MetricName.VOLUME_IOPS)
            .filter(s -> s.coverage() >= minCoverage);
    Optional<ResourceCost> cost = context.cost(volume.id());
    if (iops.isEmpty() || cost.isEmpty() || !cost.get().has(VPU_SKU)) {
      return Optional.empty();
    }
    return Optional.of(
        new VolumeIo(
            volume,
            vpus,
            size,
            Finding.high(iops.get().max()),
            iops.get().coverage(),
            cost.get().monthly(VPU_SKU)));
  }

  /**
   * A LOW finding of {@code ruleId} with this volume's evidence (name, size, VPUs/GB, max IOPS and
   * the rule's {@code targetColumn}), confidence up to 0.8 as the IOPS coverage allows.
   */
  Recommendation finding(
      String ruleId,
      RuleContext context,
      String title,
      String summary,
      Saving saving,
      String targetColumn,
      String targetCell,
      String action) {
    return new Finding(ruleId, context)
        .resource(volume)
        .severity(Severity.LOW)
        .title(title)
        .summary(summary)
        .saving(saving)
        .confidence(Math.min(0.8, coverage))
        .columns("volume", "size GB", "VPUs/GB", "max IOPS", targetColumn)
        .row(
            volume.name(),
            sizeGb.toPlainString(),
            String.valueOf(vpus),
            Finding.number(maxIops),
            targetCell)
        .action("Change the volume's performance", action)
        .build();
  }
}
