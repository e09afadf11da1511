package app.cloudey;

import app.cloudey.internal.JobExecution;
import app.cloudey.internal.JobRunner;
import app.cloudey.internal.MetricEngine;
import app.cloudey.internal.Runtime;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobState;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.PeriodSpec;
import app.cloudey.spi.JobListener;
import java.util.List;
import java.util.Map;

/** One account's utilisation metrics as daily aggregates. Thread-safe. */
public final class Metrics {
  private final Runtime runtime;
  private final AccountId accountId;
  private final MetricEngine engine;
  private final JobRunner jobs;

  Metrics(Runtime runtime, AccountId accountId, MetricEngine engine, JobRunner jobs) {
    this.runtime = runtime;
    this.accountId = accountId;
    this.engine = engine;
    this.jobs = jobs;
  }

  /** {@link #sync()} as a background job; its result is the {@link MetricSyncResult}. */
  public Job syncAsync() {
    return syncAsync(JobListener.NOOP);
  }

  /**
   * {@link #sync()} as a background job followed by {@code listener}; progress counts stored
   * batches and metric days. Cancelling it fetches no further batch; retention is not applied.
   */
  public Job syncAsync(JobListener listener) {
    return syncAsync(Period.lastDays(runtime.settings().metricLookbackDays()), listener);
  }

  /**
   * {@link #sync(PeriodSpec)} over {@code window} as a background job followed by {@code listener};
   * a relative window is resolved on Cloudey's clock when the job starts.
   */
  public Job syncAsync(PeriodSpec window, JobListener listener) {
    return new Job(
        jobs.submit(
            accountId,
            JobKind.METRIC_SYNC,
            listener,
            control -> {
              MetricSyncResult result =
                  engine.sync(accountId, window.resolve(runtime.clock()), control);
              return new JobExecution.Outcome(
                  JobState.SUCCEEDED,
                  result,
                  Map.of(
                      "resources", String.valueOf(result.resources()),
                      "stored", String.valueOf(result.stored()),
                      "missing", String.valueOf(result.missing()),
                      "expired", String.valueOf(result.expired())));
            }));
  }

  /** Syncs the default look-back window (the builder's {@code metricLookbackDays}). */
  public MetricSyncResult sync() {
    return sync(Period.lastDays(runtime.settings().metricLookbackDays()));
  }

  /**
   * Syncs daily aggregates of every live resource with metrics over the window; a relative window
   * such as {@code Period.lastDays(7)} is resolved on Cloudey's clock. Runs under the account's
   * lock, so it waits for (and makes wait) the account's inventory sync, cost refresh, month close
   * and removal.
   *
   * @throws CloudeyNotFoundException when the account is not (or no longer) registered
   */
  public MetricSyncResult sync(PeriodSpec window) {
    return engine.sync(accountId, window.resolve(runtime.clock()));
  }

  public List<MetricDaily> daily(MetricQuery query) {
    return engine.daily(accountId, query);
  }
}
