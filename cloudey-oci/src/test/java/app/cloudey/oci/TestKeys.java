package app.cloudey.oci;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The throw-away keys in {@code src/test/resources/keys} (see the README there). */
public final class TestKeys {
  /** {@code openssl rsa -in pkcs8.pem -pubout -outform DER | openssl md5 -c}. */
  public static final String FINGERPRINT = "26:01:dc:e3:a6:50:72:d0:78:38:aa:39:4b:e1:c1:5b";

  public static final String TENANCY =
      "ocid1.tenancy.oc1..aaaaaaaaba3pv6wkcr4jqae5f15p2b2m2yt2j6rx32uzr4h25vqstifsfdsq";
  public static final String USER =
      "ocid1.user.oc1..aaaaaaaao4qptamtmfcyltimnfd3e4iu7srimtgdq2gzzsduwkcvxiveozua";

  private TestKeys() {}

  public static String pem(String name) {
    try (InputStream in = TestKeys.class.getResourceAsStream("/keys/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test key " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A valid builder around the PKCS#8 key. */
  public static OciConfig.Builder config() {
    return OciConfig.builder()
        .tenancyId(TENANCY)
        .userId(USER)
        .fingerprint(FINGERPRINT)
        .region("us-ashburn-1")
        .privateKey(pem("pkcs8.pem"));
  }
}
