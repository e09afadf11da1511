package app.cloudey.ai.internal;

import app.cloudey.model.Change;
import app.cloudey.model.CompartmentLabel;
import app.cloudey.model.Direction;
import app.cloudey.model.Money;
import app.cloudey.model.ResourceLabel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.stream.Collectors;

/** How the view tools write changes, month columns, labels and times: short and always alike. */
final class Texts {
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Texts() {}

  /** {@code +12.3% UP}, {@code -4.0% STABLE}; {@code up from zero} when it was zero before. */
  static String change(Change change) {
    BigDecimal percent = change.percent();
    if (percent == null) {
      return change.direction() == Direction.UP
          ? "up from zero"
          : change.direction() == Direction.DOWN ? "down from zero" : "zero both times";
    }
    return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "% " + change.direction();
  }

  /** One amount per month: {@code 1.00 / 2.50 / 3.00 USD}. */
  static String months(List<Money> amounts) {
    if (amounts.isEmpty()) {
      return "-";
    }
    return amounts.stream().map(m -> m.rounded().toPlainString()).collect(Collectors.joining(" / "))
        + " "
        + amounts.get(0).currency().getCurrencyCode();
  }

  /** {@code +1.00 USD} or {@code -2.50 USD}. */
  static String signed(Money money) {
    return (money.amount().signum() > 0 ? "+" : "") + money;
  }

  /** {@code web1 (instance)}, {@code old-db (dbSystem, deleted)} or {@code (no resource)}. */
  static String resource(ResourceLabel label) {
    if (label.id().isEmpty() || label.type() == null) {
      return label.name();
    }
    return label.name() + " (" + label.type().key() + ")";
  }

  /** The compartment's path, else its name. */
  static String compartment(CompartmentLabel label) {
    return label.path().isEmpty() ? label.name() : label.path();
  }

  static String minutes(Instant at) {
    return MINUTES.format(at);
  }

  /** Sums per currency, e.g. {@code 12.00 USD + 3.00 EUR}; {@code nothing} for none. */
  static String total(List<Money> amounts) {
    java.util.Map<Currency, Money> byCurrency = new java.util.LinkedHashMap<>();
    amounts.forEach(m -> byCurrency.merge(m.currency(), m, Money::plus));
    return byCurrency.isEmpty()
        ? "nothing"
        : byCurrency.values().stream().map(Money::toString).collect(Collectors.joining(" + "));
  }

  /** Column sums of several month lists (same length, same currency). */
  static List<Money> columnSums(List<List<Money>> rows) {
    List<Money> sums = new java.util.ArrayList<>(rows.get(0));
    for (List<Money> row : rows.subList(1, rows.size())) {
      for (int i = 0; i < sums.size(); i++) {
        sums.set(i, sums.get(i).plus(row.get(i)));
      }
    }
    return sums;
  }
}
