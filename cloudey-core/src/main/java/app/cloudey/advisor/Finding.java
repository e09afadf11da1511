package app.cloudey.advisor;

import app.cloudey.model.AccountId;
import app.cloudey.model.Action;
import app.cloudey.model.Evidence;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.Severity;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds one rule's recommendation: stable id from the rule and resources, names, evidence. */
final class Finding {
  private final String ruleId;
  private final AccountId accountId;
  private final List<String> resourceIds = new ArrayList<>();
  private final Map<String, String> names = new LinkedHashMap<>();
  private Severity severity = Severity.MEDIUM;
  private String title = "";
  private String summary = "";
  private Saving saving = Saving.NONE;
  private double confidence = 0.9;
  private final List<String> columns = new ArrayList<>();
  private final List<List<String>> rows = new ArrayList<>();
  private final List<Action> actions = new ArrayList<>();

  Finding(String ruleId, RuleContext context) {
    this.ruleId = ruleId;
    this.accountId = context.accountId();
  }

  Finding resource(Resource resource) {
    if (!resourceIds.contains(resource.id())) {
      resourceIds.add(resource.id());
      names.put(resource.id(), resource.name());
    }
    return this;
  }

  Finding severity(Severity value) {
    this.severity = value;
    return this;
  }

  Finding title(String value) {
    this.title = value;
    return this;
  }

  Finding summary(String markdown) {
    this.summary = markdown;
    return this;
  }

  Finding saving(Saving value) {
    this.saving = value;
    return this;
  }

  Finding confidence(double value) {
    this.confidence = Math.max(0, Math.min(1, value));
    return this;
  }

  Finding columns(String... names) {
    columns.addAll(List.of(names));
    return this;
  }

  Finding row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  Finding action(String actionTitle, String detail) {
    actions.add(new Action(actionTitle, detail));
    return this;
  }

  /**
   * The recommendation. A finding on resources whose saving is priced at exactly zero ({@link
   * Saving#isFree()}: the resource costs nothing today, e.g. inside a free tier) is informational:
   * severity {@link Severity#INFO}, and its summary says there is nothing to save now; the
   * reconciliation lets one such finding per resource count.
   */
  Recommendation build() {
    Severity severity = this.severity;
    String summary = this.summary;
    if (saving.isFree() && !resourceIds.isEmpty()) {
      severity = Severity.INFO;
      // free tiers are tenancy-wide: say what a zero from this resource's own lines leaves out
      summary +=
          " It costs nothing today (its cost is 0, e.g. inside a free tier), so there is nothing"
              + " to save now: listed for information only. A free tier is the whole tenancy's:"
              + " where other resources pay for the same SKUs, removing this one moves its"
              + " allowance to them and saves their marginal cost, which is not counted here.";
    }
    Money amount =
        saving.amount() == null
            ? Money.zero(java.util.Currency.getInstance("USD"))
            : saving.amount();
    return new Recommendation(
        Recommendation.stableId(ruleId, resourceIds),
        accountId,
        ruleId,
        severity,
        title,
        summary,
        resourceIds,
        amount,
        saving.basis(),
        confidence,
        new Evidence(columns, rows),
        actions,
        names);
  }

  /** A key-based finding (no resource), e.g. an insight about a service. */
  Recommendation build(String key) {
    Recommendation r = build();
    return new Recommendation(
        Recommendation.stableId(ruleId, List.of(key)),
        r.accountId(),
        r.ruleId(),
        r.severity(),
        r.title(),
        r.summary(),
        r.resourceIds(),
        r.monthlySavings(),
        r.basis(),
        r.confidence(),
        r.evidence(),
        r.actions(),
        r.resourceNames());
  }

  /** Money for display: rounded to the cent with its currency. */
  static String money(Money m) {
    return m.toString();
  }

  /** The value, or +infinity when absent, so a missing value never passes a "below" test. */
  static double high(@org.jspecify.annotations.Nullable Double value) {
    return value == null ? Double.POSITIVE_INFINITY : value;
  }

  /** A number for display, e.g. a percentage, with up to 2 decimals. */
  static String number(double value) {
    return BigDecimal.valueOf(value)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }
}
