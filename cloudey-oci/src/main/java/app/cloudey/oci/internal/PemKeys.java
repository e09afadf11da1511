package app.cloudey.oci.internal;

import app.cloudey.CloudeyConfigException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * Reads an OCI API signing key (PEM, PKCS#1 or PKCS#8, optionally encrypted) the way the SDK does,
 * but with messages that say what is wrong, and computes its OCI fingerprint (MD5 of the DER public
 * key, colon-separated hex). Stateless.
 */
public final class PemKeys {
  private static final Pattern FINGERPRINT = Pattern.compile("([0-9a-f]{2}:){15}[0-9a-f]{2}");

  private PemKeys() {}

  /** A parsed key and the fingerprint OCI shows for it. */
  public record ParsedKey(RSAPrivateCrtKey privateKey, PublicKey publicKey, String fingerprint) {}

  /**
   * Parses the PEM text of a private key.
   *
   * @throws CloudeyConfigException not PEM, a public key, not RSA, encrypted without (or with a
   *     wrong) passphrase
   */
  public static ParsedKey parse(String pem, @Nullable String passphrase) {
    String text = normalise(pem);
    if (!text.contains("-----BEGIN ")) {
      throw new CloudeyConfigException(
          "private key is not a PEM key: expected text starting with '-----BEGIN PRIVATE KEY-----'"
              + " or '-----BEGIN RSA PRIVATE KEY-----' (the .pem file from the OCI console or"
              + " `oci setup keys`)");
    }
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      object = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new CloudeyConfigException(
          "private key is not a valid PEM key (" + e.getMessage() + "): check it was not truncated",
          e);
    }
    if (object == null) {
      throw new CloudeyConfigException(
          "private key PEM holds no key: expected '-----BEGIN PRIVATE KEY-----' ... '-----END"
              + " PRIVATE KEY-----'");
    }
    PrivateKeyInfo info = privateKeyInfo(object, passphrase);
    PrivateKey key;
    try {
      key = new JcaPEMKeyConverter().getPrivateKey(info);
    } catch (IOException e) {
      throw new CloudeyConfigException("private key cannot be decoded: " + e.getMessage(), e);
    }
    if (!(key instanceof RSAPrivateCrtKey rsa)) {
      throw new CloudeyConfigException(
          "private key is a "
              + key.getAlgorithm()
              + " key; OCI API signing keys must be RSA (2048 bits or more)");
    }
    PublicKey publicKey = publicKeyOf(rsa);
    return new ParsedKey(rsa, publicKey, fingerprint(publicKey));
  }

  /**
   * OCI's fingerprint of a public key, e.g. {@code
   * 20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34}.
   */
  public static String fingerprint(PublicKey publicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(publicKey.getEncoded());
      return HexFormat.ofDelimiter(":").formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is required by every JDK", e);
    }
  }

  /** True for the {@code aa:bb:...} form with 16 bytes (case-insensitive). */
  public static boolean isFingerprint(String text) {
    return FINGERPRINT.matcher(text.trim().toLowerCase(Locale.ROOT)).matches();
  }

  private static PrivateKeyInfo privateKeyInfo(Object object, @Nullable String passphrase) {
    if (object instanceof PrivateKeyInfo info) {
      return info;
    }
    if (object instanceof PEMKeyPair pair) {
      return pair.getPrivateKeyInfo();
    }
    if (object instanceof PEMEncryptedKeyPair encrypted) {
      char[] secret = requirePassphrase(passphrase);
      try {
        return encrypted
            .decryptKeyPair(
                new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(secret))
            .getPrivateKeyInfo();
      } catch (IOException | RuntimeException e) {
        throw wrongPassphrase(e);
      }
    }
    if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
      char[] secret = requirePassphrase(passphrase);
      try {
        return encrypted.decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(secret));
      } catch (Exception e) {
        throw wrongPassphrase(e);
      }
    }
    if (object instanceof SubjectPublicKeyInfo) {
      throw new CloudeyConfigException(
          "private key is a PUBLIC key: supply the private key (oci_api_key.pem), not"
              + " oci_api_key_public.pem");
    }
    throw new CloudeyConfigException(
        "private key PEM holds a "
            + object.getClass().getSimpleName()
            + ", not a private key: expected '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA"
            + " PRIVATE KEY-----'");
  }

  private static char[] requirePassphrase(@Nullable String passphrase) {
    if (passphrase == null || passphrase.isEmpty()) {
      throw new CloudeyConfigException(
          "private key is encrypted but no passphrase was given: set the passphrase (pass_phrase in"
              + " the OCI config file)");
    }
    return passphrase.toCharArray();
  }

  private static CloudeyConfigException wrongPassphrase(Exception e) {
    return new CloudeyConfigException(
        "the passphrase does not decrypt the private key: check pass_phrase", e);
  }

  private static PublicKey publicKeyOf(RSAPrivateCrtKey key) {
    try {
      BigInteger modulus = key.getModulus();
      return KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new CloudeyConfigException("public key cannot be derived from the private key", e);
    }
  }

  /**
   * The PEM text as the SDK can read it: Windows line ends made Unix, surrounding blanks trimmed,
   * and literal {@code \n} sequences (a key pasted into one line, or {@code key_content} of a
   * config file) turned into line breaks. Configurations store this form, so what was validated is
   * what signs.
   */
  public static String normalise(String pem) {
    String text = pem.replace("\r\n", "\n").trim();
    if (!text.contains("\n") && text.contains("\\n")) {
      text = text.replace("\\n", "\n");
    }
    return text;
  }

  /** Holder so the (large) provider is built on first use of an encrypted key only. */
  private static final class Bc {
    static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();
  }
}
