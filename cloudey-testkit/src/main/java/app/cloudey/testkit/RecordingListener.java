package app.cloudey.testkit;

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
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CloudeyListener} that records every event, in order, for assertions.
 *
 * <p>Thread-safe: Cloudey calls listeners from its worker threads; events are appended under a lock
 * and every accessor returns an immutable snapshot. {@link #clear()} forgets what was recorded.
 *
 * <pre>{@code
 * RecordingListener events = new RecordingListener();
 * Cloudey cloudey = Cloudey.builder().listener(events)...build();
 * cloudey.costs().query(query);
 * cloudey.costs().query(query);
 * assertThat(events.cacheMisses()).isEqualTo(1);
 * assertThat(events.cacheHits()).isEqualTo(1);
 * }</pre>
 */
public final class RecordingListener implements CloudeyListener {

  /** One recorded event; switch over the permitted records to inspect it. */
  public sealed interface Event
      permits SyncStarted,
          ScopeCompleted,
          ScopeFailed,
          SyncFinished,
          CostsIngested,
          MonthClosed,
          ApiCall,
          Retry,
          CacheHit,
          CacheMiss,
          CacheError,
          RuleEvaluated {}

  /** {@link CloudeyListener#syncStarted}. */
  public record SyncStarted(AccountId accountId, SyncKind kind, String runId) implements Event {}

  /** {@link CloudeyListener#scopeCompleted}. */
  public record ScopeCompleted(
      AccountId accountId, String runId, Scope scope, SyncCount count, int done, int total)
      implements Event {}

  /** {@link CloudeyListener#scopeFailed}. */
  public record ScopeFailed(
      AccountId accountId, String runId, FailedScope failure, int done, int total)
      implements Event {}

  /** {@link CloudeyListener#syncFinished}. */
  public record SyncFinished(SyncRun run) implements Event {}

  /** {@link CloudeyListener#costsIngested}. */
  public record CostsIngested(IngestResult result) implements Event {}

  /** {@link CloudeyListener#monthClosed}. */
  public record MonthClosed(ClosedMonth month) implements Event {}

  /** {@link CloudeyListener#apiCall}. */
  public record ApiCall(String provider, String operation, int status, Duration latency)
      implements Event {}

  /** {@link CloudeyListener#retry}. */
  public record Retry(String provider, String operation, int attempt, Throwable cause)
      implements Event {}

  /** {@link CloudeyListener#cacheHit}. */
  public record CacheHit(CacheKey key) implements Event {}

  /** {@link CloudeyListener#cacheMiss}. */
  public record CacheMiss(CacheKey key) implements Event {}

  /** {@link CloudeyListener#cacheError}. */
  public record CacheError(String operation, Throwable error) implements Event {}

  /** {@link CloudeyListener#ruleEvaluated}. */
  public record RuleEvaluated(
      AccountId accountId, String ruleId, int recommendations, Duration took) implements Event {}

  private final List<Event> events = new ArrayList<>();

  /** Every event so far, in the order they arrived. */
  public List<Event> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /** The events of one kind, e.g. {@code events(ScopeFailed.class)}, in arrival order. */
  public <E extends Event> List<E> events(Class<E> kind) {
    return events().stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  /** How many events of one kind were recorded. */
  public int count(Class<? extends Event> kind) {
    return (int) events().stream().filter(kind::isInstance).count();
  }

  public int cacheHits() {
    return count(CacheHit.class);
  }

  public int cacheMisses() {
    return count(CacheMiss.class);
  }

  public int cacheErrors() {
    return count(CacheError.class);
  }

  public int apiCalls() {
    return count(ApiCall.class);
  }

  public int retries() {
    return count(Retry.class);
  }

  public int scopesCompleted() {
    return count(ScopeCompleted.class);
  }

  public int scopesFailed() {
    return count(ScopeFailed.class);
  }

  /** The runs reported finished, in order. */
  public List<SyncRun> finishedRuns() {
    return events(SyncFinished.class).stream().map(SyncFinished::run).toList();
  }

  /** The ingests reported, in order. */
  public List<IngestResult> ingests() {
    return events(CostsIngested.class).stream().map(CostsIngested::result).toList();
  }

  /** The month closes reported, in order. */
  public List<ClosedMonth> closedMonths() {
    return events(MonthClosed.class).stream().map(MonthClosed::month).toList();
  }

  /** Forgets every recorded event. */
  public void clear() {
    synchronized (events) {
      events.clear();
    }
  }

  private void record(Event event) {
    synchronized (events) {
      events.add(event);
    }
  }

  @Override
  public void syncStarted(AccountId accountId, SyncKind kind, String runId) {
    record(new SyncStarted(accountId, kind, runId));
  }

  @Override
  public void scopeCompleted(
      AccountId accountId, String runId, Scope scope, SyncCount count, int done, int total) {
    record(new ScopeCompleted(accountId, runId, scope, count, done, total));
  }

  @Override
  public void scopeFailed(
      AccountId accountId, String runId, FailedScope failure, int done, int total) {
    record(new ScopeFailed(accountId, runId, failure, done, total));
  }

  @Override
  public void syncFinished(SyncRun run) {
    record(new SyncFinished(run));
  }

  @Override
  public void costsIngested(IngestResult result) {
    record(new CostsIngested(result));
  }

  @Override
  public void monthClosed(ClosedMonth month) {
    record(new MonthClosed(month));
  }

  @Override
  public void apiCall(String provider, String operation, int status, Duration latency) {
    record(new ApiCall(provider, operation, status, latency));
  }

  @Override
  public void retry(String provider, String operation, int attempt, Throwable cause) {
    record(new Retry(provider, operation, attempt, cause));
  }

  @Override
  public void cacheHit(CacheKey key) {
    record(new CacheHit(key));
  }

  @Override
  public void cacheMiss(CacheKey key) {
    record(new CacheMiss(key));
  }

  @Override
  public void cacheError(String operation, Throwable error) {
    record(new CacheError(operation, error));
  }

  @Override
  public void ruleEvaluated(
      AccountId accountId, String ruleId, int recommendations, Duration took) {
    record(new RuleEvaluated(accountId, ruleId, recommendations, took));
  }

  @Override
  public String toString() {
    return "RecordingListener" + events();
  }
}
