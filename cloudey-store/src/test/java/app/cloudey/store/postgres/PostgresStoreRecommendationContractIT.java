package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.contract.RecommendationStoreContract;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresStoreRecommendationContractIT extends RecommendationStoreContract {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Override
  protected CloudeyStore createStore() {
    return TestDatabase.of(PG).store();
  }

  /**
   * Each row keeps its summary (V12), which {@code summary()} reads instead of the two runs; a row
   * without one (saved before V12) is summarised from the runs, with the same answer.
   */
  @Test
  void theSummaryIsKeptWithTheRunAndRowsWithoutOneAreSummarisedFromTheRuns() throws Exception {
    AccountId id = newAccount();
    store()
        .recommendations()
        .save(
            new RecommendationRun(
                "old",
                id,
                Instant.parse("2026-11-01T02:00:00Z"),
                List.of(idle(id, "i1", "10"), idle(id, "i2", "5")),
                List.of(),
                java.util.Map.of()));
    store()
        .recommendations()
        .save(
            new RecommendationRun(
                "new",
                id,
                Instant.parse("2026-11-02T02:00:00Z"),
                List.of(idle(id, "i2", "5")),
                List.of(),
                java.util.Map.of()));
    RecommendationSummary stored = store().recommendations().summary(id);
    assertThat(stored.resolvedSinceLastRun()).containsExactly(idle(id, "i1", "10").id());
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "select compared_with, finding_ids, summary is not null from"
                  + " cloudey.recommendation_run where account_id = '"
                  + id.value()
                  + "' and run_id = 'new'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("old");
        assertThat((String[]) rs.getArray(2).getArray()).containsExactly(idle(id, "i2", "5").id());
        assertThat(rs.getBoolean(3)).isTrue();
      }
      // as a run saved before V12 left its row
      st.executeUpdate(
          "update cloudey.recommendation_run set summary = null, finding_ids = null,"
              + " compared_with = null where account_id = '"
              + id.value()
              + "'");
    }
    assertThat(store().recommendations().summary(id)).isEqualTo(stored);
  }

  /**
   * A summary stored before it had {@code supersededCount} counted superseded recommendations by
   * severity: it is not read, the summary is computed from the run again (standing ones only).
   */
  @Test
  void aSummaryStoredBeforeSupersededCountIsComputedAgain() throws Exception {
    AccountId id = newAccount();
    // i1: idle (HIGH, 10 EUR) supersedes rightsizing (MEDIUM, 4 EUR); the total is 10 EUR
    app.cloudey.model.Recommendation idle = idle(id, "i1", "10");
    app.cloudey.model.Recommendation rightsize = rightsize(id, "i1", "4");
    store()
        .recommendations()
        .save(
            new RecommendationRun(
                "run",
                id,
                Instant.parse("2026-11-01T02:00:00Z"),
                List.of(idle, rightsize),
                List.of(),
                java.util.Map.of(rightsize.id(), idle.id())));
    RecommendationSummary stored = store().recommendations().summary(id);
    assertThat(stored.countBySeverity())
        .containsEntry(app.cloudey.model.Severity.HIGH, 1)
        .containsEntry(app.cloudey.model.Severity.MEDIUM, 0);
    assertThat(stored.supersededCount()).isEqualTo(1);
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement st = c.createStatement()) {
      // as the summary was stored before: MEDIUM counted, no supersededCount
      st.executeUpdate(
          "update cloudey.recommendation_run set summary = jsonb_set(summary - 'supersededCount',"
              + " '{countBySeverity,MEDIUM}', '1') where account_id = '"
              + id.value()
              + "'");
    }
    assertThat(store().recommendations().summary(id)).isEqualTo(stored);
  }
}
