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
 * Contract of {@link JobStore}: jobs kept whole (state, progress, times, result summary, error,
 * owner, heartbeat, cancel request), replaced by id until final, found by id with or without the
 * account, listed newest first, heartbeats of the owner's unfinished jobs only, jobs with stale
 * heartbeats abandoned, cancel requests kept across the owner's saves, saves that leave the data
 * version alone, and tenant isolation.
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

  private static final String OWNER = "4242@node-a/0a1b2c3d";
  private static final String OTHER_OWNER = "77@node-b/4e5f6a7b";

  private static JobRecord queued(AccountId id, Instant createdAt) {
    return queued(id, createdAt, OWNER);
  }

  private static JobRecord queued(AccountId id, Instant createdAt, String owner) {
    return JobRecord.queued(
        "job-" + UUID.randomUUID(), id, JobKind.INVENTORY_SYNC, createdAt, owner);
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
  public void abandonStaleEndsUnfinishedJobsWhoseHeartbeatIsOlderThanTheBound() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    JobRecord staleQueued = queued(id, T1);
    JobRecord staleRunning =
        queued(other, T1, OTHER_OWNER).running(T2).withProgress(new JobProgress(2, 5, 20));
    JobRecord fresh = queued(id, T1).running(T1).withHeartbeat(T3);
    JobRecord done = cancelled(id);
    List.of(staleQueued, staleRunning, fresh, done).forEach(jobs()::save);

    // heartbeats strictly before T3 are stale: T1 and T2 are, T3 is not
    // at least these two: a shared database may hold other tests' stale jobs too
    assertThat(jobs().abandonStale(T3, T3.plusSeconds(5), "no heartbeat since before T3"))
        .isGreaterThanOrEqualTo(2);

    JobRecord abandoned = jobs().find(other, staleRunning.id()).orElseThrow();
    assertThat(abandoned)
        .isEqualTo(
            staleRunning.ended(
                JobState.ABANDONED, T3.plusSeconds(5), Map.of(), "no heartbeat since before T3"));
    assertThat(abandoned.progress()).isEqualTo(new JobProgress(2, 5, 20));
    assertThat(jobs().find(staleQueued.id()).orElseThrow().state()).isEqualTo(JobState.ABANDONED);
    assertThat(jobs().find(fresh.id())).contains(fresh);
    assertThat(jobs().find(done.id())).contains(done);
    assertThat(jobs().abandonStale(T3, T3.plusSeconds(6), "again")).isZero();
  }

  @Test
  public void anAbandonedJobEndsNoEarlierThanItWasCreated() {
    AccountId id = newAccount();
    JobRecord queued = queued(id, T2);
    jobs().save(queued);
    jobs().abandonStale(T3, T1, "clocks disagree");
    assertThat(jobs().find(queued.id()).orElseThrow().finishedAt()).isEqualTo(T2);
  }

  @Test
  public void aHeartbeatRefreshesOnlyTheOwnersUnfinishedJobs() {
    AccountId id = newAccount();
    JobRecord mine = queued(id, T1).running(T1);
    JobRecord queuedMine = queued(id, T1);
    JobRecord theirs = queued(id, T1, OTHER_OWNER).running(T1);
    JobRecord finishedMine = cancelled(id);
    List.of(mine, queuedMine, theirs, finishedMine).forEach(jobs()::save);
    String unknown = "job-" + UUID.randomUUID();

    List<JobRecord> refreshed =
        jobs()
            .heartbeat(
                OWNER,
                List.of(mine.id(), queuedMine.id(), theirs.id(), finishedMine.id(), unknown),
                T2);

    assertThat(refreshed)
        .containsExactlyInAnyOrder(mine.withHeartbeat(T2), queuedMine.withHeartbeat(T2));
    assertThat(jobs().find(mine.id())).contains(mine.withHeartbeat(T2));
    assertThat(jobs().find(theirs.id())).contains(theirs);
    assertThat(jobs().find(finishedMine.id())).contains(finishedMine);
    assertThat(jobs().heartbeat(OWNER, List.of(), T3)).isEmpty();
  }

  @Test
  public void aRefreshedJobIsNoLongerStale() {
    AccountId id = newAccount();
    JobRecord running = queued(id, T1).running(T1);
    jobs().save(running);
    jobs().heartbeat(OWNER, List.of(running.id()), T3);
    jobs().abandonStale(T3, T3, "stale");
    assertThat(jobs().find(running.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
  }

  @Test
  public void anAbandonedJobIsNoLongerItsOwnersToHeartbeat() {
    AccountId id = newAccount();
    JobRecord running = queued(id, T1).running(T1);
    jobs().save(running);
    jobs().abandonStale(T2, T3, "its process stopped");
    assertThat(jobs().heartbeat(OWNER, List.of(running.id()), T3)).isEmpty();
    assertThat(jobs().find(running.id()).orElseThrow().state()).isEqualTo(JobState.ABANDONED);
  }

  @Test
  public void aFinalJobIsNeverReplaced() {
    AccountId id = newAccount();
    JobRecord running = queued(id, T1).running(T1).withProgress(new JobProgress(1, 4, 9));
    jobs().save(running);
    jobs().abandonStale(T2, T2, "its process stopped");
    JobRecord abandoned = jobs().find(running.id()).orElseThrow();

    // its process comes back and finishes it: the ABANDONED end stands
    jobs()
        .save(
            running
                .withProgress(new JobProgress(4, 4, 30))
                .ended(JobState.SUCCEEDED, T3, Map.of("syncRunId", "run-9"), null));

    assertThat(abandoned.state()).isEqualTo(JobState.ABANDONED);
    assertThat(jobs().find(running.id())).contains(abandoned);
  }

  @Test
  public void aCancelRequestIsRecordedOnUnfinishedJobsOnlyAndOutlivesTheOwnersSaves() {
    AccountId id = newAccount();
    JobRecord running = queued(id, T1).running(T1);
    JobRecord done = cancelled(id);
    jobs().save(running);
    jobs().save(done);

    assertThat(jobs().requestCancel(running.id())).contains(running.withCancelRequested());
    // the owner saves progress made before it heard of the request: the request stays
    JobRecord progressed = running.withProgress(new JobProgress(1, 2, 3)).withHeartbeat(T2);
    jobs().save(progressed);
    assertThat(jobs().find(running.id())).contains(progressed.withCancelRequested());
    assertThat(jobs().heartbeat(OWNER, List.of(running.id()), T3))
        .containsExactly(progressed.withCancelRequested().withHeartbeat(T3));

    assertThat(jobs().requestCancel(done.id())).contains(done);
    assertThat(jobs().requestCancel("job-" + UUID.randomUUID())).isEmpty();
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
    assertThat(jobs().find(theirs, job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
  }

  @Test
  public void aJobIdCannotMoveToAnotherAccount() {
    AccountId mine = newAccount();
    AccountId theirs = newAccount();
    JobRecord job = queued(theirs, T1);
    jobs().save(job);
    JobRecord hijack = JobRecord.queued(job.id(), mine, JobKind.COST_REFRESH, T2, OWNER);
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
