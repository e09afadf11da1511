package app.cloudey;

import app.cloudey.internal.QueryCache;
import app.cloudey.internal.Runtime;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.spi.AccountProfile;
import app.cloudey.spi.CloudConfig;
import app.cloudey.spi.CloudProvider;
import app.cloudey.spi.CloudeyStore;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Registers and manages the cloud accounts a {@link Cloudey} serves. Credentials are validated by
 * their provider before they are stored, kept by the store (encrypted by stores that can) and never
 * returned. Thread-safe.
 *
 * <pre>{@code
 * cloudey.accounts().add("acme", OciConfig.fromFile(path, "ACME")); // one signed call, then stored
 * cloudey.account("acme").inventory().sync();
 * }</pre>
 */
public final class Accounts {
  private final Runtime runtime;
  private final QueryCache cache;

  Accounts(Runtime runtime, QueryCache cache) {
    this.runtime = runtime;
    this.cache = cache;
  }

  /**
   * Validates the configuration with its provider (registered on the builder) and registers the
   * account, named after what the provider reports (e.g. the tenancy).
   *
   * @throws CloudeyConfigException malformed settings, unknown provider or an id already taken
   * @throws CloudeyAuthException the provider refused the credentials
   */
  public Account add(String id, CloudConfig config) {
    return add(AccountId.of(id), config);
  }

  /** As {@link #add(String, CloudConfig)}. */
  public Account add(AccountId id, CloudConfig config) {
    return add(id, null, required(config).credentials());
  }

  /** As {@link #add(String, CloudConfig)}, from credentials. */
  public Account add(String id, Credentials credentials) {
    return add(AccountId.of(id), null, credentials);
  }

  /** As {@link #add(String, CloudConfig)}, from credentials. */
  public Account add(AccountId id, Credentials credentials) {
    return add(id, null, credentials);
  }

  /** As {@link #add(AccountId, Credentials)} with a display name of your choice. */
  public Account add(AccountId id, @Nullable String displayName, Credentials credentials) {
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
   * Checks the account's stored credentials with its provider (OCI: one signed call) and records
   * the name and home region the provider reports.
   *
   * @return the account as now stored
   * @throws CloudeyNotFoundException the account is not registered
   * @throws CloudeyAuthException the provider refused the credentials
   */
  public Account validate(AccountId id) {
    Account account = runtime.account(id);
    Credentials credentials = runtime.store().accounts().credentials(id);
    AccountProfile profile = runtime.provider(account.provider()).validate(credentials);
    if (!profile.suggestedName().equals(account.displayName())
        || !profile.homeRegion().equals(account.homeRegion())) {
      runtime.store().accounts().updateProfile(id, profile.suggestedName(), profile.homeRegion());
    }
    return runtime.account(id);
  }

  /** As {@link #validate(AccountId)}. */
  public Account validate(String id) {
    return validate(AccountId.of(id));
  }

  /**
   * Validates and replaces an account's credentials; its open connection is reopened on next use.
   */
  public void updateCredentials(AccountId id, Credentials credentials) {
    validateFor(id, credentials);
    runtime.store().accounts().updateCredentials(id, credentials);
    runtime.disconnect(id);
  }

  /**
   * Validates {@code credentials} and replaces the account's credentials with {@code merge} applied
   * to the stored ones and them, in one atomic step of the store ({@link
   * app.cloudey.spi.AccountStore#updateCredentials(AccountId, java.util.function.UnaryOperator)}):
   * for settings that travel with the credentials (e.g. an account's pricing) which the new
   * credentials should keep even when another writer changes them meanwhile. {@code merge} gets
   * (stored, new) and must be quick; its result is written unvalidated, so it should only carry
   * such settings over.
   */
  public void updateCredentials(
      AccountId id, Credentials credentials, java.util.function.BinaryOperator<Credentials> merge) {
    validateFor(id, credentials);
    runtime.store().accounts().updateCredentials(id, stored -> merge.apply(stored, credentials));
    runtime.disconnect(id);
  }

  /**
   * Checks that {@code credentials} suit the account's provider and that the provider takes them.
   */
  private void validateFor(AccountId id, Credentials credentials) {
    checkSameProvider(runtime.account(id), credentials);
    runtime.provider(credentials.provider()).validate(credentials);
  }

  /** As {@link #updateCredentials(AccountId, Credentials)}. */
  public void updateCredentials(String id, CloudConfig config) {
    updateCredentials(AccountId.of(id), required(config).credentials());
  }

  public Optional<Account> find(AccountId id) {
    return runtime.store().accounts().find(id);
  }

  public Optional<Account> find(String id) {
    return find(AccountId.of(id));
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

  /** As {@link #remove(AccountId)}. */
  public boolean remove(String id) {
    return remove(AccountId.of(id));
  }

  /**
   * Binds {@code id} to the credentials without calling the provider (the builder's default
   * account): registers it from what the credentials say, or updates the credentials of the same
   * tenancy. An account bound to another tenancy is only replaced, data and all, when {@code
   * replace} is set; otherwise this refuses, so data of two tenancies never mixes under one id.
   */
  void bind(AccountId id, Credentials credentials, boolean replace) {
    CloudProvider provider = runtime.provider(credentials.provider());
    AccountProfile profile = provider.describe(credentials);
    Optional<Account> existing = find(id);
    if (existing.isPresent()) {
      Optional<String> boundTo = tenancyOf(existing.get());
      if (boundTo.isPresent()
          && existing.get().provider().equals(provider.id())
          && boundTo.get().equals(profile.tenancy())) {
        runtime.store().accounts().updateCredentials(id, credentials);
        runtime.disconnect(id);
        return;
      }
      if (!replace) {
        throw new CloudeyConfigException(
            "the store's account '"
                + id
                + "' belongs to "
                + existing.get().provider()
                + " tenancy "
                + boundTo.orElse("(unreadable)")
                + ", but the configuration reaches "
                + provider.id()
                + " tenancy "
                + profile.tenancy()
                + ": Cloudey does not rebind an account's data to another tenancy. Use another"
                + " store, add this tenancy under its own id with cloudey.accounts().add(...), or"
                + " build with .replaceDefaultAccount() to delete account '"
                + id
                + "' and its data first");
      }
      remove(id);
    }
    runtime
        .store()
        .accounts()
        .add(
            new Account(
                id,
                provider.id(),
                profile.suggestedName(),
                profile.homeRegion(),
                runtime.clock().instant()),
            credentials);
  }

  /** The tenancy an account's stored credentials reach, if its provider can still read them. */
  private Optional<String> tenancyOf(Account account) {
    try {
      return Optional.of(
          runtime
              .provider(account.provider())
              .describe(runtime.store().accounts().credentials(account.id()))
              .tenancy());
    } catch (CloudeyConfigException e) {
      return Optional.empty(); // another provider, or settings it no longer accepts
    }
  }

  private void checkSameProvider(Account account, Credentials credentials) {
    if (!account.provider().equals(credentials.provider())) {
      throw new CloudeyConfigException(
          "account '"
              + account.id()
              + "' uses provider "
              + account.provider()
              + ", not "
              + credentials.provider());
    }
  }

  private static CloudConfig required(@Nullable CloudConfig config) {
    if (config == null) {
      throw new CloudeyConfigException("config must not be null");
    }
    return config;
  }
}
