package app.cloudey.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.Schedule;
import app.cloudey.WorkKind;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import app.cloudey.scheduler.TaskStatus.Result;
import app.cloudey.testkit.ChildJvm;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.junit.PostgresExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A process killed mid-task: a second JVM ({@link DoomedSchedulerMain}) picks the account's task
 * and hangs in its inventory sync; the test kills it with SIGKILL (its connections, the account's
 * advisory lock and its heartbeats die with it), then starts a scheduler here, which revives the
 * dead execution after the missed heartbeats and does all the account's work, each piece once.
 */
class SchedulerFailoverIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String SCHEMA = "failover";

  @Test
  void aSchedulerKilledMidTaskHasItsTaskPickedUpAndFinishedByAnother() throws Exception {
    FakeCloudProvider fake = Fixtures.provider();
    MutableClock clock = MutableClock.at(Node.NOW);
    try (Node node = new Node(PG.database().jdbcUrl(), SCHEMA, fake, clock);
        CloudeyScheduler survivor =
            node.scheduler("survivor", Node.failoverOptions(SCHEMA), Schedule.ofDefaults())) {
      AccountId id = node.addAccount("acme");
      Process doomed = startDoomed();
      try {
        Await.until(
            TIMEOUT,
            "the doomed process to be inside the account's inventory sync",
            () ->
                hasUnfinishedInventorySync(node, id)
                    && survivor.status().stream()
                        .anyMatch(s -> id.equals(s.accountId()) && "doomed".equals(s.runningOn())),
            () -> List.of(survivor.status(), doomed.isAlive()));
      } finally {
        doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no clean disconnect
        assertThat(doomed.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }

      survivor.start();
      Await.until(
          TIMEOUT,
          "the survivor to finish every kind of the account's work",
          () ->
              survivor.status().stream()
                  .filter(s -> id.equals(s.accountId()))
                  .allMatch(s -> s.lastResult() == Result.SUCCEEDED && !s.isRunning()),
          survivor::status);

      assertThat(fake.calls(Operation.LIST_REGIONS)).isEqualTo(1);
      List<SyncRun> history = node.cloudey.account(id).inventory().history(50);
      // the dead process's sync was abandoned when the survivor took the account's lock; the
      // survivor's is the only one that ran to its end
      assertThat(history)
          .filteredOn(r -> r.kind() == SyncKind.INVENTORY)
          .extracting(SyncRun::state)
          .containsExactlyInAnyOrder(SyncState.ABANDONED, SyncState.SUCCEEDED);
      assertThat(history)
          .filteredOn(r -> r.state() != SyncState.ABANDONED)
          .allMatch(SyncRun::isSuccessful);
      assertThat(history)
          .filteredOn(r -> r.state() == SyncState.SUCCEEDED)
          .extracting(SyncRun::kind)
          .containsExactlyInAnyOrder(
              SyncKind.INVENTORY, SyncKind.METRICS, SyncKind.RECOMMENDATIONS);
      assertThat(node.cloudey.account(id).costs().monthStatus(YearMonth.of(2026, 10)))
          .isEqualTo(MonthStatus.CLOSED);
      assertThat(node.listener.closedMonths()).hasSize(1);
      assertThat(survivor.status())
          .filteredOn(s -> id.equals(s.accountId()))
          .hasSize(WorkKind.values().length);

      // every piece the survivor did is a SUCCEEDED job of its own; the dead process's sync job
      // is still RUNNING as far as the store knows, until its heartbeats are overdue on the
      // survivor's clock: then the survivor reports it ABANDONED
      List<JobRecord> jobs = node.cloudey.jobs().recent(id, 50);
      assertThat(jobs)
          .filteredOn(j -> j.owner().equals(node.cloudey.instanceId()))
          .allMatch(j -> j.state() == JobState.SUCCEEDED)
          .extracting(JobRecord::kind)
          .containsExactlyInAnyOrder(JobKind.values());
      List<JobRecord> others =
          jobs.stream().filter(j -> !j.owner().equals(node.cloudey.instanceId())).toList();
      assertThat(others).hasSize(1);
      JobRecord dead = others.get(0);
      assertThat(dead.kind()).isEqualTo(JobKind.INVENTORY_SYNC);
      assertThat(dead.state()).isEqualTo(JobState.RUNNING);
      clock.advance(
          Cloudey.Builder.DEFAULT_JOB_HEARTBEAT_INTERVAL
              .multipliedBy(Cloudey.Builder.DEFAULT_JOB_MISSED_HEARTBEATS)
              .plusSeconds(1));
      JobRecord abandoned = node.cloudey.jobs().find(dead.id()).orElseThrow();
      assertThat(abandoned.state()).isEqualTo(JobState.ABANDONED);
      assertThat(abandoned.error()).contains("no heartbeat since before");
    }
  }

  private static boolean hasUnfinishedInventorySync(Node node, AccountId id) {
    return node.cloudey.account(id).inventory().history(10).stream()
        .anyMatch(r -> r.kind() == SyncKind.INVENTORY && !r.isFinished());
  }

  private static Process startDoomed() throws IOException {
    File log = Path.of("target", "failover-doomed-process.log").toFile();
    return ChildJvm.of(DoomedSchedulerMain.class, PG.database().jdbcUrl(), SCHEMA, "doomed")
        .redirectErrorStream(true)
        .redirectOutput(log)
        .start();
  }
}
