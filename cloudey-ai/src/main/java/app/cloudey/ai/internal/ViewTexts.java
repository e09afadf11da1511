package app.cloudey.ai.internal;

import app.cloudey.model.Change;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostDriver;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Forecast;
import app.cloudey.model.InventorySummary;
import app.cloudey.model.LabeledCost;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.model.Severity;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * How {@link AnalyticsTools} writes the parts of core's views: forecasts, drivers, capped lists.
 */
final class ViewTexts {
  private ViewTexts() {}

  /**
   * One currency's month totals and the newest month's change, as the detailed and trend views say
   * it.
   */
  static String currencyTotals(String currency, List<Money> totals, Change change, String newest) {
    return currency
        + " totals "
        + Texts.months(totals)
        + ", "
        + newest
        + " "
        + Texts.change(change);
  }

  static String forecast(Forecast f) {
    java.util.Currency currency = currency(f.currency());
    String what =
        f.horizon() == Forecast.Horizon.MONTH
            ? YearMonth.from(f.period().start()).toString()
            : "the quarter " + Periods.describe(f.period());
    return "Forecast of "
        + what
        + " made on "
        + f.asOf()
        + ": "
        + new Money(f.total(), currency)
        + " (likely "
        + new Money(f.low(), currency).rounded().toPlainString()
        + " to "
        + new Money(f.high(), currency)
        + "), of which "
        + new Money(f.actualToDate(), currency)
        + " is known to "
        + f.asOf().minusDays(1)
        + "; method "
        + f.method()
        + " on "
        + f.historyDays()
        + " days of history.";
  }

  static String driver(CostDriver d) {
    return Texts.resource(d.resource())
        + ", "
        + d.service()
        + ", "
        + Texts.compartment(d.compartment())
        + ": "
        + d.cost()
        + " ("
        + d.sharePercent().toPlainString()
        + "%)";
  }

  static String labeled(List<LabeledCost> rows) {
    if (rows.isEmpty()) {
      return "none";
    }
    return rows.stream()
        .map(r -> r.name() + " " + r.cost() + " (" + r.sharePercent().toPlainString() + "%)")
        .collect(Collectors.joining(", "));
  }

  static String movers(List<CostTrends.TrendRow> rows) {
    if (rows.isEmpty()) {
      return "none";
    }
    return rows.stream()
        .map(r -> r.name() + " " + Texts.signed(r.delta()) + " " + Texts.change(r.change()))
        .collect(Collectors.joining(", "));
  }

  static String inventory(InventorySummary s) {
    return "Inventory: "
        + s.resources()
        + " live resources in "
        + s.compartments()
        + " compartments"
        + (s.byType().isEmpty()
            ? ""
            : " ("
                + s.byType().stream()
                    .map(t -> t.type().key() + " " + t.count())
                    .collect(Collectors.joining(", "))
                + ")")
        + "; instances "
        + s.runningInstances()
        + " running, "
        + s.stoppedInstances()
        + " stopped.";
  }

  static String recommendations(RecommendationSummary s) {
    if (s.generatedAt() == null) {
      return "Recommendations: no advisor run stored yet (list_recommendations runs the rules).";
    }
    return "Recommendations (latest run "
        + Texts.minutes(s.generatedAt())
        + "): "
        + s.total()
        + " ("
        + java.util.Arrays.stream(Severity.values())
            .map(v -> v + " " + s.countBySeverity().get(v))
            .collect(Collectors.joining(", "))
        + "), saving "
        + Texts.total(s.monthlySavings())
        + " per month (each resource counted once)"
        + (s.supersededCount() == 0
            ? ""
            : "; " + s.supersededCount() + " more covered by another finding on the same resource")
        + (s.resolvedSinceLastRun().isEmpty()
            ? ""
            : "; " + s.resolvedSinceLastRun().size() + " resolved since the run before")
        + (s.failedRules().isEmpty()
            ? ""
            : "; failed rules: "
                + s.failedRules().stream().map(f -> f.ruleId()).collect(Collectors.joining(", ")))
        + ".";
  }

  /** The first {@code shown} lines, then "… N more" with the sums of the rest per month. */
  static void appendRows(
      StringBuilder out,
      List<String> lines,
      List<List<Money>> months,
      int shown,
      String indent,
      String what) {
    for (String line : lines.subList(0, Math.min(shown, lines.size()))) {
      out.append(line).append('\n');
    }
    if (lines.size() > shown) {
      List<List<Money>> rest = months.subList(shown, months.size());
      out.append(indent)
          .append("… ")
          .append(rest.size())
          .append(" more ")
          .append(what)
          .append(": ")
          .append(Texts.months(Texts.columnSums(rest)))
          .append(" (ask for a larger limit)\n");
    }
  }

  static List<String> numbered(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add((i + 1) + ". " + lines.get(i));
    }
    return out;
  }

  static CostDimension trendDimension(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return CostDimension.SERVICE;
    }
    return switch (Names.normalize(text)) {
      case "service", "services" -> CostDimension.SERVICE;
      case "compartment", "compartments" -> CostDimension.COMPARTMENT;
      case "resource", "resources" -> CostDimension.RESOURCE;
      case "region", "regions" -> CostDimension.REGION;
      case "sku", "skus" -> CostDimension.SKU;
      default ->
          throw new ToolInputException(
              "dimension '"
                  + text
                  + "' is unknown; use service, compartment, resource, region or sku");
    };
  }

  static Period span(List<YearMonth> months) {
    if (months.isEmpty()) {
      return Period.month(YearMonth.of(2000, 1));
    }
    return Period.of(months.get(0).atDay(1), months.get(months.size() - 1).plusMonths(1).atDay(1));
  }

  static java.util.Currency currency(String code) {
    return Money.currency(code);
  }
}
