package app.cloudey;

import org.jspecify.annotations.Nullable;

/** The account, resource or other object asked for does not exist (or is not the caller's). */
public class CloudeyNotFoundException extends CloudeyException {
  private static final long serialVersionUID = 1L;

  public CloudeyNotFoundException(String message) {
    super(message);
  }

  public CloudeyNotFoundException(
      String message, @Nullable Throwable cause, @Nullable String requestId) {
    super(message, cause, requestId);
  }
}
