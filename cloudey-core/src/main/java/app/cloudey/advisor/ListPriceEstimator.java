package app.cloudey.advisor;

import app.cloudey.model.Money;
import app.cloudey.model.Resource;
import app.cloudey.model.SavingsBasis;
import app.cloudey.spi.RuleContext;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The monthly price of a resource as configured (shape and OCPUs, size and VPUs), for resources
 * without billed cost. Provider knowledge: the OCI adapter supplies one ({@code
 * OciPriceBook.estimator()}) that maps shapes and volumes to SKUs and prices them at the account's
 * own billed unit prices where its cost lines have them, else at list prices, citing the price
 * book's source and date. The default prices nothing, so a finding without billed cost says it has
 * no amount rather than guessing one.
 *
 * <p>An estimator must not price an account billed in one currency with list prices of another: it
 * returns {@link Estimate#none} with the reason instead. The rules check it as well: an amount in
 * another currency than {@link RuleContext#billingCurrency()} is never used.
 *
 * <p>Implementations are thread-safe; they may cache per {@link RuleContext} (one run's snapshot).
 */
@FunctionalInterface
public interface ListPriceEstimator {
  /** Prices nothing. */
  ListPriceEstimator NONE =
      (resource, context) -> Estimate.none("no billed cost and no list price estimator");

  /** The resource's monthly price as configured, or no amount and why. */
  Estimate monthly(Resource resource, RuleContext context);

  /**
   * A monthly estimate: an amount with its basis and citation, or no amount and the reason.
   *
   * @param amount the monthly amount, null when there is none
   * @param basis {@link SavingsBasis#BILLED_COST} when every unit price is the account's own billed
   *     one, {@link SavingsBasis#LIST_PRICE} when any is a list (or contract) price, {@link
   *     SavingsBasis#NONE} without amount
   * @param source the citation (list source and date, billed lines' dates) or, without amount, the
   *     reason
   */
  record Estimate(@Nullable Money amount, SavingsBasis basis, String source) {
    public Estimate {
      if ((amount == null) != (basis == SavingsBasis.NONE)) {
        throw new IllegalArgumentException("an estimate has an amount exactly when it has a basis");
      }
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException("an estimate needs a source or a reason");
      }
    }

    /** No amount, with the reason (e.g. "the account bills in EUR; only USD list prices"). */
    public static Estimate none(String reason) {
      return new Estimate(null, SavingsBasis.NONE, reason);
    }

    /** An amount at list prices, citing their source and date. */
    public static Estimate listPrice(Money amount, String source) {
      return new Estimate(amount, SavingsBasis.LIST_PRICE, source);
    }

    /** An amount at the account's own billed unit prices, citing the lines. */
    public static Estimate billedUnitPrices(Money amount, String source) {
      return new Estimate(amount, SavingsBasis.BILLED_COST, source);
    }

    public Optional<Money> findAmount() {
      return Optional.ofNullable(amount);
    }
  }
}
