package app.cloudey.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.DueWork;
import app.cloudey.WorkKind;
import app.cloudey.model.AccountId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskStateTest {
  private static final AccountId ID = AccountId.of("acme");
  private static final Instant T = Instant.parse("2026-11-10T12:00:00Z");

  @Test
  void aStateSurvivesItsTextForm() {
    TaskState state = TaskState.decode(null);
    DueWork close = new DueWork(ID, WorkKind.MONTH_CLOSE, YearMonth.of(2026, 10), T, "r");
    DueWork sync = new DueWork(ID, WorkKind.INVENTORY_SYNC, null, T, "r");
    state.succeeded(close, T, T.plusSeconds(3));
    state.failed(sync, T, T.plusSeconds(1), "regions:\tdown\nfor now", T.plusSeconds(61));
    state.plan(Map.of(WorkKind.INVENTORY_SYNC, T.plusSeconds(61), WorkKind.MONTH_CLOSE, T));

    TaskState read = TaskState.decode(state.encode());

    assertThat(read.isKnown()).isTrue();
    assertThat(read.get(WorkKind.MONTH_CLOSE))
        .isEqualTo(
            new TaskState.KindState(T, T, T.plusSeconds(3), YearMonth.of(2026, 10), null, 0, null));
    assertThat(read.get(WorkKind.INVENTORY_SYNC))
        .isEqualTo(
            new TaskState.KindState(
                T.plusSeconds(61),
                T,
                T.plusSeconds(1),
                null,
                "regions: down for now",
                1,
                T.plusSeconds(61)));
    assertThat(read.get(WorkKind.METRIC_SYNC).plannedAt()).isNull();
  }

  @Test
  void aSuccessClearsTheFailuresAndTheBackOff() {
    TaskState state = TaskState.decode(null);
    DueWork sync = new DueWork(ID, WorkKind.INVENTORY_SYNC, null, T, "r");
    state.failed(sync, T, T, "down", T.plusSeconds(60));
    state.failed(sync, T, T, "down", T.plusSeconds(120));
    assertThat(state.get(WorkKind.INVENTORY_SYNC).consecutiveFailures()).isEqualTo(2);

    state.succeeded(sync, T, T.plusSeconds(5));

    assertThat(state.get(WorkKind.INVENTORY_SYNC).consecutiveFailures()).isZero();
    assertThat(state.get(WorkKind.INVENTORY_SYNC).retryAt()).isNull();
    assertThat(state.get(WorkKind.INVENTORY_SYNC).lastError()).isNull();
  }

  @Test
  void foreignOrDamagedDataReadsAsEmpty() {
    assertThat(TaskState.decode("not ours").isKnown()).isFalse();
    TaskState damaged =
        TaskState.decode("cloudey-scheduler/1\nNO_SUCH_KIND\t-\t-\t-\t-\t0\t-\t-\nbroken line\n");
    assertThat(damaged.isKnown()).isTrue();
    assertThat(damaged.get(WorkKind.INVENTORY_SYNC)).isEqualTo(TaskState.KindState.EMPTY);
  }

  @Test
  void theBackOffDoublesUpToItsMaximum() {
    AccountWork work =
        new AccountWork(
            null, null, Duration.ofMinutes(1), Duration.ofMinutes(10), Clock.systemUTC());

    assertThat(work.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(work.backoff(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(work.backoff(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(work.backoff(5)).isEqualTo(Duration.ofMinutes(10));
    assertThat(work.backoff(500)).isEqualTo(Duration.ofMinutes(10));
  }
}
