package app.cloudey;

/**
 * The account is busy: another sync, refresh or month close holds its lock (in this process or,
 * with a shared store, in another) and did not release it in time. Nothing was changed; retry when
 * the other work has finished, or wait longer (the builder's {@code lockTimeout}). A server maps it
 * to 409 Conflict.
 */
public class CloudeyLockTimeoutException extends CloudeyException {
  private static final long serialVersionUID = 1L;

  public CloudeyLockTimeoutException(String message) {
    super(message);
  }
}
