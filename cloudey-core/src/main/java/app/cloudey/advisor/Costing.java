package app.cloudey.advisor;

import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.spi.RuleContext;
import java.util.Optional;
import java.util.function.Predicate;

/** Savings from billed cost first, list price second, nothing third. */
final class Costing {
  private Costing() {}

  /**
   * The resource's monthly cost as a saving: billed ({@code window cost × 30 / days of data}) when
   * lines name it, else the estimator's list price, else {@link Saving#NONE}.
   */
  static Saving whole(RuleContext context, Resource resource, ListPriceEstimator estimator) {
    return part(context, resource, s -> true, estimator);
  }

  /** As {@link #whole}, counting only the billed SKUs that match. */
  static Saving part(
      RuleContext context,
      Resource resource,
      Predicate<ResourceSkuCost> skus,
      ListPriceEstimator estimator) {
    Optional<ResourceCost> cost = context.cost(resource.id());
    if (cost.isPresent() && cost.get().has(skus)) {
      return Saving.billed(cost.get().monthly(skus));
    }
    return estimator
        .monthly(resource, context.priceBook())
        .map(m -> Saving.listPrice(m, context.priceBook().source()))
        .orElse(Saving.NONE);
  }
}
