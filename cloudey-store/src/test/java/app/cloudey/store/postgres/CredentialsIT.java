package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.Credentials;
import app.cloudey.model.AccountId;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Credentials at rest: AES-256-GCM with the account id as associated data, host key, rotation. */
class CredentialsIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final String SECRET = "-----BEGIN PRIVATE KEY-----secret-material";

  private static Credentials credentials() {
    return new Credentials(
        "oci",
        Map.of("tenancy", "ocid1.tenancy.oc1..t", "privateKey", SECRET, "passphrase", "pw-123"),
        Set.of("privateKey", "passphrase"));
  }

  @Test
  void secretsAreStoredEncryptedAndReadBackExactly() throws SQLException {
    AccountId id = Fixtures.randomAccountId();
    try (PostgresStore store = TestDatabase.of(PG).store()) {
      store.accounts().add(Fixtures.account(id), credentials());
      assertThat(store.accounts().credentials(id)).isEqualTo(credentials());
      assertThat(store.accounts().credentials(id).toString()).doesNotContain("secret-material");
    }
    Row row = row(id);
    assertThat(row.keyId()).isEqualTo("k1");
    assertThat(new String(row.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("secret-material")
        .doesNotContain("pw-123");
    // the public part stays readable for support, without the secrets
    assertThat(row.publicJson()).contains("ocid1.tenancy.oc1..t").doesNotContain("secret");
  }

  @Test
  void aCiphertextCopiedToAnotherAccountDoesNotDecrypt() throws SQLException {
    AccountId victim = Fixtures.randomAccountId();
    AccountId attacker = Fixtures.randomAccountId();
    try (PostgresStore store = TestDatabase.of(PG).store()) {
      store.accounts().add(Fixtures.account(victim), credentials());
      store
          .accounts()
          .add(
              Fixtures.account(attacker),
              new Credentials("oci", Map.of("privateKey", "mine"), Set.of("privateKey")));
      execute(
          "update cloudey.account_credentials set secret_ciphertext = (select secret_ciphertext"
              + " from cloudey.account_credentials where account_id = ?) where account_id = ?",
          victim.value(),
          attacker.value());
      assertThatThrownBy(() -> store.accounts().credentials(attacker))
          .isInstanceOf(CloudeyException.class)
          .hasMessageContaining("do not decrypt")
          .hasMessageNotContaining(SECRET);
      assertThat(store.accounts().credentials(victim)).isEqualTo(credentials());
      // rotation reports the unreadable account (by id, without secrets) and goes on
      store.accounts().delete(attacker);
    }
  }

  @Test
  void withoutAKeySecretsAreRefusedWithAnExplanation() {
    AccountId id = Fixtures.randomAccountId();
    TestDatabase.of(PG).store().close();
    try (PostgresStore keyless =
        PostgresStore.builder()
            .dataSource(TestDatabase.of(PG).dataSource())
            .options(PostgresStore.Options.ofDefaults().withMigrate(false))
            .build()) {
      assertThatThrownBy(() -> keyless.accounts().add(Fixtures.account(id), credentials()))
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("no encryption key is configured")
          .hasMessageContaining("credentialKeys");
      // nothing was registered
      assertThat(keyless.accounts().find(id)).isEmpty();
      // credentials without secrets need no key
      keyless
          .accounts()
          .add(Fixtures.account(id), new Credentials("oci", Map.of("a", "b"), Set.of()));
      assertThat(keyless.accounts().credentials(id).properties()).containsEntry("a", "b");
    }
  }

  @Test
  void rotationReencryptsWithTheNewPrimaryKey() throws SQLException {
    AccountId id = Fixtures.randomAccountId();
    try (PostgresStore old = TestDatabase.of(PG).store()) {
      old.accounts().add(Fixtures.account(id), credentials());
    }
    CredentialKeys rotated =
        CredentialKeys.builder()
            .primary("k2", TestDatabase.KEY_2)
            .previous("k1", TestDatabase.KEY_1)
            .build();
    try (PostgresStore store =
        PostgresStore.builder()
            .dataSource(TestDatabase.of(PG).dataSource())
            .credentialKeys(rotated)
            .options(PostgresStore.Options.ofDefaults().withMigrate(false))
            .build()) {
      // still readable with the previous key
      assertThat(store.accounts().credentials(id)).isEqualTo(credentials());
      assertThat(store.reencryptCredentials()).isGreaterThanOrEqualTo(1);
      assertThat(row(id).keyId()).isEqualTo("k2");
      assertThat(store.reencryptCredentials()).isZero();
    }
    // the old key alone can no longer read it; the message names the missing key
    try (PostgresStore onlyOld = TestDatabase.of(PG).store()) {
      assertThatThrownBy(() -> onlyOld.accounts().credentials(id))
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("'k2'");
    }
    // the new key alone can
    try (PostgresStore onlyNew =
        PostgresStore.builder()
            .dataSource(TestDatabase.of(PG).dataSource())
            .credentialKeys(CredentialKeys.of("k2", TestDatabase.KEY_2))
            .options(PostgresStore.Options.ofDefaults().withMigrate(false))
            .build()) {
      assertThat(onlyNew.accounts().credentials(id)).isEqualTo(credentials());
    }
  }

  private record Row(String keyId, byte[] ciphertext, String publicJson) {}

  private static Row row(AccountId id) throws SQLException {
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select key_id, secret_ciphertext, public_properties::text from"
                    + " cloudey.account_credentials where account_id = ?")) {
      s.setString(1, id.value());
      try (ResultSet rs = s.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new Row(rs.getString(1), rs.getBytes(2), rs.getString(3));
      }
    }
  }

  private static void execute(String sql, String... args) throws SQLException {
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }
}
