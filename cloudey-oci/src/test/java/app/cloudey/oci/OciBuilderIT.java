package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAuthException;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Period;
import app.cloudey.model.SyncRun;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.oci.simulator.SimulatorCredentials;
import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import java.io.IOException;
import java.math.BigDecimal;
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
  static final app.cloudey.testkit.junit.PostgresExtension PG =
      app.cloudey.testkit.junit.PostgresExtension.create();

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

  @Test
  void eachAccountsPricingIsStoredWithItsCredentialsAndReadBackByAnotherProcess() {
    // the default account (.oci) with a 20 % discount, "globex" (accounts().add: one signed
    // GetTenancy call) with contract prices, in PostgreSQL; a later process reads each account's
    // pricing back from the store and gets the rules priced with it
    OciSimulator sim = SIM.simulator();
    AccountPricing discount =
        AccountPricing.builder().discountPercent(new BigDecimal("20")).build();
    AccountPricing contract =
        AccountPricing.builder()
            .contractUnitPrice("B91961", new BigDecimal("0.0200"))
            .contractUnitPrice("B91962", new BigDecimal("0.0012"))
            .build();
    OciConfig base = simulatorConfig(SimulatorSupport.config(sim), sim);
    AccountId globex = AccountId.of("globex");
    try (PostgresStore store =
        PostgresStore.create(
            PG.dataSource(),
            CredentialKeys.of(
                "test", java.util.Base64.getEncoder().encodeToString(new byte[32])))) {
      try (Cloudey cloudey =
          Cloudey.builder()
              .oci(base.toBuilder().pricing(discount).build())
              .store(store)
              .clock(clock(sim))
              .build()) {
        cloudey.accounts().add(globex, base.toBuilder().pricing(contract).build());
      }
      assertThat(
              OciConfig.fromCredentials(store.accounts().credentials(Cloudey.DEFAULT_ACCOUNT))
                  .pricing())
          .isEqualTo(discount);
      assertThat(OciConfig.fromCredentials(store.accounts().credentials(globex)).pricing())
          .isEqualTo(contract);
      try (OciCloud oci = OciCloud.create()) {
        assertThat(oci.advisorRules(store.accounts().credentials(globex)))
            .isNotSameAs(oci.advisorRules())
            .isSameAs(oci.advisorRules(base.toBuilder().pricing(contract).build().toCredentials()));
      }
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
