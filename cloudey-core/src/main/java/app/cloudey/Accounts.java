package app.cloudey;

import app.cloudey.internal.QueryCache;
import app.cloudey.internal.Runtime;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.spi.AccountProfile;
import app.cloudey.spi.CloudeyStore;
import java.util.List;
import java.util.Optional;

/**
 * Registers and manages the cloud accounts a {@link Cloudey} serves. Credentials are validated by
 * their provider before they are stored, kept by the store (encrypted by stores that can) and never
 * returned. Thread-safe.
 */
public final class Accounts {
  private final Runtime runtime;
  private final QueryCache cache;

  Accounts(Runtime runtime, QueryCache cache) {
    this.runtime = runtime;
    this.cache = cache;
  }

  /**
   * Validates the credentials with their provider and registers the account, named after what the
   * provider reports (e.g. the tenancy).
   *
   * @throws CloudeyConfigException malformed credentials, unknown provider or an id already taken
   * @throws app.cloudey.CloudeyAuthException the provider refused the credentials
   */
  public Account add(AccountId id, Credentials credentials) {
    return add(id, null, credentials);
  }

  /** As {@link #add(AccountId, Credentials)} with a display name of your choice. */
  public Account add(
      AccountId id,
      @org.jspecify.annotations.Nullable String displayName,
      Credentials credentials) {
    if (id == null || credentials == null) {
      throw new CloudeyConfigException("account id and credentials are required");
    }
    if (runtime.store().accounts().find(id).isPresent()) {
      throw new CloudeyConfigException(
          "account '" + id + "' is already registered; use updateCredentials or remove it first");
    }
    AccountProfile profile = runtime.provider(credentials.provider()).validate(credentials);
    Account account =
        new Account(
            id,
            credentials.provider(),
            displayName == null || displayName.isBlank() ? profile.suggestedName() : displayName,
            profile.homeRegion(),
            runtime.clock().instant());
    runtime.store().accounts().add(account, credentials);
    return account;
  }

  /**
   * Validates and replaces an account's credentials; its open connection is reopened on next use.
   */
  public void updateCredentials(AccountId id, Credentials credentials) {
    Account account = runtime.account(id);
    if (!account.provider().equals(credentials.provider())) {
      throw new CloudeyConfigException(
          "account '"
              + id
              + "' uses provider "
              + account.provider()
              + ", not "
              + credentials.provider());
    }
    runtime.provider(credentials.provider()).validate(credentials);
    runtime.store().accounts().updateCredentials(id, credentials);
    runtime.disconnect(id);
  }

  public Optional<Account> find(AccountId id) {
    return runtime.store().accounts().find(id);
  }

  /** Every account, ordered by id. */
  public List<Account> list() {
    return runtime.store().accounts().list();
  }

  /**
   * Deletes the account and all its data; false when it did not exist. Waits for a running sync or
   * refresh of the account (its lock), so none can write again after the delete.
   */
  public boolean remove(AccountId id) {
    try (CloudeyStore.AccountLock lock =
        runtime.store().lock(id, runtime.settings().lockTimeout())) {
      runtime.disconnect(id);
      boolean removed = runtime.store().accounts().delete(id);
      cache.evict(id);
      return removed;
    }
  }
}
