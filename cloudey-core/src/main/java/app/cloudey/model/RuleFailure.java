package app.cloudey.model;

/**
 * An advisor rule that failed during a run: the other rules still ran, and the run says which rule
 * produced nothing and why.
 *
 * @param ruleId the failing rule
 * @param error the exception class and message
 */
public record RuleFailure(String ruleId, String error) {
  public RuleFailure {
    Checks.notBlank(ruleId, "ruleId");
    Checks.notNull(error, "error");
  }
}
