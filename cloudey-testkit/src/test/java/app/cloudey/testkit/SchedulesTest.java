package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.DueWork;
import app.cloudey.Schedule;
import app.cloudey.Schedules;
import app.cloudey.WorkKind;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.IngestResult;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is due per account, from the account's own data, on a mutable clock: the facade with the
 * in-memory store and the fake provider. Inventory runs every 24 h here so that a day's plan is
 * easy to read; the rest are the defaults (costs 03:00, metrics 04:00, close on the 6th at 02:00).
 */
class SchedulesTest {
  private static final Schedule SCHEDULE =
      Schedule.ofDefaults().withInventorySyncInterval(Duration.ofHours(24));
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  private final MutableClock clock = MutableClock.at("2026-11-10T12:00:00Z");
  private final RecordingListener listener = new RecordingListener();
  private final AtomicBoolean ruleFails = new AtomicBoolean();
  private FakeCloudProvider fake;
  private InMemoryStore store;
  private Cloudey cloudey;
  private Schedules schedules;
  private final AccountId id = Cloudey.DEFAULT_ACCOUNT;

  @BeforeEach
  void start() {
    fake = Fixtures.provider();
    store = InMemoryStore.create(clock);
    AdvisorRule rule =
        new AdvisorRule() {
          @Override
          public String id() {
            return "test-rule";
          }

          @Override
          public List<app.cloudey.model.Recommendation> evaluate(app.cloudey.spi.RuleContext c) {
            if (ruleFails.get()) {
              throw new IllegalStateException("test-rule broke");
            }
            return List.of();
          }
        };
    cloudey =
        Cloudey.builder()
            .cloud(fake, Fixtures.credentials())
            .store(store)
            .clock(clock)
            .listener(listener)
            .rule(rule)
            .build();
    schedules = cloudey.schedules();
  }

  @AfterEach
  void stop() {
    cloudey.close();
    store.close();
  }

  @Test
  void aNewAccountHasEverythingDueInRunOrderAndMetricsOnceItsInventoryIsSynced() {
    List<DueWork> due = schedules.due(id, SCHEDULE);

    assertThat(due)
        .extracting(DueWork::kind)
        .containsExactly(
            WorkKind.INVENTORY_SYNC,
            WorkKind.COST_REFRESH,
            WorkKind.MONTH_CLOSE,
            WorkKind.RECOMMENDATIONS);
    assertThat(due.get(0).dueAt()).isEqualTo(clock.instant()); // registered just now
    assertThat(due.get(2).month()).isEqualTo(OCTOBER);
    assertThat(due.get(2).dueAt()).isEqualTo(Instant.parse("2026-11-06T02:00:00Z"));

    schedules.run(due.get(0));

    assertThat(schedules.due(id, SCHEDULE))
        .extracting(DueWork::kind)
        .containsExactly(
            WorkKind.COST_REFRESH,
            WorkKind.MONTH_CLOSE,
            WorkKind.METRIC_SYNC,
            WorkKind.RECOMMENDATIONS);
  }

  @Test
  void runningWhatIsDueLeavesNothingDueAndDoesEachKindOnce() {
    runAllDue();

    assertThat(schedules.due(id, SCHEDULE)).isEmpty();
    assertThat(fake.calls(Operation.LIST_REGIONS)).isEqualTo(1);
    assertThat(cloudey.costs().monthStatus(OCTOBER)).isEqualTo(MonthStatus.CLOSED);
    assertThat(listener.closedMonths()).hasSize(1);
    // 18.24 USD: the twelve October fixture lines (see Fixtures), refreshed then re-fetched by
    // close
    assertThat(listener.closedMonths().get(0).totals()).containsExactly(Fixtures.usd("18.24"));
    assertThat(cloudey.inventory().history(10))
        .extracting(SyncRun::kind)
        .containsExactlyInAnyOrder(SyncKind.INVENTORY, SyncKind.METRICS, SyncKind.RECOMMENDATIONS);
    assertThat(cloudey.inventory().history(10)).allMatch(SyncRun::isSuccessful);
  }

  @Test
  void dailyWorkComesBackAtItsTimeOfDayAndIntervalsAfterTheirRun() {
    runAllDue(); // at 2026-11-10T12:00

    clock.set(Instant.parse("2026-11-11T02:59:59Z"));
    assertThat(schedules.due(id, SCHEDULE)).isEmpty();

    clock.set(Instant.parse("2026-11-11T03:00:00Z"));
    assertThat(kindsDue()).containsExactly(WorkKind.COST_REFRESH);
    runAllDue();

    clock.set(Instant.parse("2026-11-11T04:00:00Z"));
    assertThat(kindsDue()).containsExactly(WorkKind.METRIC_SYNC);
    runAllDue();

    clock.set(Instant.parse("2026-11-11T12:00:00Z"));
    assertThat(kindsDue()).containsExactly(WorkKind.INVENTORY_SYNC, WorkKind.RECOMMENDATIONS);
    assertThat(schedules.plan(id, SCHEDULE))
        .filteredOn(w -> w.kind() == WorkKind.MONTH_CLOSE)
        .extracting(DueWork::month, DueWork::dueAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                YearMonth.of(2026, 11), Instant.parse("2026-12-06T02:00:00Z")));
  }

  @Test
  void aMonthClosesOnlyOnceItsSettlingDaysHavePassed() {
    clock.set(Instant.parse("2026-11-03T12:00:00Z"));
    runAllDue();
    assertThat(cloudey.costs().monthStatus(OCTOBER)).isEqualTo(MonthStatus.SETTLING);

    clock.set(Instant.parse("2026-11-06T01:59:59Z"));
    assertThat(kindsDue()).doesNotContain(WorkKind.MONTH_CLOSE);

    clock.set(Instant.parse("2026-11-06T02:00:00Z"));
    DueWork close =
        schedules.due(id, SCHEDULE).stream()
            .filter(w -> w.kind() == WorkKind.MONTH_CLOSE)
            .findFirst()
            .orElseThrow();
    assertThat(close.month()).isEqualTo(OCTOBER);
    schedules.run(close);

    assertThat(cloudey.costs().monthStatus(OCTOBER)).isEqualTo(MonthStatus.CLOSED);
    assertThat(kindsDue()).doesNotContain(WorkKind.MONTH_CLOSE);
  }

  @Test
  void costRefreshCoversThePreviousMonthUntilItIsClosed() {
    clock.set(Instant.parse("2026-11-03T12:00:00Z"));
    schedules.run(due(WorkKind.COST_REFRESH));
    assertThat(listener.ingests())
        .extracting(IngestResult::period)
        .containsExactly(Period.month(OCTOBER), Period.parse("2026-11-01", "2026-11-04"));

    clock.set(Instant.parse("2026-11-07T12:00:00Z"));
    cloudey.costs().closeMonth(OCTOBER); // its re-fetch counts as that day's refresh
    assertThat(kindsDue()).doesNotContain(WorkKind.COST_REFRESH);
    clock.set(Instant.parse("2026-11-08T12:00:00Z"));
    listener.clear();
    schedules.run(due(WorkKind.COST_REFRESH));

    assertThat(listener.ingests())
        .extracting(IngestResult::period)
        .containsExactly(Period.parse("2026-11-01", "2026-11-09"));
  }

  @Test
  void failedWorkStaysDueAndARecordedRunSaysWhy() {
    fake.failNext(Operation.LIST_REGIONS, 1);
    assertThatThrownBy(() -> schedules.run(due(WorkKind.INVENTORY_SYNC)))
        .isInstanceOf(CloudeyProviderException.class);
    assertThat(kindsDue()).contains(WorkKind.INVENTORY_SYNC);

    ruleFails.set(true);
    assertThatThrownBy(() -> schedules.run(due(WorkKind.RECOMMENDATIONS)))
        .hasMessage("advisor rule test-rule failed: IllegalStateException: test-rule broke");

    assertThat(kindsDue()).contains(WorkKind.RECOMMENDATIONS);
    assertThat(cloudey.inventory().history(10))
        .filteredOn(r -> r.kind() == SyncKind.RECOMMENDATIONS)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.error())
                    .isEqualTo(
                        "CloudeyException: advisor rule test-rule failed: IllegalStateException: test-rule broke"));
    // the runs were jobs, listed with their errors
    assertThat(cloudey.jobs().recent(id, 10))
        .extracting(JobRecord::kind, JobRecord::state)
        .containsExactlyInAnyOrder(
            tuple(JobKind.RECOMMENDATIONS, JobState.FAILED),
            tuple(JobKind.INVENTORY_SYNC, JobState.FAILED));
    assertThat(cloudey.jobs().recent(id, 10))
        .extracting(JobRecord::error)
        .containsExactlyInAnyOrder(
            "CloudeyException: advisor rule test-rule failed: IllegalStateException: test-rule broke",
            "CloudeyProviderException: fake: scripted failure of LIST_REGIONS (regions) (request id"
                + " fake-1)");
  }

  @Test
  void scheduledWorkRunsAsAJobWithProgressListedByJobs() {
    DueWork sync = due(WorkKind.INVENTORY_SYNC);
    JobRecord ended = schedules.run(sync);

    assertThat(ended.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(ended.kind()).isEqualTo(JobKind.INVENTORY_SYNC);
    assertThat(ended.progress().done()).isEqualTo(ended.progress().total()).isPositive();
    assertThat(ended.owner()).isEqualTo(cloudey.instanceId());
    assertThat(cloudey.jobs().recent(id, 10)).containsExactly(ended);
    assertThat(kindsDue()).doesNotContain(WorkKind.INVENTORY_SYNC);
  }

  @Test
  void aScheduledRunCancelledByAnyoneFailsAndStaysDue() throws Exception {
    FakeCloudProvider.Pause pause = fake.pauseNext(Operation.LIST_RESOURCES);
    java.util.concurrent.CompletableFuture<JobRecord> run =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> schedules.run(due(WorkKind.INVENTORY_SYNC)));
    assertThat(pause.awaitReached(Duration.ofSeconds(20))).isTrue();
    String jobId = cloudey.jobs().recent(id, 1).get(0).id();

    cloudey.jobs().cancel(jobId);
    pause.release();

    assertThatThrownBy(() -> run.get(20, java.util.concurrent.TimeUnit.SECONDS))
        .hasCauseInstanceOf(app.cloudey.CloudeyException.class)
        .hasMessageContaining(
            "INVENTORY_SYNC of account 'default' (job " + jobId + ") ended CANCELLED");
    assertThat(cloudey.jobs().find(jobId).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(kindsDue()).contains(WorkKind.INVENTORY_SYNC);
  }

  @Test
  void aSyncWithAFailedScopeCountsAsDoneSoAFailingScopeCausesNoLoop() {
    fake.failScope(Fixtures.BLOCK_VOLUMES);

    schedules.run(due(WorkKind.INVENTORY_SYNC));

    assertThat(cloudey.inventory().history(1).get(0).failures()).hasSize(1);
    assertThat(kindsDue()).doesNotContain(WorkKind.INVENTORY_SYNC);
  }

  @Test
  void anUnknownAccountIsNotFound() {
    assertThatThrownBy(() -> schedules.due(AccountId.of("nobody"), SCHEDULE))
        .isInstanceOf(CloudeyNotFoundException.class);
  }

  private DueWork due(WorkKind kind) {
    return schedules.due(id, SCHEDULE).stream()
        .filter(w -> w.kind() == kind)
        .findFirst()
        .orElseThrow(() -> new AssertionError(kind + " is not due"));
  }

  private List<WorkKind> kindsDue() {
    return schedules.due(id, SCHEDULE).stream().map(DueWork::kind).toList();
  }

  /** Runs due work until none is left, as a scheduler would (work may become due meanwhile). */
  private void runAllDue() {
    for (int round = 0; round < 10; round++) {
      List<DueWork> due = schedules.due(id, SCHEDULE);
      if (due.isEmpty()) {
        return;
      }
      schedules.run(due.get(0));
    }
    throw new AssertionError("work stays due: " + schedules.due(id, SCHEDULE));
  }
}
