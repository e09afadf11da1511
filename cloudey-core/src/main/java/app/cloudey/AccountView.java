package app.cloudey;

import app.cloudey.internal.Runtime;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostForecast;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Forecast;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.PeriodSpec;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.TopCostRows;
import app.cloudey.model.TopDrivers;
import app.cloudey.spi.PriceBook;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of one account, for code that must read its data and never change it (the
 * assistant's tools): inventory, cost queries and views, unit prices, daily metrics,
 * recommendations and how fresh the data is. It offers no sync, refresh, close or write, and no way
 * to reach another account. Thread-safe; cheap.
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

  /** {@link Costs#queryTop(CostQuery)}. */
  public TopCostRows costsTop(CostQuery query) {
    return account.costs().queryTop(query);
  }

  /** {@link Costs#dashboard()}. */
  public Dashboard dashboard() {
    return account.costs().dashboard();
  }

  /** {@link Costs#detailed()}. */
  public DetailedCosts detailed() {
    return account.costs().detailed();
  }

  /** {@link Costs#trends(CostDimension, int)}. */
  public CostTrends trends(CostDimension dimension, int months) {
    return account.costs().trends(dimension, months);
  }

  /** {@link Costs#topDrivers(PeriodSpec)}. */
  public TopDrivers topDrivers(PeriodSpec period) {
    return account.costs().topDrivers(period);
  }

  /** {@link Costs#forecast(Forecast.Horizon)}. */
  public CostForecast forecast(Forecast.Horizon horizon) {
    return account.costs().forecast(horizon);
  }

  /**
   * The billed cost and usage quantity of each resource and SKU over a period, summed by the store
   * (lines without a resource are not included): what the tenancy's own unit prices are computed
   * from (cost ÷ quantity).
   */
  public List<ResourceSkuCost> resourceCosts(Period period) {
    return runtime.store().costs().resourceCosts(id(), period);
  }

  /**
   * The list prices Cloudey estimates with (the builder's, else the provider's, else an empty
   * book).
   */
  public PriceBook priceBook() {
    return runtime.priceBook();
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
    return runRecommendations().recommendations();
  }

  /**
   * {@link #recommendations()} as the whole run (its total counts each resource once; see {@link
   * RecommendationRun}).
   *
   * @throws CloudeyException when rules failed and none found anything
   */
  public RecommendationRun runRecommendations() {
    RecommendationRun run = account.recommendations().run();
    if (!run.failures().isEmpty() && run.recommendations().isEmpty()) {
      throw new CloudeyException(run.failureSummary());
    }
    return run;
  }

  /** {@link Recommendations#latest()}: the latest stored run, without running the rules. */
  public Optional<RecommendationRun> latestRecommendations() {
    return account.recommendations().latest();
  }

  /** {@link Recommendations#history(int)}: the newest stored runs, newest first. */
  public List<RecommendationRun> recommendationHistory(int n) {
    return account.recommendations().history(n);
  }

  /** {@link Recommendations#summary()}: the latest stored run in brief. */
  public RecommendationSummary recommendationSummary() {
    return account.recommendations().summary();
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
