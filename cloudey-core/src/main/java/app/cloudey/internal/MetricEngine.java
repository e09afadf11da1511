package app.cloudey.internal;

import app.cloudey.MetricSyncResult;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobProgress;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.MetricSource;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Metric sync (source → store in batches) and reads, with per-account retention. */
public final class MetricEngine {
  private static final int BATCH = 1_000;
  private final Runtime runtime;

  public MetricEngine(Runtime runtime) {
    this.runtime = runtime;
  }

  /**
   * Fetches daily aggregates of every live resource that has metrics, applies retention and has the
   * store refresh the summaries of the advisor's window ({@link
   * app.cloudey.spi.MetricStore#refreshSummaries}). Holds the account's lock, like inventory sync
   * and cost refresh, so a removal of the account waits for it and no metric row outlives the
   * account.
   */
  public MetricSyncResult sync(AccountId accountId, Period window) {
    return sync(accountId, window, JobControl.NONE);
  }

  /**
   * {@link #sync(AccountId, Period)} for a job: a cancelled job stops before fetching the next
   * batch (the batches stored stay, retention is not applied) with {@link JobCancelledException}.
   */
  public MetricSyncResult sync(AccountId accountId, Period window, JobControl control) {
    try (CloudeyStore.AccountLock lock = runtime.lockAccount(accountId);
        // leased until the stream is drained: never closed idle under a running fetch
        Runtime.Lease lease = runtime.lease(accountId)) {
      return syncLocked(accountId, window, control, lease.connection().metrics());
    }
  }

  private MetricSyncResult syncLocked(
      AccountId accountId, Period window, JobControl control, MetricSource source) {
    control.stopIfCancelled();
    List<Resource> resources =
        runtime.store().inventory().resources(accountId, ResourceFilter.ALL).stream()
            .filter(r -> !source.metricsFor(r.type()).isEmpty())
            .toList();
    long stored = 0;
    long missing = 0;
    List<MetricDaily> batch = new ArrayList<>(BATCH);
    java.util.concurrent.atomic.AtomicInteger failed =
        new java.util.concurrent.atomic.AtomicInteger();
    try (Stream<MetricDaily> daily =
        source.fetchDaily(resources, window, failure -> failed.incrementAndGet())) {
      for (var it = daily.iterator(); it.hasNext(); ) {
        MetricDaily day = it.next();
        missing += day.isMissing() ? 1 : 0;
        batch.add(day);
        if (batch.size() == BATCH) {
          runtime.store().metrics().upsert(accountId, batch);
          stored += batch.size();
          batch.clear();
          control.progress(new JobProgress(stored / BATCH, 0, stored));
          control.stopIfCancelled();
        }
      }
    }
    if (!batch.isEmpty()) {
      runtime.store().metrics().upsert(accountId, batch);
      stored += batch.size();
      control.progress(new JobProgress((stored + BATCH - 1) / BATCH, 0, stored));
    }
    int retentionDays = runtime.settings().metricRetentionDays();
    int expired =
        runtime
            .store()
            .metrics()
            .deleteBefore(accountId, Period.today(runtime.clock()).minusDays(retentionDays));
    // the advisor reads summaries of its window: kept ready while the metrics are still
    runtime.keepReadyForAdvisor(
        accountId,
        "metric summaries",
        () -> runtime.store().metrics().refreshSummaries(accountId, runtime.advisorMetricWindow()));
    return new MetricSyncResult(
        accountId, window, resources.size(), stored, missing, expired, failed.get());
  }

  public List<MetricDaily> daily(AccountId accountId, MetricQuery query) {
    return runtime.store().metrics().daily(accountId, query);
  }
}
