package app.cloudey.model;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The latest advisor run in brief, as the dashboard shows it.
 *
 * <p>The counts agree with the total: {@link #countBySeverity} counts the recommendations that
 * stand, those whose saving {@link #monthlySavings} counts ({@link RecommendationRun#counted}). A
 * recommendation that the run's reconciliation supersedes (another finding on the same resource
 * counts instead, e.g. rightsizing an instance that is idle) is not in {@link #countBySeverity};
 * {@link #supersededCount} says how many there are, so {@code total() + supersededCount()} is the
 * number of recommendations in the run.
 *
 * @param accountId the account
 * @param generatedAt when the latest run was made; null when the account has no run yet
 * @param countBySeverity recommendations that stand (not superseded) per severity (every severity
 *     present, 0 when none)
 * @param supersededCount recommendations of the run that another one on the same resource
 *     supersedes (not in {@code countBySeverity}, their savings not in {@code monthlySavings})
 * @param monthlySavings total monthly saving per currency, each resource counted once
 * @param resolvedSinceLastRun ids of recommendations of the previous run that the latest run no
 *     longer finds
 * @param failedRules rules that failed in the latest run
 */
public record RecommendationSummary(
    AccountId accountId,
    @Nullable Instant generatedAt,
    Map<Severity, Integer> countBySeverity,
    int supersededCount,
    List<Money> monthlySavings,
    List<String> resolvedSinceLastRun,
    List<RuleFailure> failedRules) {

  public RecommendationSummary {
    Checks.notNull(accountId, "accountId");
    EnumMap<Severity, Integer> all = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      all.put(s, Checks.notNull(countBySeverity, "countBySeverity").getOrDefault(s, 0));
    }
    countBySeverity = java.util.Collections.unmodifiableMap(all);
    Checks.require(supersededCount >= 0, "supersededCount must not be negative");
    monthlySavings = Checks.copy(monthlySavings, "monthlySavings");
    resolvedSinceLastRun = Checks.copy(resolvedSinceLastRun, "resolvedSinceLastRun");
    failedRules = Checks.copy(failedRules, "failedRules");
  }

  /** The summary of an account without any run. */
  public static RecommendationSummary none(AccountId accountId) {
    return new RecommendationSummary(accountId, null, Map.of(), 0, List.of(), List.of(), List.of());
  }

  /** The summary of the latest run {@code latest}, compared with the run before it. */
  public static RecommendationSummary of(
      AccountId accountId,
      @Nullable RecommendationRun latest,
      @Nullable RecommendationRun previous) {
    return of(
        accountId,
        latest,
        previous == null
            ? List.of()
            : previous.recommendations().stream().map(Recommendation::id).toList());
  }

  /**
   * The summary of the latest run {@code latest}, compared with the ids of the recommendations of
   * the run before it (empty when there is none).
   */
  public static RecommendationSummary of(
      AccountId accountId, @Nullable RecommendationRun latest, Collection<String> previousIds) {
    if (latest == null) {
      return none(accountId);
    }
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    int superseded = 0;
    for (Recommendation r : latest.recommendations()) {
      if (latest.counted(r)) {
        counts.merge(r.severity(), 1, Integer::sum);
      } else {
        superseded++;
      }
    }
    java.util.Set<String> now = latest.ids();
    List<String> resolved =
        previousIds.stream().filter(id -> !now.contains(id)).distinct().sorted().toList();
    return new RecommendationSummary(
        accountId,
        latest.generatedAt(),
        counts,
        superseded,
        latest.totalMonthlySavings(),
        resolved,
        latest.failures());
  }

  /**
   * Recommendations that stand, of every severity (the sum of {@link #countBySeverity}); superseded
   * ones are not included (see {@link #supersededCount}).
   */
  public int total() {
    return countBySeverity.values().stream().mapToInt(Integer::intValue).sum();
  }
}
