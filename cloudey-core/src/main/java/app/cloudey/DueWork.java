package app.cloudey;

import app.cloudey.model.AccountId;
import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * One piece of background work for one account and when it is (or becomes) due, on Cloudey's clock.
 * {@link Schedules#due} returns the ones due now, {@link Schedules#plan} the next of every kind;
 * {@link Schedules#run} does one.
 *
 * @param accountId the account
 * @param kind what to do
 * @param month the month to close for {@link WorkKind#MONTH_CLOSE}; null for every other kind
 * @param dueAt when it became or becomes due
 * @param reason why, in words, e.g. {@code "last ran 2026-11-09T03:00:12Z, before the 03:00 UTC run
 *     of 2026-11-10"}
 */
public record DueWork(
    AccountId accountId, WorkKind kind, @Nullable YearMonth month, Instant dueAt, String reason) {

  public DueWork {
    if (accountId == null || kind == null || dueAt == null || reason == null) {
      throw new CloudeyConfigException("accountId, kind, dueAt and reason must not be null");
    }
    if ((kind == WorkKind.MONTH_CLOSE) != (month != null)) {
      throw new CloudeyConfigException(
          "month must be given exactly for MONTH_CLOSE; kind " + kind + ", month " + month);
    }
  }

  /** True when the work is due at {@code now}. */
  public boolean isDueAt(Instant now) {
    return !dueAt.isAfter(now);
  }
}
