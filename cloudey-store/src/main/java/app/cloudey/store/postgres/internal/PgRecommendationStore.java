package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.RecommendationRun;
import app.cloudey.spi.RecommendationStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;

/**
 * Advisor runs as JSONB snapshots, one row per run. Saving a run inserts it and moves the account's
 * recommendations version in one transaction.
 */
public final class PgRecommendationStore implements RecommendationStore {
  private static final TypeReference<RecommendationRun> RUN = new TypeReference<>() {};

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
              int rows =
                  h.createUpdate(
                          db.sql(
                              "insert into {s}.recommendation_run (account_id, run_id,"
                                  + " generated_at, recommendation_count, body) values"
                                  + " (:account_id, :run_id, :generated_at, :count, cast(:body as"
                                  + " jsonb)) on conflict (account_id, run_id) do nothing"))
                      .bind("account_id", accountId.value())
                      .bind("run_id", run.id())
                      .bind("generated_at", PgAccountStore.utc(run.generatedAt()))
                      .bind("count", run.recommendations().size())
                      .bind("body", Json.write(run))
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
                        "select body::text from {s}.recommendation_run where account_id ="
                            + " :account_id order by generated_at desc, run_id collate \"C\" desc"
                            + " limit :limit"))
                .bind("account_id", accountId.value())
                .bind("limit", limit)
                .mapTo(String.class)
                .map(json -> Json.read(json, RUN))
                .list());
  }
}
