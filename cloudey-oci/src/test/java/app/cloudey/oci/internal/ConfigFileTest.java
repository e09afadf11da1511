package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFileTest {

  @Test
  void profileToStringRedactsThePassPhraseAndInlineKey() {
    ConfigFile.Profile profile =
        new ConfigFile.Profile(
            Path.of("/home/u/.oci/config"),
            "DEFAULT",
            Map.of(
                "user", "ocid1.user.oc1..u",
                "fingerprint", "aa:bb",
                "pass_phrase", "s3cret-phrase",
                "key_content", "-----BEGIN PRIVATE KEY-----MIIsecret",
                "KEY_CONTENT", "MIIalsoSecret"));
    String text = profile.toString();
    assertThat(text)
        .doesNotContain("s3cret-phrase")
        .doesNotContain("MIIsecret")
        .doesNotContain("MIIalsoSecret")
        .contains("pass_phrase=<redacted>")
        .contains("key_content=<redacted>")
        .contains("user=ocid1.user.oc1..u")
        .contains("fingerprint=aa:bb")
        .contains("DEFAULT")
        .contains("/home/u/.oci/config");
    // the values themselves stay readable for the code that needs them
    assertThat(profile.get("pass_phrase")).isEqualTo("s3cret-phrase");
  }
}
