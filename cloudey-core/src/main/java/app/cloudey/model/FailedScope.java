package app.cloudey.model;

import org.jspecify.annotations.Nullable;

/**
 * A scope whose listing failed; its stored resources were left untouched.
 *
 * @param scope the scope
 * @param reason what went wrong, fit for a user
 * @param requestId the provider's request id of the failing call, when known
 */
public record FailedScope(Scope scope, String reason, @Nullable String requestId) {
  public FailedScope {
    Checks.notNull(scope, "scope");
    Checks.notBlank(reason, "reason");
    requestId = Checks.blankToNull(requestId);
  }
}
