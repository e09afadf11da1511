package app.cloudey.model;

/**
 * Where a {@link SyncRun} is in its life. The names are those of Cloudey's job states, so a job
 * running a sync reports the same word as the run.
 */
public enum SyncState {
  /** Started and not ended; only ever true of a run whose account lock is held. */
  RUNNING,
  /**
   * Ran to its end. Scopes may still have failed ({@link SyncRun#failures()}); {@link
   * SyncRun#isSuccessful()} says whether every one completed.
   */
  SUCCEEDED,
  /** Stopped by an error of the whole run ({@link SyncRun#error()}). */
  FAILED,
  /**
   * Found RUNNING by the next taker of the account's lock: the process running it stopped before it
   * finished. {@link SyncRun#error()} says when it was found.
   */
  ABANDONED,
  /**
   * Stopped on request (a cancelled job): the scopes listed were written whole, the others left
   * untouched.
   */
  CANCELLED;

  /** True once the run can no longer change. */
  public boolean isFinal() {
    return this != RUNNING;
  }
}
