package app.cloudey.oci.simulator.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;

/** The generated API user's RSA key pair, its PEM and its OCI fingerprint. */
final class KeyMaterial {
  final KeyPair keyPair;
  final String privateKeyPem;
  final String fingerprint;

  private KeyMaterial(KeyPair keyPair) {
    this.keyPair = keyPair;
    this.privateKeyPem = pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
    this.fingerprint = fingerprint(keyPair.getPublic());
  }

  static KeyMaterial generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new KeyMaterial(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate RSA keys", e);
    }
  }

  static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** OCI's key fingerprint: MD5 of the DER public key, hex pairs joined by colons. */
  static String fingerprint(PublicKey key) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(key.getEncoded());
      StringBuilder s = new StringBuilder();
      for (byte b : md5) {
        if (s.length() > 0) {
          s.append(':');
        }
        s.append(String.format("%02x", b));
      }
      return s.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }
}
