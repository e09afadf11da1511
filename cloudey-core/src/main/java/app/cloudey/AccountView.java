package app.cloudey;

import app.cloudey.internal.Runtime;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of one account, for code that must read its data and never change it (the
 * assistant's tools): inventory, cost queries, daily metrics, recommendations and how fresh the
 * data is. It offers no sync, refresh, close or write, and no way to reach another account.
 * Thread-safe; cheap.
 */
public final class AccountView {
  private final CloudeyAccount account;
  private final Runtime runtime;

  AccountView(CloudeyAccount account, Runtime runtime) {
    this.account = account;
    this.runtime = runtime;
  }

  public AccountId id() {
    return account.id();
  }

  public Account account() {
    return account.account();
  }

  /** Cloudey's clock: what "today" is for this account's questions. */
  public Clock clock() {
    return runtime.clock();
  }

  /** Live compartments ordered by path. */
  public List<Compartment> compartments() {
    return account.inventory().compartments();
  }

  /** Matching live resources, ordered by id. */
  public List<Resource> resources(ResourceFilter filter) {
    return account.inventory().resources(filter);
  }

  /** A resource by id, live or deleted. */
  public Optional<Resource> findResource(String resourceId) {
    return account.inventory().find(resourceId);
  }

  /** Sums stored cost lines as the query asks (cached by the account's data version). */
  public CostReport costs(CostQuery query) {
    return account.costs().query(query);
  }

  /** OPEN (current month), SETTLING (past, not yet closed) or CLOSED. */
  public MonthStatus monthStatus(YearMonth month) {
    return account.costs().monthStatus(month);
  }

  /** Stored daily metric aggregates. */
  public List<MetricDaily> metrics(MetricQuery query) {
    return account.metrics().daily(query);
  }

  /** Days of metrics a sync looks back over (the builder's metric look-back). */
  public int metricLookbackDays() {
    return runtime.settings().metricLookbackDays();
  }

  /**
   * Recommendations of the registered rules over the stored data (a new run, stored).
   *
   * @throws CloudeyException when rules failed and none found anything, so that "nothing to save"
   *     is never said of an advisor that could not look
   */
  public List<Recommendation> recommendations() {
    app.cloudey.model.RecommendationRun run = account.recommendations().run();
    if (!run.failures().isEmpty() && run.recommendations().isEmpty()) {
      throw new CloudeyException(run.failureSummary());
    }
    return run.recommendations();
  }

  /** When the last finished sync of the kind ended, if any is on record. */
  public Optional<Instant> lastSync(SyncKind kind) {
    return runtime.store().syncRuns().recent(id(), 50).stream()
        .filter(run -> run.kind() == kind && run.finishedAt() != null)
        .map(SyncRun::finishedAt)
        .findFirst();
  }

  /** When cost lines of the account were last written, if ever. */
  public Optional<Instant> lastCostRefresh() {
    return runtime.store().costs().lastIngestAt(id());
  }
}
