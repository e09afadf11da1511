package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.core.requests.ListInstancesRequest;
import com.oracle.bmc.model.BmcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Injected faults reach the SDK as OCI would send them; requests are counted. */
class FaultsIT {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(5)
              .regions(1)
              .compartments(3)
              .instances(10)
              .days(2)
              .pageSize(50));

  private static ListInstancesRequest list(OciSimulator sim, String compartment) {
    return ListInstancesRequest.builder().compartmentId(compartment).build();
  }

  private static void expectStatus(
      ComputeClient compute, ListInstancesRequest request, int status) {
    assertThatThrownBy(() -> compute.listInstances(request))
        .isInstanceOfSatisfying(
            BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(status));
  }

  @Test
  void failNextReachesTheSdkAsBmcExceptionThenRecovers(OciSimulator sim) {
    String root = sim.truth().tenancyId();
    try (ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion())) {
      sim.faults().failNext("ListInstances", 2, 429);
      expectStatus(compute, list(sim, root), 429);
      expectStatus(compute, list(sim, root), 429);
      assertThat(compute.listInstances(list(sim, root)).getItems()).isNotNull();
      sim.faults().failNext("*", 1, 500);
      expectStatus(compute, list(sim, root), 500);
      sim.faults().failNext("ListInstances", 1, 503);
      expectStatus(compute, list(sim, root), 503);
      assertThat(compute.listInstances(list(sim, root)).getItems()).isNotNull();
    }
  }

  @Test
  void aFailingScopeFailsOnlyThatCompartment(OciSimulator sim) {
    String bad = sim.truth().compartmentIds().get(1);
    String good = sim.truth().compartmentIds().get(2);
    sim.faults().failScope("compute", bad, 500);
    try (ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion())) {
      expectStatus(compute, list(sim, bad), 500);
      expectStatus(compute, list(sim, bad), 500);
      assertThat(compute.listInstances(list(sim, good)).getItems()).isNotNull();
    }
  }

  @Test
  void aFailingOperationFailsOnlyThatCallInThatCompartment(OciSimulator sim) {
    String bad = sim.truth().compartmentIds().get(1);
    String good = sim.truth().compartmentIds().get(2);
    sim.faults().failOperationIn("ListInstances", bad, 503);
    try (ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion())) {
      expectStatus(compute, list(sim, bad), 503);
      assertThat(compute.listInstances(list(sim, good)).getItems()).isNotNull();
      // the compartment's other compute calls still answer
      assertThat(
              compute
                  .listVolumeAttachments(
                      com.oracle.bmc.core.requests.ListVolumeAttachmentsRequest.builder()
                          .compartmentId(bad)
                          .build())
                  .getItems())
          .isNotNull();
    }
  }

  @Test
  void aHangIsATimeoutForTheClient(OciSimulator sim) {
    sim.faults().timeoutNext("ListInstances", 1, Duration.ofSeconds(3));
    try (ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion(), 1_000)) {
      assertThatThrownBy(() -> compute.listInstances(list(sim, sim.truth().tenancyId())))
          .isInstanceOfSatisfying(BmcException.class, e -> assertThat(e.isTimeout()).isTrue());
    }
  }

  @Test
  void aServiceRateLimitAnswers429BeyondTheRate(OciSimulator sim) {
    sim.faults().rateLimit("compute", 2);
    int throttled = 0;
    try (ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion())) {
      for (int i = 0; i < 8; i++) {
        try {
          compute.listInstances(list(sim, sim.truth().tenancyId()));
        } catch (BmcException e) {
          assertThat(e.getStatusCode()).isEqualTo(429);
          throttled++;
        }
      }
    }
    // a bucket of 2 tokens refilled at 2/s cannot admit 8 back-to-back calls
    assertThat(throttled).isPositive();
  }

  @Test
  void latencyDoesNotSerialiseConcurrentRequests(OciSimulator sim) throws Exception {
    try (ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion())) {
      compute.listInstances(list(sim, sim.truth().tenancyId())); // warm up the connection pool
      sim.faults().latency(Duration.ofMillis(700));
      ExecutorService pool = Executors.newFixedThreadPool(6);
      long start = System.nanoTime();
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        calls.add(pool.submit(() -> compute.listInstances(list(sim, sim.truth().tenancyId()))));
      }
      for (Future<?> f : calls) {
        f.get();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      pool.shutdown();
      // serialised, 6 x 700 ms would take 4.2 s
      assertThat(millis).isLessThan(3_000);
    }
  }

  @Test
  void requestsAreCountedPerOperation(OciSimulator sim) {
    sim.resetRequestCounts();
    try (ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion())) {
      for (int i = 0; i < 3; i++) {
        compute.listInstances(list(sim, sim.truth().tenancyId()));
      }
    }
    assertThat(sim.requestCount("ListInstances")).isEqualTo(3);
    assertThat(sim.requestCountsByService()).containsEntry("compute", 3L);
    assertThat(sim.totalRequests()).isEqualTo(3);
  }
}
