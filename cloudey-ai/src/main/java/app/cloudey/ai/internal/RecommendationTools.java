package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Action;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Tools over the account's savings recommendations: a fresh run of the rules ({@code
 * list_recommendations}), and the stored runs (details, summary, history). Read-only over the
 * account's data (a run is stored as a snapshot, like any run); bound to one account.
 */
public final class RecommendationTools {
  /** Evidence rows shown by {@code recommendation_details}. */
  static final int EVIDENCE_ROWS = 10;

  private final AccountView account;
  private final int maxRows;

  RecommendationTools(AccountView account, int maxRows) {
    this.account = account;
    this.maxRows = maxRows;
  }

  @Tool(
      name = "list_recommendations",
      value =
          "Runs the advisor's rules now and lists the savings recommendations, most severe and"
              + " largest saving first, with the total monthly saving (each resource counted"
              + " once), what each is based on (billed cost or list price), the resources affected"
              + " and its id for recommendation_details.")
  public String listRecommendations(
      @P(
              name = "rule",
              description = "Only this rule, e.g. idle-instance or unattached-volume",
              required = false)
          @Nullable String rule,
      @P(name = "limit", description = "How many to list (default 10)", required = false)
          @Nullable Integer limit) {
    RecommendationRun run = account.runRecommendations();
    boolean filtered = rule != null && !rule.isBlank();
    List<Recommendation> all =
        run.recommendations().stream()
            .filter(r -> !filtered || Names.normalize(r.ruleId()).equals(Names.normalize(rule)))
            .toList();
    if (all.isEmpty()) {
      return "No recommendations"
          + (filtered ? " from rule " + rule.trim() : "")
          + ": the advisor rules found nothing to save (or none are registered)."
          + failures(run);
    }
    Directory directory = new Directory(account);
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    all.forEach(r -> bySeverity.merge(r.severity(), 1, Integer::sum));
    StringBuilder out = new StringBuilder();
    out.append(all.size())
        .append(all.size() == 1 ? " recommendation" : " recommendations")
        .append(", ")
        .append(Texts.total(counted(run, all)))
        .append(" per month in possible savings (")
        .append(
            bySeverity.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")))
        .append(").\n");
    int shown = Rows.limit(limit, 10, maxRows);
    for (int i = 0; i < Math.min(shown, all.size()); i++) {
      Recommendation r = all.get(i);
      out.append(i + 1).append(". ").append(line(r, run, directory)).append('\n');
    }
    if (all.size() > shown) {
      List<Recommendation> rest = all.subList(shown, all.size());
      out.append("… ")
          .append(rest.size())
          .append(" more: ")
          .append(Texts.total(counted(run, rest)))
          .append("/month\n");
    }
    return out.append(failures(run)).toString().stripTrailing();
  }

  @Tool(
      name = "recommendation_details",
      value =
          "One recommendation of the latest run in full: severity, saving and its basis,"
              + " confidence, whether the total counts it, the explanation, the evidence table,"
              + " the actions to take and the resources. Find it by id (from"
              + " list_recommendations), or by words of its title or a resource's name.")
  public String recommendationDetails(
      @P(
              name = "recommendation",
              description =
                  "Its id (e.g. idle-instance:3f2a...), or words of its title or resource")
          String recommendation) {
    RecommendationRun run = currentRun();
    Recommendation r = find(run, recommendation);
    Directory directory = new Directory(account);
    StringBuilder out = new StringBuilder();
    out.append(line(r, run, directory)).append('\n');
    out.append("Confidence ")
        .append(String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100))
        .append("; from the run of ")
        .append(Texts.minutes(run.generatedAt()))
        .append(".\n");
    if (!r.summary().isBlank()) {
      out.append(r.summary().strip()).append('\n');
    }
    if (!r.evidence().columns().isEmpty()) {
      out.append("Evidence:\n| ").append(String.join(" | ", r.evidence().columns())).append(" |\n");
      List<List<String>> rows = r.evidence().rows();
      for (List<String> row : rows.subList(0, Math.min(EVIDENCE_ROWS, rows.size()))) {
        out.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
      if (rows.size() > EVIDENCE_ROWS) {
        out.append("… ").append(rows.size() - EVIDENCE_ROWS).append(" more rows\n");
      }
    }
    if (!r.actions().isEmpty()) {
      out.append("Actions:\n");
      for (Action a : r.actions()) {
        out.append("- ")
            .append(a.title())
            .append(a.detail().isBlank() ? "" : ": " + a.detail().strip())
            .append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  @Tool(
      name = "savings_summary",
      value =
          "The latest advisor run in brief: when it ran, how many recommendations per severity,"
              + " the total monthly saving per currency (each resource counted once), what the run"
              + " before found that this one no longer does, and rules that failed.")
  public String savingsSummary() {
    RecommendationSummary summary = account.recommendationSummary();
    if (summary.generatedAt() == null) {
      currentRun();
      summary = account.recommendationSummary();
    }
    StringBuilder out = new StringBuilder(ViewTexts.recommendations(summary));
    if (!summary.resolvedSinceLastRun().isEmpty()) {
      List<RecommendationRun> lastTwo = account.recommendationHistory(2);
      Map<String, Recommendation> before =
          lastTwo.size() < 2
              ? Map.of()
              : lastTwo.get(1).recommendations().stream()
                  .collect(Collectors.toMap(Recommendation::id, r -> r, (a, b) -> a));
      out.append("\nResolved since the run before: ")
          .append(
              summary.resolvedSinceLastRun().stream()
                  .limit(maxRows)
                  .map(id -> before.containsKey(id) ? before.get(id).title() : id)
                  .collect(Collectors.joining("; ")))
          .append(
              summary.resolvedSinceLastRun().size() > maxRows
                  ? " and " + (summary.resolvedSinceLastRun().size() - maxRows) + " more"
                  : "");
    }
    return out.toString();
  }

  @Tool(
      name = "recommendation_history",
      value =
          "The newest stored advisor runs, newest first: when each ran, how many recommendations,"
              + " the total monthly saving, and how many findings were new or resolved against"
              + " the run before it.")
  public String recommendationHistory(
      @P(name = "runs", description = "How many runs (default 5)", required = false)
          @Nullable Integer runs) {
    int n = Rows.limit(runs, 5, maxRows);
    List<RecommendationRun> history = account.recommendationHistory(n + 1);
    if (history.isEmpty()) {
      return "No advisor run is stored yet (list_recommendations runs the rules).";
    }
    StringBuilder out = new StringBuilder();
    int listed = Math.min(n, history.size());
    out.append(listed)
        .append(listed == 1 ? " stored run" : " stored runs")
        .append(", newest first:\n");
    for (int i = 0; i < listed; i++) {
      RecommendationRun run = history.get(i);
      out.append("- ")
          .append(Texts.minutes(run.generatedAt()))
          .append(": ")
          .append(run.recommendations().size())
          .append(" recommendations, ")
          .append(Texts.total(run.totalMonthlySavings()))
          .append(" per month");
      if (i + 1 < history.size()) {
        Set<String> before = history.get(i + 1).ids();
        Set<String> now = run.ids();
        long added = now.stream().filter(id -> !before.contains(id)).count();
        long resolved = before.stream().filter(id -> !now.contains(id)).count();
        out.append("; ").append(added).append(" new, ").append(resolved).append(" resolved");
      }
      if (!run.failures().isEmpty()) {
        out.append("; ").append(run.failures().size()).append(" rules failed");
      }
      out.append('\n');
    }
    return out.toString().stripTrailing();
  }

  /** The latest stored run; the rules run once when none is stored. */
  private RecommendationRun currentRun() {
    Optional<RecommendationRun> latest = account.latestRecommendations();
    return latest.isPresent() ? latest.get() : account.runRecommendations();
  }

  private Recommendation find(RecommendationRun run, String text) {
    String term = text.trim();
    for (Recommendation r : run.recommendations()) {
      if (r.id().equalsIgnoreCase(term)) {
        return r;
      }
    }
    List<String> words =
        List.of(term.toLowerCase(Locale.ROOT).split("\\s+")).stream()
            .filter(w -> !w.isBlank())
            .toList();
    List<Recommendation> matches =
        run.recommendations().stream()
            .filter(
                r -> {
                  String haystack =
                      (r.title()
                              + " "
                              + r.ruleId()
                              + " "
                              + String.join(" ", r.resourceNames().values()))
                          .toLowerCase(Locale.ROOT);
                  return words.stream().allMatch(haystack::contains);
                })
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new ToolInputException(
        (matches.isEmpty()
                ? "no recommendation of the latest run matches '" + text + "'"
                : "'" + text + "' matches " + matches.size() + " recommendations")
            + "; "
            + (run.recommendations().isEmpty()
                ? "the latest run found none"
                : "they are: "
                    + run.recommendations().stream()
                        .limit(12)
                        .map(r -> r.id() + " (" + r.title() + ")")
                        .collect(Collectors.joining(", "))
                    + (run.recommendations().size() > 12
                        ? " and " + (run.recommendations().size() - 12) + " more"
                        : "")));
  }

  private static String line(Recommendation r, RecommendationRun run, Directory directory) {
    StringBuilder out = new StringBuilder();
    out.append('[')
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
    String by = run.supersededBy().get(r.id());
    if (by != null) {
      out.append("; not counted in the total (a larger saving on the same resource counts: ")
          .append(by)
          .append(")");
    }
    return out.append("; id ").append(r.id()).toString();
  }

  private static String basis(SavingsBasis basis) {
    return basis == SavingsBasis.BILLED_COST ? "from billed cost" : "from list prices";
  }

  /** The savings of those the run's total counts. */
  private static List<app.cloudey.model.Money> counted(
      RecommendationRun run, List<Recommendation> recommendations) {
    return recommendations.stream()
        .filter(run::counted)
        .map(Recommendation::monthlySavings)
        .filter(m -> !m.isZero())
        .toList();
  }

  private static String failures(RecommendationRun run) {
    return run.failures().isEmpty() ? "" : "\nWarning: " + run.failureSummary() + ".";
  }
}
