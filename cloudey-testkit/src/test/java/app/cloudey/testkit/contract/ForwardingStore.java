package app.cloudey.testkit.contract;

import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.spi.AccountStore;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.CostStore;
import app.cloudey.spi.InventoryStore;
import app.cloudey.spi.MetricStore;
import app.cloudey.spi.SyncRunStore;
import java.time.Duration;

/** A store that forwards to another; broken implementations override one part. */
class ForwardingStore implements CloudeyStore {
  private final CloudeyStore delegate;

  ForwardingStore(CloudeyStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public AccountStore accounts() {
    return delegate.accounts();
  }

  @Override
  public InventoryStore inventory() {
    return delegate.inventory();
  }

  @Override
  public CostStore costs() {
    return delegate.costs();
  }

  @Override
  public MetricStore metrics() {
    return delegate.metrics();
  }

  @Override
  public SyncRunStore syncRuns() {
    return delegate.syncRuns();
  }

  @Override
  public app.cloudey.spi.JobStore jobs() {
    return delegate.jobs();
  }

  @Override
  public AccountLock lock(AccountId accountId, Duration timeout) {
    return delegate.lock(accountId, timeout);
  }

  @Override
  public app.cloudey.spi.RecommendationStore recommendations() {
    return delegate.recommendations();
  }

  @Override
  public long dataVersion(AccountId accountId, DataKind kind) {
    return delegate.dataVersion(accountId, kind);
  }

  @Override
  public String storeId() {
    return delegate.storeId();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
