package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceFilter;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Removing an account leaves nothing of it behind, even when a sync of it is running or another
 * {@link Cloudey} on the same store still holds a connection to it.
 */
class AccountRemovalTest {
  private static final AccountId BUSY = AccountId.of("busy");

  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final FakeCloudProvider fake = Fixtures.provider();
  private final InMemoryStore store = InMemoryStore.create(clock);
  private final Cloudey cloudey = build();

  private Cloudey build() {
    return Cloudey.builder().cloud(fake).store(store).clock(clock).build();
  }

  @AfterEach
  void stop() {
    fake.clearFailures();
    cloudey.close();
    store.close();
  }

  @Test
  void removingAnAccountWhileItsMetricsSyncLeavesNoMetricRows() throws Exception {
    cloudey.accounts().add(BUSY, Fixtures.credentials());
    cloudey.account(BUSY).inventory().sync();
    FakeCloudProvider.Pause fetch = fake.pauseNext(Operation.FETCH_METRICS);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> sync =
          threads.submit(() -> cloudey.account(BUSY).metrics().sync(Fixtures.METRIC_WINDOW));
      assertThat(fetch.awaitReached(Duration.ofSeconds(10))).isTrue();
      Future<Boolean> removal = threads.submit(() -> cloudey.accounts().remove(BUSY));
      // time for a removal that does not wait for the sync to be done before the fetch returns
      Thread.sleep(300);
      fetch.release();

      sync.get(10, TimeUnit.SECONDS);
      assertThat(removal.get(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      fetch.release();
      threads.shutdownNow();
    }
    assertThat(store.metrics().daily(BUSY, MetricQuery.of(Fixtures.METRIC_WINDOW))).isEmpty();
    assertThat(store.accounts().find(BUSY)).isEmpty();
  }

  @Test
  void anAccountRemovedThroughAnotherCloudeyIsNeverWrittenAgainThroughThisOne() {
    cloudey.accounts().add(BUSY, Fixtures.credentials());
    CloudeyAccount view = cloudey.account(BUSY);
    // every kind of work once, so this Cloudey holds an open connection to the account
    view.inventory().sync();
    view.metrics().sync(Fixtures.METRIC_WINDOW);
    view.costs().refresh(Period.month(Fixtures.OCTOBER));

    try (Cloudey other = build()) {
      assertThat(other.accounts().remove(BUSY)).isTrue();
    }

    assertThatThrownBy(() -> view.metrics().sync(Fixtures.METRIC_WINDOW))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThatThrownBy(() -> view.inventory().sync()).isInstanceOf(CloudeyNotFoundException.class);
    assertThatThrownBy(() -> view.costs().refresh(Period.month(Fixtures.OCTOBER)))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThatThrownBy(() -> view.costs().closeMonth(Fixtures.OCTOBER))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThat(store.metrics().daily(BUSY, MetricQuery.of(Fixtures.METRIC_WINDOW))).isEmpty();
    assertThat(store.inventory().resources(BUSY, ResourceFilter.ALL.withDeleted())).isEmpty();
    assertThat(store.inventory().compartments(BUSY)).isEmpty();
    assertThat(store.syncRuns().recent(BUSY, 10)).isEmpty();
    try (Stream<?> lines = store.costs().lines(BUSY, Fixtures.COST_PERIOD)) {
      assertThat(lines).isEmpty();
    }
    assertThat(store.costs().findClosedMonth(BUSY, Fixtures.OCTOBER)).isEmpty();
  }
}
