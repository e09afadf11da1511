package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.Period;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A run whose process stopped (crash, kill, lost host) is left RUNNING in the store; whoever takes
 * the account's lock next knows it cannot be running (runs only run under that lock) and marks it
 * abandoned with the reason.
 */
class AbandonedRunsTest {
  private static final Instant CRASHED_AT = Instant.parse("2026-11-26T09:00:00Z");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryStore store = InMemoryStore.create(clock);
  private final Cloudey cloudey =
      Cloudey.builder()
          .cloud(Fixtures.provider(), Fixtures.credentials())
          .store(store)
          .clock(clock)
          .build();
  private final AccountId account = Cloudey.DEFAULT_ACCOUNT;

  @AfterEach
  void stop() {
    cloudey.close();
    store.close();
  }

  /** The work that takes the account's lock. */
  enum Work {
    INVENTORY_SYNC(c -> c.inventory().sync()),
    METRIC_SYNC(c -> c.metrics().sync(Fixtures.METRIC_WINDOW)),
    COST_REFRESH(c -> c.costs().refresh(Period.month(Fixtures.OCTOBER))),
    MONTH_CLOSE(c -> c.costs().closeMonth(Fixtures.OCTOBER));

    private final Consumer<Cloudey> run;

    Work(Consumer<Cloudey> run) {
      this.run = run;
    }
  }

  /** What a process that died during a sync leaves behind: a run without an end. */
  private SyncRun crashed(AccountId id, String runId) {
    SyncRun run =
        new SyncRun(
            runId,
            id,
            SyncKind.INVENTORY,
            SyncState.RUNNING,
            CRASHED_AT,
            null,
            40,
            12,
            List.of(),
            0,
            0,
            List.of(),
            null);
    store.syncRuns().save(run);
    return run;
  }

  @ParameterizedTest
  @EnumSource(Work.class)
  void aRunLeftRunningIsAbandonedWhenTheAccountsLockIsNextTaken(Work work) {
    crashed(account, "crashed");
    clock.advance(Duration.ofMinutes(5));
    Instant lockedAt = clock.instant();

    work.run.accept(cloudey);

    SyncRun found = store.syncRuns().find(account, "crashed").orElseThrow();
    assertThat(found.state()).isEqualTo(SyncState.ABANDONED);
    assertThat(found.finishedAt()).isEqualTo(lockedAt);
    assertThat(found.error())
        .isEqualTo(
            "the process running it stopped before it finished; found when the account's lock"
                + " was next taken at 2026-11-26T10:05:00Z");
    assertThat(found.scopesCompleted()).isEqualTo(12); // what it did is kept
  }

  @Test
  void finishedRunsAndOtherAccountsRunsAreLeftAsTheyAre() {
    cloudey.inventory().sync();
    SyncRun finished = store.syncRuns().recent(account, 1).get(0);
    AccountId other = AccountId.of("other");
    cloudey.accounts().add(other, Fixtures.credentials());
    SyncRun runningElsewhere = crashed(other, "maybe-running");

    cloudey.inventory().sync();

    assertThat(store.syncRuns().find(account, finished.id())).contains(finished);
    assertThat(store.syncRuns().find(other, runningElsewhere.id())).contains(runningElsewhere);
  }
}
