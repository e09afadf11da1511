package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.FailedScope;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import java.time.Duration;

/**
 * Progress and telemetry events, every method a no-op by default. Called synchronously from
 * Cloudey's worker threads, so implementations must be thread-safe and quick; an exception thrown
 * by a listener is caught and ignored.
 */
public interface CloudeyListener {

  /**
   * One listener that passes every event to each of {@code listeners} in order; one that throws is
   * logged at debug and skipped, never disturbing the work it observes.
   */
  static CloudeyListener composite(java.util.List<CloudeyListener> listeners) {
    return new app.cloudey.internal.CompositeListener(listeners);
  }

  CloudeyListener NOOP = new CloudeyListener() {};

  default void syncStarted(AccountId accountId, SyncKind kind, String runId) {}

  /** A scope was listed and written; {@code done} of {@code total} scopes have ended. */
  default void scopeCompleted(
      AccountId accountId, String runId, Scope scope, SyncCount count, int done, int total) {}

  /** A scope failed; its stored resources were left untouched. */
  default void scopeFailed(
      AccountId accountId, String runId, FailedScope failure, int done, int total) {}

  default void syncFinished(SyncRun run) {}

  default void costsIngested(IngestResult result) {}

  default void monthClosed(ClosedMonth month) {}

  /** A provider API call ended ({@code status} -1 when there was no response). */
  default void apiCall(String provider, String operation, int status, Duration latency) {}

  /** A provider call is about to be retried. */
  default void retry(String provider, String operation, int attempt, Throwable cause) {}

  default void cacheHit(CacheKey key) {}

  default void cacheMiss(CacheKey key) {}

  /** The cache failed; the read fell through to the store. */
  default void cacheError(String operation, Throwable error) {}

  default void ruleEvaluated(
      AccountId accountId, String ruleId, int recommendations, Duration took) {}
}
