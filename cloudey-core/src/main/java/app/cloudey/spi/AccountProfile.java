package app.cloudey.spi;

import app.cloudey.CloudeyConfigException;

/**
 * What a provider learns from validated credentials.
 *
 * @param homeRegion the account's home region
 * @param suggestedName a display name, e.g. the tenancy name or OCID
 */
public record AccountProfile(String homeRegion, String suggestedName) {
  public AccountProfile {
    if (homeRegion == null || homeRegion.isBlank()) {
      throw new CloudeyConfigException("homeRegion must not be null or blank");
    }
    if (suggestedName == null || suggestedName.isBlank()) {
      throw new CloudeyConfigException("suggestedName must not be null or blank");
    }
  }
}
