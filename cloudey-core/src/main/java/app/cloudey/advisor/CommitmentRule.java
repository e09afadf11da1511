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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code commitment} (insight): compute spend was steady over the last {@code months} complete
 * months (lowest month at least {@code steadyShare} of the highest) and at least {@code
 * minMonthlyCost}: that steady base could be committed for a discount. Cloudey does not know the
 * tenancy's contract terms, so there is no amount: the insight gives the base and, when {@code
 * discount} is set, the discount's value on it in the text only.
 */
public final class CommitmentRule implements AdvisorRule {
  public static final String ID = "commitment";

  /**
   * @param months complete months compared (default 3)
   * @param steadyShare lowest ÷ highest month at least this (default 0.9)
   * @param minMonthlyCost compute spend at least this a month (default 500)
   * @param discount the commitment discount to illustrate, 0 to 1 (default 0: none)
   */
  public record Options(
      int months, double steadyShare, BigDecimal minMonthlyCost, BigDecimal discount) {
    public static final Options DEFAULTS =
        new Options(3, 0.9, BigDecimal.valueOf(500), BigDecimal.ZERO);
  }

  private final Options options;

  public CommitmentRule() {
    this(Options.DEFAULTS);
  }

  public CommitmentRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    YearMonth last = YearMonth.from(context.today()).minusMonths(1);
    YearMonth first = last.minusMonths(options.months() - 1L);
    Money min = null;
    Money max = null;
    int monthsSeen = 0;
    Finding f =
        new Finding(ID, context)
            .severity(Severity.INFO)
            .confidence(0.6)
            .columns("month", "compute cost");
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      Money month = null;
      for (CostRow row :
          context.costs(CostQuery.of(Period.month(m)).groupBy(CostDimension.SERVICE))) {
        if (row.key().get(0).toUpperCase(Locale.ROOT).contains("COMPUTE")) {
          month = month == null ? row.cost() : month.plus(row.cost());
        }
      }
      if (month == null) {
        return List.of();
      }
      monthsSeen++;
      f.row(m.toString(), month.toString());
      min = min == null || month.compareTo(min) < 0 ? month : min;
      max = max == null || month.compareTo(max) > 0 ? month : max;
    }
    if (monthsSeen < options.months()
        || min == null
        || max == null
        || min.amount().compareTo(options.minMonthlyCost()) < 0
        || min.amount().doubleValue() < options.steadyShare() * max.amount().doubleValue()) {
      return List.of();
    }
    String value =
        options.discount().signum() > 0
            ? " At a "
                + options.discount().movePointRight(2).toPlainString()
                + " % discount that is "
                + min.times(options.discount())
                + " a month."
            : " Ask Oracle for annual flex or commitment terms.";
    List<Recommendation> out = new ArrayList<>();
    out.add(
        f.title("Steady compute spend could be committed")
            .summary(
                "Compute cost was between "
                    + min
                    + " and "
                    + max
                    + " a month over the last "
                    + options.months()
                    + " months: at least "
                    + min
                    + " a month is a steady base."
                    + value)
            .action(
                "Price a commitment for the steady base",
                "Commit only the lowest month's spend; the rest stays pay-as-you-go.")
            .build("compute/" + min.currency().getCurrencyCode()));
    return out;
  }
}
