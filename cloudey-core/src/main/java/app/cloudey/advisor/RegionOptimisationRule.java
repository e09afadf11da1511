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
 * {@code region-optimisation} (insight): the last complete month's cost is spread over several
 * regions and at least one region has less than {@code smallSharePercent} of it: small footprints
 * in extra regions cost cross-region traffic and operations; consolidating them may save. No amount
 * (OCI list prices are the same in every commercial region).
 */
public final class RegionOptimisationRule implements AdvisorRule {
  public static final String ID = "region-optimisation";

  /**
   * @param smallSharePercent a region below this share is small (default 5)
   * @param minMonthlyCost only for accounts spending at least this a month (default 1000)
   */
  public record Options(double smallSharePercent, BigDecimal minMonthlyCost) {
    public static final Options DEFAULTS = new Options(5, BigDecimal.valueOf(1000));
  }

  private final Options options;

  public RegionOptimisationRule() {
    this(Options.DEFAULTS);
  }

  public RegionOptimisationRule(Options options) {
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
        context.costs(CostQuery.of(Period.month(last)).groupBy(CostDimension.REGION));
    Map<java.util.Currency, Money> totals = new HashMap<>();
    rows.forEach(r -> totals.merge(r.cost().currency(), r.cost(), Money::plus));
    List<Recommendation> out = new ArrayList<>();
    for (Money total : totals.values()) {
      List<CostRow> ofCurrency =
          rows.stream().filter(r -> r.cost().currency().equals(total.currency())).toList();
      if (ofCurrency.size() < 2 || total.amount().compareTo(options.minMonthlyCost()) < 0) {
        continue;
      }
      Finding f =
          new Finding(ID, context)
              .severity(Severity.INFO)
              .confidence(0.5)
              .columns("region", "cost", "share %");
      List<String> small = new ArrayList<>();
      for (CostRow r : ofCurrency) {
        BigDecimal share =
            r.cost()
                .amount()
                .multiply(BigDecimal.valueOf(100))
                .divide(total.amount(), MathContext.DECIMAL64);
        String region = r.key().get(0).isEmpty() ? "(none)" : r.key().get(0);
        f.row(region, r.cost().toString(), share.setScale(1, RoundingMode.HALF_UP).toPlainString());
        if (share.doubleValue() < options.smallSharePercent()) {
          small.add(region);
        }
      }
      if (small.isEmpty()) {
        continue;
      }
      out.add(
          f.title("Small footprints in " + String.join(", ", small))
              .summary(
                  "Of "
                      + total
                      + " in "
                      + last
                      + ", "
                      + String.join(", ", small)
                      + " each had less than "
                      + Finding.number(options.smallSharePercent())
                      + " %. Consolidating them into a main region may cut cross-region data"
                      + " transfer and operations.")
              .action(
                  "Review what runs there",
                  "Check whether those resources must be in that region (latency, data residency).")
              .build(last + "/" + total.currency().getCurrencyCode()));
    }
    return out;
  }
}
