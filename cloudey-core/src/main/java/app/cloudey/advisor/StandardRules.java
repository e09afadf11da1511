package app.cloudey.advisor;

import app.cloudey.spi.AdvisorRule;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every rule of this package at its documented defaults. A provider adds its knowledge through the
 * arguments: the OCI adapter's {@code OciCloud.advisorRules()} is {@code all(estimator,
 * OciShapes::billsWhileStopped, generations)} over its price book, contributed to every {@code
 * Cloudey} built with {@code .oci(cfg)}, so nobody needs to call this for OCI.
 */
public final class StandardRules {
  private StandardRules() {}

  /** Every rule of this package with default options, no list prices and no shape knowledge. */
  public static List<AdvisorRule> all() {
    return all(ListPriceEstimator.NONE, shape -> false);
  }

  /**
   * Every rule with default options, pricing resources without billed cost with {@code estimator}
   * and treating shapes for which {@code billsWhileStopped} holds as billing compute while stopped
   * (provider knowledge, e.g. from the OCI adapter); no old-generation shape map.
   */
  public static List<AdvisorRule> all(
      ListPriceEstimator estimator, Predicate<String> billsWhileStopped) {
    return all(estimator, billsWhileStopped, OldGenerationShapeRule.ShapeGenerations.NONE);
  }

  /**
   * As {@link #all(ListPriceEstimator, Predicate)}, with the provider's map of old shape
   * generations for {@link OldGenerationShapeRule}.
   */
  public static List<AdvisorRule> all(
      ListPriceEstimator estimator,
      Predicate<String> billsWhileStopped,
      OldGenerationShapeRule.ShapeGenerations generations) {
    return List.of(
        new IdleInstanceRule(IdleInstanceRule.Options.DEFAULTS.withEstimator(estimator)),
        new StoppedInstanceRule(
            StoppedInstanceRule.Options.DEFAULTS
                .withEstimator(estimator)
                .withBillsWhileStopped(billsWhileStopped)),
        new RightsizeInstanceRule(RightsizeInstanceRule.Options.DEFAULTS.withEstimator(estimator)),
        new UnattachedVolumeRule(new UnattachedVolumeRule.Options(7, estimator)),
        new OrphanedBootVolumeRule(new OrphanedBootVolumeRule.Options(7, estimator)),
        new OldBackupRule(new OldBackupRule.Options(90, estimator)),
        new NonProdScheduleRule(),
        new IdleLoadBalancerRule(new IdleLoadBalancerRule.Options(1, 100, 0.8, estimator)),
        new VolumePerformanceRule(),
        new LargeVolumeRule(),
        new OversizedLoadBalancerRule(),
        new OldGenerationShapeRule(new OldGenerationShapeRule.Options(generations)),
        new StorageTierRule(),
        new CommitmentRule(),
        new RegionOptimisationRule(),
        new CostAnomalyRule(),
        new CostTrendRule(),
        new ServiceConcentrationRule());
  }
}
