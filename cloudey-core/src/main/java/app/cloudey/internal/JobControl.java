package app.cloudey.internal;

import app.cloudey.model.JobProgress;

/**
 * What an engine sees of the job it runs for: whether it was asked to stop, and where to report
 * progress. Engines check {@link #isCancelled()} before each call, scope, month or batch they
 * start, never in the middle of one, so whatever they write is written whole.
 */
public interface JobControl {

  /** Work run outside a job: never cancelled, progress goes nowhere. */
  JobControl NONE =
      new JobControl() {
        @Override
        public boolean isCancelled() {
          return false;
        }

        @Override
        public void progress(JobProgress progress) {}
      };

  boolean isCancelled();

  /** Where the work is now; may be called from several threads. */
  void progress(JobProgress progress);

  /** Throws {@link JobCancelledException} when the job was asked to stop. */
  default void stopIfCancelled() {
    if (isCancelled()) {
      throw new JobCancelledException();
    }
  }
}
