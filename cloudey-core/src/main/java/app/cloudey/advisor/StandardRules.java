package app.cloudey.advisor;

import app.cloudey.spi.AdvisorRule;
import java.util.List;

/** Every rule of this package at its documented defaults. */
public final class StandardRules {
  private StandardRules() {}

  /** Every rule of this package with default options and no list prices. */
  public static List<AdvisorRule> all() {
    return all(ListPriceEstimator.NONE, shape -> false);
  }

  /**
   * Every rule with default options, pricing resources without billed cost with {@code estimator}
   * and treating shapes for which {@code billsWhileStopped} holds as billing compute while stopped
   * (provider knowledge, e.g. from the OCI adapter).
   */
  public static List<AdvisorRule> all(
      ListPriceEstimator estimator, java.util.function.Predicate<String> billsWhileStopped) {
    return List.of(
        new IdleInstanceRule(IdleInstanceRule.Options.DEFAULTS.withEstimator(estimator)),
        new StoppedInstanceRule(
            StoppedInstanceRule.Options.DEFAULTS
                .withEstimator(estimator)
                .withBillsWhileStopped(billsWhileStopped)),
        new RightsizeInstanceRule(),
        new UnattachedVolumeRule(new UnattachedVolumeRule.Options(7, estimator)),
        new OrphanedBootVolumeRule(new OrphanedBootVolumeRule.Options(7, estimator)),
        new OldBackupRule(new OldBackupRule.Options(90, estimator)),
        new NonProdScheduleRule(),
        new IdleLoadBalancerRule(new IdleLoadBalancerRule.Options(1, 100, 0.8, estimator)),
        new VolumePerformanceRule(),
        new OversizedLoadBalancerRule(),
        new OldGenerationShapeRule(),
        new StorageTierRule(),
        new CommitmentRule(),
        new RegionOptimisationRule(),
        new CostAnomalyRule(),
        new CostTrendRule(),
        new ServiceConcentrationRule());
  }
}
