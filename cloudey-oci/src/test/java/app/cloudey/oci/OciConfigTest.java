package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciConfigTest {

  @Test
  void acceptsPkcs8Pkcs1AndEncryptedKeysWithTheOpenSslFingerprint() {
    assertThat(TestKeys.config().build().fingerprint()).isEqualTo(TestKeys.FINGERPRINT);
    assertThat(TestKeys.config().privateKey(TestKeys.pem("pkcs1.pem")).build().region())
        .isEqualTo("us-ashburn-1");
    OciConfig encrypted =
        TestKeys.config().privateKey(TestKeys.pem("encrypted.pem")).passphrase("s3cret").build();
    assertThat(encrypted.passphrase()).contains("s3cret");
    TestKeys.config().privateKey(TestKeys.pem("encrypted-pkcs1.pem")).passphrase("s3cret").build();
  }

  @Test
  void fingerprintIsCaseInsensitive() {
    assertThat(
            TestKeys.config().fingerprint(TestKeys.FINGERPRINT.toUpperCase()).build().fingerprint())
        .isEqualTo(TestKeys.FINGERPRINT);
  }

  @Test
  void rejectsTextThatIsNotPem() {
    assertThatThrownBy(
            () -> TestKeys.config().privateKey("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC").build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("not a PEM key")
        .hasMessageContaining("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void rejectsTruncatedPem() {
    String pem = TestKeys.pem("pkcs8.pem");
    String truncated = pem.substring(0, pem.length() / 2);
    assertThatThrownBy(() -> TestKeys.config().privateKey(truncated).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("private key");
  }

  @Test
  void rejectsAPublicKey() {
    assertThatThrownBy(() -> TestKeys.config().privateKey(TestKeys.pem("public.pem")).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("PUBLIC key");
  }

  @Test
  void rejectsANonRsaKey() {
    assertThatThrownBy(() -> TestKeys.config().privateKey(TestKeys.pem("ec.pem")).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("must be RSA");
  }

  @Test
  void encryptedKeyNeedsItsPassphrase() {
    assertThatThrownBy(() -> TestKeys.config().privateKey(TestKeys.pem("encrypted.pem")).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("encrypted but no passphrase");
    assertThatThrownBy(
            () ->
                TestKeys.config()
                    .privateKey(TestKeys.pem("encrypted-pkcs1.pem"))
                    .passphrase("wrong")
                    .build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("passphrase does not decrypt");
    assertThatThrownBy(
            () ->
                TestKeys.config()
                    .privateKey(TestKeys.pem("encrypted.pem"))
                    .passphrase("wrong")
                    .build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("passphrase does not decrypt");
  }

  @Test
  void fingerprintMustMatchTheKey() {
    String other = "20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34";
    assertThatThrownBy(() -> TestKeys.config().fingerprint(other).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("fingerprint " + other + " does not match the private key")
        .hasMessageContaining("whose fingerprint is " + TestKeys.FINGERPRINT);
    assertThatThrownBy(() -> TestKeys.config().fingerprint("26:01:dc").build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("not a key fingerprint");
  }

  @Test
  void rejectsMalformedOcids() {
    assertThatThrownBy(() -> TestKeys.config().tenancyId("tenancy-123").build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("tenancyId 'tenancy-123' is not an OCID")
        .hasMessageContaining("ocid1.tenancy.oc1..");
    assertThatThrownBy(() -> TestKeys.config().userId(TestKeys.TENANCY).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("is the OCID of a tenancy, not of a user");
    assertThatThrownBy(() -> TestKeys.config().userId(null).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("lacks userId");
  }

  @Test
  void rejectsUnknownRegions() {
    assertThatThrownBy(() -> TestKeys.config().region("us-nowhere-9").build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("'us-nowhere-9' is not a known OCI region");
    assertThatThrownBy(() -> TestKeys.config().region("Ashburn").build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("not a region identifier");
    assertThat(TestKeys.config().region("EU-FRANKFURT-1").build().region())
        .isEqualTo("eu-frankfurt-1");
  }

  @Test
  void roundTripsThroughCredentialsWithSecretsMarked() {
    OciConfig config =
        TestKeys.config().privateKey(TestKeys.pem("encrypted.pem")).passphrase("s3cret").build();
    Credentials credentials = config.toCredentials();
    assertThat(credentials.provider()).isEqualTo("oci");
    assertThat(credentials.secretKeys())
        .containsExactlyInAnyOrder(OciConfig.PRIVATE_KEY, OciConfig.PASSPHRASE);
    assertThat(credentials.toString()).doesNotContain("s3cret").doesNotContain("PRIVATE KEY");
    OciConfig back = OciConfig.fromCredentials(credentials);
    assertThat(back.tenancyId()).isEqualTo(TestKeys.TENANCY);
    assertThat(back.userId()).isEqualTo(TestKeys.USER);
    assertThat(back.fingerprint()).isEqualTo(TestKeys.FINGERPRINT);
    assertThat(back.region()).isEqualTo("us-ashburn-1");
    assertThat(back.privateKey()).isEqualTo(TestKeys.pem("encrypted.pem").strip());
    assertThat(back.passphrase()).contains("s3cret");
    assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("BEGIN");
  }

  @Test
  void fromCredentialsNamesWhatIsMissing() {
    Credentials credentials =
        new Credentials("oci", Map.of(OciConfig.TENANCY, TestKeys.TENANCY), Set.of());
    assertThatThrownBy(() -> OciConfig.fromCredentials(credentials))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("lack 'user'");
    assertThatThrownBy(() -> OciConfig.fromCredentials(new Credentials("aws", Map.of(), Set.of())))
        .hasMessageContaining("provider 'aws', not 'oci'");
  }

  @Test
  void readsAProfileOfAConfigFileWithDefaultsAndRelativeKeyFile(@TempDir Path home)
      throws IOException {
    Path oci = Files.createDirectories(home.resolve(".oci"));
    Files.writeString(oci.resolve("key.pem"), TestKeys.pem("encrypted.pem"));
    Files.writeString(
        oci.resolve("config"),
        """
        # written by hand
        [DEFAULT]
        tenancy=%s
        region = eu-frankfurt-1
        key_file=~/.oci/key.pem

        [WORK]
        user=%s
        fingerprint=%s
        pass_phrase=s3cret
        ; region inherited from DEFAULT
        """
            .formatted(TestKeys.TENANCY, TestKeys.USER, TestKeys.FINGERPRINT));
    OciConfig config = OciConfig.fromFile(oci.resolve("config"), "WORK");
    assertThat(config.tenancyId()).isEqualTo(TestKeys.TENANCY);
    assertThat(config.region()).isEqualTo("eu-frankfurt-1");
    assertThat(config.privateKey()).isEqualTo(TestKeys.pem("encrypted.pem").strip());
    assertThat(config.passphrase()).contains("s3cret");
  }

  @Test
  void configFileErrorsSayWhatToFix(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config");
    assertThatThrownBy(() -> OciConfig.fromFile(file, "DEFAULT"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("oci setup config");
    Files.writeString(
        file,
        "[DEFAULT]\ntenancy=%s\nuser=%s\nfingerprint=%s\nregion=us-ashburn-1\nkey_file=missing.pem\n"
            .formatted(TestKeys.TENANCY, TestKeys.USER, TestKeys.FINGERPRINT));
    assertThatThrownBy(() -> OciConfig.fromFile(file, "PROD"))
        .hasMessageContaining("has no profile [PROD]; profiles found: [DEFAULT]");
    assertThatThrownBy(() -> OciConfig.fromFile(file, "DEFAULT"))
        .hasMessageContaining("key_file 'missing.pem'")
        .hasMessageContaining("cannot be read");
    Files.writeString(file, "[DEFAULT]\ntenancy=%s\n".formatted(TestKeys.TENANCY));
    assertThatThrownBy(() -> OciConfig.fromFile(file, "DEFAULT"))
        .hasMessageContaining("lacks 'user'");
    Files.writeString(
        file, "[DEFAULT]\nuser=a\nkey_file=~/k.pem\ntenancy=b\nfingerprint=c\nregion=d\n");
    assertThatThrownBy(() -> OciConfig.fromFile(file, "DEFAULT"))
        .hasMessageContaining("starts with '~'");
  }

  @Test
  void endpointOverridesStayOutOfCredentials() {
    OciConfig config =
        TestKeys.config().endpoints((client, region) -> "http://127.0.0.1:1/" + client).build();
    assertThat(config.endpoints()).isPresent();
    assertThat(config.toCredentials().properties()).doesNotContainKey("endpoints");
    assertThat(config.toBuilder().build().endpoints()).isPresent();
  }

  @Test
  void pricingTravelsWithTheCredentialsAndIsNotSecret() {
    AccountPricing pricing =
        AccountPricing.builder()
            .currency("EUR")
            .discountPercent(new java.math.BigDecimal("12.5"))
            .contractUnitPrice("B97384", new java.math.BigDecimal("0.024"))
            .build();
    OciConfig config = TestKeys.config().pricing(pricing).build();
    Credentials stored = config.toCredentials();
    assertThat(stored.properties())
        .containsEntry("pricing.discountPercent", "12.5")
        .containsEntry("pricing.currency", "EUR")
        .containsEntry("pricing.contractUnitPrice.B97384", "0.024");
    assertThat(stored.secretKeys()).noneMatch(k -> k.startsWith("pricing."));
    assertThat(OciConfig.fromCredentials(stored).pricing()).isEqualTo(pricing);
    assertThat(config.toBuilder().build().pricing()).isEqualTo(pricing);
    assertThat(config.toString()).contains("discount 12.5 %").doesNotContain("BEGIN");
    // no pricing: no property, list prices
    assertThat(TestKeys.config().build().toCredentials().properties().keySet())
        .noneMatch(k -> k.startsWith("pricing."));
    assertThat(TestKeys.config().build().pricing()).isEqualTo(AccountPricing.listPrices());
  }

  @Test
  void pricingRefusesBilledPricesAndBadStoredNumbers() {
    AccountPricing billed =
        AccountPricing.builder().tenancyMonthlyQuantity("B93030", java.math.BigDecimal.TEN).build();
    assertThatThrownBy(() -> TestKeys.config().pricing(billed).build())
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("come from its cost lines");
    Credentials good = TestKeys.config().build().toCredentials();
    Map<String, String> props = new java.util.HashMap<>(good.properties());
    props.put("pricing.discountPercent", "ten");
    Credentials bad = new Credentials("oci", props, good.secretKeys());
    assertThatThrownBy(() -> OciConfig.fromCredentials(bad))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("pricing.discountPercent")
        .hasMessageContaining("ten");
  }
}
