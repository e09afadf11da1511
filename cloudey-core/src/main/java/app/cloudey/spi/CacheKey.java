package app.cloudey.spi;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import java.util.regex.Pattern;

/**
 * Key of a cached query result. The store's identity and the account's data version are part of the
 * key: deployments sharing one cache (one Redis) never read each other's entries, even for the same
 * account id at the same version, and a write that changes the data makes older entries unreachable
 * without explicit invalidation.
 *
 * @param storeId the {@link CloudeyStore#storeId() identity} of the store the result was computed
 *     from: 1 to 64 characters from {@code [A-Za-z0-9._-]}, starting with a letter or digit (safe
 *     in a Redis key and a {@code SCAN} pattern)
 * @param accountId account the result belongs to
 * @param dataVersion the account's version of the kind of data the query reads ({@link
 *     CloudeyStore#dataVersion}) when computed
 * @param query a canonical description of the query (caches may hash it)
 */
public record CacheKey(String storeId, AccountId accountId, long dataVersion, String query) {
  private static final Pattern STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public CacheKey {
    if (storeId == null || !STORE_ID.matcher(storeId).matches()) {
      throw new CloudeyConfigException(
          "storeId '"
              + storeId
              + "' is invalid: use 1-64 characters from [A-Za-z0-9._-], starting with a letter or"
              + " digit (a store's storeId() must return such an id, e.g. a UUID)");
    }
    if (accountId == null) {
      throw new CloudeyConfigException("accountId must not be null");
    }
    if (query == null || query.isBlank()) {
      throw new CloudeyConfigException("query must not be null or blank");
    }
  }
}
