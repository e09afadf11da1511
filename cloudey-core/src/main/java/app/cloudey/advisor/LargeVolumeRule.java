package app.cloudey.advisor;

import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code large-volume}: a large block volume ({@code sizeGb} at least {@code largeVolumeGb}) that
 * pays for performance units ({@code vpusPerGb} above 0) while its I/O would fit the Lower Cost
 * level (0 VPUs/GB): its max IOPS over the window stays below {@code maxShareOfLowerCost} × what
 * Lower Cost gives, {@code min(lowerCostIopsPerGb × size, lowerCostMaxIops)}, with at least {@code
 * minCoverage} of the window measured. A missing or partly covered IOPS metric never makes a
 * finding. Boot volumes are left out: OCI offers no Lower Cost level for them.
 *
 * <p>The original product's rule flagged every volume above 1,000 GB with a "variable" saving and a
 * suggestion to move it to Object Storage. Here the size only decides whether a volume is worth a
 * finding; the test is its measured I/O, and the saving is money.
 *
 * <p><b>Saving</b> = the monthly billed cost of its performance SKUs (name or unit containing
 * "Performance" or "VPU"): Lower Cost has none; storage capacity cost is unchanged. A volume whose
 * performance units have no billed cost gets no finding. A large volume above Balanced may also be
 * found by {@link VolumePerformanceRule}, whose saving (down to Balanced) is the smaller: the run's
 * reconciliation counts this one.
 */
public final class LargeVolumeRule implements AdvisorRule {
  public static final String ID = "large-volume";

  /**
   * @param largeVolumeGb volumes at least this large are judged (default 1000)
   * @param lowerCostIopsPerGb IOPS per GB the Lower Cost level gives (default 2, OCI's figure)
   * @param lowerCostMaxIops the most IOPS a Lower Cost volume gives (default 3000, OCI's figure)
   * @param maxShareOfLowerCost max IOPS below this share of Lower Cost's fits it (default 0.5)
   * @param minCoverage share of the window's hours that must have data (default 0.8)
   */
  public record Options(
      int largeVolumeGb,
      double lowerCostIopsPerGb,
      double lowerCostMaxIops,
      double maxShareOfLowerCost,
      double minCoverage) {
    public static final Options DEFAULTS = new Options(1000, 2, 3000, 0.5, 0.8);
  }

  private final Options options;

  public LargeVolumeRule() {
    this(Options.DEFAULTS);
  }

  public LargeVolumeRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    List<Recommendation> out = new ArrayList<>();
    BigDecimal large = BigDecimal.valueOf(options.largeVolumeGb());
    for (Resource v : context.resources(ResourceType.BLOCK_VOLUME)) {
      Integer vpus = v.spec().vpusPerGb();
      BigDecimal size = v.spec().sizeGb();
      if (vpus == null || vpus <= 0 || size == null || size.compareTo(large) < 0) {
        continue;
      }
      Optional<VolumeIo> io = VolumeIo.of(context, v, options.minCoverage());
      double lowerCost =
          Math.min(options.lowerCostIopsPerGb() * size.doubleValue(), options.lowerCostMaxIops());
      if (io.isEmpty() || io.get().maxIops() >= options.maxShareOfLowerCost() * lowerCost) {
        continue;
      }
      Saving s = Saving.billed(io.get().vpuMonthly());
      out.add(
          io.get()
              .finding(
                  ID,
                  context,
                  "Move large volume " + v.name() + " to the Lower Cost performance level",
                  "Large volume **"
                      + v.name()
                      + "** ("
                      + size.toPlainString()
                      + " GB) pays for "
                      + vpus
                      + " VPUs/GB but peaked at "
                      + Finding.number(io.get().maxIops())
                      + " IOPS; the Lower Cost level (0 VPUs/GB) gives "
                      + Finding.number(lowerCost)
                      + ". "
                      + s.describe()
                      + " If its data is rarely read, Object Storage (Infrequent Access or"
                      + " Archive) may save more, which I/O metrics cannot show.",
                  s,
                  "Lower Cost IOPS",
                  Finding.number(lowerCost),
                  "Edit the volume and set the Lower Cost performance level (0 VPUs/GB; online)."));
    }
    return out;
  }
}
