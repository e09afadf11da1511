package app.cloudey.advisor;

import app.cloudey.model.Recommendation;
import app.cloudey.model.ResourceType;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.util.List;

/**
 * {@code orphaned-boot-volume}: a boot volume attached to no instance (its instance was terminated
 * with the boot volume kept) for at least {@code minDays}.
 *
 * <p><b>Saving</b> = the volume's monthly cost: billed over the trailing 30 days × 30 / days with
 * cost, list price otherwise.
 */
public final class OrphanedBootVolumeRule implements AdvisorRule {
  public static final String ID = "orphaned-boot-volume";

  /**
   * @param minDays unattached at least this long (default 7)
   * @param estimator list prices where nothing is billed (default none)
   */
  public record Options(int minDays, ListPriceEstimator estimator) {
    public static final Options DEFAULTS = new Options(7, ListPriceEstimator.NONE);
  }

  private final Options options;

  public OrphanedBootVolumeRule() {
    this(Options.DEFAULTS);
  }

  public OrphanedBootVolumeRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    return UnattachedStorage.evaluate(
        context,
        ID,
        ResourceType.BOOT_VOLUME,
        options.minDays(),
        options.estimator(),
        "Boot volume");
  }
}
