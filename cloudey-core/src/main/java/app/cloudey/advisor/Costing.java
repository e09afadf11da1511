package app.cloudey.advisor;

import app.cloudey.model.Money;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.SavingsBasis;
import app.cloudey.spi.RuleContext;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Predicate;

/** Savings from billed cost first, the estimator's price second, nothing third. */
final class Costing {
  private Costing() {}

  /**
   * The resource's monthly cost as a saving: billed ({@code window cost × 30 / days of data}) when
   * lines name it, else the estimator's price of its configuration, else {@link Saving#NONE}.
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
    return estimated(context, estimator.monthly(resource, context));
  }

  /**
   * The saving of changing a configuration: the price of {@code now} minus the price of {@code
   * target}, both estimates of one run (so a tiered price is taken at the tenancy's margin). No
   * amount when either has none, or is in another currency than the bills; list price when either
   * is, citing {@code now}'s source.
   */
  static Saving difference(
      RuleContext context, ListPriceEstimator.Estimate now, ListPriceEstimator.Estimate target) {
    Saving current = estimated(context, now);
    if (current.amount() == null) {
      return current;
    }
    Saving after = estimated(context, target);
    if (after.amount() == null) {
      return after;
    }
    Money saving = current.amount().minus(after.amount());
    return current.basis() == SavingsBasis.BILLED_COST && after.basis() == SavingsBasis.BILLED_COST
        ? new Saving(saving, SavingsBasis.BILLED_COST, current.source())
        : Saving.listPrice(saving, now.source());
  }

  /**
   * An estimate as a saving; no amount when it is in another currency than the account's bills (an
   * estimator that priced EUR bills with USD list prices is wrong, and a rule never converts).
   */
  static Saving estimated(RuleContext context, ListPriceEstimator.Estimate estimate) {
    Money amount = estimate.amount();
    if (amount == null) {
      return Saving.none(estimate.source());
    }
    Optional<Currency> billedIn = context.billingCurrency();
    if (billedIn.isPresent() && !billedIn.get().equals(amount.currency())) {
      return Saving.none(
          "the account bills in "
              + billedIn.get().getCurrencyCode()
              + " and only "
              + amount.currency().getCurrencyCode()
              + " prices are known ("
              + estimate.source()
              + "), so no amount is given");
    }
    return switch (estimate.basis()) {
      case BILLED_COST ->
          new Saving(amount, estimate.basis(), "its configuration at " + estimate.source());
      case LIST_PRICE -> Saving.listPrice(amount, estimate.source());
      case NONE -> Saving.none(estimate.source());
    };
  }
}
