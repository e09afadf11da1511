package app.cloudey;

import app.cloudey.model.AccountId;
import app.cloudey.model.Period;

/**
 * What a metric sync did.
 *
 * @param accountId account
 * @param window days fetched
 * @param resources resources with metrics that were asked for
 * @param stored daily entries written (missing days included)
 * @param missing entries without data (stored as missing, never as 0)
 * @param expired old entries removed by retention
 * @param failedRequests provider requests that failed after retries (OCI: metric batches); their
 *     days are among {@code missing}, and the next sync reads them again. Zero with {@code missing
 *     > 0} means the provider had no data, not that it failed
 */
public record MetricSyncResult(
    AccountId accountId,
    Period window,
    int resources,
    long stored,
    long missing,
    int expired,
    int failedRequests) {

  /** Without failed requests. */
  public MetricSyncResult(
      AccountId accountId, Period window, int resources, long stored, long missing, int expired) {
    this(accountId, window, resources, stored, missing, expired, 0);
  }

  /** Whether some of the missing days are missing because a request failed. */
  public boolean hasFailures() {
    return failedRequests > 0;
  }
}
