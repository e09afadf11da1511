package app.cloudey.advisor;

import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cost-anomaly} (insight, no saving): a service's cost on one of the last {@code recentDays}
 * days is above the mean + {@code sigmas} standard deviations of its previous {@code baselineDays}
 * days (a day without lines counts as 0) and at least {@code minIncrease} above that mean (in the
 * account's currency), so small noise is not reported.
 */
public final class CostAnomalyRule implements AdvisorRule {
  public static final String ID = "cost-anomaly";

  /**
   * @param baselineDays trailing days of the baseline (default 28)
   * @param sigmas standard deviations above the mean (default 3)
   * @param minIncrease minimum increase over the mean, in the billing currency (default 10)
   * @param recentDays how many of the latest days are checked (default 3)
   */
  public record Options(int baselineDays, double sigmas, BigDecimal minIncrease, int recentDays) {
    public static final Options DEFAULTS = new Options(28, 3, BigDecimal.TEN, 3);
  }

  private final Options options;

  public CostAnomalyRule() {
    this(Options.DEFAULTS);
  }

  public CostAnomalyRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    LocalDate end = context.today();
    LocalDate start = end.minusDays(options.recentDays() + options.baselineDays());
    Map<String, Map<LocalDate, Double>> byService = new HashMap<>();
    Map<String, String> currencies = new HashMap<>();
    for (CostRow row :
        context.costs(
            CostQuery.of(Period.of(start, end))
                .groupBy(CostDimension.SERVICE, CostDimension.DAY))) {
      String service = row.key().get(0);
      byService
          .computeIfAbsent(service, s -> new HashMap<>())
          .merge(LocalDate.parse(row.key().get(1)), row.cost().amount().doubleValue(), Double::sum);
      currencies.putIfAbsent(service, row.cost().currency().getCurrencyCode());
    }
    List<Recommendation> out = new ArrayList<>();
    for (Map.Entry<String, Map<LocalDate, Double>> e : byService.entrySet()) {
      for (int i = options.recentDays(); i >= 1; i--) {
        LocalDate day = end.minusDays(i);
        double value = e.getValue().getOrDefault(day, 0.0);
        double sum = 0;
        double sumSq = 0;
        for (int d = 1; d <= options.baselineDays(); d++) {
          double v = e.getValue().getOrDefault(day.minusDays(d), 0.0);
          sum += v;
          sumSq += v * v;
        }
        double mean = sum / options.baselineDays();
        double sd = Math.sqrt(Math.max(0, sumSq / options.baselineDays() - mean * mean));
        if (value <= mean + options.sigmas() * sd
            || value - mean < options.minIncrease().doubleValue()) {
          continue;
        }
        String currency = currencies.get(e.getKey());
        String shown =
            BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        String base = BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        out.add(
            new Finding(ID, context)
                .severity(Severity.HIGH)
                .title(e.getKey() + " cost spiked on " + day)
                .summary(
                    "**"
                        + e.getKey()
                        + "** cost "
                        + shown
                        + " "
                        + currency
                        + " on "
                        + day
                        + " against a "
                        + options.baselineDays()
                        + "-day mean of "
                        + base
                        + " "
                        + currency
                        + " (σ "
                        + Finding.number(sd)
                        + ").")
                .confidence(0.8)
                .columns("service", "day", "cost", "baseline mean", "baseline σ")
                .row(e.getKey(), day.toString(), shown, base, Finding.number(sd))
                .action(
                    "Find what changed",
                    "Group that day's cost of the service by resource and SKU.")
                .build(e.getKey() + "/" + day));
        break; // one spike per service is enough to look
      }
    }
    return out;
  }
}
