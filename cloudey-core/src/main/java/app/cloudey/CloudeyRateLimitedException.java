package app.cloudey;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The provider throttled us and retries were exhausted; retriable later. */
public class CloudeyRateLimitedException extends CloudeyException {
  private static final long serialVersionUID = 1L;
  private final @Nullable Duration retryAfter;

  public CloudeyRateLimitedException(
      String message,
      @Nullable Duration retryAfter,
      @Nullable Throwable cause,
      @Nullable String requestId) {
    super(message, cause, requestId);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked us to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
