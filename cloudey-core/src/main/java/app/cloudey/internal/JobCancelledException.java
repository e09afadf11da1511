package app.cloudey.internal;

/**
 * Thrown by an engine between two units of work when its job was cancelled; caught by the job
 * runner, which records the job CANCELLED. Never reaches a caller of the blocking API.
 */
public final class JobCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JobCancelledException() {
    super("the job was cancelled", null, false, false);
  }
}
