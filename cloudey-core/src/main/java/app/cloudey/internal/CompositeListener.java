package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.FailedScope;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CacheKey;
import app.cloudey.spi.CloudeyListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to every listener; a throwing listener never disturbs the work it observes. */
public final class CompositeListener implements CloudeyListener {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeListener.class);
  private final List<CloudeyListener> listeners;

  public CompositeListener(List<CloudeyListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  private void each(Consumer<CloudeyListener> event) {
    for (CloudeyListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.debug("listener {} threw; ignored", listener, e);
      }
    }
  }

  @Override
  public void syncStarted(AccountId accountId, SyncKind kind, String runId) {
    each(l -> l.syncStarted(accountId, kind, runId));
  }

  @Override
  public void scopeCompleted(
      AccountId accountId, String runId, Scope scope, SyncCount count, int done, int total) {
    each(l -> l.scopeCompleted(accountId, runId, scope, count, done, total));
  }

  @Override
  public void scopeFailed(
      AccountId accountId, String runId, FailedScope failure, int done, int total) {
    each(l -> l.scopeFailed(accountId, runId, failure, done, total));
  }

  @Override
  public void syncFinished(SyncRun run) {
    each(l -> l.syncFinished(run));
  }

  @Override
  public void costsIngested(IngestResult result) {
    each(l -> l.costsIngested(result));
  }

  @Override
  public void monthClosed(ClosedMonth month) {
    each(l -> l.monthClosed(month));
  }

  @Override
  public void apiCall(String provider, String operation, int status, Duration latency) {
    each(l -> l.apiCall(provider, operation, status, latency));
  }

  @Override
  public void retry(String provider, String operation, int attempt, Throwable cause) {
    each(l -> l.retry(provider, operation, attempt, cause));
  }

  @Override
  public void cacheHit(CacheKey key) {
    each(l -> l.cacheHit(key));
  }

  @Override
  public void cacheMiss(CacheKey key) {
    each(l -> l.cacheMiss(key));
  }

  @Override
  public void cacheError(String operation, Throwable error) {
    each(l -> l.cacheError(operation, error));
  }

  @Override
  public void ruleEvaluated(
      AccountId accountId, String ruleId, int recommendations, Duration took) {
    each(l -> l.ruleEvaluated(accountId, ruleId, recommendations, took));
  }
}
