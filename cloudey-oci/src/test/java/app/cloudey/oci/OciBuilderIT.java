package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAuthException;
import app.cloudey.model.Account;
import app.cloudey.model.Period;
import app.cloudey.model.SyncRun;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.oci.simulator.SimulatorCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Cloudey.builder().oci(config)} end to end against the simulator: one call per part, no
 * network I/O in {@code build()}, and PEM text as users paste it (a config file's {@code
 * key_content} on one line with literal {@code \n}, Windows line ends) signing real requests.
 */
class OciBuilderIT {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(OciSimulator.builder().seed(21).instances(8).pageSize(5));

  @Test
  void keyContentOnOneLineSignsRealRequests(@TempDir Path dir) throws IOException {
    OciSimulator sim = SIM.simulator();
    SimulatorCredentials c = sim.credentials();
    String oneLine = c.privateKeyPem().strip().replace("\n", "\\n");
    Path file = dir.resolve("config");
    Files.writeString(
        file,
        "[DEFAULT]\nuser=%s\nfingerprint=%s\ntenancy=%s\nregion=%s\nkey_content=%s\n"
            .formatted(c.userId(), c.fingerprint(), c.tenancyId(), c.region(), oneLine),
        StandardCharsets.UTF_8);

    OciConfig config = simulatorConfig(OciConfig.fromFile(file, "DEFAULT"), sim);
    try (Cloudey cloudey = Cloudey.builder().oci(config).clock(clock(sim)).build()) {
      Account account = cloudey.validate();
      assertThat(account.displayName()).isNotEqualTo(c.tenancyId()); // the tenancy's real name
      SyncRun run = cloudey.inventory().sync();
      assertThat(run.isSuccessful()).isTrue();
      assertThat(cloudey.inventory().resources()).isNotEmpty();
    }
  }

  @Test
  void windowsLineEndsSignToo() {
    OciSimulator sim = SIM.simulator();
    String crlf = sim.credentials().privateKeyPem().replace("\n", "\r\n");
    OciConfig config =
        simulatorConfig(SimulatorSupport.config(sim).toBuilder().privateKey(crlf).build(), sim);
    try (Cloudey cloudey = Cloudey.builder().oci(config).clock(clock(sim)).build()) {
      assertThat(cloudey.costs().refresh(Period.month(YearMonth.from(sim.truth().now()))))
          .isNotEmpty();
    }
  }

  @Test
  void buildMakesNoCallAndBadCredentialsFailOnFirstUse() {
    OciSimulator sim = SIM.simulator();
    OciConfig wrong =
        simulatorConfig(
            SimulatorSupport.config(sim).toBuilder()
                .privateKey(TestKeys.pem("pkcs8.pem"))
                .fingerprint(TestKeys.FINGERPRINT)
                .build(),
            sim);
    sim.resetRequestCounts();
    try (Cloudey cloudey = Cloudey.builder().oci(wrong).clock(clock(sim)).build()) {
      assertThat(sim.totalRequests()).isZero();
      assertThatThrownBy(cloudey::validate)
          .isInstanceOf(CloudeyAuthException.class)
          .hasMessageContaining("401");
      assertThatThrownBy(() -> cloudey.inventory().sync()).isInstanceOf(CloudeyAuthException.class);
    }
  }

  /** The config pointed at the simulator, with the fast test options. */
  private static OciConfig simulatorConfig(OciConfig config, OciSimulator sim) {
    return config.toBuilder()
        .endpoints(sim::endpoint)
        .options(SimulatorSupport.options().build())
        .build();
  }

  private static Clock clock(OciSimulator sim) {
    return Clock.fixed(sim.truth().now().atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }
}
