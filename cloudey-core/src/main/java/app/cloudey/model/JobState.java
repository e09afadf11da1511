package app.cloudey.model;

/** Where a background job is in its life. */
public enum JobState {
  /** Accepted, waiting for a job thread. */
  QUEUED,
  /** Working. */
  RUNNING,
  /** Ran to its end; {@link JobRecord#result()} summarises what it did. */
  SUCCEEDED,
  /** Stopped by an error ({@link JobRecord#error()}). */
  FAILED,
  /** Stopped on request: calls in flight finished, no further call was made. */
  CANCELLED,
  /**
   * Never ended by its process: the process crashed or was stopped (its heartbeats stopped, see
   * {@link JobRecord}), or Cloudey was closed before the job started ({@link JobRecord#error()}).
   */
  ABANDONED;

  /** True once the job can no longer change. */
  public boolean isFinal() {
    return this != QUEUED && this != RUNNING;
  }
}
