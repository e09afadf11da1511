package app.cloudey.store.postgres;

import static app.cloudey.testkit.Fixtures.DAY1;
import static app.cloudey.testkit.Fixtures.DAY2;
import static app.cloudey.testkit.Fixtures.DAY3;
import static app.cloudey.testkit.Fixtures.METRIC_WINDOW;
import static app.cloudey.testkit.Fixtures.WEB1;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.junit.PostgresExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which table a summaries read uses, seen through the statement hook: the kept {@code
 * metric_summary} rows for the refreshed window while no daily row has changed, the daily rows
 * otherwise. The contract proves the summaries are the same either way.
 */
class MetricSummaryPathIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private final KillSwitch recorder = new KillSwitch();
  private PostgresStore store;
  private AccountId id;

  @BeforeEach
  void open() {
    TestDatabase.of(PG).store().close(); // migrate before hooking
    store = TestDatabase.of(PG).builder().statementHook(recorder).build();
    id = Fixtures.randomAccountId();
    store.metrics().upsert(id, Fixtures.metrics(id));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<String> summariesRead(Period period) {
    recorder.clear();
    store.metrics().summaries(id, MetricQuery.of(period));
    return recorder.statements();
  }

  private List<String> refresh(Period window) {
    recorder.clear();
    store.metrics().refreshSummaries(id, window);
    return recorder.statements();
  }

  @Test
  void theRefreshedWindowIsReadFromItsKeptRowsUntilADailyRowChanges() {
    assertThat(summariesRead(METRIC_WINDOW)).anyMatch(s -> s.contains("from cloudey.metric_daily"));

    assertThat(refresh(METRIC_WINDOW)).anyMatch(s -> s.contains("into cloudey.metric_summary "));
    assertThat(summariesRead(METRIC_WINDOW))
        .anyMatch(s -> s.contains("from cloudey.metric_summary "))
        .noneMatch(s -> s.contains("cloudey.metric_daily"));
    // another window, even inside the kept one, is grouped from the daily rows
    assertThat(summariesRead(new Period(DAY1, DAY3)))
        .anyMatch(s -> s.contains("from cloudey.metric_daily"));
    // refreshing a window that is already kept writes nothing
    assertThat(refresh(METRIC_WINDOW)).noneMatch(s -> s.contains("insert into cloudey.metric_"));

    // a changed day moves the metrics version: the kept rows are stale and no longer read
    store
        .metrics()
        .upsert(
            id,
            List.of(
                new MetricDaily(id, WEB1, MetricName.CPU_UTILIZATION, DAY2, 40.0, 70.0, 65.0, 24)));
    assertThat(summariesRead(METRIC_WINDOW)).anyMatch(s -> s.contains("from cloudey.metric_daily"));
    // an identical upsert changes nothing, so a refresh stays fresh
    assertThat(refresh(METRIC_WINDOW)).anyMatch(s -> s.contains("into cloudey.metric_summary "));
    store.metrics().upsert(id, Fixtures.metrics(id));
    assertThat(summariesRead(METRIC_WINDOW)).noneMatch(s -> s.contains("cloudey.metric_daily"));
  }

  @Test
  void aMetricSyncKeepsTheAdvisorsWindowSoItsRunReadsNoDailyRow() {
    try (Cloudey cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(store)
            .clock(MutableClock.at("2026-10-04T06:00:00Z"))
            .metricLookback(Duration.ofDays(3))
            .build()) {
      assertThat(cloudey.inventory().sync().isSuccessful()).isTrue();
      assertThat(cloudey.metrics().sync().stored()).isPositive();

      recorder.clear();
      cloudey.recommendations().generate();
      // the advisor's window is 10-01 to 10-04, the one the sync kept
      assertThat(recorder.statements())
          .anyMatch(s -> s.contains("from cloudey.metric_summary "))
          .noneMatch(s -> s.contains("cloudey.metric_daily"));
    }
  }
}
