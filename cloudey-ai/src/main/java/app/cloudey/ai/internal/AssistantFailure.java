package app.cloudey.ai.internal;

import app.cloudey.AssistantEvent.ErrorKind;
import app.cloudey.CloudeyException;

/**
 * Why an answer failed, carried from where it happened to {@code ask} (which throws {@link
 * #cause()}) or {@code stream} (which reports an error event).
 */
public final class AssistantFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ErrorKind kind;
  private final CloudeyException exception;

  AssistantFailure(ErrorKind kind, CloudeyException exception) {
    super(exception.getMessage(), exception, false, false);
    this.kind = kind;
    this.exception = exception;
  }

  public ErrorKind kind() {
    return kind;
  }

  /** The exception {@code ask} throws. */
  public CloudeyException exception() {
    return exception;
  }

  boolean isRetriable() {
    return kind == ErrorKind.RATE_LIMITED
        || kind == ErrorKind.PROVIDER_UNAVAILABLE
        || kind == ErrorKind.TIMEOUT;
  }
}
