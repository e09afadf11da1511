package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.MetricSyncResult;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncRun;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.spi.CloudConnection;
import app.cloudey.testkit.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One {@link OciCloud} serving many accounts: the connections share its bounded background threads
 * instead of keeping pools of their own, idle connections are closed and reopened through the real
 * SDK, and a closed provider leaves open connections working.
 */
class ManyAccountsIT {
  private static final LocalDate NOW = LocalDate.of(2026, 11, 26);

  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(11)
              .regions(1)
              .compartments(3)
              .instances(12)
              .days(20)
              .now(NOW));

  private static final int HTTP_THREADS = 12;

  private static OciCloud oci() {
    OciSimulator sim = SIM.simulator();
    // production timeouts and retries: this test is about threads and idle connections, and 48
    // scopes at once on a loaded 2-core machine can outlast the fail-fast test options
    return OciCloud.create(
        SimulatorSupport.options()
            .readTimeout(OciOptions.DEFAULT_READ_TIMEOUT)
            .retry(OciOptions.DEFAULT_RETRY)
            .httpThreads(HTTP_THREADS)
            .endpoints(sim::endpoint)
            .build());
  }

  @Test
  void accountsShareTheProvidersThreadsAndIdleConnectionsAreReopened() throws Exception {
    MutableClock clock = MutableClock.at(NOW.atTime(6, 0).toInstant(ZoneOffset.UTC));
    List<AccountId> ids =
        IntStream.range(0, 12).mapToObj(i -> AccountId.of("tenant-" + i)).toList();
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try (OciCloud oci = oci();
        Cloudey cloudey =
            Cloudey.builder()
                .cloud(oci)
                .clock(clock)
                .syncConcurrency(4)
                .connectionIdleTimeout(Duration.ofMinutes(5))
                .build()) {
      for (AccountId id : ids) {
        cloudey.accounts().add(id, SimulatorSupport.config(SIM.simulator()).toCredentials());
      }
      List<Future<MetricSyncResult>> syncs = new ArrayList<>();
      for (AccountId id : ids) {
        syncs.add(
            callers.submit(
                () -> {
                  SyncRun run = cloudey.account(id).inventory().sync();
                  assertThat(run.failures()).as("%s", id).isEmpty();
                  return cloudey.account(id).metrics().sync();
                }));
      }
      for (Future<MetricSyncResult> sync : syncs) {
        MetricSyncResult metrics = sync.get(120, TimeUnit.SECONDS);
        assertThat(metrics.stored()).as("%s", metrics.accountId()).isPositive();
      }
      // 12 connections were open at once, yet background threads are the provider's few
      List<String> ociThreads =
          Thread.getAllStackTraces().keySet().stream()
              .map(Thread::getName)
              .filter(name -> name.startsWith("cloudey-oci-"))
              .toList();
      assertThat(ociThreads.stream().filter(n -> n.startsWith("cloudey-oci-http-")))
          .hasSizeBetween(1, HTTP_THREADS);
      assertThat(ociThreads.stream().filter(n -> n.startsWith("cloudey-oci-metrics-")))
          .hasSizeBetween(1, 16);
      assertThat(ociThreads.stream().filter(n -> n.startsWith("cloudey-oci-attachments-")))
          .hasSizeLessThanOrEqualTo(8);
      assertThat(Thread.getAllStackTraces().keySet())
          .as("no SDK client keeps a thread pool of its own")
          .noneMatch(t -> t.getName().startsWith("jersey-client-async-executor"));

      // a connection keeps what never changes for a tenancy; a reopened one asks again
      AccountId first = ids.get(0);
      long namespaceCalls = SIM.simulator().requestCount("GetNamespace");
      cloudey.account(first).inventory().sync(Set.of(ResourceType.BUCKET));
      assertThat(SIM.simulator().requestCount("GetNamespace")).isEqualTo(namespaceCalls);
      clock.advance(Duration.ofMinutes(5));
      SyncRun reopened = cloudey.account(first).inventory().sync();
      assertThat(reopened.failures()).isEmpty();
      assertThat(SIM.simulator().requestCount("GetNamespace")).isEqualTo(namespaceCalls + 1);
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aClosedProviderRefusesNewConnectionsAndOpenOnesRunTheirBackgroundWorkInline() {
    OciCloud oci = oci();
    try (CloudConnection connection =
        oci.connect(SimulatorSupport.ACCOUNT, SimulatorSupport.config(SIM.simulator()))) {
      oci.close();
      assertThatThrownBy(
              () -> oci.connect(SimulatorSupport.ACCOUNT, SimulatorSupport.config(SIM.simulator())))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed");

      String region = connection.inventory().regions().get(0);
      List<Resource> instances = new ArrayList<>();
      List<Resource> volumes = new ArrayList<>();
      for (Compartment compartment : connection.inventory().compartments()) {
        instances.addAll(
            connection
                .inventory()
                .list(new Scope(region, compartment.id(), ResourceType.INSTANCE)));
        // volumes attached from another compartment need the (now closed) attachment threads
        volumes.addAll(
            connection
                .inventory()
                .list(new Scope(region, compartment.id(), ResourceType.BLOCK_VOLUME)));
      }
      assertThat(instances).isNotEmpty();
      assertThat(volumes).isNotEmpty();
      long days =
          connection
              .metrics()
              .fetchDaily(instances, Period.of(NOW.minusDays(3), NOW))
              .filter(d -> !d.isMissing())
              .count();
      assertThat(days).isPositive();
    }
  }
}
