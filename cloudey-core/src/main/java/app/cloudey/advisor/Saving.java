package app.cloudey.advisor;

import app.cloudey.model.Money;
import app.cloudey.model.SavingsBasis;
import org.jspecify.annotations.Nullable;

/**
 * A monthly saving and what it is based on; {@link #NONE} when no amount can be given (no billed
 * cost and no list price), which a recommendation says rather than guessing.
 */
record Saving(@Nullable Money amount, SavingsBasis basis, String source) {
  static final Saving NONE = new Saving(null, SavingsBasis.NONE, "no billed cost or list price");

  static Saving billed(Money amount) {
    return new Saving(amount, SavingsBasis.BILLED_COST, "billed cost of the last 30 days");
  }

  /** No amount, and why (the reason is written after "No amount: "). */
  static Saving none(String reason) {
    return new Saving(null, SavingsBasis.NONE, reason);
  }

  static Saving listPrice(Money amount, String source) {
    return new Saving(amount, SavingsBasis.LIST_PRICE, "list price (" + source + ")");
  }

  /** "1,234.56 USD per month (billed cost ...)" or a sentence saying there is no amount. */
  String describe() {
    return amount == null
        ? "No amount: " + source + "."
        : "Estimated saving: **" + amount + " per month** (" + source + ").";
  }
}
