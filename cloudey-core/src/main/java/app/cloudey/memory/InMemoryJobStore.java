package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.spi.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Jobs by id. Not under the account's data lock: saving a job does not bump the data version, and a
 * job is looked up by id alone.
 */
final class InMemoryJobStore implements JobStore, InMemoryAccountStore.AccountDataOwner {
  /** Newest first; the id breaks ties so the order is total. */
  private static final Comparator<JobRecord> NEWEST_FIRST =
      Comparator.comparing(JobRecord::createdAt).thenComparing(JobRecord::id).reversed();

  private final ConcurrentMap<String, JobRecord> jobs = new ConcurrentHashMap<>();

  @Override
  public void save(@Nullable JobRecord job) {
    Check.notNull(job, "job");
    jobs.merge(
        job.id(),
        job,
        (old, now) -> {
          if (!old.accountId().equals(now.accountId())) {
            throw new CloudeyConfigException(
                "job " + now.id() + " belongs to account '" + old.accountId() + "'");
          }
          if (old.isFinished()) {
            return old; // final is final
          }
          return old.cancelRequested() && !now.cancelRequested() ? now.withCancelRequested() : now;
        });
  }

  @Override
  public Optional<JobRecord> find(@Nullable AccountId accountId, @Nullable String jobId) {
    Check.notNull(accountId, "accountId");
    return find(jobId).filter(job -> job.accountId().equals(accountId));
  }

  @Override
  public Optional<JobRecord> find(@Nullable String jobId) {
    Check.notNull(jobId, "jobId");
    return Optional.ofNullable(jobs.get(jobId));
  }

  @Override
  public List<JobRecord> recent(@Nullable AccountId accountId, int limit) {
    Check.notNull(accountId, "accountId");
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    return jobs.values().stream()
        .filter(job -> job.accountId().equals(accountId))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public List<JobRecord> heartbeat(
      @Nullable String owner, @Nullable Collection<String> jobIds, @Nullable Instant at) {
    Check.notNull(owner, "owner");
    Check.notNull(jobIds, "jobIds");
    Check.notNull(at, "at");
    List<JobRecord> refreshed = new ArrayList<>();
    for (String id : Set.copyOf(jobIds)) {
      JobRecord now =
          jobs.computeIfPresent(
              id,
              (key, job) ->
                  job.owner().equals(owner) && !job.isFinished() ? job.withHeartbeat(at) : job);
      if (now != null && now.owner().equals(owner) && !now.isFinished()) {
        refreshed.add(now);
      }
    }
    return refreshed;
  }

  @Override
  public Optional<JobRecord> requestCancel(@Nullable String jobId) {
    Check.notNull(jobId, "jobId");
    return Optional.ofNullable(
        jobs.computeIfPresent(
            jobId, (key, job) -> job.isFinished() ? job : job.withCancelRequested()));
  }

  @Override
  public int abandonStale(
      @Nullable Instant heartbeatBefore, @Nullable Instant foundAt, @Nullable String reason) {
    Check.notNull(heartbeatBefore, "heartbeatBefore");
    Check.notNull(foundAt, "foundAt");
    Check.notNull(reason, "reason");
    int abandoned = 0;
    for (String id : jobs.keySet()) {
      boolean[] changed = {false};
      jobs.computeIfPresent(
          id,
          (key, job) -> {
            if (job.isFinished() || !job.heartbeatAt().isBefore(heartbeatBefore)) {
              return job;
            }
            changed[0] = true;
            return job.ended(JobState.ABANDONED, foundAt, Map.of(), reason);
          });
      if (changed[0]) {
        abandoned++;
      }
    }
    return abandoned;
  }

  @Override
  public void clear(AccountId accountId) {
    jobs.values().removeIf(job -> job.accountId().equals(accountId));
  }
}
