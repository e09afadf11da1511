package app.cloudey.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One advisor run of an account, as stored: every recommendation found, the rules that failed, and
 * which recommendations the reconciliation did not count because a larger one on the same resource
 * already counts it.
 *
 * <p><b>Reconciliation rule</b> (so the total counts each resource once): recommendations with
 * savings are taken largest saving first (ties: rule id, then id); one is counted when none of its
 * resources is already claimed by a counted one, and then claims all of them; otherwise it is kept
 * in the run but {@link #supersededBy superseded} by the counted one that claimed its resource. An
 * idle instance (saving = its whole cost) therefore always beats rightsizing or scheduling of that
 * instance (each saving only part of it). Then the recommendations on resources whose saving is
 * priced at zero (the resource costs nothing today, e.g. inside a free tier; severity {@code INFO})
 * are taken by rule id, then id, the same way: one counts per resource, the others (and any on a
 * resource a saving already claims) are superseded. Insights and findings without an amount (basis
 * {@code NONE}) are never superseded.
 *
 * @param id unique id of the run
 * @param accountId the account
 * @param generatedAt when the run started (the advisor clock)
 * @param recommendations every recommendation, most severe first, then largest saving
 * @param failures rules that threw; their findings are absent
 * @param supersededBy id of a recommendation whose saving is not counted -> id of the counted
 *     recommendation that covers the same resource
 */
public record RecommendationRun(
    String id,
    AccountId accountId,
    Instant generatedAt,
    List<Recommendation> recommendations,
    List<RuleFailure> failures,
    Map<String, String> supersededBy) {

  public RecommendationRun {
    Checks.notBlank(id, "id");
    Checks.notNull(accountId, "accountId");
    Checks.notNull(generatedAt, "generatedAt");
    recommendations = Checks.copy(recommendations, "recommendations");
    failures = Checks.copy(failures, "failures");
    supersededBy = Checks.copy(supersededBy, "supersededBy");
    Set<String> ids = new HashSet<>();
    for (Recommendation r : recommendations) {
      Checks.require(
          r.accountId().equals(accountId),
          () ->
              "recommendation "
                  + r.id()
                  + " belongs to account "
                  + r.accountId()
                  + ", not "
                  + accountId);
      Checks.require(
          ids.add(r.id()), () -> "recommendation id " + r.id() + " appears twice in the run");
    }
    for (Map.Entry<String, String> e : supersededBy.entrySet()) {
      Checks.require(
          ids.contains(e.getKey()) && ids.contains(e.getValue()),
          () -> "supersededBy names a recommendation not in the run: " + e);
    }
  }

  /** Whether the run's total counts this recommendation's saving. */
  public boolean counted(Recommendation recommendation) {
    return !supersededBy.containsKey(recommendation.id());
  }

  /**
   * Total monthly saving per currency, each resource counted once (see the reconciliation rule).
   */
  public List<Money> totalMonthlySavings() {
    Map<Currency, Money> totals = new LinkedHashMap<>();
    for (Recommendation r : recommendations) {
      if (counted(r) && !r.monthlySavings().isZero()) {
        totals.merge(r.monthlySavings().currency(), r.monthlySavings(), Money::plus);
      }
    }
    return new ArrayList<>(totals.values());
  }

  /** The failed rules in one line, e.g. {@code advisor rule x failed: IllegalStateException: y}. */
  public String failureSummary() {
    return failures.stream()
        .map(f -> "advisor rule " + f.ruleId() + " failed: " + f.error())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** Ids of this run's recommendations. */
  public Set<String> ids() {
    Set<String> ids = new HashSet<>();
    recommendations.forEach(r -> ids.add(r.id()));
    return ids;
  }
}
