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
 * {@code cost-trend} (insight, no saving): the last complete month's total changed by more than
 * {@code changePercent} against the month before, per currency. The evidence lists the services
 * that moved most.
 */
public final class CostTrendRule implements AdvisorRule {
  public static final String ID = "cost-trend";

  /**
   * @param changePercent month-over-month change above this is reported (default 20)
   */
  public record Options(double changePercent) {
    public static final Options DEFAULTS = new Options(20);
  }

  private final Options options;

  public CostTrendRule() {
    this(Options.DEFAULTS);
  }

  public CostTrendRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    YearMonth last = YearMonth.from(context.today()).minusMonths(1);
    YearMonth before = last.minusMonths(1);
    Map<String, Money> lastBySvc = byService(context, last);
    Map<String, Money> beforeBySvc = byService(context, before);
    List<Recommendation> out = new ArrayList<>();
    for (CostRow now : context.costs(CostQuery.of(Period.month(last)))) {
      String currency = now.cost().currency().getCurrencyCode();
      Money then =
          context.costs(CostQuery.of(Period.month(before))).stream()
              .map(CostRow::cost)
              .filter(m -> m.currency().equals(now.cost().currency()))
              .findFirst()
              .orElse(null);
      if (then == null || then.amount().signum() <= 0) {
        continue;
      }
      BigDecimal change =
          now.cost()
              .amount()
              .subtract(then.amount())
              .multiply(BigDecimal.valueOf(100))
              .divide(then.amount(), MathContext.DECIMAL64);
      if (change.abs().doubleValue() <= options.changePercent()) {
        continue;
      }
      boolean up = change.signum() > 0;
      Finding f =
          new Finding(ID, context)
              .severity(up ? Severity.MEDIUM : Severity.INFO)
              .title(
                  "Costs "
                      + (up ? "rose " : "fell ")
                      + change.abs().setScale(1, RoundingMode.HALF_UP)
                      + " % in "
                      + last)
              .summary(
                  "Total cost was "
                      + now.cost()
                      + " in "
                      + last
                      + " against "
                      + then
                      + " in "
                      + before
                      + ". The services that moved most are listed.")
              .confidence(0.95)
              .columns("service", before.toString(), last.toString(), "change");
      List<Map.Entry<String, BigDecimal>> deltas = new ArrayList<>();
      Map<String, Money> union = new HashMap<>(beforeBySvc);
      union.putAll(lastBySvc);
      for (String svc : union.keySet()) {
        BigDecimal a = amount(beforeBySvc.get(svc), currency);
        BigDecimal b = amount(lastBySvc.get(svc), currency);
        deltas.add(Map.entry(svc, b.subtract(a)));
      }
      deltas.sort((x, y) -> y.getValue().abs().compareTo(x.getValue().abs()));
      for (Map.Entry<String, BigDecimal> d : deltas.subList(0, Math.min(5, deltas.size()))) {
        f.row(
            d.getKey(),
            amount(beforeBySvc.get(d.getKey()), currency)
                .setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString(),
            amount(lastBySvc.get(d.getKey()), currency)
                .setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString(),
            d.getValue().setScale(2, RoundingMode.HALF_EVEN).toPlainString());
      }
      out.add(
          f.action("Review what grew", "Open the services above in the cost explorer by resource.")
              .build(last + "/" + currency));
    }
    return out;
  }

  private static BigDecimal amount(Money m, String currency) {
    return m == null || !m.currency().getCurrencyCode().equals(currency)
        ? BigDecimal.ZERO
        : m.amount();
  }

  private static Map<String, Money> byService(RuleContext context, YearMonth month) {
    Map<String, Money> out = new HashMap<>();
    for (CostRow row :
        context.costs(CostQuery.of(Period.month(month)).groupBy(CostDimension.SERVICE))) {
      out.merge(
          row.key().get(0),
          row.cost(),
          (a, b) -> a.currency().equals(b.currency()) ? a.plus(b) : a);
    }
    return out;
  }
}
