package app.cloudey.advisor;

import app.cloudey.model.Money;
import app.cloudey.model.SavingsBasis;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A monthly saving and what it is based on; {@link #NONE} when no amount can be given (no billed
 * cost and no list price), which a recommendation says rather than guessing. A saving made of
 * several parts (a stopped instance's compute and volumes) lists the parts it could not price in
 * {@code unpriced}: its amount is what is priced, and the text says what is left out.
 */
record Saving(@Nullable Money amount, SavingsBasis basis, String source, List<String> unpriced) {
  static final Saving NONE = new Saving(null, SavingsBasis.NONE, "no billed cost or list price");

  Saving {
    unpriced = List.copyOf(unpriced);
  }

  Saving(@Nullable Money amount, SavingsBasis basis, String source) {
    this(amount, basis, source, List.of());
  }

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

  /** This saving, noting parts it leaves out because they have no price (each with why). */
  Saving withUnpriced(List<String> parts) {
    return new Saving(amount, basis, source, parts);
  }

  /**
   * Priced, complete and zero: what it would remove costs nothing today (its lines are free, or its
   * configuration is inside a free tier).
   */
  boolean isFree() {
    return amount != null && amount.isZero() && unpriced.isEmpty();
  }

  /** "1,234.56 USD per month (billed cost ...)" or a sentence saying there is no amount. */
  String describe() {
    if (amount == null) {
      return "No amount: " + source + ".";
    }
    String text = "Estimated saving: **" + amount + " per month** (" + source + ").";
    if (!unpriced.isEmpty()) {
      text +=
          " Not included, as no price is known (the saving is at least this): "
              + String.join("; ", unpriced)
              + ".";
    }
    return text;
  }
}
