package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Tools over the account's savings recommendations. Read-only; bound to one account. */
public final class RecommendationTools {
  private final AccountView account;
  private final int maxRows;

  RecommendationTools(AccountView account, int maxRows) {
    this.account = account;
    this.maxRows = maxRows;
  }

  @Tool(
      name = "list_recommendations",
      value =
          "Savings recommendations for this account, most severe and largest saving first, with"
              + " the total monthly saving, what each is based on (billed cost or list price) and"
              + " the resources affected.")
  public String listRecommendations(
      @P(
              name = "rule",
              description = "Only this rule, e.g. idle-instance or unattached-volume",
              required = false)
          @Nullable String rule,
      @P(name = "limit", description = "How many to list (default 10)", required = false)
          @Nullable Integer limit) {
    Directory directory = new Directory(account);
    List<Recommendation> all =
        account.recommendations().stream()
            .filter(
                r ->
                    rule == null
                        || rule.isBlank()
                        || Names.normalize(r.ruleId()).equals(Names.normalize(rule)))
            .toList();
    if (all.isEmpty()) {
      return "No recommendations"
          + (rule == null || rule.isBlank() ? "" : " from rule " + rule.trim())
          + ": the advisor rules found nothing to save (or none are registered).";
    }
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    all.forEach(r -> bySeverity.merge(r.severity(), 1, Integer::sum));
    StringBuilder out = new StringBuilder();
    out.append(all.size())
        .append(all.size() == 1 ? " recommendation" : " recommendations")
        .append(", ")
        .append(total(all))
        .append(" per month in possible savings (")
        .append(
            bySeverity.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")))
        .append(").\n");
    int shown = Rows.limit(limit, 10, maxRows);
    for (int i = 0; i < Math.min(shown, all.size()); i++) {
      Recommendation r = all.get(i);
      out.append(i + 1)
          .append(". [")
          .append(r.severity())
          .append("] ")
          .append(r.title())
          .append(": ")
          .append(
              r.basis() == SavingsBasis.NONE
                  ? "insight, no saving"
                  : "saves " + r.monthlySavings() + "/month (" + basis(r.basis()) + ")")
          .append(", rule ")
          .append(r.ruleId());
      if (!r.resourceIds().isEmpty()) {
        out.append("; resources: ")
            .append(
                r.resourceIds().stream()
                    .limit(5)
                    .map(directory::resourceLabel)
                    .collect(Collectors.joining(", ")))
            .append(
                r.resourceIds().size() > 5 ? " and " + (r.resourceIds().size() - 5) + " more" : "");
      }
      out.append('\n');
    }
    if (all.size() > shown) {
      List<Recommendation> rest = all.subList(shown, all.size());
      out.append("… ").append(rest.size()).append(" more: ").append(total(rest)).append("/month\n");
    }
    return out.toString().stripTrailing();
  }

  private static String basis(SavingsBasis basis) {
    return basis == SavingsBasis.BILLED_COST ? "from billed cost" : "from list prices";
  }

  private static String total(List<Recommendation> recommendations) {
    Map<Currency, Money> byCurrency = new LinkedHashMap<>();
    recommendations.forEach(
        r -> byCurrency.merge(r.monthlySavings().currency(), r.monthlySavings(), Money::plus));
    return byCurrency.values().stream().map(Money::toString).collect(Collectors.joining(" + "));
  }
}
