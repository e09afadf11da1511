package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.spi.RecommendationStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Advisor runs as JSON snapshots (text, V14), one row per run. Saving a run inserts it and moves
 * the account's recommendations version in one transaction. Each row also keeps the run's
 * recommendation ids and its {@link RecommendationSummary} against the run before it (V12), so
 * {@link #summary} reads one small document instead of two runs whole.
 */
public final class PgRecommendationStore implements RecommendationStore {
  private static final TypeReference<RecommendationRun> RUN = new TypeReference<>() {};
  private static final TypeReference<RecommendationSummary> SUMMARY = new TypeReference<>() {};

  private final Db db;

  public PgRecommendationStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(RecommendationRun run) {
    AccountId accountId = run.accountId();
    int inserted =
        db.inTransaction(
            "save recommendation run " + run.id(),
            accountId,
            h -> {
              Optional<Previous> previous = previous(h, run);
              RecommendationSummary summary =
                  RecommendationSummary.of(
                      accountId, run, previous.map(Previous::ids).orElse(List.of()));
              int rows =
                  h.createUpdate(
                          db.sql(
                              "insert into {s}.recommendation_run (account_id, run_id,"
                                  + " generated_at, recommendation_count, body, finding_ids,"
                                  + " summary, compared_with) values (:account_id, :run_id,"
                                  + " :generated_at, :count, convert_from(:body, 'UTF8'), :ids,"
                                  + " cast(:summary as jsonb), :compared_with) on conflict"
                                  + " (account_id, run_id) do nothing"))
                      .bind("account_id", accountId.value())
                      .bind("run_id", run.id())
                      .bind("generated_at", PgAccountStore.utc(run.generatedAt()))
                      .bind("count", run.recommendations().size())
                      // sent as UTF-8 bytes: the run is megabytes, and a string would be built,
                      // then encoded
                      .bind("body", Json.writeBytes(run))
                      .bindArray(
                          "ids",
                          String.class,
                          run.recommendations().stream().map(Recommendation::id).toList())
                      .bind("summary", Json.write(summary))
                      .bind("compared_with", previous.map(Previous::runId).orElse(null))
                      .execute();
              if (rows == 1) {
                db.bumpVersion(h, accountId, DataKind.RECOMMENDATIONS);
              }
              return rows;
            });
    if (inserted == 0) {
      throw new CloudeyConfigException(
          "account " + accountId + " already has a recommendation run " + run.id());
    }
  }

  /** The run saved before {@code run} would be compared with: the newest one older than it. */
  private record Previous(String runId, List<String> ids) {}

  private static final String OLDER =
      "(p.generated_at < r.generated_at or (p.generated_at = r.generated_at and p.run_id collate"
          + " \"C\" < r.run_id collate \"C\"))";

  private Optional<Previous> previous(Handle h, RecommendationRun run) {
    // runs saved before V12 have no finding_ids: their ids come from the body
    return h.createQuery(
            db.sql(
                "select p.run_id, coalesce(p.finding_ids, array(select jsonb_array_elements_text("
                    + "jsonb_path_query_array(cast(p.body as jsonb), '$.recommendations[*].id')))) from"
                    + " {s}.recommendation_run p, (select cast(:generated_at as timestamptz) as"
                    + " generated_at, cast(:run_id as text) as run_id) r where p.account_id ="
                    + " :account_id and "
                    + OLDER
                    + " order by p.generated_at desc, p.run_id collate \"C\" desc limit 1"))
        .bind("account_id", run.accountId().value())
        .bind("generated_at", PgAccountStore.utc(run.generatedAt()))
        .bind("run_id", run.id())
        .map(
            (rs, ctx) ->
                new Previous(rs.getString(1), List.of((String[]) rs.getArray(2).getArray())))
        .findOne();
  }

  /**
   * {@inheritDoc} The newest run's stored summary, when it was compared with the run that is now
   * the one before it; otherwise (a run saved before V12, or an older run saved after it) computed
   * from the two runs. A stored summary without {@code supersededCount} was written when {@code
   * countBySeverity} still counted superseded recommendations: it is computed again as well, so the
   * counts agree with the savings total.
   */
  @Override
  public RecommendationSummary summary(AccountId accountId) {
    Optional<String> stored =
        db.read(
            "read recommendation summary",
            accountId,
            h ->
                h.createQuery(
                        db.sql(
                            "select r.summary::text from {s}.recommendation_run r where"
                                + " r.account_id = :account_id and r.summary is not null and (r.summary ->"
                                + " 'supersededCount') is not null and"
                                + " r.compared_with is not distinct from (select p.run_id from"
                                + " {s}.recommendation_run p where p.account_id = r.account_id"
                                + " and "
                                + OLDER
                                + " order by p.generated_at desc, p.run_id collate \"C\" desc"
                                + " limit 1) and not exists (select 1 from"
                                + " {s}.recommendation_run n where n.account_id = r.account_id"
                                + " and (n.generated_at > r.generated_at or (n.generated_at ="
                                + " r.generated_at and n.run_id collate \"C\" > r.run_id collate"
                                + " \"C\")))"))
                    .bind("account_id", accountId.value())
                    .mapTo(String.class)
                    .findOne());
    return stored
        .map(json -> Json.read(json, SUMMARY))
        .orElseGet(() -> RecommendationStore.super.summary(accountId));
  }

  @Override
  public Optional<RecommendationRun> latest(AccountId accountId) {
    return history(accountId, 1).stream().findFirst();
  }

  @Override
  public List<RecommendationRun> history(AccountId accountId, int limit) {
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    return db.read(
        "read recommendation runs",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select body from {s}.recommendation_run where account_id ="
                            + " :account_id order by generated_at desc, run_id collate \"C\" desc"
                            + " limit :limit"))
                .bind("account_id", accountId.value())
                .bind("limit", limit)
                .mapTo(String.class)
                .map(json -> Json.read(json, RUN))
                .list());
  }
}
