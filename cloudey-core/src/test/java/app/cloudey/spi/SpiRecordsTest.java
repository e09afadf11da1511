package app.cloudey.spi;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.CloudeyRateLimitedException;
import app.cloudey.CloudeyStoreException;
import app.cloudey.Credentials;
import app.cloudey.model.AccountId;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpiRecordsTest {
  private static final String PEM =
      "-----BEGIN PRIVATE KEY-----\nMIIEv...secret...\n-----END PRIVATE KEY-----";

  private static Credentials oci() {
    return new Credentials(
        "oci",
        Map.of(
            "tenancy", "ocid1.tenancy.oc1..t",
            "fingerprint", "aa:bb:cc",
            "key", PEM,
            "passphrase", "hunter2"),
        Set.of("key", "passphrase"));
  }

  @Test
  void credentialsNeverPrintSecrets() {
    String text = oci().toString();
    assertThat(text).doesNotContain("secret").doesNotContain("hunter2").doesNotContain("BEGIN");
    assertThat(text).contains("key=<redacted>", "passphrase=<redacted>");
    // non-secret values are shown, sorted by name, to help diagnose a configuration
    assertThat(text)
        .isEqualTo(
            "Credentials[oci, {fingerprint=aa:bb:cc, key=<redacted>, passphrase=<redacted>,"
                + " tenancy=ocid1.tenancy.oc1..t}]");
  }

  @Test
  void credentialsRequireNamesTheMissingProperty() {
    assertThat(oci().require("tenancy")).isEqualTo("ocid1.tenancy.oc1..t");
    refused(() -> oci().require("region"), "oci credentials lack 'region'");
    Credentials blank = new Credentials("oci", Map.of("region", " "), null);
    refused(() -> blank.require("region"), "oci credentials lack 'region'");
    assertThat(blank.secretKeys()).isEmpty();
  }

  @Test
  void credentialsRefuseMissingParts() {
    refused(
        () -> new Credentials(" ", Map.of(), Set.of()),
        "credentials provider must not be null or blank");
    refused(
        () -> new Credentials("oci", null, Set.of()), "credentials properties must not be null");
    Map<String, String> withNull = new HashMap<>();
    withNull.put("key", null);
    refused(
        () -> new Credentials("oci", withNull, Set.of()),
        "credentials properties must not contain null");
    Set<String> nullKey = new HashSet<>();
    nullKey.add(null);
    refused(
        () -> new Credentials("oci", Map.of(), nullKey),
        "credentials secretKeys must not contain null");
  }

  @Test
  void cacheKeysNeedAStoreAnAccountAndAQuery() {
    AccountId acme = AccountId.of("acme");
    String store = "0b7f5a52-1c1e-4c52-9d8e-6f1f3e0d2a11";
    assertThat(new CacheKey(store, acme, 3, "q")).isEqualTo(new CacheKey(store, acme, 3, "q"));
    assertThat(new CacheKey(store, acme, 3, "q")).isNotEqualTo(new CacheKey(store, acme, 4, "q"));
    assertThat(new CacheKey(store, acme, 3, "q")).isNotEqualTo(new CacheKey("other", acme, 3, "q"));
    refused(() -> new CacheKey(store, null, 0, "q"), "accountId must not be null");
    refused(() -> new CacheKey(store, acme, 0, " "), "query must not be null or blank");
    // the store id goes into Redis keys and SCAN patterns: no separators, no glob characters
    for (String bad : new String[] {null, "", "a:b", "a*", "a?", "[a]", "-a", "x".repeat(65)}) {
      refused(() -> new CacheKey(bad, acme, 0, "q"), "storeId '" + bad + "' is invalid");
    }
  }

  @Test
  void accountProfilesNameTheMissingField() {
    refused(() -> new AccountProfile("", "us-ashburn-1", "acme"), "tenancy must not be null");
    refused(() -> new AccountProfile("t1", " ", "acme"), "homeRegion must not be null or blank");
    refused(
        () -> new AccountProfile("t1", "us-ashburn-1", null),
        "suggestedName must not be null or blank");
  }

  @Test
  void exceptionsCarryTheProvidersRequestId() {
    CloudeyException e = new CloudeyProviderException("Usage API failed", 503, null, "req-42");
    assertThat(e.getMessage()).isEqualTo("Usage API failed (request id req-42)");
    assertThat(e.requestId()).contains("req-42");
    assertThat(((CloudeyProviderException) e).status()).isEqualTo(503);
    assertThat(new CloudeyException("x", null, " ").requestId()).isEmpty();
    assertThat(new CloudeyException("x").getMessage()).isEqualTo("x");
    CloudeyRateLimitedException limited =
        new CloudeyRateLimitedException("throttled", Duration.ofSeconds(3), null, null);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(new CloudeyRateLimitedException("throttled", null, null, null).retryAfter())
        .isEmpty();
    assertThat(new CloudeyStoreException("down", new IllegalStateException()).getCause())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theEmptyPriceBookHasNoPrices() {
    assertThat(PriceBook.empty().find("B97384")).isEmpty();
    assertThat(PriceBook.empty().source()).isEqualTo("none");
    assertThat(PriceBook.empty().sourceDate()).isEmpty();
  }
}
