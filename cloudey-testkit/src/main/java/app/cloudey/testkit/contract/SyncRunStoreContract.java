package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.FailedScope;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import app.cloudey.spi.SyncRunStore;
import app.cloudey.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link SyncRunStore}: runs kept whole (state, counts, failed scopes with reasons and
 * request ids, run-level error), replaced by id, listed newest first, abandonment of runs left
 * running, retention of finished runs only, and tenant isolation.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class SyncRunStoreContract extends StoreContract {

  private static final Instant T1 = Instant.parse("2026-10-05T06:00:00Z");
  private static final Instant T2 = Instant.parse("2026-10-06T06:00:00Z");
  private static final Instant T3 = Instant.parse("2026-10-07T06:00:00Z");

  private SyncRunStore runs() {
    return store().syncRuns();
  }

  /**
   * A finished inventory run with counts in two regions, a deleted compartment that took one
   * resource with it, and one failed scope.
   */
  private static SyncRun finished(AccountId id, Instant startedAt) {
    return new SyncRun(
        "run-" + UUID.randomUUID(),
        id,
        SyncKind.INVENTORY,
        SyncState.SUCCEEDED,
        startedAt,
        startedAt.plus(Duration.ofSeconds(42)),
        5,
        4,
        List.of(
            new SyncCount(ResourceType.INSTANCE, Fixtures.HOME_REGION, 2, 0, 0, 0),
            new SyncCount(ResourceType.BLOCK_VOLUME, Fixtures.OTHER_REGION, 0, 1, 1, 0)),
        1,
        1,
        List.of(
            new FailedScope(Fixtures.BUCKETS, "fake: scripted failure of LIST_RESOURCES", "r-7")),
        null);
  }

  private static SyncRun running(AccountId id, Instant startedAt, @Nullable String runId) {
    return new SyncRun(
        runId == null ? "run-" + UUID.randomUUID() : runId,
        id,
        SyncKind.COSTS,
        SyncState.RUNNING,
        startedAt,
        null,
        3,
        1,
        List.of(new SyncCount(ResourceType.INSTANCE, Fixtures.HOME_REGION, 1, 0, 0, 0)),
        0,
        0,
        List.of(),
        null);
  }

  @Test
  public void aSavedRunComesBackWhole() {
    AccountId id = newAccount();
    SyncRun run = finished(id, T1);
    runs().save(run);
    assertThat(runs().find(id, run.id())).contains(run);
    assertThat(runs().find(id, "run-unknown")).isEmpty();
  }

  @Test
  public void aRunLevelErrorIsKept() {
    AccountId id = newAccount();
    SyncRun failed =
        new SyncRun(
            "run-" + UUID.randomUUID(),
            id,
            SyncKind.METRICS,
            SyncState.FAILED,
            T1,
            T1.plusSeconds(1),
            0,
            0,
            List.of(),
            0,
            0,
            List.of(),
            "regions could not be listed: 401 NotAuthenticated");
    runs().save(failed);
    assertThat(runs().find(id, failed.id())).contains(failed);
  }

  @Test
  public void savingTheSameIdReplacesTheRun() {
    AccountId id = newAccount();
    SyncRun started = running(id, T1, null);
    runs().save(started);
    SyncRun done =
        new SyncRun(
            started.id(),
            id,
            SyncKind.COSTS,
            SyncState.SUCCEEDED,
            T1,
            T1.plusSeconds(90),
            3,
            3,
            List.of(),
            0,
            0,
            List.of(),
            null);
    runs().save(done);
    assertThat(runs().find(id, started.id())).contains(done);
    assertThat(runs().recent(id, 10)).containsExactly(done);
  }

  @Test
  public void recentIsNewestFirstAndLimited() {
    AccountId id = newAccount();
    SyncRun first = finished(id, T1);
    SyncRun second = finished(id, T2);
    SyncRun third = finished(id, T3);
    runs().save(second);
    runs().save(third);
    runs().save(first);
    assertThat(runs().recent(id, 10)).containsExactly(third, second, first);
    assertThat(runs().recent(id, 2)).containsExactly(third, second);
  }

  @Test
  public void deleteBeforeRemovesOnlyFinishedRunsStartedBeforeTheCutoff() {
    AccountId id = newAccount();
    SyncRun oldFinished = finished(id, T1);
    SyncRun oldRunning = running(id, T1, null);
    SyncRun newFinished = finished(id, T3);
    runs().save(oldFinished);
    runs().save(oldRunning);
    runs().save(newFinished);
    assertThat(runs().deleteBefore(id, T2)).isEqualTo(1);
    assertThat(runs().recent(id, 10)).containsExactlyInAnyOrder(newFinished, oldRunning);
    assertThat(runs().find(id, oldFinished.id())).isEmpty();
  }

  @Test
  public void abandonUnfinishedEndsTheAccountsRunningRunsKeepingWhatTheyCounted() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    SyncRun crashed = running(id, T1, null);
    SyncRun done = finished(id, T1);
    SyncRun othersRunning = running(other, T1, null);
    runs().save(crashed);
    runs().save(done);
    runs().save(othersRunning);

    assertThat(runs().abandonUnfinished(id, T2, "its process stopped")).isEqualTo(1);

    SyncRun abandoned = runs().find(id, crashed.id()).orElseThrow();
    assertThat(abandoned).isEqualTo(crashed.abandoned(T2, "its process stopped"));
    assertThat(abandoned.state()).isEqualTo(SyncState.ABANDONED);
    assertThat(abandoned.finishedAt()).isEqualTo(T2);
    assertThat(abandoned.scopesCompleted()).isEqualTo(1);
    assertThat(runs().find(id, done.id())).contains(done);
    assertThat(runs().find(other, othersRunning.id())).contains(othersRunning);
    assertThat(runs().abandonUnfinished(id, T3, "again")).isZero();
    // abandoned runs are history: retention removes them
    assertThat(runs().deleteBefore(id, T3)).isEqualTo(2);
  }

  @Test
  public void anAbandonedRunEndsNoEarlierThanItStarted() {
    AccountId id = newAccount();
    SyncRun crashed = running(id, T3, null);
    runs().save(crashed);
    // the finder's clock is behind the one that started the run
    assertThat(runs().abandonUnfinished(id, T2, "its process stopped")).isEqualTo(1);
    assertThat(runs().find(id, crashed.id()).orElseThrow().finishedAt()).isEqualTo(T3);
  }

  @Test
  public void tenantsNeverSeeEachOthersRuns() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    SyncRun runOfA = finished(a, T1);
    SyncRun runOfB = finished(b, T2);
    runs().save(runOfA);
    runs().save(runOfB);
    assertThat(runs().find(b, runOfA.id())).isEmpty();
    assertThat(runs().find(a, runOfB.id())).isEmpty();
    assertThat(runs().recent(a, 10)).containsExactly(runOfA);
    assertThat(runs().recent(b, 10)).containsExactly(runOfB);
    assertThat(runs().deleteBefore(b, T3)).isEqualTo(1);
    assertThat(runs().recent(a, 10)).containsExactly(runOfA);
    assertThat(runs().recent(Fixtures.randomAccountId(), 10)).isEmpty();
  }
}
