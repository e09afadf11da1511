package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.spi.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link JobStore}: jobs kept whole (state, progress, times, result summary, error),
 * replaced by id, found by id with or without the account, listed newest first, unfinished jobs
 * abandoned, saves that leave the data version alone, and tenant isolation.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class JobStoreContract extends StoreContract {

  private static final Instant T1 = Instant.parse("2026-10-05T06:00:00Z");
  private static final Instant T2 = Instant.parse("2026-10-06T06:00:00Z");
  private static final Instant T3 = Instant.parse("2026-10-07T06:00:00Z");

  private JobStore jobs() {
    return store().jobs();
  }

  private static JobRecord queued(AccountId id, Instant createdAt) {
    return JobRecord.queued("job-" + UUID.randomUUID(), id, JobKind.INVENTORY_SYNC, createdAt);
  }

  /** A job that synced 3 of 4 scopes (57 resources), then was cancelled. */
  private static JobRecord cancelled(AccountId id) {
    return queued(id, T1)
        .running(T1.plusSeconds(1))
        .withProgress(new JobProgress(3, 4, 57))
        .ended(JobState.CANCELLED, T1.plusSeconds(9), Map.of("syncRunId", "run-1"), null);
  }

  @Test
  public void aSavedJobComesBackWhole() {
    AccountId id = newAccount();
    JobRecord job = cancelled(id);
    jobs().save(job);
    assertThat(jobs().find(id, job.id())).contains(job);
    assertThat(jobs().find(job.id())).contains(job);
  }

  @Test
  public void aFailedJobKeepsItsError() {
    AccountId id = newAccount();
    JobRecord job =
        queued(id, T1)
            .running(T1)
            .ended(JobState.FAILED, T2, Map.of(), "CloudeyProviderException: fake: 500");
    jobs().save(job);
    assertThat(jobs().find(job.id()).orElseThrow().error())
        .isEqualTo("CloudeyProviderException: fake: 500");
  }

  @Test
  public void savingAgainReplacesTheJob() {
    AccountId id = newAccount();
    JobRecord queued = queued(id, T1);
    jobs().save(queued);
    JobRecord running = queued.running(T2).withProgress(new JobProgress(1, 2, 10));
    jobs().save(running);
    assertThat(jobs().find(id, queued.id())).contains(running);
    assertThat(jobs().recent(id, 10)).containsExactly(running);
  }

  @Test
  public void anUnknownIdIsNotFound() {
    AccountId id = newAccount();
    assertThat(jobs().find("job-" + UUID.randomUUID())).isEmpty();
    assertThat(jobs().find(id, "job-" + UUID.randomUUID())).isEmpty();
  }

  @Test
  public void recentListsNewestFirstUpToTheLimit() {
    AccountId id = newAccount();
    JobRecord first = queued(id, T1);
    JobRecord second = queued(id, T2);
    JobRecord third = queued(id, T3);
    jobs().save(second);
    jobs().save(third);
    jobs().save(first);
    assertThat(jobs().recent(id, 10)).containsExactly(third, second, first);
    assertThat(jobs().recent(id, 2)).containsExactly(third, second);
    assertThat(jobs().recent(id, 0)).isEmpty();
  }

  @Test
  public void aNegativeLimitIsRefused() {
    AccountId id = newAccount();
    assertThatThrownBy(() -> jobs().recent(id, -1)).isInstanceOf(CloudeyException.class);
  }

  @Test
  public void abandonUnfinishedEndsQueuedAndRunningJobsOnly() {
    AccountId id = newAccount();
    JobRecord queued = queued(id, T1);
    JobRecord running = queued(id, T1).running(T2).withProgress(new JobProgress(2, 5, 20));
    JobRecord done = cancelled(id);
    List.of(queued, running, done).forEach(jobs()::save);

    assertThat(jobs().abandonUnfinished(id, T3, "the process stopped")).isEqualTo(2);

    JobRecord abandoned = jobs().find(id, running.id()).orElseThrow();
    assertThat(abandoned.state()).isEqualTo(JobState.ABANDONED);
    assertThat(abandoned.finishedAt()).isEqualTo(T3);
    assertThat(abandoned.error()).isEqualTo("the process stopped");
    assertThat(abandoned.progress()).isEqualTo(new JobProgress(2, 5, 20));
    assertThat(jobs().find(id, queued.id()).orElseThrow().state()).isEqualTo(JobState.ABANDONED);
    assertThat(jobs().find(id, done.id())).contains(done);
    assertThat(jobs().abandonUnfinished(id, T3, "again")).isZero();
  }

  @Test
  public void anAbandonedJobEndsNoEarlierThanItWasCreated() {
    AccountId id = newAccount();
    JobRecord queued = queued(id, T2);
    jobs().save(queued);
    jobs().abandonUnfinished(id, T1, "clocks disagree");
    assertThat(jobs().find(queued.id()).orElseThrow().finishedAt()).isEqualTo(T2);
  }

  @Test
  public void savingAJobLeavesTheDataVersionAlone() {
    AccountId id = newAccount();
    java.util.Map<DataKind, Long> before = versions(id);
    JobRecord queued = queued(id, T1);
    jobs().save(queued);
    jobs().save(queued.running(T1.plus(Duration.ofSeconds(1))));
    assertThat(versions(id)).isEqualTo(before);
  }

  private java.util.Map<DataKind, Long> versions(AccountId id) {
    java.util.Map<DataKind, Long> versions = new java.util.EnumMap<>(DataKind.class);
    for (DataKind kind : DataKind.values()) {
      versions.put(kind, store().dataVersion(id, kind));
    }
    return versions;
  }

  @Test
  public void accountsSeeOnlyTheirOwnJobs() {
    AccountId mine = newAccount();
    AccountId theirs = newAccount();
    JobRecord job = queued(theirs, T1);
    jobs().save(job);
    assertThat(jobs().find(mine, job.id())).isEmpty();
    assertThat(jobs().recent(mine, 10)).isEmpty();
    assertThat(jobs().abandonUnfinished(mine, T2, "not mine")).isZero();
    assertThat(jobs().find(theirs, job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
  }

  @Test
  public void aJobIdCannotMoveToAnotherAccount() {
    AccountId mine = newAccount();
    AccountId theirs = newAccount();
    JobRecord job = queued(theirs, T1);
    jobs().save(job);
    JobRecord hijack = JobRecord.queued(job.id(), mine, JobKind.COST_REFRESH, T2);
    assertThatThrownBy(() -> jobs().save(hijack)).isInstanceOf(CloudeyException.class);
    assertThat(jobs().find(job.id())).contains(job);
  }

  @Test
  public void deletingTheAccountDeletesItsJobs() {
    AccountId id = newAccount();
    JobRecord job = queued(id, T1);
    jobs().save(job);
    store().accounts().delete(id);
    assertThat(jobs().find(job.id())).isEmpty();
  }
}
