package app.cloudey.model;

import static app.cloudey.model.ResourceType.BLOCK_VOLUME;
import static app.cloudey.model.ResourceType.INSTANCE;
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
    return new SyncRun(
        "run-1",
        ACME,
        SyncKind.INVENTORY,
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
        () -> new SyncRun(" ", ACME, SyncKind.COSTS, START, null, 0, 0, null, 0, 0, null, null),
        "id must not be null or blank");
    refused(
        () -> new SyncRun("r", null, SyncKind.COSTS, START, null, 0, 0, null, 0, 0, null, null),
        "accountId must not be null");
    refused(
        () -> new SyncRun("r", ACME, null, START, null, 0, 0, null, 0, 0, null, null),
        "kind must not be null");
    refused(
        () -> new SyncRun("r", ACME, SyncKind.COSTS, null, null, 0, 0, null, 0, 0, null, null),
        "startedAt must not be null");
    refused(() -> new FailedScope(SCOPE, " ", null), "reason must not be null or blank");
    refused(() -> new FailedScope(null, "x", null), "scope must not be null");
  }
}
