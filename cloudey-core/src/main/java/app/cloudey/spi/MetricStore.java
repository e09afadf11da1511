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
}
