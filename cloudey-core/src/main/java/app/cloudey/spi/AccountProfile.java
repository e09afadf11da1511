package app.cloudey.spi;

import app.cloudey.CloudeyConfigException;

/**
 * What a provider knows about the account that credentials reach: either read from the credentials
 * alone ({@link CloudProvider#describe}) or confirmed by the provider ({@link
 * CloudProvider#validate}).
 *
 * @param tenancy the provider's stable id of the tenancy (billing account) the credentials reach,
 *     e.g. the tenancy OCID; two credentials with equal tenancies reach the same data
 * @param homeRegion the account's home region
 * @param suggestedName a display name, e.g. the tenancy name or OCID
 */
public record AccountProfile(String tenancy, String homeRegion, String suggestedName) {
  public AccountProfile {
    if (tenancy == null || tenancy.isBlank()) {
      throw new CloudeyConfigException("tenancy must not be null or blank");
    }
    if (homeRegion == null || homeRegion.isBlank()) {
      throw new CloudeyConfigException("homeRegion must not be null or blank");
    }
    if (suggestedName == null || suggestedName.isBlank()) {
      throw new CloudeyConfigException("suggestedName must not be null or blank");
    }
  }
}
