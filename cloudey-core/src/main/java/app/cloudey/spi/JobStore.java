package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Background jobs' state, so any process sharing the store can follow a job, ask it to stop, and
 * find the jobs of a process that died. Saving a job does not change the account's data version: a
 * job's progress is not data that query results depend on. Thread-safe.
 *
 * <p>Three writers meet on one job: its owner ({@link #save}, {@link #heartbeat}), anyone asking it
 * to stop ({@link #requestCancel}) and anyone sweeping dead owners' jobs ({@link #abandonStale}).
 * Their writes compose: a save never clears a cancel request, and nothing changes a job once it is
 * final.
 */
public interface JobStore {

  /**
   * Inserts or replaces the job by id, unless the stored job is already final: a final job never
   * changes (one abandoned while its process was unreachable stays ABANDONED when that process
   * comes back and finishes it). A stored cancel request is kept even when {@code job} has none.
   *
   * @throws app.cloudey.CloudeyConfigException when the id belongs to another account's job
   */
  void save(JobRecord job);

  /** The account's job with this id. */
  Optional<JobRecord> find(AccountId accountId, String jobId);

  /** The job with this id, whatever its account (a server looking a job up by id alone). */
  Optional<JobRecord> find(String jobId);

  /** The account's jobs, newest created first, at most {@code limit}. */
  List<JobRecord> recent(AccountId accountId, int limit);

  /**
   * Sets the heartbeat of those of {@code jobIds} that {@code owner} owns and that are not final to
   * {@code at}, in one write.
   *
   * @return the jobs it refreshed, as now stored (with any {@link JobRecord#cancelRequested()}); a
   *     job of {@code jobIds} missing from the list is no longer the owner's to run (it was
   *     abandoned by a sweep, finished, or deleted with its account)
   */
  List<JobRecord> heartbeat(String owner, Collection<String> jobIds, Instant at);

  /**
   * Records a request to stop the job, if it is not final; its owner notices at its next heartbeat
   * and ends it CANCELLED.
   *
   * @return the job as now stored; empty when there is no job with this id
   */
  Optional<JobRecord> requestCancel(String jobId);

  /**
   * Marks every {@link JobState#QUEUED} or {@link JobState#RUNNING} job, of any account, whose
   * heartbeat is before {@code heartbeatBefore} {@link JobState#ABANDONED}: ended at {@code
   * foundAt} (or its creation, if later) with {@code reason} as its error and an empty result,
   * progress kept.
   *
   * @return how many jobs were abandoned
   */
  int abandonStale(Instant heartbeatBefore, Instant foundAt, String reason);
}
