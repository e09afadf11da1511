package app.cloudey.testkit;

import static app.cloudey.testkit.FakeCloudProvider.Operation.FETCH_COSTS;
import static app.cloudey.testkit.FakeCloudProvider.Operation.FETCH_METRICS;
import static app.cloudey.testkit.FakeCloudProvider.Operation.LIST_REGIONS;
import static app.cloudey.testkit.FakeCloudProvider.Operation.LIST_RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.Credentials;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.spi.CloudConnection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FakeCloudProviderTest {
  private final FakeCloudProvider fake = Fixtures.provider();
  private final AccountId a = AccountId.of("tenant-a");
  private final AccountId b = AccountId.of("tenant-b");

  private CloudConnection connect(AccountId id) {
    return fake.connect(Fixtures.account(id), Fixtures.credentials());
  }

  @Test
  void costPagesAreFetchedOnlyAsTheStreamIsConsumed() {
    // 12 lines in pages of 5: 5 + 5 + 2
    try (Stream<CostLine> lines = connect(a).costs().fetch(Fixtures.COST_PERIOD)) {
      assertThat(fake.calls(FETCH_COSTS)).isZero();
      Iterator<CostLine> it = lines.iterator();
      it.next();
      assertThat(fake.calls(FETCH_COSTS)).isEqualTo(1);
      for (int i = 1; i < 6; i++) {
        it.next();
      }
      assertThat(fake.calls(FETCH_COSTS)).isEqualTo(2);
      int rest = 0;
      while (it.hasNext()) {
        it.next();
        rest++;
      }
      assertThat(rest).isEqualTo(6);
      assertThat(fake.calls(FETCH_COSTS)).isEqualTo(3);
    }
  }

  @Test
  void anEmptyPeriodCostsOneCallAndNoLines() {
    try (Stream<CostLine> lines = connect(a).costs().fetch(Period.month(2026, 9))) {
      assertThat(lines).isEmpty();
    }
    assertThat(fake.calls(FETCH_COSTS)).isEqualTo(1);
  }

  @Test
  void everyAccountSeesTheSameDataStampedWithItsOwnId() {
    List<CostLine> ofA = connect(a).costs().fetch(Fixtures.COST_PERIOD).toList();
    List<CostLine> ofB = connect(b).costs().fetch(Fixtures.COST_PERIOD).toList();
    assertThat(ofA).containsExactlyInAnyOrderElementsOf(Fixtures.costLines(a));
    assertThat(ofB).containsExactlyInAnyOrderElementsOf(Fixtures.costLines(b));
    assertThat(connect(b).inventory().list(Fixtures.INSTANCES))
        .containsExactlyElementsOf(Fixtures.resources(b, Fixtures.INSTANCES));
    assertThat(connect(b).inventory().compartments())
        .containsExactlyElementsOf(Fixtures.compartments(b));
  }

  @Test
  void aFailingScopeFailsOnItsLastPageEveryTime() {
    FakeCloudProvider paged = Fixtures.providerBuilder().resourcePageSize(1).build();
    paged.failScope(Fixtures.INSTANCES);
    CloudConnection c = paged.connect(Fixtures.account(a), Fixtures.credentials());
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> c.inventory().list(Fixtures.INSTANCES))
          .isInstanceOfSatisfying(
              CloudeyProviderException.class,
              e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.requestId()).isPresent();
              });
    }
    // two pages per attempt: the first read, the second failed
    assertThat(paged.calls(LIST_RESOURCES)).isEqualTo(4);
    paged.clearFailures();
    assertThat(c.inventory().list(Fixtures.INSTANCES)).hasSize(2);
  }

  @Test
  void theNextCallsFailThenCallsSucceedAgain() {
    fake.failNext(LIST_REGIONS, 2);
    CloudConnection c = connect(a);
    assertThatThrownBy(() -> c.inventory().regions()).isInstanceOf(CloudeyProviderException.class);
    assertThatThrownBy(() -> c.inventory().regions()).isInstanceOf(CloudeyProviderException.class);
    assertThat(c.inventory().regions()).containsExactly("us-ashburn-1", "eu-frankfurt-1");
    assertThat(fake.calls(LIST_REGIONS)).isEqualTo(3);

    fake.failNextCalls(1);
    assertThatThrownBy(() -> c.inventory().compartments())
        .isInstanceOf(CloudeyProviderException.class);
    assertThat(c.inventory().compartments()).hasSize(4);
  }

  @Test
  void aCostStreamFailsWhenItReachesTheFailingDayAfterServingEarlierPages() {
    fake.failCostsOn(Fixtures.DAY3);
    Iterator<CostLine> it = connect(a).costs().fetch(Fixtures.COST_PERIOD).iterator();
    int served = 0;
    try {
      while (it.hasNext()) {
        it.next();
        served++;
      }
      throw new AssertionError("the stream should have failed");
    } catch (CloudeyProviderException expected) {
      // pages: [d1 x3, d2 x2] [d2 x2, d3 x3] -> the second page reaches 10-03
      assertThat(served).isEqualTo(5);
    }
  }

  @Test
  void metricsGiveOneEntryPerResourceMetricDayAndMissingWhereThereIsNoData() {
    List<MetricDaily> daily =
        connect(a).metrics().fetchDaily(Fixtures.resources(a), Fixtures.METRIC_WINDOW).toList();
    assertThat(daily).hasSize(18);
    assertThat(daily.stream().filter(MetricDaily::isMissing)).hasSize(9);
    assertThat(daily.stream().filter(m -> !m.isMissing()))
        .containsExactlyInAnyOrderElementsOf(Fixtures.metrics(a));
    // web1 CPU, web1 memory, web2 CPU, web2 memory, lb1, vol1
    assertThat(fake.calls(FETCH_METRICS)).isEqualTo(6);
  }

  @Test
  void aFailedMetricCallLeavesItsDaysMissing() {
    fake.failNext(FETCH_METRICS, 1);
    Resource web1 = Fixtures.resources(a).get(2);
    List<MetricDaily> daily =
        connect(a).metrics().fetchDaily(List.of(web1), Fixtures.METRIC_WINDOW).toList();
    // the first pair (CPU) failed: 3 missing; memory has 3 days of data
    assertThat(daily).hasSize(6);
    assertThat(daily.subList(0, 3)).allMatch(MetricDaily::isMissing);
    assertThat(daily.subList(3, 6)).noneMatch(MetricDaily::isMissing);
  }

  @Test
  void resourcesCanChangeBetweenListings() {
    CloudConnection c = connect(a);
    assertThat(fake.removeResource(Fixtures.WEB2)).isTrue();
    assertThat(c.inventory().list(Fixtures.INSTANCES))
        .extracting(Resource::id)
        .containsExactly(Fixtures.WEB1);
    fake.putResource(Fixtures.resources(a).get(3));
    assertThat(c.inventory().list(Fixtures.INSTANCES)).hasSize(2);
  }

  @Test
  void validateAcceptsOwnCredentialsAndNamesWhatIsWrongOtherwise() {
    assertThat(fake.validate(Fixtures.credentials()).homeRegion()).isEqualTo("us-ashburn-1");
    assertThatThrownBy(() -> fake.validate(new Credentials("oci", Map.of(), Set.of())))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("'oci'")
        .hasMessageContaining("'fake'");
    assertThatThrownBy(() -> fake.validate(new Credentials("fake", Map.of("x", "y"), Set.of())))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("tenancy");
  }

  @Test
  void callsAreCountedPerOperationAndCanBeReset() {
    CloudConnection c = connect(a);
    c.inventory().regions();
    Fixtures.POPULATED_SCOPES.forEach(c.inventory()::list);
    assertThat(fake.calls(LIST_REGIONS)).isEqualTo(1);
    assertThat(fake.calls(LIST_RESOURCES)).isEqualTo(5);
    assertThat(fake.totalCalls()).isEqualTo(6);
    fake.resetCalls();
    assertThat(fake.totalCalls()).isZero();
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> FakeCloudProvider.builder().costPageSize(0))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("costPageSize");
    assertThatThrownBy(() -> FakeCloudProvider.builder().regions(List.of()))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("regions");
  }
}
