package app.cloudey;

import org.jspecify.annotations.Nullable;

/**
 * The provider refused the credentials (authentication) or the operation (authorisation). Retrying
 * will not help; fix the key, fingerprint, user or policies.
 */
public class CloudeyAuthException extends CloudeyException {
  private static final long serialVersionUID = 1L;

  public CloudeyAuthException(String message) {
    super(message);
  }

  public CloudeyAuthException(
      String message, @Nullable Throwable cause, @Nullable String requestId) {
    super(message, cause, requestId);
  }
}
