package app.cloudey.server.internal;

import app.cloudey.CloudeyAccount;
import app.cloudey.Job;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobRecord;
import app.cloudey.model.Period;
import app.cloudey.server.internal.Api.Access;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Routes that start background jobs (202 with the job id) and the job's views: state from the store
 * (so any instance answers), progress as SSE, cancel.
 */
public final class JobRoutes {
  /** How often the event stream re-reads the job's persisted state. */
  static final long POLL_MILLIS = 200;

  /** The event stream sends a keep-alive comment after this much silence. */
  static final long PING_MILLIS = 15_000;

  private JobRoutes() {}

  record Started(String jobId) {}

  record JobView(
      String jobId,
      String kind,
      String state,
      JobProgress progress,
      Map<String, String> result,
      @Nullable String error,
      Instant createdAt,
      @Nullable Instant startedAt,
      @Nullable Instant finishedAt) {
    static JobView of(JobRecord r) {
      return new JobView(
          r.id(),
          r.kind().name(),
          r.state().name(),
          r.progress(),
          r.result(),
          r.error(),
          r.createdAt(),
          r.startedAt(),
          r.finishedAt());
    }
  }

  public static void register(Api api, Services s) {
    api.tag("jobs");
    api.post(
        "/sync/{user_id}",
        Access.OWNER,
        "Start an inventory sync job",
        202,
        (ctx, user) -> start(ctx, s, s.account(user), a -> a.inventory().syncAsync()));
    api.post(
        "/costs/refresh/{user_id}",
        Access.OWNER,
        "Start a cost refresh of the last N months and this one (?months=N, 1-24, default 1)",
        202,
        (ctx, user) -> {
          int months = Params.intIn(ctx, "months", 1, 1, 24);
          start(ctx, s, s.account(user), a -> a.costs().refreshAsync(Period.lastMonths(months)));
        });
    api.post(
        "/metrics/sync/{user_id}",
        Access.OWNER,
        "Start a metric sync over the last N days (?days=N, 1-90, default 14)",
        202,
        (ctx, user) -> {
          int days = Params.intIn(ctx, "days", 14, 1, 90);
          start(
              ctx,
              s,
              s.account(user),
              a -> a.metrics().syncAsync(Period.lastDays(days), app.cloudey.spi.JobListener.NOOP));
        });
    api.post(
        "/costs/rollover/{user_id}",
        Access.OWNER,
        "Start a month close (?month=YYYY-MM, a past month)",
        202,
        (ctx, user) -> {
          YearMonth month = Params.month(ctx, "month");
          YearMonth current = YearMonth.now(s.cloudey().schedules().clock());
          if (!month.isBefore(current)) {
            throw ApiException.badRequest(
                "invalid_month",
                "only a past month can be closed; " + month + " is not before " + current);
          }
          start(ctx, s, s.account(user), a -> a.costs().closeMonthAsync(month));
        });
    api.get(
        "/jobs/{job_id}",
        Access.USER,
        "A job's state, progress and result (from the store: any instance answers)",
        200,
        (ctx, user) -> ctx.json(JobView.of(find(s, ctx, user))));
    api.get(
        "/jobs/{job_id}/events",
        Access.USER,
        "A job's progress as server-sent events: progress ... then one end event",
        200,
        (ctx, user) -> stream(ctx, s, find(s, ctx, user)));
    api.delete(
        "/jobs/{job_id}",
        Access.USER,
        "Cancel a job through the library's jobs API, whichever instance runs it: 202 with the job"
            + " as now stored (it then ends CANCELLED); 409 job_finished when it already ended, 404"
            + " for an unknown job, 403 for another user's",
        202,
        (ctx, user) -> {
          JobRecord job = find(s, ctx, user);
          if (job.isFinished()) {
            throw new ApiException(
                409, "job_finished", "job " + job.id() + " already ended " + job.state());
          }
          // through the library: a job of this instance stops at once, one of another instance
          // is flagged in the store and stops at that instance's next heartbeat
          JobRecord now =
              s.cloudey()
                  .jobs()
                  .cancel(job.id())
                  .orElseThrow(() -> ApiException.notFound("no job " + job.id()));
          ctx.status(202).json(JobView.of(now));
        });
  }

  static void start(
      Context ctx, Services s, CloudeyAccount account, Function<CloudeyAccount, Job> starter) {
    Job job = starter.apply(account);
    ctx.status(202).header("Location", "/jobs/" + job.id()).json(new Started(job.id()));
  }

  /** The caller's job; 404 for an unknown job, 403 for another user's. */
  static JobRecord find(Services s, Context ctx, User user) {
    String id = ctx.pathParam("job_id");
    if (id.length() > 100) {
      throw ApiException.notFound("no job " + Auth.clip(id));
    }
    JobRecord job =
        s.cloudey()
            .jobs()
            .find(id)
            .orElseThrow(() -> ApiException.notFound("no job " + Auth.clip(id)));
    if (!job.accountId().equals(user.accountId())) {
      throw new ApiException(403, "forbidden", "job " + job.id() + " is not yours");
    }
    return job;
  }

  /**
   * Sends {@code progress} whenever the persisted record changes, then {@code end} with the final
   * record, and closes. Polling the store makes it work for jobs of any instance.
   */
  static void stream(Context ctx, Services s, JobRecord first) throws InterruptedException {
    SseWriter sse = new SseWriter(ctx);
    JobRecord last = null;
    JobRecord now = first;
    long quietSince = System.currentTimeMillis();
    try {
      while (true) {
        if (!Objects.equals(now, last)) {
          sse.send(now.isFinished() ? "end" : "progress", JobView.of(now));
          last = now;
          quietSince = System.currentTimeMillis();
          if (now.isFinished()) {
            return;
          }
        } else if (System.currentTimeMillis() - quietSince > PING_MILLIS) {
          sse.ping();
          quietSince = System.currentTimeMillis();
        }
        Thread.sleep(POLL_MILLIS);
        String id = now.id();
        now = s.cloudey().jobs().find(id).orElse(now);
      }
    } catch (UncheckedIOException gone) {
      // the client closed the stream; the job goes on
    }
  }
}
