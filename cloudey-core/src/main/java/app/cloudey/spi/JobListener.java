package app.cloudey.spi;

import app.cloudey.model.JobRecord;

/**
 * Follows one job, e.g. to stream its progress to a client. Methods are no-ops by default, called
 * on Cloudey's worker threads (possibly several at once), so implementations must be thread-safe
 * and quick; an exception thrown by a listener is ignored.
 */
public interface JobListener {

  JobListener NOOP = new JobListener() {};

  /** The job started, or made progress ({@link JobRecord#progress()}). */
  default void progress(JobRecord job) {}

  /** The job ended; {@code job} is its final record. Called once. */
  default void finished(JobRecord job) {}
}
