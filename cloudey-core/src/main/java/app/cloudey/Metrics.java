package app.cloudey;

import app.cloudey.internal.MetricEngine;
import app.cloudey.internal.Runtime;
import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.PeriodSpec;
import java.util.List;

/** One account's utilisation metrics as daily aggregates. Thread-safe. */
public final class Metrics {
  private final Runtime runtime;
  private final AccountId accountId;
  private final MetricEngine engine;

  Metrics(Runtime runtime, AccountId accountId, MetricEngine engine) {
    this.runtime = runtime;
    this.accountId = accountId;
    this.engine = engine;
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
