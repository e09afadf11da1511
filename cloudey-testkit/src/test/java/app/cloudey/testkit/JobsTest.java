package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.Job;
import app.cloudey.MetricSyncResult;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.IngestResult;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.JobListener;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Background jobs on the in-memory store: queueing, results, failures, listeners and close. */
class JobsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private FakeCloudProvider fake;
  private InMemoryStore store;
  private Cloudey cloudey;

  @BeforeEach
  void start() {
    fake = Fixtures.provider();
    store = InMemoryStore.create(clock);
    cloudey =
        Cloudey.builder()
            .cloud(fake, Fixtures.credentials())
            .store(store)
            .clock(clock)
            .jobThreads(1)
            .build();
  }

  @AfterEach
  void stop() {
    fake.clearFailures();
    cloudey.close();
  }

  @Test
  void aJobCancelledWhileQueuedEndsAtOnceAndNeverCalls() throws Exception {
    FakeCloudProvider.Pause pause = fake.pauseNext(Operation.LIST_RESOURCES);
    Job sync = cloudey.inventory().syncAsync();
    assertThat(pause.awaitReached(WAIT)).isTrue();
    Job refresh = cloudey.costs().refreshAsync(Fixtures.COST_PERIOD);
    assertThat(refresh.state()).isEqualTo(JobState.QUEUED);

    refresh.cancel();

    assertThat(refresh.state()).isEqualTo(JobState.CANCELLED);
    assertThat(refresh.record().startedAt()).isNull();
    assertThat(store.jobs().find(refresh.id())).contains(refresh.record());
    pause.release();
    assertThat(sync.await(WAIT).state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(fake.calls(Operation.FETCH_COSTS)).isZero();
  }

  @Test
  void aFailedJobKeepsItsErrorAndResultRethrowsIt() {
    fake.failNext(Operation.LIST_REGIONS, 1);
    Job job = cloudey.inventory().syncAsync();

    JobRecord ended = job.await(WAIT);

    assertThat(ended.state()).isEqualTo(JobState.FAILED);
    assertThat(ended.error()).contains("scripted failure of LIST_REGIONS");
    assertThat(cloudey.jobs().find(job.id())).contains(ended);
    assertThatThrownBy(() -> job.result(SyncRun.class))
        .isInstanceOf(CloudeyProviderException.class);
  }

  @Test
  void theListenerHearsTheProgressAndTheEndOnce() {
    List<JobRecord> progress = new CopyOnWriteArrayList<>();
    List<JobRecord> finished = new CopyOnWriteArrayList<>();
    Job job =
        cloudey
            .inventory()
            .syncAsync(
                new JobListener() {
                  @Override
                  public void progress(JobRecord record) {
                    progress.add(record);
                  }

                  @Override
                  public void finished(JobRecord record) {
                    finished.add(record);
                  }
                });

    JobRecord ended = job.await(WAIT);

    SyncRun run = job.result(SyncRun.class).orElseThrow();
    assertThat(ended.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(finished).containsExactly(ended);
    assertThat(progress.get(0).state()).isEqualTo(JobState.RUNNING);
    // the six fixture resources, every scope done
    assertThat(ended.progress())
        .isEqualTo(new JobProgress(run.scopesTotal(), run.scopesTotal(), 6));
    assertThat(progress).hasSizeGreaterThan(run.scopesTotal());
    assertThat(ended.result())
        .containsEntry("syncRunId", run.id())
        .containsEntry("scopesFailed", "0");
    assertThat(store.jobs().find(Cloudey.DEFAULT_ACCOUNT, job.id())).contains(ended);
  }

  @Test
  void everyKindRunsAsAJobAndIsListedNewestFirst() {
    Job sync = cloudey.inventory().syncAsync();
    sync.await(WAIT);
    clock.advance(Duration.ofSeconds(1));
    Job refresh = cloudey.costs().refreshAsync(Fixtures.COST_PERIOD);
    List<?> ingested = refresh.result(List.class).orElseThrow();
    clock.advance(Duration.ofSeconds(1));
    Job close = cloudey.costs().closeMonthAsync(Fixtures.OCTOBER);
    ClosedMonth closed = close.result(ClosedMonth.class).orElseThrow();
    clock.advance(Duration.ofSeconds(1));
    Job metrics = cloudey.metrics().syncAsync();
    MetricSyncResult synced = metrics.result(MetricSyncResult.class).orElseThrow();
    clock.advance(Duration.ofSeconds(1));
    Job advice = cloudey.recommendations().generateAsync();
    List<?> recommendations = advice.result(List.class).orElseThrow();

    assertThat(((IngestResult) ingested.get(0)).lines()).isEqualTo(Fixtures.COST_LINE_COUNT);
    assertThat(refresh.record().result())
        .isEqualTo(Map.of("months", "1", "lines", String.valueOf(Fixtures.COST_LINE_COUNT)));
    assertThat(closed.month()).isEqualTo(Fixtures.OCTOBER);
    assertThat(close.record().result()).containsEntry("month", "2026-10");
    assertThat(metrics.record().result())
        .containsEntry("resources", String.valueOf(synced.resources()));
    assertThat(recommendations).isEmpty(); // no rule registered
    assertThat(cloudey.jobs().recent(Cloudey.DEFAULT_ACCOUNT, 10))
        .extracting(JobRecord::kind, JobRecord::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(JobKind.RECOMMENDATIONS, JobState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(JobKind.METRIC_SYNC, JobState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(JobKind.MONTH_CLOSE, JobState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(JobKind.COST_REFRESH, JobState.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple(JobKind.INVENTORY_SYNC, JobState.SUCCEEDED));
  }

  @Test
  void closingCloudeyStopsTheRunningJobAndAbandonsTheQueuedOnes() throws Exception {
    FakeCloudProvider.Pause pause = fake.pauseNext(Operation.LIST_RESOURCES);
    Job running = cloudey.inventory().syncAsync();
    assertThat(pause.awaitReached(WAIT)).isTrue();
    Job queued = cloudey.costs().refreshAsync(Fixtures.COST_PERIOD);

    // the call in flight ends while close waits for the job
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              pause.release();
            });
    releaser.start();
    cloudey.close();

    assertThat(running.state()).isEqualTo(JobState.CANCELLED);

    assertThat(queued.state()).isEqualTo(JobState.ABANDONED);
    assertThat(store.jobs().find(queued.id()).orElseThrow().error()).contains("closed");
    JobRecord stopped = running.await(WAIT);
    assertThat(stopped.state()).as(String.valueOf(stopped.error())).isEqualTo(JobState.CANCELLED);
    assertThat(fake.calls(Operation.FETCH_COSTS)).isZero();
  }

  @Test
  void aLocalCancelIsSavedSoOtherProcessesSeeIt() throws Exception {
    FakeCloudProvider.Pause pause = fake.pauseNext(Operation.LIST_RESOURCES);
    Job sync = cloudey.inventory().syncAsync();
    assertThat(pause.awaitReached(WAIT)).isTrue();

    sync.cancel();

    JobRecord stored = store.jobs().find(sync.id()).orElseThrow();
    assertThat(stored.state()).isEqualTo(JobState.RUNNING);
    assertThat(stored.cancelRequested()).isTrue();
    assertThat(stored.owner()).isEqualTo(cloudey.instanceId());
    pause.release();
    assertThat(sync.await(WAIT).state()).isEqualTo(JobState.CANCELLED);
    assertThat(cloudey.jobs().cancel(sync.id())).contains(sync.record()); // finished: no effect
    assertThat(cloudey.jobs().cancel("no-such-job")).isEmpty();
  }

  @Test
  void theJobsOfAnotherInstanceCarryItsOwnerId() {
    try (Cloudey other = Cloudey.builder().store(store).clock(clock).build()) {
      assertThat(other.instanceId()).isNotEqualTo(cloudey.instanceId());
      Job job = cloudey.inventory().syncAsync();
      assertThat(job.await(WAIT).owner()).isEqualTo(cloudey.instanceId());
      assertThat(other.jobs().find(job.id()).orElseThrow().owner())
          .isEqualTo(cloudey.instanceId())
          .contains("@");
    }
  }

  @Test
  void jobHeartbeatMustBePositive() {
    assertThatThrownBy(() -> Cloudey.builder().jobHeartbeat(Duration.ZERO, 4))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("jobHeartbeat interval");
    assertThatThrownBy(() -> Cloudey.builder().jobHeartbeat(Duration.ofSeconds(1), 0))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("missedHeartbeats");
  }

  @Test
  void jobThreadsMustBePositive() {
    assertThatThrownBy(() -> Cloudey.builder().jobThreads(0))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("jobThreads");
  }
}
