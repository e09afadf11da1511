package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The read-only snapshot an {@link AdvisorRule} evaluates. It holds <em>aggregates computed by the
 * store</em>, never raw cost lines or daily metric rows, so a run over a large tenancy reads a few
 * rows per resource:
 *
 * <ul>
 *   <li>the account's live inventory;
 *   <li>per resource, its billed cost over the trailing {@link #costWindow()} by SKU ({@link
 *       CostStore#resourceCosts}), from which a rule takes monthly figures ({@code cost × 30 / days
 *       of data}, see {@link ResourceCost#monthly()});
 *   <li>cost aggregates of any slice ({@link #costs(CostQuery)}, the store's {@link
 *       CostStore#aggregate}), for account-wide insights;
 *   <li>per resource and metric, a summary over the {@link #metricWindow()} with its data coverage
 *       ({@link MetricStore#summaries}): a resource without data has no summary or a low coverage,
 *       and is never "idle";
 *   <li>the account's billing currency ({@link #billingCurrency()}), so an estimate in another
 *       currency is never used;
 *   <li>the price book, for estimates where no billed cost exists, and the clock.
 * </ul>
 *
 * <p>The engine reads the inventory, the per-resource costs, the metric summaries and the insights'
 * grouped aggregate of the recent months each as one store call, at the same time when the
 * builder's {@code advisorReadConcurrency} is above 1 (by default on machines with more than one
 * processor): each is as consistent as the store makes that call (the per-resource costs of a
 * window come from one state of the store), but the four are not read in one transaction, exactly
 * as when they were read in turn, so a sync or ingest that lands during the snapshot may show in
 * one and not another.
 *
 * <p>A context is one read-only snapshot, used by one run, and thread-safe: the engine evaluates
 * the run's rules at once on the same threads when {@code advisorReadConcurrency} is above 1, and
 * merges their findings in registration order. The engine's implementation indexes the inventory by
 * type and by attachment, answers a repeated {@link #costs(CostQuery)} from the first answer, and
 * answers every unfiltered aggregate by service, region and day (or their total) of last month and
 * this month from one grouped store query, so the insights that all read the recent, still open,
 * months cost one scan of their lines instead of one each. A rule should use {@link
 * #resources(ResourceType)} and {@link #attachedTo(String)} rather than scanning {@link
 * #resources()} once per resource.
 *
 * <p>Options are not part of the context: each rule takes a typed options record with documented
 * defaults when it is constructed.
 */
public interface RuleContext {

  AccountId accountId();

  Clock clock();

  /** Today (UTC) on the advisor's clock. */
  default LocalDate today() {
    return LocalDate.ofInstant(clock().instant(), ZoneOffset.UTC);
  }

  /** Live resources. */
  List<Resource> resources();

  /** Live resources of one type. */
  default List<Resource> resources(ResourceType type) {
    return resources().stream().filter(r -> r.type() == type).toList();
  }

  /**
   * Live resources whose {@link app.cloudey.model.ResourceSpec#attachedTo()} is {@code resourceId}
   * (an instance's boot and block volumes), in {@link #resources()} order.
   */
  default List<Resource> attachedTo(String resourceId) {
    return resources().stream().filter(r -> resourceId.equals(r.spec().attachedTo())).toList();
  }

  /** A live resource by id. */
  Optional<Resource> resource(String id);

  /** The trailing window of {@link #cost}: the 30 days before today. */
  Period costWindow();

  /** The resource's billed cost over {@link #costWindow()}; empty when no line names it. */
  Optional<ResourceCost> cost(String resourceId);

  /**
   * The store's cost aggregate of any slice (for account-wide insights). Within one context the
   * same query gives the same rows.
   */
  List<CostRow> costs(CostQuery query);

  /** The window {@link #metric} summarises (the metric look-back, ending yesterday). */
  Period metricWindow();

  /** The resource's metric over {@link #metricWindow()}; empty when no day is stored. */
  Optional<MetricSummary> metric(String resourceId, MetricName metric);

  /**
   * The list prices the run was configured with (for estimates where no billed cost exists;
   * estimators cite its {@link PriceBook#source()}).
   */
  PriceBook priceBook();

  /**
   * The currency the account is billed in, as its cost lines in the {@link #costWindow()} show (the
   * one billed most); empty when none name a resource. A price in another currency (a USD list
   * price for an account billed in EUR) gives no amount: rules say so rather than convert.
   */
  default Optional<Currency> billingCurrency() {
    return Optional.empty();
  }
}
