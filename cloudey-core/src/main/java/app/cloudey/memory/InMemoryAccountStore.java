package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.spi.AccountStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Accounts and their credentials, kept as given: nothing is encrypted, and nothing outlives the
 * JVM. Deleting an account also clears its data in the other stores of the same {@link
 * InMemoryStore}.
 */
final class InMemoryAccountStore implements AccountStore {
  private final Tenants tenants;
  private final ConcurrentMap<AccountId, Registered> accounts = new ConcurrentHashMap<>();
  private final List<AccountDataOwner> dataOwners;

  /** A store holding per-account data that {@link #delete} must clear. */
  interface AccountDataOwner {
    /** Drops every row of the account; called under the account's write lock. */
    void clear(AccountId accountId);
  }

  InMemoryAccountStore(Tenants tenants, List<AccountDataOwner> dataOwners) {
    this.tenants = tenants;
    this.dataOwners = List.copyOf(dataOwners);
  }

  @Override
  public void add(@Nullable Account account, @Nullable Credentials credentials) {
    Check.notNull(account, "account");
    Check.notNull(credentials, "credentials");
    tenants.write(
        account.id(),
        () -> {
          if (accounts.containsKey(account.id())) {
            throw new CloudeyConfigException(
                "account '"
                    + account.id()
                    + "' is already registered: use updateCredentials to change its credentials,"
                    + " or another id");
          }
          accounts.put(account.id(), new Registered(account, credentials));
          return null;
        });
  }

  @Override
  public Optional<Account> find(@Nullable AccountId id) {
    Check.notNull(id, "accountId");
    return Optional.ofNullable(accounts.get(id)).map(Registered::account);
  }

  @Override
  public List<Account> list() {
    return accounts.values().stream()
        .map(Registered::account)
        .sorted(Comparator.comparing(Account::id))
        .toList();
  }

  @Override
  public Credentials credentials(@Nullable AccountId id) {
    Check.notNull(id, "accountId");
    Registered registered = accounts.get(id);
    if (registered == null) {
      throw notFound(id);
    }
    return registered.credentials();
  }

  @Override
  public void updateCredentials(@Nullable AccountId id, @Nullable Credentials credentials) {
    Check.notNull(credentials, "credentials");
    replace(id, registered -> new Registered(registered.account(), credentials));
  }

  @Override
  public Credentials updateCredentials(
      @Nullable AccountId id, @Nullable UnaryOperator<Credentials> change) {
    Check.notNull(change, "change");
    Credentials[] written = new Credentials[1];
    // under the account's write lock, like every write of it
    replace(
        id,
        registered -> {
          written[0] = Check.notNull(change.apply(registered.credentials()), "changed credentials");
          return new Registered(registered.account(), written[0]);
        });
    return written[0];
  }

  @Override
  public void updateProfile(
      @Nullable AccountId id, @Nullable String displayName, @Nullable String homeRegion) {
    replace(
        id,
        registered -> {
          Account old = registered.account();
          return new Registered(
              new Account(old.id(), old.provider(), displayName, homeRegion, old.createdAt()),
              registered.credentials());
        });
  }

  /** Replaces a registered account's entry as a write of that account. */
  private void replace(@Nullable AccountId id, UnaryOperator<Registered> change) {
    Check.notNull(id, "accountId");
    tenants.write(
        id,
        () -> {
          Registered registered = accounts.get(id);
          if (registered == null) {
            throw notFound(id);
          }
          accounts.put(id, change.apply(registered));
          return null;
        });
  }

  @Override
  public boolean delete(@Nullable AccountId id) {
    Check.notNull(id, "accountId");
    return tenants.deleteAll(
        id,
        () -> {
          boolean existed = accounts.remove(id) != null;
          // data written for an unregistered id is dropped too: delete means "nothing left"
          dataOwners.forEach(owner -> owner.clear(id));
          return existed;
        });
  }

  private static CloudeyNotFoundException notFound(AccountId id) {
    return new CloudeyNotFoundException(
        "account '" + id + "' is not registered: add it first with accounts().add(...)");
  }

  private record Registered(Account account, Credentials credentials) {}
}
