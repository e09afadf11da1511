package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyProviderException;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.internal.OciConnection;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.spi.CloudeyListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the adapter calls OCI, seen from the server's side: the simulator counts every request it
 * receives, so hidden SDK retries would show as more requests than our listener saw; and its rate
 * limit answers 429, so limits that were not shared would show as throttling.
 */
class OciCallsIT {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(OciSimulator.builder().seed(5).instances(40).pageSize(5));

  /** Events per operation and status, e.g. {@code ListInstances 503}. */
  private final Map<String, AtomicInteger> events = new ConcurrentHashMap<>();

  private final CloudeyListener recording =
      new CloudeyListener() {
        @Override
        public void apiCall(String provider, String operation, int status, Duration latency) {
          events
              .computeIfAbsent(operation + " " + status, k -> new AtomicInteger())
              .incrementAndGet();
          events.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        }
      };

  private static OciSimulator sim() {
    return SIM.simulator();
  }

  @BeforeEach
  void reset() {
    sim().faults().clear();
    sim().resetRequestCounts();
  }

  private int seen(String key) {
    AtomicInteger n = events.get(key);
    return n == null ? 0 : n.get();
  }

  private Scope instances() {
    return new Scope(
        sim().truth().homeRegion(), sim().truth().compartmentIds().get(0), ResourceType.INSTANCE);
  }

  @Test
  void theSdkMakesNoRetriesOfItsOwn() {
    // one attempt only: the SDK's default would retry a 503 several times
    OciOptions once =
        SimulatorSupport.options().listener(recording).retry(OciOptions.RetryPolicy.none()).build();
    sim().faults().failNext("ListInstances", 1, 503);
    try (OciConnection c = SimulatorSupport.connect(sim(), once)) {
      assertThatThrownBy(() -> c.inventory().list(instances()))
          .isInstanceOf(CloudeyProviderException.class)
          .hasMessageContaining("503");
    }
    assertThat(sim().requestCount("ListInstances")).isEqualTo(1);

    // our retries: three failures then success, four requests, each one seen by the listener
    sim().faults().failNext("ListInstances", 3, 500);
    try (OciConnection c =
        SimulatorSupport.connect(sim(), SimulatorSupport.options().listener(recording).build())) {
      assertThat(c.inventory().list(instances())).isNotNull();
    }
    assertThat(seen("ListInstances 500")).isEqualTo(3);
    assertThat(sim().requestCount("ListInstances")).isEqualTo(seen("ListInstances"));
  }

  @Test
  void connectionsToOneTenancyShareItsRateLimit() throws Exception {
    // the server allows 20 compute requests/s; the client is configured for 18 per tenancy
    sim().faults().rateLimit("compute", 20);
    OciCloud shared = cloudAt18PerSecond();
    int throttled = hammer(shared, shared);
    assertThat(throttled).as("429s with shared limits").isZero();

    // the control: two clouds, each with its own 18/s, together exceed the server's 20/s
    assertThat(hammer(shared, cloudAt18PerSecond())).as("429s with separate limits").isPositive();
  }

  /** Compute limited to 18 requests/s, no retries (so every 429 is seen). */
  private OciCloud cloudAt18PerSecond() {
    return OciCloud.create(
        SimulatorSupport.options()
            .listener(recording)
            .rateLimit(OciService.COMPUTE, 18)
            .retry(OciOptions.RetryPolicy.none())
            .build());
  }

  /** One connection through each cloud lists instances as fast as it may for 1.5 s; 429s seen. */
  private int hammer(OciCloud a, OciCloud b) throws Exception {
    events.clear();
    List<CompletableFuture<Void>> runs = new ArrayList<>();
    for (OciCloud cloud : List.of(a, b)) {
      runs.add(
          CompletableFuture.runAsync(
              () -> {
                try (var c =
                    (OciConnection)
                        cloud.connect(SimulatorSupport.ACCOUNT, SimulatorSupport.config(sim()))) {
                  long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
                  while (System.nanoTime() < end) {
                    try {
                      c.inventory().list(instances());
                    } catch (app.cloudey.CloudeyException e) {
                      // a 429 with retries off: counted by the listener
                    }
                  }
                }
              }));
    }
    for (CompletableFuture<Void> run : runs) {
      run.get();
    }
    return seen("ListInstances 429");
  }

  @Test
  void cloudeysListenersSeeEveryOciCallWithoutConfiguringTheAdapter() {
    OciCloud plain = OciCloud.create(SimulatorSupport.options().endpoints(sim()::endpoint).build());
    try (Cloudey cloudey =
        Cloudey.builder()
            .cloud(plain, SimulatorSupport.config(sim()).toCredentials())
            .listener(recording)
            .build()) {
      cloudey.inventory().sync(java.util.Set.of(ResourceType.INSTANCE));
    }
    assertThat(seen("ListInstances")).isPositive();
    assertThat((long) seen("ListInstances")).isEqualTo(sim().requestCount("ListInstances"));
    assertThat((long) seen("ListCompartments")).isEqualTo(sim().requestCount("ListCompartments"));
  }
}
