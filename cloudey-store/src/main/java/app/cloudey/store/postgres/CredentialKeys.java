package app.cloudey.store.postgres;

import app.cloudey.CloudeyConfigException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The AES-256 keys that encrypt account credentials at rest, supplied by the host application.
 * Cloudey has no built-in key: without one, {@link PostgresStore} refuses to store secret
 * credential properties.
 *
 * <p>Each key has an id that is stored beside every ciphertext. New credentials are encrypted with
 * the {@linkplain #primaryKeyId() primary} key; older keys stay listed so existing ciphertexts can
 * still be read. To rotate: make the new key primary, keep the old one as {@link Builder#previous
 * previous}, call {@link PostgresStore#reencryptCredentials()}, then drop the old key.
 *
 * <pre>{@code
 * CredentialKeys keys = CredentialKeys.builder()
 *     .primary("2026-11", System.getenv("ENCRYPTION_KEY"))   // base64 of 32 random bytes
 *     .previous("2026-01", oldKeyBase64)
 *     .build();
 * PostgresStore store = PostgresStore.builder().dataSource(ds).credentialKeys(keys).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #toString()} never prints key material.
 */
public final class CredentialKeys {
  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final int KEY_BYTES = 32;

  private final String primaryKeyId;
  private final Map<String, byte[]> keys;

  private CredentialKeys(String primaryKeyId, Map<String, byte[]> keys) {
    this.primaryKeyId = primaryKeyId;
    this.keys = keys;
  }

  /** One key, base64-encoded (32 bytes once decoded), used for everything. */
  public static CredentialKeys of(String keyId, String base64Key) {
    return builder().primary(keyId, base64Key).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Id of the key that encrypts new credentials. */
  public String primaryKeyId() {
    return primaryKeyId;
  }

  /** Ids of every key that can decrypt. */
  public Set<String> keyIds() {
    return Set.copyOf(keys.keySet());
  }

  /** A copy of the key's bytes, for the cipher only. */
  Optional<byte[]> key(String keyId) {
    byte[] key = keys.get(keyId);
    return key == null ? Optional.empty() : Optional.of(key.clone());
  }

  @Override
  public String toString() {
    return "CredentialKeys[primary=" + primaryKeyId + ", ids=" + keys.keySet() + "]";
  }

  /** Builder of {@link CredentialKeys}; a primary key is required. */
  public static final class Builder {
    private @Nullable String primaryKeyId;
    private final Map<String, byte[]> keys = new LinkedHashMap<>();

    private Builder() {}

    /** The key that encrypts new credentials, base64-encoded (32 bytes once decoded). */
    public Builder primary(String keyId, String base64Key) {
      return primary(keyId, decode(keyId, base64Key));
    }

    /** The key that encrypts new credentials: exactly 32 bytes (AES-256). */
    public Builder primary(String keyId, byte[] key) {
      add(keyId, key);
      this.primaryKeyId = keyId;
      return this;
    }

    /** A key that only decrypts (credentials written before a rotation), base64-encoded. */
    public Builder previous(String keyId, String base64Key) {
      return previous(keyId, decode(keyId, base64Key));
    }

    /** A key that only decrypts: exactly 32 bytes. */
    public Builder previous(String keyId, byte[] key) {
      add(keyId, key);
      return this;
    }

    public CredentialKeys build() {
      if (primaryKeyId == null) {
        throw new CloudeyConfigException(
            "credential keys need a primary key: call primary(keyId, base64Key) with 32 random"
                + " bytes, e.g. from 'openssl rand -base64 32'");
      }
      return new CredentialKeys(primaryKeyId, Map.copyOf(keys));
    }

    private void add(String keyId, byte[] key) {
      if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
        throw new CloudeyConfigException(
            "credential key id '"
                + keyId
                + "' is invalid: use 1-64 characters from [A-Za-z0-9._:-]");
      }
      if (key == null || key.length != KEY_BYTES) {
        throw new CloudeyConfigException(
            "credential key '"
                + keyId
                + "' must be exactly 32 bytes (AES-256), was "
                + (key == null ? "null" : key.length + " bytes"));
      }
      if (keys.containsKey(keyId) && !Arrays.equals(keys.get(keyId), key)) {
        throw new CloudeyConfigException("credential key id '" + keyId + "' is given twice");
      }
      keys.put(keyId, key.clone());
    }

    private static byte[] decode(String keyId, String base64Key) {
      if (base64Key == null || base64Key.isBlank()) {
        throw new CloudeyConfigException("credential key '" + keyId + "' is empty");
      }
      try {
        return Base64.getDecoder().decode(base64Key.trim());
      } catch (IllegalArgumentException e) {
        throw new CloudeyConfigException(
            "credential key '" + keyId + "' is not base64: give 32 random bytes, base64-encoded",
            e);
      }
    }
  }
}
