package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.Job;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.JobListener;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.RecordingListener;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancelling a job, against a real store: calls stop (only those in flight finish), every scope or
 * month written is written whole, nothing is deleted from what was not listed, and the job and its
 * sync run end CANCELLED, as any process sharing the store reads them; another Cloudey instance on
 * the same store cancels it by id. Liveness: a job whose process stops heartbeating is abandoned
 * (by a read or by the periodic sweep), a live one never, on Cloudey's mutable clock.
 *
 * <p>Extend it and implement {@link #createStore()}; a new store (or a new view of a shared
 * database) per call, closed by the test.
 */
public abstract class JobCancellationContract {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Real time between heartbeats: a remote cancel is noticed within this. */
  private static final Duration HEARTBEAT = Duration.ofMillis(50);

  private static final int MISSED_HEARTBEATS = 4;

  /** On Cloudey's (mutable) clock, a job is stale after this without a heartbeat. */
  private static final Duration STALE_AFTER = HEARTBEAT.multipliedBy(MISSED_HEARTBEATS);

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final RecordingListener events = new RecordingListener();
  private final List<AutoCloseable> closeAfter = new java.util.ArrayList<>();

  /** A store over the database under test; each call may return a new instance. */
  protected abstract CloudeyStore createStore();

  @AfterEach
  final void closeAll() throws Exception {
    for (AutoCloseable c : closeAfter) {
      c.close();
    }
  }

  private Cloudey cloudey(FakeCloudProvider fake, CloudeyStore store) {
    return cloudey(fake, store, HEARTBEAT);
  }

  private Cloudey cloudey(FakeCloudProvider fake, CloudeyStore store, Duration heartbeat) {
    Cloudey cloudey =
        Cloudey.builder()
            .cloud(fake)
            .store(store)
            .clock(clock)
            .listener(events)
            .syncConcurrency(1) // one worker: the scope taken next is exactly the one after
            .jobHeartbeat(heartbeat, MISSED_HEARTBEATS)
            .build();
    closeAfter.add(0, cloudey);
    return cloudey;
  }

  private CloudeyStore store() {
    CloudeyStore store = createStore();
    closeAfter.add(store);
    return store;
  }

  private static CloudeyAccount register(Cloudey cloudey) {
    AccountId id = Fixtures.randomAccountId();
    cloudey.accounts().add(id, Fixtures.credentials());
    return cloudey.account(id);
  }

  @Test
  public void cancellingASyncLetsTheScopeInFlightFinishAndTakesNoOther() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    CloudeyAccount account = register(cloudey(fake, store()));
    account.inventory().sync();
    clock.advance(Duration.ofMinutes(1)); // the cancelled run is the newest
    Set<String> before = liveIds(account);
    // a complete sync would now delete every resource
    before.forEach(fake::removeResource);
    Set<String> removed = before;
    fake.resetCalls();
    events.clear();

    FakeCloudProvider.Pause firstScope = fake.pauseNext(Operation.LIST_RESOURCES);
    Job job = account.inventory().syncAsync();
    assertThat(firstScope.awaitReached(WAIT)).isTrue();
    job.cancel();
    assertThat(job.state()).isEqualTo(JobState.RUNNING); // the call in flight is not cut short
    firstScope.release();
    JobRecord ended = job.await(WAIT);

    assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
    // (a) only the call in flight was made: one scope of one page
    assertThat(fake.calls(Operation.LIST_RESOURCES)).isEqualTo(1);
    Thread.sleep(100);
    assertThat(fake.calls(Operation.LIST_RESOURCES)).isEqualTo(1);
    SyncRun run = job.result(SyncRun.class).orElseThrow();
    assertThat(run.state()).isEqualTo(SyncState.CANCELLED);
    assertThat(run.scopesCompleted()).isEqualTo(1);
    assertThat(run.scopesTotal()).isGreaterThan(1);
    assertThat(run.resourcesDeletedWithCompartments()).isZero();
    // (b) and (c)
    assertWholeOrUntouched(account, before, removed, completedScopes());
    assertThat(account.inventory().history(1)).containsExactly(run);
    assertThat(ended.result()).containsEntry("syncRunId", run.id());
  }

  @Test
  public void cancellingASyncUnderLatencyStopsIssuingCalls() throws Exception {
    FakeCloudProvider fake = Fixtures.providerBuilder().callLatency(Duration.ofMillis(20)).build();
    CloudeyAccount account = register(cloudey(fake, store()));
    account.inventory().sync();
    clock.advance(Duration.ofMinutes(1)); // the cancelled run is the newest
    Set<String> before = liveIds(account);
    fake.removeResource(Fixtures.WEB2);
    fake.resetCalls();
    events.clear();

    CountDownLatch threeScopes = new CountDownLatch(1);
    Job job =
        account
            .inventory()
            .syncAsync(
                new JobListener() {
                  @Override
                  public void progress(JobRecord record) {
                    if (record.progress().done() >= 3) {
                      threeScopes.countDown();
                    }
                  }
                });
    assertThat(threeScopes.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    job.cancel();
    JobRecord ended = job.await(WAIT);
    long callsAtEnd = fake.calls(Operation.LIST_RESOURCES);
    Thread.sleep(100); // five latencies: a call issued after the end would have been counted

    assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
    assertThat(fake.calls(Operation.LIST_RESOURCES)).isEqualTo(callsAtEnd);
    // one page per scope: every call made belongs to a scope that was listed and written
    assertThat(callsAtEnd).isEqualTo(ended.progress().done());
    assertThat(ended.progress().done()).isLessThan(ended.progress().total());
    assertWholeOrUntouched(account, before, Set.of(Fixtures.WEB2), completedScopes());
    assertThat(account.inventory().history(1).get(0).state()).isEqualTo(SyncState.CANCELLED);
  }

  @Test
  public void cancellingARefreshStopsBeforeTheNextMonth() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    CloudeyStore store = store();
    CloudeyAccount account = register(cloudey(fake, store));
    Period octoberToNovember = Period.of(Fixtures.OCTOBER.atDay(1), LocalDate.of(2026, 11, 26));
    account.costs().refresh(octoberToNovember);
    List<CostLine> storedBefore = storedLines(store, account, octoberToNovember);
    assertThat(storedBefore).hasSize(Fixtures.COST_LINE_COUNT + 1);
    // a complete refresh would now replace October and November with nothing
    fake.setCostLines(List.of());
    fake.resetCalls();

    FakeCloudProvider.Pause september = fake.pauseNext(Operation.FETCH_COSTS);
    Job job =
        account
            .costs()
            .refreshAsync(Period.of(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 11, 26)));
    assertThat(september.awaitReached(WAIT)).isTrue();
    job.cancel();
    september.release();
    JobRecord ended = job.await(WAIT);

    assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
    assertThat(ended.progress().done()).isEqualTo(1);
    assertThat(ended.progress().total()).isEqualTo(3);
    assertThat(fake.calls(Operation.FETCH_COSTS)).isEqualTo(1);
    Thread.sleep(100);
    assertThat(fake.calls(Operation.FETCH_COSTS)).isEqualTo(1);
    // the months never fetched keep their lines
    assertThat(storedLines(store, account, octoberToNovember)).isEqualTo(storedBefore);
    assertThat(job.result(Object.class)).isEmpty();
  }

  @Test
  public void anotherProcessReadsTheCancelledJob() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    CloudeyAccount account = register(cloudey(fake, store()));
    FakeCloudProvider.Pause firstScope = fake.pauseNext(Operation.LIST_RESOURCES);
    Job job = account.inventory().syncAsync();
    assertThat(firstScope.awaitReached(WAIT)).isTrue();
    Cloudey other = cloudey(fake, store());

    JobRecord seenRunning = other.jobs().find(job.id()).orElseThrow();
    assertThat(seenRunning.state()).isEqualTo(JobState.RUNNING);
    assertThat(seenRunning.accountId()).isEqualTo(account.id());

    job.cancel();
    firstScope.release();
    JobRecord ended = job.await(WAIT);
    assertThat(other.jobs().find(job.id())).contains(ended);
    assertThat(other.jobs().recent(account.id(), 5)).containsExactly(ended);
    assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
    assertThat(ended.finishedAt()).isNotNull();
  }

  @Test
  public void anotherProcessCancelsASyncRunningHere() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    Cloudey here = cloudey(fake, store());
    CloudeyAccount account = register(here);
    account.inventory().sync();
    clock.advance(Duration.ofMinutes(1)); // the cancelled run is the newest
    Set<String> before = liveIds(account);
    before.forEach(fake::removeResource); // a complete sync would now delete every resource
    fake.resetCalls();
    events.clear();
    FakeCloudProvider.Pause firstScope = fake.pauseNext(Operation.LIST_RESOURCES);
    Job job = account.inventory().syncAsync();
    assertThat(firstScope.awaitReached(WAIT)).isTrue();
    Cloudey elsewhere = cloudey(fake, store());

    JobRecord requested = elsewhere.jobs().cancel(job.id()).orElseThrow();

    assertThat(requested.cancelRequested()).isTrue();
    assertThat(requested.state()).isEqualTo(JobState.RUNNING);
    assertThat(requested.owner()).isEqualTo(here.instanceId()).isNotEqualTo(elsewhere.instanceId());
    // the owner hears of it at its next heartbeat, while its call is still in flight
    awaitTrue(() -> job.record().cancelRequested(), "the owner to see the cancel request");
    assertThat(job.state()).isEqualTo(JobState.RUNNING);
    firstScope.release();
    JobRecord ended = job.await(WAIT);

    assertThat(ended.state()).isEqualTo(JobState.CANCELLED);
    assertThat(ended.cancelRequested()).isTrue();
    assertThat(fake.calls(Operation.LIST_RESOURCES)).isEqualTo(1); // only the call in flight
    Thread.sleep(100);
    assertThat(fake.calls(Operation.LIST_RESOURCES)).isEqualTo(1);
    SyncRun run = job.result(SyncRun.class).orElseThrow();
    assertThat(run.state()).isEqualTo(SyncState.CANCELLED);
    assertThat(run.scopesCompleted()).isEqualTo(1);
    assertWholeOrUntouched(account, before, before, completedScopes());
    assertThat(elsewhere.jobs().find(job.id())).contains(ended);
  }

  @Test
  public void cancellingAQueuedJobOfAnotherProcessEndsItWithoutACall() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    Cloudey here =
        Cloudey.builder()
            .cloud(fake)
            .store(store())
            .clock(clock)
            .jobThreads(1)
            .jobHeartbeat(HEARTBEAT, MISSED_HEARTBEATS)
            .build();
    closeAfter.add(0, here);
    CloudeyAccount account = register(here);
    FakeCloudProvider.Pause firstScope = fake.pauseNext(Operation.LIST_RESOURCES);
    Job sync = account.inventory().syncAsync();
    assertThat(firstScope.awaitReached(WAIT)).isTrue();
    Job refresh = account.costs().refreshAsync(Fixtures.COST_PERIOD); // waits for the thread
    Cloudey elsewhere = cloudey(fake, store());

    elsewhere.jobs().cancel(refresh.id());

    awaitTrue(() -> refresh.state() == JobState.CANCELLED, "the queued job to end CANCELLED");
    assertThat(sync.state()).isEqualTo(JobState.RUNNING);
    assertThat(elsewhere.jobs().find(refresh.id()).orElseThrow().startedAt()).isNull();
    firstScope.release();
    assertThat(sync.await(WAIT).state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(fake.calls(Operation.FETCH_COSTS)).isZero();
  }

  @Test
  public void aJobWhoseProcessStopsHeartbeatingIsAbandonedAndNeverShownRunning() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    // its heartbeat is due in an hour of real time: after its first one it looks like a process
    // that hung or died, while its job is held mid-call
    Cloudey silent = cloudey(fake, store(), Duration.ofHours(1));
    CloudeyAccount account = register(silent);
    FakeCloudProvider.Pause firstScope = fake.pauseNext(Operation.LIST_RESOURCES);
    Job job = account.inventory().syncAsync();
    assertThat(firstScope.awaitReached(WAIT)).isTrue();
    Cloudey reader = cloudey(fake, store());
    assertThat(reader.jobs().find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

    clock.advance(STALE_AFTER); // exactly the timeout: not yet stale
    assertThat(reader.jobs().find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    clock.advance(Duration.ofMillis(1));

    JobRecord found = reader.jobs().find(job.id()).orElseThrow();
    assertThat(found.state()).isEqualTo(JobState.ABANDONED);
    assertThat(found.error())
        .contains("no heartbeat since before")
        .contains("crashed or was stopped");
    assertThat(found.owner()).isEqualTo(silent.instanceId());
    assertThat(reader.jobs().recent(account.id(), 5)).containsExactly(found);

    // the process comes back and finishes: the ABANDONED end stands, and it reports that
    firstScope.release();
    assertThat(job.await(WAIT)).isEqualTo(found);
    assertThat(reader.jobs().find(job.id())).contains(found);
  }

  @Test
  public void theSweepAbandonsAStaleJobWithoutAnyoneReadingIt() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    Cloudey silent = cloudey(fake, store(), Duration.ofHours(1));
    CloudeyAccount account = register(silent);
    FakeCloudProvider.Pause firstScope = fake.pauseNext(Operation.LIST_RESOURCES);
    Job job = account.inventory().syncAsync();
    assertThat(firstScope.awaitReached(WAIT)).isTrue();
    CloudeyStore raw = store();
    clock.advance(STALE_AFTER.plusMillis(1));

    cloudey(fake, store()); // sweeps at build, then after every heartbeat

    assertThat(raw.jobs().find(job.id()).orElseThrow().state()).isEqualTo(JobState.ABANDONED);
    firstScope.release();
    job.await(WAIT);
  }

  @Test
  public void aLiveJobIsNeverAbandonedHoweverLongItRuns() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    CloudeyAccount account = register(cloudey(fake, store()));
    FakeCloudProvider.Pause firstScope = fake.pauseNext(Operation.LIST_RESOURCES);
    Job job = account.inventory().syncAsync();
    assertThat(firstScope.awaitReached(WAIT)).isTrue();
    Cloudey reader = cloudey(fake, store());
    try {
      // ten times the staleness timeout passes, in steps of half of it, each followed by a
      // heartbeat of the owner at the new time (as real time would pass)
      for (int step = 0; step < 20; step++) {
        clock.advance(STALE_AFTER.dividedBy(2));
        awaitTrue(
            () -> !job.record().heartbeatAt().isBefore(clock.instant()),
            "a heartbeat at " + clock.instant());
        assertThat(reader.jobs().find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
      }
    } finally {
      firstScope.release();
    }
    assertThat(job.await(WAIT).state()).isEqualTo(JobState.SUCCEEDED);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  private Set<Scope> completedScopes() {
    return events.events(RecordingListener.ScopeCompleted.class).stream()
        .map(RecordingListener.ScopeCompleted::scope)
        .collect(Collectors.toSet());
  }

  /**
   * Every scope the cancelled sync listed was written whole: its resources removed from the cloud
   * are deleted, the others live. Every resource of a scope it did not list is still live (nothing
   * is deleted from an incomplete scope); checked on at least one resource, so never vacuous.
   */
  private static void assertWholeOrUntouched(
      CloudeyAccount account, Set<String> before, Set<String> removed, Set<Scope> completed) {
    Set<String> live = liveIds(account);
    int untouched = 0;
    for (Resource r : Fixtures.resources(account.id())) {
      if (!before.contains(r.id())) {
        continue;
      }
      Scope scope = new Scope(r.region(), r.compartmentId(), r.type());
      if (completed.contains(scope)) {
        assertThat(live.contains(r.id()))
            .as("resource %s of the listed scope %s", r.id(), scope)
            .isEqualTo(!removed.contains(r.id()));
      } else {
        assertThat(live).as("resource of the unlisted scope %s", scope).contains(r.id());
        untouched++;
      }
    }
    assertThat(untouched).isPositive();
  }

  private static Set<String> liveIds(CloudeyAccount account) {
    return new HashSet<>(account.inventory().resources().stream().map(Resource::id).toList());
  }

  private static List<CostLine> storedLines(
      CloudeyStore store, CloudeyAccount account, Period period) {
    try (Stream<CostLine> lines = store.costs().lines(account.id(), period)) {
      return lines.toList();
    }
  }
}
