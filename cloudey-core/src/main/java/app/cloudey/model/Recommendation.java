package app.cloudey.model;

import java.util.List;

/**
 * A savings recommendation or cost insight produced by one advisor rule.
 *
 * @param id stable id: the same finding on the same resources keeps its id across runs
 * @param accountId owning account
 * @param ruleId id of the rule that produced it, e.g. {@code idle-instance}
 * @param severity urgency
 * @param title one line
 * @param summary markdown explanation
 * @param resourceIds affected resources (may be empty for account-wide insights)
 * @param monthlySavings estimated saving per month; zero for insights
 * @param basis what the estimate was computed from
 * @param confidence 0 to 1
 * @param evidence the data behind it
 * @param actions what to do
 */
public record Recommendation(
    String id,
    AccountId accountId,
    String ruleId,
    Severity severity,
    String title,
    String summary,
    List<String> resourceIds,
    Money monthlySavings,
    SavingsBasis basis,
    double confidence,
    Evidence evidence,
    List<Action> actions) {

  public Recommendation {
    Checks.notBlank(id, "id");
    Checks.notNull(accountId, "accountId");
    Checks.notBlank(ruleId, "ruleId");
    Checks.notNull(severity, "severity");
    Checks.notBlank(title, "title");
    Checks.notNull(summary, "summary");
    resourceIds = Checks.copy(resourceIds, "resourceIds");
    Checks.notNull(monthlySavings, "monthlySavings");
    Checks.require(
        !monthlySavings.isNegative(), "monthlySavings must not be negative, was " + monthlySavings);
    Checks.notNull(basis, "basis");
    Checks.require(
        basis != SavingsBasis.NONE || monthlySavings.isZero(),
        "monthlySavings must be zero when basis is NONE");
    Checks.require(
        confidence >= 0 && confidence <= 1,
        "confidence must be between 0 and 1, was " + confidence);
    evidence = evidence == null ? Evidence.NONE : evidence;
    actions = Checks.copy(actions, "actions");
  }
}
