package app.cloudey;

import org.jspecify.annotations.Nullable;

/** The store (e.g. PostgreSQL) failed; the operation was rolled back. */
public class CloudeyStoreException extends CloudeyException {
  private static final long serialVersionUID = 1L;

  public CloudeyStoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
