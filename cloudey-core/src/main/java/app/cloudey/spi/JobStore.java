package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Background jobs' state, so any process sharing the store can follow a job. Saving a job does not
 * change the account's data version: a job's progress is not data that query results depend on.
 * Thread-safe.
 */
public interface JobStore {

  /** Inserts or replaces the job by id. */
  void save(JobRecord job);

  /** The account's job with this id. */
  Optional<JobRecord> find(AccountId accountId, String jobId);

  /** The job with this id, whatever its account (a server looking a job up by id alone). */
  Optional<JobRecord> find(String jobId);

  /** The account's jobs, newest created first, at most {@code limit}. */
  List<JobRecord> recent(AccountId accountId, int limit);

  /**
   * Marks every {@link JobState#QUEUED} or {@link JobState#RUNNING} job of the account {@link
   * JobState#ABANDONED}: ended at {@code foundAt} (or its creation, if later) with {@code reason}
   * as its error, progress kept.
   *
   * @return how many jobs were abandoned
   */
  int abandonUnfinished(AccountId accountId, Instant foundAt, String reason);
}
