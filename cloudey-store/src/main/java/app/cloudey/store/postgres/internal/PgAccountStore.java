package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.spi.AccountStore;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/** Accounts and their credentials; secrets are sealed by {@link CredentialCipher}. */
public final class PgAccountStore implements AccountStore {
  private static final AccountId ALL = AccountId.of("all-accounts");

  private final Db db;
  private final CredentialCipher cipher;

  public PgAccountStore(Db db, CredentialCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  @Override
  public void add(Account account, Credentials credentials) {
    db.inTransaction(
        "register the account",
        account.id(),
        h -> {
          int inserted =
              h.createUpdate(
                      db.sql(
                          "insert into {s}.account (account_id, provider, display_name,"
                              + " home_region, created_at) values (:account_id, :provider,"
                              + " :display_name, :home_region, :created_at)"
                              + " on conflict (account_id) do nothing"))
                  .bind("account_id", account.id().value())
                  .bind("provider", account.provider())
                  .bind("display_name", account.displayName())
                  .bind("home_region", account.homeRegion())
                  .bind("created_at", utc(account.createdAt()))
                  .execute();
          if (inserted == 0) {
            throw new CloudeyConfigException(
                "account '" + account.id() + "' is already registered: choose another id");
          }
          writeCredentials(h, account.id(), credentials);
          return null;
        });
  }

  @Override
  public Optional<Account> find(AccountId id) {
    return db.read(
        "read the account",
        id,
        h ->
            h.createQuery(
                    db.sql(
                        "select account_id, provider, display_name, home_region, created_at"
                            + " from {s}.account where account_id = :account_id"))
                .bind("account_id", id.value())
                .map((rs, ctx) -> account(rs))
                .findOne());
  }

  @Override
  public List<Account> list() {
    // the registry itself is the one read that spans accounts
    return db.read(
        "list accounts",
        ALL,
        h ->
            h.createQuery(
                    db.sql(
                        "select account_id, provider, display_name, home_region, created_at"
                            + " from {s}.account order by account_id collate \"C\""))
                .map((rs, ctx) -> account(rs))
                .list());
  }

  @Override
  public Credentials credentials(AccountId id) {
    Stored stored =
        db.read("read credentials", id, h -> findStored(h, id, false))
            .orElseThrow(() -> notFound(id));
    return open(id, stored);
  }

  /** The stored credentials, their secret properties decrypted. */
  private Credentials open(AccountId id, Stored stored) {
    Map<String, String> properties = new HashMap<>(stored.publicProperties());
    if (stored.ciphertext() != null && stored.keyId() != null) {
      byte[] plain = cipher.open(id, stored.keyId(), stored.ciphertext());
      properties.putAll(Json.stringMap(new String(plain, StandardCharsets.UTF_8)));
      Arrays.fill(plain, (byte) 0);
    }
    return new Credentials(stored.provider(), properties, stored.secretKeys());
  }

  /**
   * {@inheritDoc}
   *
   * <p>One transaction: the credentials row is read {@code for update}, so a concurrent update of
   * the same account waits for this one to commit and then reads what it wrote.
   */
  @Override
  public Credentials updateCredentials(AccountId id, UnaryOperator<Credentials> change) {
    return db.inTransaction(
        "update credentials",
        id,
        h -> {
          Stored stored = findStored(h, id, true).orElseThrow(() -> notFound(id));
          Credentials changed = change.apply(open(id, stored));
          if (changed == null) {
            // as the in-memory store says it, so the contract holds both to one answer
            throw new CloudeyConfigException("changed credentials must not be null");
          }
          writeCredentials(h, id, changed);
          return changed;
        });
  }

  @Override
  public void updateCredentials(AccountId id, Credentials credentials) {
    db.inTransaction(
        "update credentials",
        id,
        h -> {
          boolean exists =
              h.createQuery(
                          db.sql("select count(*) from {s}.account where account_id = :account_id"))
                      .bind("account_id", id.value())
                      .mapTo(Long.class)
                      .one()
                  > 0;
          if (!exists) {
            throw notFound(id);
          }
          writeCredentials(h, id, credentials);
          return null;
        });
  }

  @Override
  public void updateProfile(AccountId id, String displayName, String homeRegion) {
    // the record validates the values before anything is written
    Account checked = new Account(id, "-", displayName, homeRegion, Instant.EPOCH);
    int updated =
        db.read(
            "update the account profile",
            id,
            h ->
                h.createUpdate(
                        db.sql(
                            "update {s}.account set display_name = :name, home_region = :region"
                                + " where account_id = :account_id"))
                    .bind("name", checked.displayName())
                    .bind("region", checked.homeRegion())
                    .bind("account_id", id.value())
                    .execute());
    if (updated == 0) {
      throw notFound(id);
    }
  }

  @Override
  public boolean delete(AccountId id) {
    return db.inTransaction(
        "delete the account",
        id,
        h -> {
          boolean existed =
              h.createUpdate(db.sql("delete from {s}.account where account_id = :account_id"))
                      .bind("account_id", id.value())
                      .execute()
                  > 0;
          // every table of the schema with an account_id column, so tables added later are covered
          List<String> tables =
              h.createQuery(
                      "select table_name from information_schema.columns where table_schema ="
                          + " :schema and column_name = 'account_id' order by table_name")
                  .bind("schema", db.schema())
                  .mapTo(String.class)
                  .list();
          for (String table : tables) {
            h.createUpdate(
                    db.sql("delete from {s}." + quote(table) + " where account_id = :account_id"))
                .bind("account_id", id.value())
                .execute();
          }
          return existed;
        });
  }

  /** Re-encrypts every secret sealed with a non-primary key; returns how many accounts changed. */
  public int reencrypt() {
    String primary =
        cipher
            .primaryKeyId()
            .orElseThrow(
                () ->
                    new CloudeyConfigException(
                        "re-encrypting credentials needs credential keys: configure them first"));
    List<AccountId> stale =
        db.read(
            "find credentials to re-encrypt",
            ALL,
            h ->
                h.createQuery(
                        db.sql(
                            "select account_id from {s}.account_credentials where key_id <>"
                                + " :key_id order by account_id"))
                    .bind("key_id", primary)
                    .map((rs, ctx) -> AccountId.of(rs.getString(1)))
                    .list());
    int changed = 0;
    List<String> failed = new java.util.ArrayList<>();
    for (AccountId id : stale) {
      try {
        changed += reencrypt(id, primary);
      } catch (app.cloudey.CloudeyException e) {
        // one unreadable row must not stop the rotation of every other account
        failed.add(id + " (" + e.getMessage() + ")");
      }
    }
    if (!failed.isEmpty()) {
      throw new app.cloudey.CloudeyStoreException(
          "re-encrypted "
              + changed
              + " accounts' credentials, but "
              + failed.size()
              + " could not be: "
              + failed
              + "; fix or re-enter those credentials, then run it again",
          null);
    }
    return changed;
  }

  private int reencrypt(AccountId id, String primary) {
    return db.inTransaction(
        "re-encrypt credentials",
        id,
        h -> {
          Optional<Stored> stored = findStored(h, id, false);
          if (stored.isEmpty()
              || stored.get().keyId() == null
              || primary.equals(stored.get().keyId())) {
            return 0; // deleted or re-encrypted meanwhile
          }
          byte[] plain = cipher.open(id, stored.get().keyId(), stored.get().ciphertext());
          CredentialCipher.Sealed sealed = cipher.seal(id, plain);
          Arrays.fill(plain, (byte) 0);
          return h.createUpdate(
                  db.sql(
                      "update {s}.account_credentials set secret_ciphertext = :ciphertext,"
                          + " key_id = :key_id where account_id = :account_id and key_id ="
                          + " :old_key_id"))
              .bind("ciphertext", sealed.ciphertext())
              .bind("key_id", sealed.keyId())
              .bind("account_id", id.value())
              .bind("old_key_id", stored.get().keyId())
              .execute();
        });
  }

  private void writeCredentials(Handle h, AccountId id, Credentials credentials) {
    Map<String, String> secret = new TreeMap<>();
    Map<String, String> open = new TreeMap<>();
    credentials
        .properties()
        .forEach((k, v) -> (credentials.secretKeys().contains(k) ? secret : open).put(k, v));
    CredentialCipher.Sealed sealed =
        secret.isEmpty()
            ? null
            : cipher.seal(id, Json.write(secret).getBytes(StandardCharsets.UTF_8));
    h.createUpdate(
            db.sql(
                "insert into {s}.account_credentials (account_id, provider, public_properties,"
                    + " secret_keys, secret_ciphertext, key_id, updated_at) values (:account_id,"
                    + " :provider, cast(:public_properties as jsonb), :secret_keys, :ciphertext,"
                    + " :key_id, now()) on conflict (account_id) do update set provider ="
                    + " excluded.provider, public_properties = excluded.public_properties,"
                    + " secret_keys = excluded.secret_keys, secret_ciphertext ="
                    + " excluded.secret_ciphertext, key_id = excluded.key_id, updated_at ="
                    + " excluded.updated_at"))
        .bind("account_id", id.value())
        .bind("provider", credentials.provider())
        .bind("public_properties", Json.write(open))
        .bindArray(
            "secret_keys",
            String.class,
            List.copyOf(new java.util.TreeSet<>(credentials.secretKeys())))
        .bind("ciphertext", sealed == null ? null : sealed.ciphertext())
        .bind("key_id", sealed == null ? null : sealed.keyId())
        .execute();
  }

  /**
   * The account's stored credentials; {@code forUpdate} locks the row until the transaction ends.
   */
  private Optional<Stored> findStored(Handle h, AccountId id, boolean forUpdate) {
    return h.createQuery(
            db.sql(
                "select provider, public_properties::text, secret_keys, secret_ciphertext, key_id"
                    + " from {s}.account_credentials where account_id = :account_id"
                    + (forUpdate ? " for update" : "")))
        .bind("account_id", id.value())
        .map(
            (rs, ctx) ->
                new Stored(
                    rs.getString(1),
                    Json.stringMap(rs.getString(2)),
                    Set.of((String[]) rs.getArray(3).getArray()),
                    rs.getBytes(4),
                    rs.getString(5)))
        .findOne();
  }

  private static Account account(ResultSet rs) throws SQLException {
    return new Account(
        AccountId.of(rs.getString("account_id")),
        rs.getString("provider"),
        rs.getString("display_name"),
        rs.getString("home_region"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static CloudeyNotFoundException notFound(AccountId id) {
    return new CloudeyNotFoundException(
        "account '" + id + "' is not registered: add it with accounts().add(...) first");
  }

  private record Stored(
      String provider,
      Map<String, String> publicProperties,
      Set<String> secretKeys,
      byte @org.jspecify.annotations.Nullable [] ciphertext,
      @org.jspecify.annotations.Nullable String keyId) {}
}
