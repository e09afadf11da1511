package app.cloudey;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Root of Cloudey's unchecked exceptions. Subclasses say what the caller can do about it: fix input
 * ({@link CloudeyConfigException}), fix credentials or policies ({@link CloudeyAuthException}),
 * look elsewhere ({@link CloudeyNotFoundException}), retry later ({@link
 * CloudeyRateLimitedException}), or report an outage ({@link CloudeyProviderException}, {@link
 * CloudeyStoreException}). Adapters keep the vendor exception as the cause and the provider's
 * request id, when there is one, for support tickets.
 */
public class CloudeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String requestId;

  public CloudeyException(String message) {
    this(message, null, null);
  }

  public CloudeyException(String message, @Nullable Throwable cause) {
    this(message, cause, null);
  }

  public CloudeyException(String message, @Nullable Throwable cause, @Nullable String requestId) {
    super(message, cause);
    this.requestId = requestId == null || requestId.isBlank() ? null : requestId;
  }

  /** The provider's id of the failing request (OCI's {@code opc-request-id}), when known. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  @Override
  public String getMessage() {
    String message = super.getMessage();
    return requestId == null ? message : message + " (request id " + requestId + ")";
  }
}
