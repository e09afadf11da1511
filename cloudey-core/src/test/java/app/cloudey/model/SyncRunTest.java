package app.cloudey.model;

import static app.cloudey.model.ResourceType.BLOCK_VOLUME;
import static app.cloudey.model.ResourceType.INSTANCE;
import static app.cloudey.model.SyncState.RUNNING;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRunTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final Instant START = Instant.parse("2026-11-26T02:00:00Z");
  private static final Scope SCOPE = new Scope("us-ashburn-1", "c1", INSTANCE);

  private static SyncRun run(
      Instant finishedAt,
      int total,
      int completed,
      List<SyncCount> counts,
      List<FailedScope> failures,
      String error) {
    SyncState state =
        finishedAt == null
            ? SyncState.RUNNING
            : error == null || error.isBlank() ? SyncState.SUCCEEDED : SyncState.FAILED;
    return new SyncRun(
        "run-1",
        ACME,
        SyncKind.INVENTORY,
        state,
        START,
        finishedAt,
        total,
        completed,
        counts,
        0,
        0,
        failures,
        error);
  }

  @Test
  void countsAddUpPerTypeAndRegion() {
    SyncCount a = new SyncCount(INSTANCE, "us-ashburn-1", 1, 2, 3, 4);
    SyncCount b = new SyncCount(INSTANCE, "us-ashburn-1", 10, 20, 30, 40);
    assertThat(a.plus(b)).isEqualTo(new SyncCount(INSTANCE, "us-ashburn-1", 11, 22, 33, 44));
    // seen = created + updated + unchanged: deleted ones are gone
    assertThat(a.seen()).isEqualTo(7);
    refused(
        () -> a.plus(new SyncCount(INSTANCE, "eu-frankfurt-1", 0, 0, 0, 0)),
        "cannot add counts of INSTANCE@us-ashburn-1 and INSTANCE@eu-frankfurt-1");
    refused(
        () -> a.plus(new SyncCount(BLOCK_VOLUME, "us-ashburn-1", 0, 0, 0, 0)), "cannot add counts");
  }

  @Test
  void countsAreNeverNegative() {
    refused(
        () -> new SyncCount(INSTANCE, "r", -1, 0, 0, 0), "created must not be negative, was -1");
    refused(() -> new SyncCount(INSTANCE, "r", 0, -1, 0, 0), "updated must not be negative");
    refused(() -> new SyncCount(INSTANCE, "r", 0, 0, -1, 0), "deleted must not be negative");
    refused(() -> new SyncCount(INSTANCE, "r", 0, 0, 0, -1), "unchanged must not be negative");
    refused(() -> new SyncCount(null, "r", 0, 0, 0, 0), "type must not be null");
    refused(() -> new SyncCount(INSTANCE, " ", 0, 0, 0, 0), "region must not be null or blank");
  }

  @Test
  void aRunningRunHasNoEnd() {
    SyncRun running = run(null, 4, 1, List.of(), List.of(), null);
    assertThat(running.isFinished()).isFalse();
    assertThat(running.isSuccessful()).isFalse();
    assertThat(running.duration()).isNull();
  }

  @Test
  void successNeedsNoFailureAndNoError() {
    Instant end = START.plusSeconds(90);
    assertThat(run(end, 4, 4, List.of(), List.of(), null).isSuccessful()).isTrue();
    assertThat(run(end, 4, 4, List.of(), List.of(), null).duration())
        .isEqualTo(Duration.ofSeconds(90));
    FailedScope failed = new FailedScope(SCOPE, "429 Too Many Requests after 5 retries", " ");
    assertThat(failed.requestId()).isNull();
    assertThat(run(end, 4, 3, List.of(), List.of(failed), null).isSuccessful()).isFalse();
    assertThat(run(end, 0, 0, List.of(), List.of(), "regions could not be listed").isSuccessful())
        .isFalse();
    assertThat(run(end, 0, 0, List.of(), List.of(), " ").error()).isNull();
  }

  @Test
  void totalsOneTypeOverRegions() {
    SyncRun r =
        run(
            START,
            3,
            3,
            List.of(
                new SyncCount(INSTANCE, "us-ashburn-1", 1, 2, 3, 4),
                new SyncCount(INSTANCE, "eu-frankfurt-1", 10, 0, 0, 1),
                new SyncCount(BLOCK_VOLUME, "us-ashburn-1", 100, 100, 100, 100)),
            List.of(),
            null);
    assertThat(r.total(INSTANCE)).isEqualTo(new SyncCount(INSTANCE, "*", 11, 2, 3, 5));
    assertThat(r.total(ResourceType.BUCKET))
        .isEqualTo(new SyncCount(ResourceType.BUCKET, "*", 0, 0, 0, 0));
  }

  @Test
  void refusesInconsistentRuns() {
    refused(
        () -> run(START.minusSeconds(1), 1, 1, List.of(), List.of(), null),
        "finishedAt (2026-11-26T01:59:59Z) is before startedAt (2026-11-26T02:00:00Z)");
    refused(
        () -> run(null, 2, 3, List.of(), List.of(), null),
        "scopesCompleted (3) exceeds scopesTotal (2)");
    refused(() -> run(null, -1, 0, List.of(), List.of(), null), "scopesTotal must not be negative");
    refused(
        () -> run(null, 1, -1, List.of(), List.of(), null), "scopesCompleted must not be negative");
    refused(
        () ->
            new SyncRun(
                " ", ACME, SyncKind.COSTS, RUNNING, START, null, 0, 0, null, 0, 0, null, null),
        "id must not be null or blank");
    refused(
        () ->
            new SyncRun(
                "r", null, SyncKind.COSTS, RUNNING, START, null, 0, 0, null, 0, 0, null, null),
        "accountId must not be null");
    refused(
        () -> new SyncRun("r", ACME, null, RUNNING, START, null, 0, 0, null, 0, 0, null, null),
        "kind must not be null");
    refused(
        () ->
            new SyncRun(
                "r", ACME, SyncKind.COSTS, RUNNING, null, null, 0, 0, null, 0, 0, null, null),
        "startedAt must not be null");
    refused(() -> new FailedScope(SCOPE, " ", null), "reason must not be null or blank");
    refused(() -> new FailedScope(null, "x", null), "scope must not be null");
  }

  private static SyncRun inState(SyncState state, Instant finishedAt, String error) {
    return new SyncRun(
        "r",
        ACME,
        SyncKind.INVENTORY,
        state,
        START,
        finishedAt,
        0,
        0,
        List.of(),
        0,
        0,
        List.of(),
        error);
  }

  @Test
  void theStateAgreesWithTheEndAndTheError() {
    Instant end = START.plusSeconds(1);
    refused(() -> inState(RUNNING, end, null), "finishedAt must be null exactly while");
    refused(() -> inState(SyncState.SUCCEEDED, null, null), "finishedAt must be null exactly");
    refused(() -> inState(SyncState.FAILED, end, null), "error must say why the run is FAILED");
    refused(
        () -> inState(SyncState.ABANDONED, end, " "), "error must say why the run is ABANDONED");
    refused(
        () -> inState(SyncState.SUCCEEDED, end, "boom"),
        "error must be null for a SUCCEEDED run, was 'boom'");
    refused(() -> inState(null, null, null), "state must not be null");
    refused(
        () ->
            new SyncRun(
                "r", ACME, SyncKind.COSTS, RUNNING, START, null, 0, 0, null, -1, 0, null, null),
        "compartmentsDeleted must not be negative");
    refused(
        () ->
            new SyncRun(
                "r", ACME, SyncKind.COSTS, RUNNING, START, null, 0, 0, null, 0, -1, null, null),
        "resourcesDeletedWithCompartments must not be negative");
  }

  @Test
  void aStartedRunEndsFailedOrAbandonedKeepingWhatItCounted() {
    SyncRun started = SyncRun.started("r", ACME, SyncKind.INVENTORY, START);
    assertThat(started.state()).isEqualTo(RUNNING);
    assertThat(started.isFinished()).isFalse();

    SyncRun failed = started.failed(START.plusSeconds(5), "regions could not be listed");
    assertThat(failed.state()).isEqualTo(SyncState.FAILED);
    assertThat(failed.finishedAt()).isEqualTo(START.plusSeconds(5));
    assertThat(failed.isFinished()).isTrue();
    assertThat(failed.isSuccessful()).isFalse();

    SyncRun counted =
        run(null, 4, 2, List.of(new SyncCount(INSTANCE, "r", 1, 0, 0, 0)), List.of(), null);
    SyncRun abandoned = counted.abandoned(START.plusSeconds(60), "its process stopped");
    assertThat(abandoned.state()).isEqualTo(SyncState.ABANDONED);
    assertThat(abandoned.error()).isEqualTo("its process stopped");
    assertThat(abandoned.scopesCompleted()).isEqualTo(2);
    assertThat(abandoned.counts()).isEqualTo(counted.counts());
    // found by a process whose clock is behind: the end is never before the start
    assertThat(counted.abandoned(START.minusSeconds(60), "x").finishedAt()).isEqualTo(START);
  }

  @Test
  void aSucceededRunWithFailedScopesIsNotSuccessful() {
    FailedScope failed = new FailedScope(SCOPE, "500", null);
    SyncRun run = run(START.plusSeconds(1), 2, 1, List.of(), List.of(failed), null);
    assertThat(run.state()).isEqualTo(SyncState.SUCCEEDED);
    assertThat(run.isFinished()).isTrue();
    assertThat(run.isSuccessful()).isFalse();
  }
}
