package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Period;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Stored cost lines, their month rollups and month status. */
public interface CostStore {

  /**
   * Replaces the account's lines for exactly the days of {@code days} with {@code lines}, in one
   * transaction, consuming the stream without holding it all in memory. Re-ingesting the same lines
   * changes nothing. Replacing days of a closed month with different lines reopens that month (its
   * rollups are dropped); identical lines leave it closed. If the stream throws, or a line belongs
   * to another account or lies outside {@code days}, nothing is changed.
   */
  IngestResult replaceCostLines(AccountId accountId, Period days, Stream<CostLine> lines);

  /** Sums matching lines grouped by {@code query.groupBy()}, cost descending then key ascending. */
  List<CostRow> aggregate(AccountId accountId, CostQuery query);

  /** The stored lines of the period, ordered by day. The caller closes the stream. */
  Stream<CostLine> lines(AccountId accountId, Period period);

  /** When lines of the account were last written, if ever. */
  Optional<Instant> lastIngestAt(AccountId accountId);

  /**
   * Month close: recomputes the month's rollups (by service, compartment, resource, SKU and region)
   * from its lines and marks it closed, in one transaction. Idempotent; safe to run twice or
   * concurrently; a crash leaves the old or the new state.
   */
  ClosedMonth closeMonth(AccountId accountId, YearMonth month, Instant closedAt);

  /** The month's close record, if it is closed. */
  Optional<ClosedMonth> findClosedMonth(AccountId accountId, YearMonth month);

  /** Rollup rows of a closed month for one dimension, cost descending; empty if not closed. */
  List<CostRow> rollups(AccountId accountId, YearMonth month, CostDimension dimension);
}
