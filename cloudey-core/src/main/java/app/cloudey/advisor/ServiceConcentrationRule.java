package app.cloudey.advisor;

import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code service-concentration} (insight, no saving): one service is more than {@code sharePercent}
 * of the last complete month's cost (per currency; nothing is reported for a month without positive
 * cost).
 */
public final class ServiceConcentrationRule implements AdvisorRule {
  public static final String ID = "service-concentration";

  /**
   * @param sharePercent a service above this share is reported (default 60)
   */
  public record Options(double sharePercent) {
    public static final Options DEFAULTS = new Options(60);
  }

  private final Options options;

  public ServiceConcentrationRule() {
    this(Options.DEFAULTS);
  }

  public ServiceConcentrationRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    YearMonth last = YearMonth.from(context.today()).minusMonths(1);
    List<CostRow> rows =
        context.costs(CostQuery.of(Period.month(last)).groupBy(CostDimension.SERVICE));
    Map<java.util.Currency, Money> totals = new HashMap<>();
    rows.forEach(r -> totals.merge(r.cost().currency(), r.cost(), Money::plus));
    List<Recommendation> out = new ArrayList<>();
    for (CostRow row : rows) {
      Money total = totals.get(row.cost().currency());
      if (total == null || total.amount().signum() <= 0) {
        continue;
      }
      BigDecimal share =
          row.cost()
              .amount()
              .multiply(BigDecimal.valueOf(100))
              .divide(total.amount(), MathContext.DECIMAL64);
      if (share.doubleValue() <= options.sharePercent()) {
        continue;
      }
      String service = row.key().get(0);
      String pct = share.setScale(1, RoundingMode.HALF_UP).toPlainString();
      out.add(
          new Finding(ID, context)
              .severity(Severity.LOW)
              .title(service + " is " + pct + " % of " + last + "'s cost")
              .summary(
                  "**"
                      + service
                      + "** cost "
                      + row.cost()
                      + " of "
                      + total
                      + " in "
                      + last
                      + ": savings there matter most.")
              .confidence(0.95)
              .columns("service", "cost", "share %")
              .row(service, row.cost().toString(), pct)
              .action(
                  "Look at its largest resources",
                  "Group its cost by resource to find the drivers.")
              .build(last + "/" + service + "/" + row.cost().currency().getCurrencyCode()));
    }
    return out;
  }
}
