package app.cloudey.testkit;

import static app.cloudey.model.CostDimension.COMPARTMENT;
import static app.cloudey.model.CostDimension.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.Credentials;
import app.cloudey.MetricSyncResult;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The facade end to end on the in-memory defaults and the fake provider: sync, safe deletion, cost
 * refresh, cached queries, month close and tenant isolation. Numbers come from {@link Fixtures}.
 */
class CloudeyEndToEndTest {
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final RecordingListener listener = new RecordingListener();
  private FakeCloudProvider fake;
  private InMemoryStore store;
  private Cloudey cloudey;

  @BeforeEach
  void start() {
    fake = Fixtures.provider();
    store = InMemoryStore.create(clock);
    cloudey =
        Cloudey.builder()
            .cloud(fake, Fixtures.credentials())
            .store(store)
            .clock(clock)
            .listener(listener)
            .build();
  }

  @AfterEach
  void stop() {
    cloudey.close();
    store.close();
  }

  @Test
  void syncStoresEveryResourceAndCountsPerTypeAndRegion() {
    SyncRun run = cloudey.inventory().sync();

    // 2 regions x 4 compartments x 5 types
    assertThat(run.scopesTotal()).isEqualTo(40);
    assertThat(run.scopesCompleted()).isEqualTo(40);
    assertThat(run.isSuccessful()).isTrue();
    assertThat(run.total(ResourceType.INSTANCE).created()).isEqualTo(2);
    assertThat(run.counts())
        .contains(new SyncCount(ResourceType.BLOCK_VOLUME, Fixtures.OTHER_REGION, 1, 0, 0, 0));
    assertThat(cloudey.inventory().resources())
        .extracting(Resource::id)
        .containsExactly(
            Fixtures.BOOT1,
            Fixtures.BUCKET1,
            Fixtures.WEB1,
            Fixtures.WEB2,
            Fixtures.LB1,
            Fixtures.VOL1);
    assertThat(cloudey.inventory().compartments()).hasSize(4);
    assertThat(listener.scopesCompleted()).isEqualTo(40);
    assertThat(cloudey.inventory().history(5)).first().isEqualTo(run);
  }

  @Test
  void aSecondSyncIsUnchangedAndAnAbsentResourceIsMarkedDeleted() {
    cloudey.inventory().sync();
    fake.removeResource(Fixtures.WEB2);

    SyncRun second = cloudey.inventory().sync();

    assertThat(second.total(ResourceType.INSTANCE))
        .isEqualTo(new SyncCount(ResourceType.INSTANCE, "*", 0, 0, 1, 1));
    assertThat(cloudey.inventory().resources(ResourceFilter.of(ResourceType.INSTANCE)))
        .extracting(Resource::id)
        .containsExactly(Fixtures.WEB1);
    // still readable by id, as deleted
    assertThat(cloudey.inventory().find(Fixtures.WEB2)).isPresent();
  }

  @Test
  void theSyncTracksWhenResourcesWereFirstSeenChangedStateAndLostTheirAttachment() {
    Instant first = clock.instant();
    cloudey.inventory().sync();
    clock.advance(Duration.ofDays(3));
    Instant later = clock.instant();
    Resource web2 = cloudey.inventory().find(Fixtures.WEB2).orElseThrow();
    fake.putResource(web2.toBuilder().lifecycleState("RUNNING").build());
    Resource boot1 = cloudey.inventory().find(Fixtures.BOOT1).orElseThrow();
    fake.putResource(
        boot1.toBuilder().spec(boot1.spec().toBuilder().attachedTo(null).build()).build());

    cloudey.inventory().sync();

    assertThat(tracking(Fixtures.WEB1)).isEqualTo(new Resource.Tracking(first, first, null));
    assertThat(tracking(Fixtures.WEB2)).isEqualTo(new Resource.Tracking(first, later, null));
    assertThat(tracking(Fixtures.VOL1)).isEqualTo(new Resource.Tracking(first, first, first));
    assertThat(tracking(Fixtures.BOOT1)).isEqualTo(new Resource.Tracking(first, first, later));
  }

  private Resource.Tracking tracking(String resourceId) {
    return cloudey.inventory().find(resourceId).orElseThrow().tracking();
  }

  @Test
  void aFailedScopeIsReportedAndItsStoredResourcesAreUntouched() {
    cloudey.inventory().sync();
    fake.removeResource(Fixtures.VOL1); // would be deleted if the failing listing were trusted
    fake.failScope(Fixtures.BLOCK_VOLUMES);

    SyncRun run = cloudey.inventory().sync();

    assertThat(run.isSuccessful()).isFalse();
    assertThat(run.scopesCompleted()).isEqualTo(39);
    assertThat(run.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.scope()).isEqualTo(Fixtures.BLOCK_VOLUMES);
              assertThat(f.requestId()).startsWith("fake-");
            });
    assertThat(cloudey.inventory().resources(ResourceFilter.of(ResourceType.BLOCK_VOLUME)))
        .extracting(Resource::id)
        .containsExactly(Fixtures.VOL1);
  }

  @Test
  void refreshStoresCostsAndQueriesSumThemToTheCent() {
    var results = cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));

    assertThat(results)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.lines()).isEqualTo(12);
              assertThat(r.totals()).containsExactly(Fixtures.usd("18.24"));
            });
    CostReport bySvc =
        cloudey.costs().query(CostQuery.of(Period.month(Fixtures.OCTOBER)).groupBy(SERVICE));
    assertThat(bySvc.rows())
        .containsExactly(
            new CostRow(List.of("COMPUTE"), Fixtures.usd("12.34")),
            new CostRow(List.of("BLOCK_STORAGE"), Fixtures.usd("5.60")),
            new CostRow(List.of("NETWORK"), Fixtures.usd("0.30")));
    assertThat(bySvc.total()).contains(Fixtures.usd("18.24"));
  }

  @Test
  void refreshingTwiceNeverDuplicatesACost() {
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));

    CostReport total = cloudey.costs().query(CostQuery.of(Period.month(Fixtures.OCTOBER)));
    assertThat(total.total()).contains(Fixtures.usd("18.24"));
  }

  @Test
  void topNKeepsTheTotalOfEverything() {
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));

    CostReport top =
        cloudey.costs().query(CostQuery.of(Period.month(Fixtures.OCTOBER)).groupBy(SERVICE).top(1));

    assertThat(top.rows()).containsExactly(new CostRow(List.of("COMPUTE"), Fixtures.usd("12.34")));
    assertThat(top.total()).contains(Fixtures.usd("18.24"));
  }

  @Test
  void aCompartmentSubtreeIncludesNestedCompartments() {
    cloudey.inventory().sync();
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));

    // root subtree = everything: prod 17.44 + dev 0.50 + root 0.30
    CostReport root =
        cloudey
            .costs()
            .query(
                CostQuery.of(Period.month(Fixtures.OCTOBER))
                    .compartmentSubtree(Fixtures.ROOT)
                    .groupBy(COMPARTMENT));
    assertThat(root.total()).contains(Fixtures.usd("18.24"));
    // prod subtree = prod (17.44) + prod/web (no costs)
    CostReport prod =
        cloudey
            .costs()
            .query(CostQuery.of(Period.month(Fixtures.OCTOBER)).compartmentSubtree(Fixtures.PROD));
    assertThat(prod.total()).contains(Fixtures.usd("17.44"));
  }

  @Test
  void repeatedQueriesHitTheCacheAndAWriteMakesThemMiss() {
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    CostQuery query = CostQuery.of(Period.month(Fixtures.OCTOBER)).groupBy(SERVICE);

    for (int i = 0; i < 10; i++) {
      cloudey.costs().query(query);
    }
    assertThat(listener.cacheMisses()).isEqualTo(1);
    assertThat(listener.cacheHits()).isEqualTo(9);

    // a refresh that brings a correction moves the cost version: the next query misses
    List<CostLine> corrected = new ArrayList<>(Fixtures.costLines(AccountId.of("fixture")));
    corrected.set(0, corrected.get(0).toBuilder().cost(Fixtures.usd("3.10")).build());
    fake.setCostLines(corrected);
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    // COMPUTE 12.34 + 0.10
    assertThat(cloudey.costs().query(query).rows())
        .first()
        .isEqualTo(new CostRow(List.of("COMPUTE"), Fixtures.usd("12.44")));
    assertThat(listener.cacheMisses()).isEqualTo(2);
  }

  @Test
  void writesThatChangeNoCostKeepCachedCostReports() {
    cloudey.inventory().sync();
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    CostQuery query = CostQuery.of(Period.month(Fixtures.OCTOBER)).groupBy(SERVICE);
    cloudey.costs().query(query);
    assertThat(listener.cacheMisses()).isEqualTo(1);

    // an inventory sync that deletes a resource (and saves its sync run), a metric sync and a
    // cost refresh that brings the same lines again: none changes a cost
    fake.removeResource(Fixtures.WEB2);
    cloudey.inventory().sync();
    cloudey.metrics().sync();
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));

    assertThat(cloudey.costs().query(query).total()).contains(Fixtures.usd("18.24"));
    assertThat(listener.cacheMisses()).isEqualTo(1);
    assertThat(listener.cacheHits()).isEqualTo(1);
  }

  @Test
  void monthCloseMarksTheMonthClosedAndIsIdempotent() {
    YearMonth october = Fixtures.OCTOBER;
    assertThat(cloudey.costs().monthStatus(october)).isEqualTo(MonthStatus.SETTLING);
    assertThat(cloudey.costs().monthStatus(YearMonth.of(2026, 11))).isEqualTo(MonthStatus.OPEN);
    assertThat(cloudey.costs().isDueForClose(october)).isTrue(); // 26 days after month end > 5

    var first = cloudey.costs().closeMonth(october);
    var second = cloudey.costs().closeMonth(october);

    assertThat(first.totals()).containsExactly(Fixtures.usd("18.24"));
    assertThat(second.totals()).isEqualTo(first.totals());
    assertThat(second.lines()).isEqualTo(12);
    assertThat(cloudey.costs().monthStatus(october)).isEqualTo(MonthStatus.CLOSED);
    assertThat(cloudey.costs().rollups(october, SERVICE))
        .first()
        .isEqualTo(new CostRow(List.of("COMPUTE"), Fixtures.usd("12.34")));
    assertThatThrownBy(() -> cloudey.costs().closeMonth(YearMonth.of(2026, 11)))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("only months before the current month");
  }

  @Test
  void aCostFetchFailingMidwayKeepsThePreviousLines() {
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    fake.failCostsOn(Fixtures.DAY3);

    assertThatThrownBy(() -> cloudey.costs().refresh(Period.month(Fixtures.OCTOBER)))
        .isInstanceOf(CloudeyProviderException.class);
    assertThat(cloudey.costs().query(CostQuery.of(Period.month(Fixtures.OCTOBER))).total())
        .contains(Fixtures.usd("18.24"));
  }

  @Test
  void metricSyncStoresOneEntryPerResourceMetricAndDayWithMissingDaysMarked() {
    cloudey.inventory().sync();

    MetricSyncResult result = cloudey.metrics().sync(Fixtures.METRIC_WINDOW);

    // web1 6, web2 6, lb1 3, vol1 3 (see Fixtures); 9 of them without data
    assertThat(result.stored()).isEqualTo(18);
    assertThat(result.missing()).isEqualTo(9);
    assertThat(result.resources()).isEqualTo(4);
  }

  @Test
  void accountsAreIsolated() {
    AccountId other = AccountId.of("other");
    cloudey.accounts().add(other, "Other tenancy", Fixtures.credentials());
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    CloudeyAccount otherView = cloudey.account(other);

    assertThat(otherView.costs().query(CostQuery.of(Period.month(Fixtures.OCTOBER))).totals())
        .isEmpty();
    assertThat(otherView.inventory().resources()).isEmpty();
    assertThat(cloudey.accounts().list())
        .extracting(a -> a.id().value())
        .containsExactly("default", "other");

    assertThat(cloudey.accounts().remove(other)).isTrue();
    assertThatThrownBy(() -> cloudey.account(other))
        .isInstanceOf(CloudeyNotFoundException.class)
        .hasMessageContaining("'other' is not registered");
  }

  @Test
  void aClosedCloudeyRefusesToReconnect() {
    cloudey.close();

    assertThatThrownBy(() -> cloudey.inventory().sync())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void removingAnAccountWaitsForItsRunningWork() throws Exception {
    AccountId other = AccountId.of("busy");
    cloudey.accounts().add(other, Fixtures.credentials());
    java.util.concurrent.CountDownLatch removed = new java.util.concurrent.CountDownLatch(1);
    Thread remover;
    // hold the account's lock as a running sync would; remove() must wait for it
    try (var lock = store.lock(other, java.time.Duration.ofSeconds(5))) {
      remover =
          new Thread(
              () -> {
                cloudey.accounts().remove(other);
                removed.countDown();
              });
      remover.start();
      assertThat(removed.await(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
    }
    assertThat(removed.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    remover.join();
    assertThat(cloudey.accounts().find(other)).isEmpty();
  }

  @Test
  void withoutADefaultAccountTheShortcutsExplainWhatToDo() {
    try (Cloudey multi = Cloudey.builder().cloud(fake).build()) {
      assertThatThrownBy(multi::inventory)
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("cloudey.account(id)");
      assertThatThrownBy(
              () ->
                  multi
                      .accounts()
                      .add(
                          AccountId.of("x"),
                          new Credentials("aws", Map.of("key", "value"), Set.of())))
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("no cloud provider 'aws'");
    }
  }
}
