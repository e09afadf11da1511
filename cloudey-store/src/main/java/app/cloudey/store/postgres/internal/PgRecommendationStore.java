package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.spi.RecommendationStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Advisor runs as JSON snapshots, one row per run and its body in parts (V21). Saving a run inserts
 * it and moves the account's recommendations version in one transaction. Each row also keeps the
 * run's recommendation ids and its {@link RecommendationSummary} against the run before it (V12),
 * so {@link #summary} reads one small document instead of two runs whole.
 */
public final class PgRecommendationStore implements RecommendationStore {
  private static final TypeReference<RecommendationRun> RUN = new TypeReference<>() {};
  private static final TypeReference<RecommendationSummary> SUMMARY = new TypeReference<>() {};

  /**
   * The most bytes of a body per row (V21): PostgreSQL allocates buffers as large as a value afresh
   * on each insert, so a body of tens of megabytes in one value cost page faults by the tens of
   * thousands, and parts of this size almost none.
   */
  private static final int PART_BYTES = 1 << 20;

  /**
   * Results in binary from the first execution: the driver asks for them only once it has prepared
   * the statement on the server (its fifth run), and until then each part of a body comes as hex
   * text, twice its size, for PostgreSQL to encode and the driver to decode.
   */
  private static final StatementCustomizer BINARY =
      new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx)
            throws SQLException {
          statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
      };

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
                                  + " generated_at, recommendation_count, finding_ids, summary,"
                                  + " compared_with) values (:account_id, :run_id, :generated_at,"
                                  + " :count, :ids, cast(:summary as jsonb), :compared_with) on"
                                  + " conflict (account_id, run_id) do nothing"))
                      .bind("account_id", accountId.value())
                      .bind("run_id", run.id())
                      .bind("generated_at", PgAccountStore.utc(run.generatedAt()))
                      .bind("count", run.recommendations().size())
                      .bindArray(
                          "ids",
                          String.class,
                          run.recommendations().stream().map(Recommendation::id).toList())
                      .bind("summary", Json.write(summary))
                      .bind("compared_with", previous.map(Previous::runId).orElse(null))
                      .execute();
              if (rows == 1) {
                saveBody(h, run);
                db.bumpVersion(h, accountId, DataKind.RECOMMENDATIONS);
              }
              return rows;
            });
    if (inserted == 0) {
      throw new CloudeyConfigException(
          "account " + accountId + " already has a recommendation run " + run.id());
    }
  }

  /** The run's JSON as UTF-8 bytes in parts of {@link #PART_BYTES}, one batch. */
  private void saveBody(Handle h, RecommendationRun run) {
    ByteParts body = new ByteParts(PART_BYTES);
    Json.write(run, body);
    PreparedBatch batch =
        h.prepareBatch(
            db.sql(
                "insert into {s}.recommendation_run_part (account_id, run_id, part, bytes) values"
                    + " (:account_id, :run_id, :part, :bytes)"));
    List<byte[]> parts = body.parts();
    for (int i = 0; i < parts.size(); i++) {
      batch
          .bind("account_id", run.accountId().value())
          .bind("run_id", run.id())
          .bind("part", i)
          .bind("bytes", parts.get(i))
          .add();
    }
    batch.execute();
  }

  /** The run saved before {@code run} would be compared with: the newest one older than it. */
  private record Previous(String runId, List<String> ids) {}

  private static final String OLDER =
      "(p.generated_at < r.generated_at or (p.generated_at = r.generated_at and p.run_id collate"
          + " \"C\" < r.run_id collate \"C\"))";

  private Optional<Previous> previous(Handle h, RecommendationRun run) {
    return h.createQuery(
            db.sql(
                // every row has its finding ids: V21 gave them to the runs saved before V12
                "select p.run_id, p.finding_ids from {s}.recommendation_run p, (select cast(:generated_at as timestamptz) as"
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
   * {@inheritDoc} One statement: the newest run's stored summary, when it was compared with the run
   * that is now the one before it; none without a run; otherwise (a run saved before V12, or an
   * older run saved after it) computed from the two runs.
   */
  @Override
  public RecommendationSummary summary(AccountId accountId) {
    // the newest run, if any: its summary when still valid, else null
    Optional<Optional<String>> newest =
        db.read(
            "read recommendation summary",
            accountId,
            h ->
                h.createQuery(
                        db.sql(
                            "select case when r.compared_with is not distinct from (select"
                                + " p.run_id from {s}.recommendation_run p where p.account_id ="
                                + " r.account_id and "
                                + OLDER
                                + " order by p.generated_at desc, p.run_id collate \"C\" desc"
                                + " limit 1) then r.summary::text end from {s}.recommendation_run"
                                + " r where r.account_id = :account_id order by r.generated_at"
                                + " desc, r.run_id collate \"C\" desc limit 1"))
                    .bind("account_id", accountId.value())
                    .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                    .findOne());
    if (newest.isEmpty()) {
      return RecommendationSummary.none(accountId);
    }
    return newest
        .get()
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
    List<RunPart> parts =
        db.read(
            "read recommendation runs",
            accountId,
            h ->
                h.createQuery(
                        db.sql(
                            "with newest as (select run_id, generated_at from"
                                + " {s}.recommendation_run where account_id = :account_id order by"
                                + " generated_at desc, run_id collate \"C\" desc limit :limit)"
                                + " select n.run_id, p.bytes from newest n join"
                                + " {s}.recommendation_run_part p on p.account_id = :account_id and"
                                + " p.run_id = n.run_id order by n.generated_at desc, n.run_id"
                                + " collate \"C\" desc, p.part"))
                    .bind("account_id", accountId.value())
                    .bind("limit", limit)
                    .addCustomizer(BINARY)
                    .map((rs, ctx) -> new RunPart(rs.getString(1), rs.getBytes(2)))
                    .list());
    List<RecommendationRun> runs = new ArrayList<>();
    for (int from = 0; from < parts.size(); ) {
      String runId = parts.get(from).runId();
      List<byte[]> body = new ArrayList<>();
      while (from < parts.size() && parts.get(from).runId().equals(runId)) {
        body.add(parts.get(from++).bytes());
      }
      runs.add(Json.read(ByteParts.joined(body), RUN));
    }
    return runs;
  }

  /** One part of a run's body, as read. */
  private record RunPart(String runId, byte[] bytes) {}
}
