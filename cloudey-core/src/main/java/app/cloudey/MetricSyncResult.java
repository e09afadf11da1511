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
 */
public record MetricSyncResult(
    AccountId accountId, Period window, int resources, long stored, long missing, int expired) {}
