package app.cloudey.store.postgres;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
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
import app.cloudey.model.RecommendationRun;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which tables the advisor's two window reads use, seen through the statement hook: metric
 * summaries from the kept {@code metric_summary} rows for the refreshed window while no daily row
 * has changed, from the daily rows otherwise; per-resource costs from the kept {@code
 * cost_resource_window} rows while no cost has changed, from the monthly rollups otherwise. The
 * contracts prove the rows are the same either way.
 */
class KeptWindowsPathIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private final KillSwitch recorder = new KillSwitch();

  /** A statement that fails before it is sent when it contains this, if set. */
  private volatile @Nullable String failing;

  private PostgresStore store;
  private AccountId id;

  @BeforeEach
  void open() {
    TestDatabase.of(PG).store().close(); // migrate before hooking
    store =
        TestDatabase.of(PG)
            .builder()
            .statementHook(
                (sql, connection) -> {
                  recorder.beforeStatement(sql, connection);
                  String bad = failing;
                  if (bad != null && sql.contains(bad)) {
                    throw new SQLException("injected failure before: " + sql);
                  }
                })
            .build();
    id = Fixtures.randomAccountId();
    store.metrics().upsert(id, Fixtures.metrics(id));
  }

  @AfterEach
  void close() {
    store.close();
  }

  /**
   * Cloudey over the hooked store and the fixture's cloud on 2026-10-04: its advisor's windows are
   * 10-01 to 10-04 for metrics (3 days) and 09-04 to 10-04 for costs.
   */
  private Cloudey cloudey() {
    return Cloudey.builder()
        .cloud(Fixtures.provider(), Fixtures.credentials())
        .store(store)
        .clock(MutableClock.at("2026-10-04T06:00:00Z"))
        .metricLookback(Duration.ofDays(3))
        .build();
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

  private List<String> resourceCostsRead(Period period) {
    recorder.clear();
    store.costs().resourceCosts(id, period);
    return recorder.statements();
  }

  @Test
  void theRefreshedCostWindowIsReadFromItsKeptRowsUntilACostChanges() {
    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    assertThat(resourceCostsRead(COST_PERIOD))
        .anyMatch(s -> s.contains("from cloudey.cost_resource_month"));

    store.costs().refreshResourceCosts(id, COST_PERIOD);
    assertThat(resourceCostsRead(COST_PERIOD))
        .anyMatch(s -> s.contains("from cloudey.cost_resource_window "))
        .noneMatch(s -> s.contains("cloudey.cost_resource_month"));
    assertThat(resourceCostsRead(Period.of(DAY1, DAY3)))
        .anyMatch(s -> s.contains("from cloudey.cost_resource_month"));

    // an ingest moves the costs version: the kept rows are stale and no longer read
    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id, DAY2).stream());
    assertThat(resourceCostsRead(COST_PERIOD))
        .anyMatch(s -> s.contains("from cloudey.cost_resource_month"));
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
  void aMetricSyncAndACostRefreshKeepTheAdvisorsWindowsSoItsRunReadsNeitherDailyRowsNorRollups() {
    try (Cloudey cloudey = cloudey()) {
      assertThat(cloudey.inventory().sync().isSuccessful()).isTrue();
      assertThat(cloudey.metrics().sync().stored()).isPositive();
      cloudey.costs().refresh(COST_PERIOD);

      recorder.clear();
      cloudey.recommendations().generate();
      // the advisor's windows are those the sync and the refresh kept
      assertThat(recorder.statements())
          .anyMatch(s -> s.contains("from cloudey.metric_summary "))
          .anyMatch(s -> s.contains("from cloudey.cost_resource_window "))
          .noneMatch(s -> s.contains("cloudey.metric_daily"))
          .noneMatch(s -> s.contains("cloudey.cost_resource_month"));
    }
  }

  @Test
  void aKeepThatFailsFailsNeitherTheSyncNorTheRefreshThatWroteAndKeepsNothing() {
    failing = "into cloudey.metric_summary "; // the summaries' insert
    try (Cloudey cloudey = cloudey()) {
      assertThat(cloudey.inventory().sync().isSuccessful()).isTrue();
      assertThat(cloudey.metrics().sync().stored()).isPositive();
      failing = "copy cloudey.cost_resource_window"; // the per-resource costs' COPY
      // the 12 lines of the fixture's October 1-3 are stored all the same
      assertThat(cloudey.costs().refresh(COST_PERIOD))
          .extracting(r -> r.lines())
          .containsExactly(12L);
      failing = null;

      recorder.clear();
      RecommendationRun run = cloudey.recommendations().run();
      assertThat(run.failures()).isEmpty();
      // nothing was kept, so the advisor computed both from the data
      assertThat(recorder.statements())
          .anyMatch(s -> s.contains("from cloudey.metric_daily"))
          .anyMatch(s -> s.contains("from cloudey.cost_resource_month"));
    }
  }
}
