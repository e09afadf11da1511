package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialKeysTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void aKeyMustBe32BytesOfBase64() {
    assertThatThrownBy(() -> CredentialKeys.of("k", "c2hvcnQ=")) // "short": 5 bytes
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("exactly 32 bytes")
        .hasMessageContaining("was 5 bytes");
    assertThatThrownBy(() -> CredentialKeys.of("k", "not base64!"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("not base64");
    assertThatThrownBy(() -> CredentialKeys.of("bad id", KEY))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("key id 'bad id' is invalid");
  }

  @Test
  void thereIsNoDefaultKey() {
    assertThatThrownBy(() -> CredentialKeys.builder().previous("old", KEY).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("need a primary key");
  }

  @Test
  void rotationKeepsOldKeysForDecryptionOnly() {
    CredentialKeys keys = CredentialKeys.builder().primary("new", KEY).previous("old", KEY).build();
    assertThat(keys.primaryKeyId()).isEqualTo("new");
    assertThat(keys.keyIds()).isEqualTo(Set.of("new", "old"));
    assertThat(keys.toString()).startsWith("CredentialKeys[primary=new, ids=");
    assertThat(keys.toString()).doesNotContain(KEY);
  }
}
