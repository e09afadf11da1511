package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Stored daily metric aggregates. */
public interface MetricStore {

  /**
   * Inserts or replaces by (resource, metric, day). A missing day never overwrites a day that has
   * data: a later failed fetch must not erase what an earlier one found.
   */
  void upsert(AccountId accountId, Collection<MetricDaily> metrics);

  /** Matching aggregates ordered by resource, metric, day. */
  List<MetricDaily> daily(AccountId accountId, MetricQuery query);

  /** Retention: deletes the account's days before {@code cutoff}; returns how many. */
  int deleteBefore(AccountId accountId, LocalDate cutoff);

  /**
   * Per resource and metric matching {@code query}, a {@link app.cloudey.model.MetricSummary} of
   * its days in {@code query.period()}: one entry for every (resource, metric) that has at least
   * one stored day there (missing days included, so a resource whose fetches all failed is reported
   * with zero coverage rather than left out), in no particular order: the advisor indexes them by
   * resource and metric, and sorting 120k summaries by their long resource ids cost it a tenth of a
   * second a run; sort them if you need an order.
   *
   * <p>What the advisor reads instead of daily rows. The default summarises {@link #daily}; a store
   * may compute it where the data is (PostgreSQL: one grouped query), or read what {@link
   * #refreshSummaries} kept for this exact period while no daily row has changed since.
   */
  default List<app.cloudey.model.MetricSummary> summaries(AccountId accountId, MetricQuery query) {
    java.util.Map<String, java.util.Map<app.cloudey.model.MetricName, List<MetricDaily>>> grouped =
        new java.util.TreeMap<>();
    for (MetricDaily d : daily(accountId, query)) {
      grouped
          .computeIfAbsent(
              d.resourceId(), r -> new java.util.EnumMap<>(app.cloudey.model.MetricName.class))
          .computeIfAbsent(d.metric(), m -> new java.util.ArrayList<>())
          .add(d);
    }
    List<app.cloudey.model.MetricSummary> out = new java.util.ArrayList<>();
    grouped.forEach(
        (resource, byMetric) ->
            byMetric.forEach(
                (metric, days) ->
                    out.add(
                        app.cloudey.model.MetricSummary.of(
                            resource, metric, query.period(), days))));
    return out;
  }

  /**
   * Gets {@link #summaries} of {@code window} ready ahead of the reads, for a store where computing
   * them on read is costly: the metric sync calls it with the advisor's window once it has stored
   * its days and applied retention. It never changes what {@link #summaries} returns, for any
   * query: a store that keeps them serves them only for this window and only until a daily row of
   * the account changes, and computes them as before otherwise. The default does nothing (the
   * summaries are computed on each read).
   */
  default void refreshSummaries(AccountId accountId, app.cloudey.model.Period window) {}
}
