package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.Credentials;
import app.cloudey.MetricSyncResult;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.Account;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.MetricSource;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A metric sync counts the provider requests that failed after retries ({@link
 * MetricSyncResult#failedRequests()}), so missing days from a failure are told apart from missing
 * days without data.
 */
class MetricFailuresTest {
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryStore store = InMemoryStore.create(clock);
  private Cloudey cloudey;

  @AfterEach
  void stop() {
    if (cloudey != null) {
      cloudey.close();
    }
    store.close();
  }

  /** A source whose every fetch has no data, reporting {@code failures} failed requests. */
  private static MetricSource failing(int failures) {
    return new MetricSource() {
      @Override
      public Set<MetricName> metricsFor(ResourceType type) {
        return type == ResourceType.INSTANCE ? Set.of(MetricName.CPU_UTILIZATION) : Set.of();
      }

      @Override
      public Stream<MetricDaily> fetchDaily(List<Resource> resources, Period window) {
        return fetchDaily(resources, window, f -> {});
      }

      @Override
      public Stream<MetricDaily> fetchDaily(
          List<Resource> resources, Period window, Consumer<String> failedRequest) {
        for (int i = 0; i < failures; i++) {
          failedRequest.accept("batch " + i + ": 500 InternalServerError");
        }
        return resources.stream()
            .flatMap(
                r ->
                    window
                        .dayStream()
                        .map(
                            d ->
                                MetricDaily.missing(
                                    r.accountId(), r.id(), MetricName.CPU_UTILIZATION, d)));
      }
    };
  }

  private MetricSyncResult syncWith(MetricSource metrics) {
    ForwardingCloudProvider provider =
        new ForwardingCloudProvider(Fixtures.provider()) {
          @Override
          public CloudConnection connect(Account account, Credentials credentials) {
            CloudConnection real = super.connect(account, credentials);
            return new CloudConnection() {
              @Override
              public InventorySource inventory() {
                return real.inventory();
              }

              @Override
              public CostSource costs() {
                return real.costs();
              }

              @Override
              public MetricSource metrics() {
                return metrics;
              }

              @Override
              public void close() {
                real.close();
              }
            };
          }
        };
    cloudey =
        Cloudey.builder().cloud(provider, Fixtures.credentials()).store(store).clock(clock).build();
    cloudey.inventory().sync();
    return cloudey.metrics().sync(Fixtures.METRIC_WINDOW);
  }

  @Test
  void failedRequestsAreCountedApartFromDaysWithoutData() {
    MetricSyncResult result = syncWith(failing(2));
    assertThat(result.missing()).isPositive().isEqualTo(result.stored());
    assertThat(result.failedRequests()).isEqualTo(2);
    assertThat(result.hasFailures()).isTrue();
  }

  @Test
  void noDataWithoutFailuresIsNotAFailure() {
    MetricSyncResult result = syncWith(failing(0));
    assertThat(result.missing()).isPositive();
    assertThat(result.failedRequests()).isZero();
    assertThat(result.hasFailures()).isFalse();
  }
}
