package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.spi.JobStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Background jobs, keyed by id alone; the result summary is JSONB. Saving a job does not bump the
 * account's data version: progress is not data that cached query results depend on.
 */
public final class PgJobStore implements JobStore {
  private static final TypeReference<Map<String, String>> RESULT = new TypeReference<>() {};
  private static final String COLUMNS =
      "job_id, account_id, kind, state, progress_done, progress_total, items_seen, created_at,"
          + " started_at, finished_at, result::text, error, owner, heartbeat_at, cancel_requested";
  private static final String UNFINISHED = "state in ('QUEUED', 'RUNNING')";
  private static final AccountId ANY = AccountId.of("any-account");

  private final Db db;

  public PgJobStore(Db db) {
    this.db = db;
  }

  @Override
  public void save(JobRecord job) {
    db.inTransaction(
        "save job " + job.id(),
        job.accountId(),
        h -> {
          int written =
              h.createUpdate(
                      db.sql(
                          "insert into {s}.job as j (account_id, job_id, kind, state,"
                              + " progress_done, progress_total, items_seen, created_at,"
                              + " started_at, finished_at, result, error, owner, heartbeat_at,"
                              + " cancel_requested) values (:account_id, :job_id, :kind, :state,"
                              + " :done, :total, :seen, :created_at, :started_at, :finished_at,"
                              + " cast(:result as jsonb), :error, :owner, :heartbeat_at,"
                              + " :cancel_requested) on conflict (job_id) do update set kind ="
                              + " excluded.kind, state = excluded.state, progress_done ="
                              + " excluded.progress_done, progress_total ="
                              + " excluded.progress_total, items_seen = excluded.items_seen,"
                              + " created_at = excluded.created_at, started_at ="
                              + " excluded.started_at, finished_at = excluded.finished_at,"
                              + " result = excluded.result, error = excluded.error, owner ="
                              + " excluded.owner, heartbeat_at = excluded.heartbeat_at,"
                              + " cancel_requested = j.cancel_requested or"
                              + " excluded.cancel_requested where j.account_id = :account_id"
                              + " and j."
                              + UNFINISHED))
                  .bind("account_id", job.accountId().value())
                  .bind("job_id", job.id())
                  .bind("kind", job.kind().name())
                  .bind("state", job.state().name())
                  .bind("done", job.progress().done())
                  .bind("total", job.progress().total())
                  .bind("seen", job.progress().itemsSeen())
                  .bind("created_at", PgAccountStore.utc(job.createdAt()))
                  .bind("started_at", utcOrNull(job.startedAt()))
                  .bind("finished_at", utcOrNull(job.finishedAt()))
                  .bind("result", Json.write(job.result()))
                  .bind("error", job.error())
                  .bind("owner", job.owner())
                  .bind("heartbeat_at", PgAccountStore.utc(job.heartbeatAt()))
                  .bind("cancel_requested", job.cancelRequested())
                  .execute();
          if (written == 0) {
            // either the id is another account's job, or the job is final and stays as it is
            boolean ours =
                h.createQuery(
                            db.sql(
                                "select count(*) from {s}.job where account_id = :account_id and"
                                    + " job_id = :job_id"))
                        .bind("account_id", job.accountId().value())
                        .bind("job_id", job.id())
                        .mapTo(Long.class)
                        .one()
                    > 0;
            if (!ours) {
              throw new CloudeyConfigException(
                  "job " + job.id() + " belongs to another account than '" + job.accountId() + "'");
            }
          }
          return written;
        });
  }

  @Override
  public Optional<JobRecord> find(AccountId accountId, String jobId) {
    return db.read(
        "read job " + jobId,
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + COLUMNS
                            + " from {s}.job where account_id = :account_id and job_id = :job_id"))
                .bind("account_id", accountId.value())
                .bind("job_id", jobId)
                .map((rs, ctx) -> job(rs))
                .findOne());
  }

  @Override
  public Optional<JobRecord> find(String jobId) {
    return db.read(
        "read job " + jobId,
        ANY,
        h ->
            h.createQuery(db.sql("select " + COLUMNS + " from {s}.job where job_id = :job_id"))
                .bind("job_id", jobId)
                .map((rs, ctx) -> job(rs))
                .findOne());
  }

  @Override
  public List<JobRecord> recent(AccountId accountId, int limit) {
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    return db.read(
        "read recent jobs",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + COLUMNS
                            + " from {s}.job where account_id = :account_id order by created_at"
                            + " desc, job_id collate \"C\" desc limit :limit"))
                .bind("account_id", accountId.value())
                .bind("limit", limit)
                .map((rs, ctx) -> job(rs))
                .list());
  }

  @Override
  public List<JobRecord> heartbeat(String owner, Collection<String> jobIds, Instant at) {
    if (jobIds.isEmpty()) {
      return List.of();
    }
    return db.inTransaction(
        "save the heartbeat of " + jobIds.size() + " jobs",
        ANY,
        h ->
            h.createQuery(
                    db.sql(
                        "update {s}.job set heartbeat_at = :at where job_id = any(:ids) and owner"
                            + " = :owner and "
                            + UNFINISHED
                            + " returning "
                            + COLUMNS))
                .bind("at", PgAccountStore.utc(at))
                .bindArray("ids", String.class, List.copyOf(jobIds))
                .bind("owner", owner)
                .map((rs, ctx) -> job(rs))
                .list());
  }

  @Override
  public Optional<JobRecord> requestCancel(String jobId) {
    return db.inTransaction(
        "request to cancel job " + jobId,
        ANY,
        h -> {
          h.createUpdate(
                  db.sql(
                      "update {s}.job set cancel_requested = true where job_id = :job_id and "
                          + UNFINISHED))
              .bind("job_id", jobId)
              .execute();
          return h.createQuery(db.sql("select " + COLUMNS + " from {s}.job where job_id = :job_id"))
              .bind("job_id", jobId)
              .map((rs, ctx) -> job(rs))
              .findOne();
        });
  }

  @Override
  public int abandonStale(Instant heartbeatBefore, Instant foundAt, String reason) {
    return db.inTransaction(
        "abandon jobs whose process stopped",
        ANY,
        h ->
            h.createUpdate(
                    db.sql(
                        "update {s}.job set state = 'ABANDONED', finished_at ="
                            + " greatest(created_at, :found_at), result = '{}'::jsonb, error ="
                            + " :reason where "
                            + UNFINISHED
                            + " and heartbeat_at < :before"))
                .bind("found_at", PgAccountStore.utc(foundAt))
                .bind("reason", reason)
                .bind("before", PgAccountStore.utc(heartbeatBefore))
                .execute());
  }

  private static @Nullable OffsetDateTime utcOrNull(@Nullable Instant at) {
    return at == null ? null : PgAccountStore.utc(at);
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  private static JobRecord job(ResultSet rs) throws SQLException {
    return new JobRecord(
        rs.getString("job_id"),
        AccountId.of(rs.getString("account_id")),
        JobKind.valueOf(rs.getString("kind")),
        JobState.valueOf(rs.getString("state")),
        new JobProgress(
            rs.getLong("progress_done"), rs.getLong("progress_total"), rs.getLong("items_seen")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        Json.read(rs.getString("result"), RESULT),
        rs.getString("error"),
        rs.getString("owner"),
        rs.getObject("heartbeat_at", OffsetDateTime.class).toInstant(),
        rs.getBoolean("cancel_requested"));
  }
}
