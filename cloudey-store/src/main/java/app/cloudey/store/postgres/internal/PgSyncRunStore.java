package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.FailedScope;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import app.cloudey.spi.SyncRunStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Sync run history; counts and failures are JSONB. */
public final class PgSyncRunStore implements SyncRunStore {
  private static final TypeReference<List<SyncCount>> COUNTS = new TypeReference<>() {};
  private static final TypeReference<List<FailedScope>> FAILURES = new TypeReference<>() {};
  private static final String COLUMNS =
      "run_id, kind, state, started_at, finished_at, scopes_total, scopes_completed, counts::text,"
          + " compartments_deleted, resources_deleted_with_compartments, failures::text, error";

  private final Db db;

  public PgSyncRunStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(SyncRun run) {
    db.inTransaction(
        "save sync run " + run.id(),
        run.accountId(),
        h -> {
          h.createUpdate(
                  db.sql(
                      "insert into {s}.sync_run (account_id, run_id, kind, state, started_at,"
                          + " finished_at, scopes_total, scopes_completed, counts,"
                          + " compartments_deleted, resources_deleted_with_compartments, failures,"
                          + " error) values (:account_id, :run_id, :kind, :state, :started_at,"
                          + " :finished_at, :scopes_total, :scopes_completed, cast(:counts as"
                          + " jsonb), :compartments_deleted, :resources_deleted_with_compartments,"
                          + " cast(:failures as jsonb), :error) on conflict (account_id, run_id) do"
                          + " update set kind = excluded.kind, state = excluded.state, started_at ="
                          + " excluded.started_at,"
                          + " finished_at = excluded.finished_at, scopes_total ="
                          + " excluded.scopes_total, scopes_completed = excluded.scopes_completed,"
                          + " counts = excluded.counts, compartments_deleted ="
                          + " excluded.compartments_deleted, resources_deleted_with_compartments ="
                          + " excluded.resources_deleted_with_compartments, failures ="
                          + " excluded.failures, error = excluded.error"))
              .bind("account_id", run.accountId().value())
              .bind("run_id", run.id())
              .bind("kind", run.kind().name())
              .bind("state", run.state().name())
              .bind("started_at", PgAccountStore.utc(run.startedAt()))
              .bind(
                  "finished_at",
                  run.finishedAt() == null ? null : PgAccountStore.utc(run.finishedAt()))
              .bind("scopes_total", run.scopesTotal())
              .bind("scopes_completed", run.scopesCompleted())
              .bind("counts", Json.write(run.counts()))
              .bind("compartments_deleted", run.compartmentsDeleted())
              .bind("resources_deleted_with_compartments", run.resourcesDeletedWithCompartments())
              .bind("failures", Json.write(run.failures()))
              .bind("error", run.error())
              .execute();
          return null;
        });
  }

  @Override
  public Optional<SyncRun> find(AccountId accountId, String runId) {
    return db.read(
        "read sync run " + runId,
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + COLUMNS
                            + " from {s}.sync_run where account_id = :account_id and run_id ="
                            + " :run_id"))
                .bind("account_id", accountId.value())
                .bind("run_id", runId)
                .map((rs, ctx) -> run(accountId, rs))
                .findOne());
  }

  @Override
  public List<SyncRun> recent(AccountId accountId, int limit) {
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    return db.read(
        "read recent sync runs",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + COLUMNS
                            + " from {s}.sync_run where account_id = :account_id order by"
                            + " started_at desc, run_id collate \"C\" desc limit :limit"))
                .bind("account_id", accountId.value())
                .bind("limit", limit)
                .map((rs, ctx) -> run(accountId, rs))
                .list());
  }

  @Override
  public int abandonUnfinished(AccountId accountId, Instant foundAt, String reason) {
    return db.inTransaction(
        "abandon unfinished sync runs",
        accountId,
        h -> {
          // sync runs are bookkeeping, not queried data: no data version moves
          return h.createUpdate(
                  db.sql(
                      "update {s}.sync_run set state = 'ABANDONED', finished_at ="
                          + " greatest(started_at, :found_at), error = :reason where"
                          + " account_id = :account_id and state = 'RUNNING'"))
              .bind("found_at", PgAccountStore.utc(foundAt))
              .bind("reason", reason)
              .bind("account_id", accountId.value())
              .execute();
        });
  }

  @Override
  public int deleteBefore(AccountId accountId, Instant cutoff) {
    return db.inTransaction(
        "apply sync run retention",
        accountId,
        h -> {
          int deleted =
              h.createUpdate(
                      db.sql(
                          "delete from {s}.sync_run where account_id = :account_id and"
                              + " state <> 'RUNNING' and started_at < :cutoff"))
                  .bind("account_id", accountId.value())
                  .bind("cutoff", PgAccountStore.utc(cutoff))
                  .execute();
          return deleted;
        });
  }

  private static SyncRun run(AccountId accountId, ResultSet rs) throws SQLException {
    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new SyncRun(
        rs.getString("run_id"),
        accountId,
        SyncKind.valueOf(rs.getString("kind")),
        SyncState.valueOf(rs.getString("state")),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(),
        rs.getInt("scopes_total"),
        rs.getInt("scopes_completed"),
        Json.read(rs.getString("counts"), COUNTS),
        rs.getInt("compartments_deleted"),
        rs.getInt("resources_deleted_with_compartments"),
        Json.read(rs.getString("failures"), FAILURES),
        rs.getString("error"));
  }
}
