package app.cloudey;

import org.jspecify.annotations.Nullable;

/**
 * The cloud provider failed (5xx, timeout, unexpected answer) after retries. {@link #status()} is
 * the HTTP status, or -1 when there was no response.
 */
public class CloudeyProviderException extends CloudeyException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public CloudeyProviderException(
      String message, int status, @Nullable Throwable cause, @Nullable String requestId) {
    super(message, cause, requestId);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
