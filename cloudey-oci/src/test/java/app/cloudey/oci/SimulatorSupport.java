package app.cloudey.oci;

import app.cloudey.model.AccountId;
import app.cloudey.oci.internal.OciConnection;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.SimulatorCredentials;
import java.time.Duration;

/** Connections to a running simulator with test-friendly options (short timeouts and backoff). */
public final class SimulatorSupport {
  public static final AccountId ACCOUNT = AccountId.of("sim");

  private SimulatorSupport() {}

  /** The simulator's generated user as an {@link OciConfig}, endpoints pointing at it. */
  public static OciConfig config(OciSimulator simulator) {
    SimulatorCredentials c = simulator.credentials();
    return OciConfig.builder()
        .tenancyId(c.tenancyId())
        .userId(c.userId())
        .fingerprint(c.fingerprint())
        .region(c.region())
        .privateKey(c.privateKeyPem())
        .endpoints(simulator::endpoint)
        .build();
  }

  /** Fast options: 1 s read timeout, 5 attempts from 20 ms, generous rate limits. */
  public static OciOptions.Builder options() {
    return OciOptions.builder()
        .connectTimeout(Duration.ofSeconds(1))
        .readTimeout(Duration.ofSeconds(1))
        .serviceRateLimit(500)
        .rateLimit(OciService.MONITORING, 500)
        .tenancyRateLimit(1000)
        .retry(
            new OciOptions.RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.5));
  }

  public static OciConnection connect(OciSimulator simulator, OciOptions options) {
    return (OciConnection) OciCloud.create(options).connect(ACCOUNT, config(simulator));
  }
}
