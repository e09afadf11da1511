package app.cloudey.advisor;

import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
      if ((v.type() != ResourceType.BLOCK_VOLUME && v.type() != ResourceType.BOOT_VOLUME)
          || vpus == null
          || vpus <= options.targetVpusPerGb()) {
        continue;
      }
      Optional<VolumeIo> io = VolumeIo.of(context, v, options.minCoverage());
      if (io.isEmpty()) {
        continue;
      }
      VolumeIo volume = io.get();
      double size = volume.sizeGb().doubleValue();
      if (volume.maxIops() >= options.maxShareOfTarget() * options.iopsPerGbAtTarget() * size) {
        continue;
      }
      Saving s =
          Saving.billed(
              volume
                  .vpuMonthly()
                  .times(
                      BigDecimal.valueOf(vpus - options.targetVpusPerGb())
                          .divide(BigDecimal.valueOf(vpus), MathContext.DECIMAL64)));
      boolean large = volume.sizeGb().compareTo(BigDecimal.valueOf(options.largeVolumeGb())) >= 0;
      out.add(
          volume.finding(
              ID,
              context,
              "Lower the performance tier of " + v.name(),
              (large ? "Large volume **" : "Volume **")
                  + v.name()
                  + "** ("
                  + volume.sizeGb().toPlainString()
                  + " GB) pays for "
                  + vpus
                  + " VPUs/GB but peaked at "
                  + Finding.number(volume.maxIops())
                  + " IOPS; "
                  + options.targetVpusPerGb()
                  + " VPUs/GB would give "
                  + Finding.number(options.iopsPerGbAtTarget() * size)
                  + ". "
                  + s.describe(),
              s,
              "target VPUs/GB",
              String.valueOf(options.targetVpusPerGb()),
              "Edit the volume and set " + options.targetVpusPerGb() + " VPUs/GB (online)."));
    }
    return out;
  }
}
