package app.cloudey.spi;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import java.util.List;
import java.util.Optional;

/**
 * Registered accounts and their credentials. Stores that can encrypt credentials at rest must; no
 * read other than {@link #credentials} returns them.
 */
public interface AccountStore {

  /**
   * Registers a new account.
   *
   * @throws CloudeyConfigException when the id is already registered
   */
  void add(Account account, Credentials credentials);

  Optional<Account> find(AccountId id);

  /** Every registered account, ordered by id. */
  List<Account> list();

  /**
   * The account's credentials, decrypted, for connecting only.
   *
   * @throws CloudeyNotFoundException when the account does not exist
   */
  Credentials credentials(AccountId id);

  /**
   * Replaces the account's credentials.
   *
   * @throws CloudeyNotFoundException when the account does not exist
   */
  void updateCredentials(AccountId id, Credentials credentials);

  /**
   * Replaces the account's credentials with {@code change} applied to the stored ones, in one
   * atomic step: no other update of the account's credentials lands between the read and the write
   * (across processes, for a shared store). For a change that keeps part of what is stored, e.g.
   * new pricing with the stored key, where reading the credentials and then calling {@link
   * #updateCredentials(AccountId, Credentials)} could undo an update made in between. {@code
   * change} may run while the account's credentials are locked: it must be quick and call nothing
   * remote.
   *
   * @return the credentials written
   * @throws CloudeyNotFoundException when the account does not exist
   */
  Credentials updateCredentials(AccountId id, java.util.function.UnaryOperator<Credentials> change);

  /**
   * Replaces the account's display name and home region (e.g. with what the provider reported when
   * its credentials were validated); its id, provider, credentials and data are unchanged.
   *
   * @throws CloudeyNotFoundException when the account does not exist
   * @throws app.cloudey.CloudeyConfigException when a value is blank
   */
  void updateProfile(AccountId id, String displayName, String homeRegion);

  /** Deletes the account and all its data; false when it did not exist. */
  boolean delete(AccountId id);
}
