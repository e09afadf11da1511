package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyStoreException;
import app.cloudey.model.AccountId;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM (Tink) encryption of credential secrets. The account id is the associated data, so a
 * ciphertext copied onto another account does not decrypt. Thread-safe (Tink primitives are).
 */
public final class CredentialCipher {
  private final @Nullable String primaryKeyId;
  private final Map<String, Aead> aeads;

  private CredentialCipher(@Nullable String primaryKeyId, Map<String, Aead> aeads) {
    this.primaryKeyId = primaryKeyId;
    this.aeads = aeads;
  }

  /**
   * A cipher that has no key: storing a secret fails with a message saying how to configure one.
   */
  public static CredentialCipher none() {
    return new CredentialCipher(null, Map.of());
  }

  public static CredentialCipher of(
      String primaryKeyId, Set<String> keyIds, Function<String, Optional<byte[]>> keyBytes) {
    Map<String, Aead> aeads = new HashMap<>();
    try {
      AesGcmParameters parameters =
          AesGcmParameters.builder()
              .setKeySizeBytes(32)
              .setIvSizeBytes(12)
              .setTagSizeBytes(16)
              .setVariant(AesGcmParameters.Variant.NO_PREFIX)
              .build();
      for (String id : keyIds) {
        byte[] bytes = keyBytes.apply(id).orElseThrow();
        AesGcmKey key =
            AesGcmKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get()))
                .build();
        java.util.Arrays.fill(bytes, (byte) 0);
        aeads.put(id, AesGcmJce.create(key));
      }
    } catch (GeneralSecurityException e) {
      throw new CloudeyConfigException("cannot use the credential keys: " + e.getMessage(), e);
    }
    return new CredentialCipher(primaryKeyId, Map.copyOf(aeads));
  }

  public Optional<String> primaryKeyId() {
    return Optional.ofNullable(primaryKeyId);
  }

  /** Encrypts with the primary key. */
  public Sealed seal(AccountId account, byte[] plaintext) {
    if (primaryKeyId == null) {
      throw new CloudeyConfigException(
          "cannot store secret credentials of account "
              + account
              + ": no encryption key is configured. Give the store your key with"
              + " PostgresStore.builder().credentialKeys(CredentialKeys.of(keyId, base64Key));"
              + " Cloudey has no default key");
    }
    try {
      return new Sealed(
          primaryKeyId, aeads.get(primaryKeyId).encrypt(plaintext, associatedData(account)));
    } catch (GeneralSecurityException e) {
      throw new CloudeyStoreException("encrypting credentials of " + account + " failed", e);
    }
  }

  /** Decrypts with the key that sealed it. */
  public byte[] open(AccountId account, String keyId, byte[] ciphertext) {
    Aead aead = aeads.get(keyId);
    if (aead == null) {
      throw new CloudeyConfigException(
          "credentials of account "
              + account
              + " were encrypted with key '"
              + keyId
              + "', which is not configured (known: "
              + new java.util.TreeSet<>(aeads.keySet())
              + "): add it with CredentialKeys.builder().previous(\""
              + keyId
              + "\", ...)");
    }
    try {
      return aead.decrypt(ciphertext, associatedData(account));
    } catch (GeneralSecurityException e) {
      // never include ciphertext or key material in the message
      throw new CloudeyStoreException(
          "credentials of account "
              + account
              + " do not decrypt with key '"
              + keyId
              + "': the ciphertext was altered, belongs to another account, or the key is wrong",
          e);
    }
  }

  private static byte[] associatedData(AccountId account) {
    return ("cloudey:credentials:v1:" + account.value()).getBytes(StandardCharsets.UTF_8);
  }

  /** A ciphertext and the id of the key that made it. */
  public record Sealed(String keyId, byte[] ciphertext) {}
}
