package app.cloudey.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Schedule;
import app.cloudey.WorkKind;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.scheduler.TaskStatus.Result;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The scheduler on real PostgreSQL. Cloudey's clock stands at {@link Node#NOW} (2026-11-10 12:00
 * UTC), so on the first execution every kind is due, October's close included, and afterwards
 * nothing is for hours. Each test uses its own schema.
 */
class CloudeySchedulerIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  @Test
  void twoSchedulersOnOneDatabaseRunEachDueWorkExactlyOnce() {
    String schema = "exactly_once";
    // one fake behind both processes, so its call counts cover both; a little latency per call
    // keeps executions overlapping with the other scheduler's polls
    FakeCloudProvider fake = Fixtures.providerBuilder().callLatency(Duration.ofMillis(2)).build();
    try (Node a = new Node(PG.database().jdbcUrl(), schema, fake);
        Node b = new Node(PG.database().jdbcUrl(), schema, fake)) {
      List<AccountId> ids = IntStream.range(0, 4).mapToObj(i -> a.addAccount("acct-" + i)).toList();
      fake.resetCalls();
      CloudeyScheduler.Options options = Node.steadyOptions(schema);
      try (CloudeyScheduler one = a.scheduler("one", options, Schedule.ofDefaults());
          CloudeyScheduler two = b.scheduler("two", options, Schedule.ofDefaults())) {
        one.start();
        two.start();

        Await.until(
            TIMEOUT,
            "every kind of every account done",
            () -> allDone(one, ids.size()),
            one::status);

        // every next run is hours away (inventory every 6 h is the nearest): no work is left
        Instant soonest = Instant.now().plus(Duration.ofHours(5));
        assertThat(two.status())
            .filteredOn(s -> s.accountId() != null)
            .hasSize(4 * WorkKind.values().length)
            .allSatisfy(s -> assertThat(s.nextRun()).isAfter(soonest))
            .noneMatch(TaskStatus::isRunning);
      }

      assertThat(fake.calls(Operation.LIST_REGIONS)).isEqualTo(4); // one inventory sync each
      for (AccountId id : ids) {
        List<SyncRun> history = a.cloudey.account(id).inventory().history(50);
        assertThat(countByKind(history))
            .containsExactlyInAnyOrderEntriesOf(
                Map.of(SyncKind.INVENTORY, 1L, SyncKind.METRICS, 1L, SyncKind.RECOMMENDATIONS, 1L));
        assertThat(history).allMatch(SyncRun::isSuccessful);
        assertThat(a.cloudey.account(id).costs().monthStatus(OCTOBER))
            .isEqualTo(MonthStatus.CLOSED);
        // each piece ran as a job, once, listed by either process's jobs()
        List<JobRecord> jobs = b.cloudey.jobs().recent(id, 50);
        assertThat(jobs).extracting(JobRecord::kind).containsExactlyInAnyOrder(JobKind.values());
        assertThat(jobs).allMatch(j -> j.state() == JobState.SUCCEEDED);
        assertThat(jobs)
            .extracting(JobRecord::owner)
            .allMatch(o -> o.equals(a.cloudey.instanceId()) || o.equals(b.cloudey.instanceId()));
        JobRecord sync =
            jobs.stream().filter(j -> j.kind() == JobKind.INVENTORY_SYNC).findFirst().orElseThrow();
        assertThat(sync.progress().done()).isEqualTo(sync.progress().total()).isPositive();
        assertThat(sync.result())
            .containsEntry(
                "syncRunId",
                history.stream()
                    .filter(r -> r.kind() == SyncKind.INVENTORY)
                    .findFirst()
                    .orElseThrow()
                    .id());
        assertThat(a.cloudey.jobs().recent(id, 50)).isEqualTo(jobs);
      }
      // one close per account; per account three ingests: October and November by the refresh,
      // October again by the close
      assertThat(a.listener.closedMonths().size() + b.listener.closedMonths().size()).isEqualTo(4);
      assertThat(a.listener.ingests().size() + b.listener.ingests().size()).isEqualTo(12);
    }
  }

  @Test
  void statusShowsEachKindsNextRunAndLastResultAndTasksOfRemovedAccountsEnd() {
    String schema = "status";
    FakeCloudProvider fake = Fixtures.provider();
    Instant started = Instant.now();
    try (Node node = new Node(PG.database().jdbcUrl(), schema, fake)) {
      AccountId id = node.addAccount("acme");
      AccountId gone = node.addAccount("gone");
      CloudeyScheduler.Options options =
          Node.steadyOptions(schema).withRetryDelay(Duration.ofHours(1), Duration.ofHours(4));
      try (CloudeyScheduler scheduler = node.scheduler("solo", options, Schedule.ofDefaults())) {
        assertThat(scheduler.scanAccounts()).isEqualTo(2);
        assertThat(scheduler.scanAccounts()).isZero();
        assertThat(statusOf(scheduler, gone)).hasSize(WorkKind.values().length);
        node.cloudey.accounts().remove(gone);
        fake.failNext(Operation.LIST_REGIONS, 1);

        scheduler.start();
        Await.until(
            TIMEOUT,
            "a first execution of acme, and gone's task removed",
            () ->
                byKind(statusOf(scheduler, id)).get(WorkKind.RECOMMENDATIONS).lastResult() != null
                    && statusOf(scheduler, gone).isEmpty(),
            scheduler::status);

        Map<WorkKind, TaskStatus> status = byKind(statusOf(scheduler, id));
        Instant now = Instant.now();
        TaskStatus inventory = status.get(WorkKind.INVENTORY_SYNC);
        assertThat(inventory.lastResult()).isEqualTo(Result.FAILED);
        assertThat(inventory.lastError()).contains("scripted failure of LIST_REGIONS");
        assertThat(inventory.consecutiveFailures()).isEqualTo(1);
        // the failure is the scheduled job's, as jobs() lists it
        assertThat(node.cloudey.jobs().recent(id, 10))
            .filteredOn(j -> j.kind() == JobKind.INVENTORY_SYNC)
            .singleElement()
            .satisfies(
                j -> {
                  assertThat(j.state()).isEqualTo(JobState.FAILED);
                  assertThat(j.error()).contains("scripted failure of LIST_REGIONS");
                });
        assertThat(inventory.nextRun())
            .isBetween(started.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        // Cloudey's clock: next refresh 2026-11-11T03:00, 15 h after its 12:00
        assertBetween(status.get(WorkKind.COST_REFRESH), started, now, Duration.ofHours(15));
        assertBetween(status.get(WorkKind.RECOMMENDATIONS), started, now, Duration.ofHours(24));
        // October closed; November closes on 2026-12-06T02:00
        assertBetween(status.get(WorkKind.MONTH_CLOSE), started, now, Duration.parse("P25DT14H"));
        // no inventory yet, so no metric sync planned
        assertThat(status.get(WorkKind.METRIC_SYNC).lastResult()).isNull();
        assertThat(status.get(WorkKind.METRIC_SYNC).nextRun()).isNull();
        assertThat(status.values()).noneMatch(TaskStatus::isRunning);
        assertThat(scheduler.status().get(0).task()).isEqualTo(CloudeyScheduler.ACCOUNT_SCAN_TASK);
        assertThat(node.cloudey.account(id).costs().monthStatus(OCTOBER))
            .isEqualTo(MonthStatus.CLOSED);
      }
    }
  }

  private static void assertBetween(TaskStatus s, Instant started, Instant now, Duration ahead) {
    assertThat(s.lastResult()).as(s.work() + " result").isEqualTo(Result.SUCCEEDED);
    assertThat(s.nextRun())
        .as(s.work() + " next run")
        .isBetween(started.plus(ahead), now.plus(ahead));
  }

  private static boolean allDone(CloudeyScheduler scheduler, int accounts) {
    List<TaskStatus> work = scheduler.status().stream().filter(s -> s.accountId() != null).toList();
    return work.size() == accounts * WorkKind.values().length
        && work.stream().allMatch(s -> s.lastResult() == Result.SUCCEEDED && !s.isRunning());
  }

  private static List<TaskStatus> statusOf(CloudeyScheduler scheduler, AccountId id) {
    return scheduler.status().stream().filter(s -> id.equals(s.accountId())).toList();
  }

  private static Map<WorkKind, TaskStatus> byKind(Collection<TaskStatus> status) {
    return status.stream().collect(Collectors.toMap(TaskStatus::work, Function.identity()));
  }

  private static Map<SyncKind, Long> countByKind(List<SyncRun> runs) {
    return runs.stream().collect(Collectors.groupingBy(SyncRun::kind, Collectors.counting()));
  }
}
