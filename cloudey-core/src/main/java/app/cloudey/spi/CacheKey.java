package app.cloudey.spi;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;

/**
 * Key of a cached query result. The account's data version is part of the key, so every write makes
 * older entries unreachable without explicit invalidation.
 *
 * @param accountId account the result belongs to
 * @param dataVersion the account's data version when computed
 * @param query a canonical description of the query (caches may hash it)
 */
public record CacheKey(AccountId accountId, long dataVersion, String query) {
  public CacheKey {
    if (accountId == null) {
      throw new CloudeyConfigException("accountId must not be null");
    }
    if (query == null || query.isBlank()) {
      throw new CloudeyConfigException("query must not be null or blank");
    }
  }
}
