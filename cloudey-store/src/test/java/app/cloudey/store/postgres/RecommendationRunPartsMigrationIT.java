package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.Evidence;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.store.postgres.internal.Json;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V21 over runs stored before it: each body becomes a run's one part and reads back the same, and a
 * run saved before V12 (no finding ids, no summary) gets its ids from its body, so the next save
 * compares with it.
 */
class RecommendationRunPartsMigrationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Test
  void bodiesStoredBeforeV21AreReadBackAndOldRunsGetTheirFindingIds() throws Exception {
    String schema = "cloudey_v20";
    TestDatabase.of(PG).migrateTo(schema, "20");
    AccountId id = Fixtures.randomAccountId();
    RecommendationRun old =
        new RecommendationRun(
            "old",
            id,
            Instant.parse("2026-11-01T02:00:00Z"),
            List.of(idle(id, "ocid1.instance.a"), idle(id, "ocid1.instance.b")),
            List.of(),
            Map.of());
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection()) {
      // what a release before V12 wrote: the body alone
      try (PreparedStatement p =
          c.prepareStatement(
              "insert into cloudey_v20.recommendation_run (account_id, run_id, generated_at,"
                  + " recommendation_count, body) values (?, 'old', '2026-11-01T02:00:00Z', 2,"
                  + " ?)")) {
        p.setString(1, id.value());
        p.setString(2, Json.write(old));
        p.executeUpdate();
      }
    }
    try (PostgresStore store =
        TestDatabase.of(PG)
            .builder()
            .options(PostgresStore.Options.ofDefaults().withSchema(schema))
            .build()) {
      assertThat(store.recommendations().latest(id)).contains(old);
      try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select finding_ids from cloudey_v20.recommendation_run where run_id = 'old'")) {
        assertThat(rs.next()).isTrue();
        assertThat((String[]) rs.getArray(1).getArray())
            .containsExactly(old.recommendations().get(0).id(), old.recommendations().get(1).id());
      }
      store
          .recommendations()
          .save(
              new RecommendationRun(
                  "new",
                  id,
                  Instant.parse("2026-11-02T02:00:00Z"),
                  List.of(idle(id, "ocid1.instance.b")),
                  List.of(),
                  Map.of()));
      assertThat(store.recommendations().summary(id).resolvedSinceLastRun())
          .containsExactly(old.recommendations().get(0).id());
    }
  }

  private static Recommendation idle(AccountId id, String instance) {
    return new Recommendation(
        Recommendation.stableId("idle-instance", List.of(instance)),
        id,
        "idle-instance",
        Severity.HIGH,
        "Idle instance " + instance,
        "P95 CPU **1.2 %** over 14 days; é",
        List.of(instance),
        Money.of("12.50", "EUR"),
        SavingsBasis.BILLED_COST,
        0.9,
        Evidence.NONE,
        List.of(),
        Map.of(instance, "web"));
  }
}
