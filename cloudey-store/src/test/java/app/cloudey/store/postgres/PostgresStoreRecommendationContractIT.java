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
      // as a run saved before V12 left its row (V21 gave it its finding ids)
      st.executeUpdate(
          "update cloudey.recommendation_run set summary = null, compared_with = null where"
              + " account_id = '"
              + id.value()
              + "'");
    }
    assertThat(store().recommendations().summary(id)).isEqualTo(stored);
  }

  /**
   * V21: a body larger than a part is stored in several rows, which SQL can join back into the
   * run's JSON, and is read back whole; parts end inside UTF-8 characters ("é" is two bytes).
   */
  @Test
  void aLargeRunIsStoredInPartsAndReadBackWhole() throws Exception {
    AccountId id = newAccount();
    List<app.cloudey.model.Recommendation> found = new java.util.ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      found.add(idle(id, "ocid1.instance.é" + i, i + ".25"));
    }
    RecommendationRun run =
        new RecommendationRun(
            "large",
            id,
            Instant.parse("2026-11-01T02:00:00Z"),
            found,
            List.of(),
            java.util.Map.of());
    store().recommendations().save(run);
    assertThat(store().recommendations().latest(id)).contains(run);
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "select count(*), max(octet_length(bytes)), (convert_from(string_agg(bytes, ''"
                    + " order by part), 'UTF8')::jsonb #>> '{recommendations,3999,resourceIds,0}')"
                    + " from cloudey.recommendation_run_part where account_id = '"
                    + id.value()
                    + "' and run_id = 'large'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isGreaterThan(1);
      assertThat(rs.getInt(2)).isEqualTo(1 << 20);
      assertThat(rs.getString(3)).isEqualTo(found.get(3999).resourceIds().get(0));
    }
  }
}
