package app.cloudey.model;

import java.time.Instant;

/**
 * A registered cloud account. It never holds the secret itself: credentials are kept by the {@link
 * app.cloudey.spi.AccountStore} and only handed to the provider when connecting.
 *
 * @param id Cloudey's id for the account
 * @param provider the {@link app.cloudey.spi.CloudProvider#id() provider id}, e.g. {@code "oci"}
 * @param displayName a human name
 * @param homeRegion the provider's home region of the account, e.g. {@code us-ashburn-1}
 * @param createdAt when the account was registered
 */
public record Account(
    AccountId id, String provider, String displayName, String homeRegion, Instant createdAt) {
  public Account {
    Checks.notNull(id, "id");
    Checks.notBlank(provider, "provider");
    Checks.notBlank(displayName, "displayName");
    Checks.notBlank(homeRegion, "homeRegion");
    Checks.notNull(createdAt, "createdAt");
  }
}
