package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.DAY1;
import static app.cloudey.testkit.Fixtures.DAY2;
import static app.cloudey.testkit.Fixtures.INSTANCES;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static app.cloudey.testkit.Fixtures.SEEN_AT;
import static app.cloudey.testkit.Fixtures.WEB1;
import static app.cloudey.testkit.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.DataKind;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract of {@link CloudeyStore#dataVersion}: one version per account and {@link DataKind}, 0
 * until data of that kind is first written, moved by exactly the writes that change data of that
 * kind (so a cached result stays valid exactly as long as what it read), never reused across kinds,
 * accounts and account deletes, and never moved by reads, refused writes, sync runs or account
 * registration.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class DataVersionContract extends StoreContract {

  private static final Instant LATER = SEEN_AT.plusSeconds(3600);

  /**
   * A write of each kind that changes the data of an account holding the fixture. Public so that
   * the parameterised test can name it.
   */
  public enum Write {
    /** Two of the four compartments disappear. */
    COMPARTMENTS(
        DataKind.INVENTORY,
        (s, id) ->
            s.inventory().replaceCompartments(id, Fixtures.compartments(id).subList(0, 2), LATER)),
    /** web1 and web2 disappear. */
    SCOPE(
        DataKind.INVENTORY, (s, id) -> s.inventory().replaceScope(id, INSTANCES, List.of(), LATER)),
    /** The lines of 10-02 disappear. */
    COST_LINES(
        DataKind.COSTS,
        (s, id) -> s.costs().replaceCostLines(id, Period.day(DAY2), Stream.empty())),
    /** October closes for the first time. */
    CLOSE_MONTH(DataKind.COSTS, (s, id) -> s.costs().closeMonth(id, OCTOBER, LATER)),
    /** web1's CPU on 10-02, missing in the fixture, gets data. */
    METRICS(
        DataKind.METRICS,
        (s, id) ->
            s.metrics()
                .upsert(
                    id,
                    List.of(
                        new MetricDaily(
                            id, WEB1, MetricName.CPU_UTILIZATION, DAY2, 1.0, 2.0, 2.0, 24)))),
    /** The metrics of 10-01 go. */
    METRIC_RETENTION(DataKind.METRICS, (s, id) -> s.metrics().deleteBefore(id, DAY2)),
    /** An advisor run is saved. */
    RECOMMENDATION_RUN(
        DataKind.RECOMMENDATIONS,
        (s, id) -> s.recommendations().save(DataVersionContract.emptyRun(id, LATER)));

    private final DataKind kind;
    private final BiConsumer<CloudeyStore, AccountId> write;

    Write(DataKind kind, BiConsumer<CloudeyStore, AccountId> write) {
      this.kind = kind;
      this.write = write;
    }

    public DataKind kind() {
      return kind;
    }

    public void apply(CloudeyStore store, AccountId id) {
      write.accept(store, id);
    }
  }

  /**
   * The fixture's compartments, scopes, cost lines, metrics and an advisor run, all listed at
   * {@code SEEN_AT}.
   */
  private void writeFixture(AccountId id) {
    store().inventory().replaceCompartments(id, Fixtures.compartments(id), SEEN_AT);
    for (var scope : Fixtures.POPULATED_SCOPES) {
      store().inventory().replaceScope(id, scope, Fixtures.resources(id, scope), SEEN_AT);
    }
    store().costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    store().metrics().upsert(id, Fixtures.metrics(id));
    store().recommendations().save(emptyRun(id, SEEN_AT));
  }

  /** An advisor run without findings, under a fresh id. */
  static app.cloudey.model.RecommendationRun emptyRun(AccountId id, Instant at) {
    return new app.cloudey.model.RecommendationRun(
        UUID.randomUUID().toString(), id, at, List.of(), List.of(), Map.of());
  }

  private AccountId accountWithFixture() {
    AccountId id = newAccount();
    writeFixture(id);
    return id;
  }

  private Map<DataKind, Long> versions(AccountId id) {
    Map<DataKind, Long> versions = new EnumMap<>(DataKind.class);
    for (DataKind kind : DataKind.values()) {
      versions.put(kind, store().dataVersion(id, kind));
    }
    return Collections.unmodifiableMap(versions);
  }

  /** Runs the write, then checks that exactly the versions of {@code moved} changed. */
  private void assertMoves(AccountId id, Runnable write, DataKind... moved) {
    Map<DataKind, Long> before = versions(id);
    write.run();
    Map<DataKind, Long> after = versions(id);
    Set<DataKind> expected = Set.of(moved);
    for (DataKind kind : DataKind.values()) {
      if (expected.contains(kind)) {
        assertThat(after.get(kind)).as("%s version", kind).isNotEqualTo(before.get(kind));
      } else {
        assertThat(after.get(kind)).as("%s version", kind).isEqualTo(before.get(kind));
      }
    }
  }

  private void assertMovesNothing(AccountId id, Runnable write) {
    assertMoves(id, write);
  }

  private static SyncRun run(AccountId id, String runId, @Nullable Instant finishedAt) {
    SyncRun started = SyncRun.started(runId, id, SyncKind.INVENTORY, SEEN_AT);
    return finishedAt == null ? started : started.succeeded(finishedAt);
  }

  // ---- zero, registration, sync runs, reads ----

  @Test
  public void everyVersionIsZeroWithoutData() {
    assertThat(versions(Fixtures.randomAccountId()))
        .containsOnlyKeys(DataKind.values())
        .allSatisfy((kind, version) -> assertThat(version).as("%s", kind).isZero());
    // registering an account writes no data of any kind
    AccountId registered = newAccount();
    assertThat(versions(registered).values()).containsOnly(0L);
  }

  /** {@link CloudeyStore#dataVersions} answers what {@link CloudeyStore#dataVersion} does. */
  @Test
  public void dataVersionsReadTogetherEqualEachVersion() {
    Set<DataKind> all = Set.of(DataKind.values());
    // an unknown account, a registered one without data, one with every kind of data
    assertThat(store().dataVersions(Fixtures.randomAccountId(), all))
        .containsOnlyKeys(DataKind.values())
        .allSatisfy((kind, version) -> assertThat(version).as("%s", kind).isZero());
    AccountId bare = newAccount();
    assertThat(store().dataVersions(bare, all)).isEqualTo(versions(bare));
    AccountId id = accountWithFixture();
    assertThat(store().dataVersions(id, all)).isEqualTo(versions(id));
    assertThat(versions(id).values()).doesNotContain(0L);
    // every subset asks for exactly its kinds
    assertThat(store().dataVersions(id, Set.of())).isEmpty();
    for (DataKind kind : DataKind.values()) {
      assertThat(store().dataVersions(id, Set.of(kind)))
          .as("%s alone", kind)
          .containsExactly(Map.entry(kind, store().dataVersion(id, kind)));
    }
    assertThat(store().dataVersions(id, Set.of(DataKind.COSTS, DataKind.RECOMMENDATIONS)))
        .containsOnly(
            Map.entry(DataKind.COSTS, versions(id).get(DataKind.COSTS)),
            Map.entry(DataKind.RECOMMENDATIONS, versions(id).get(DataKind.RECOMMENDATIONS)));
    // after a write, the moved version; after a delete, zeros again
    Write.COST_LINES.apply(store(), id);
    assertThat(store().dataVersions(id, all)).isEqualTo(versions(id));
    store().accounts().delete(id);
    assertThat(store().dataVersions(id, all).values()).containsOnly(0L);
  }

  @Test
  public void credentialUpdatesChangeNoVersion() {
    AccountId id = accountWithFixture();
    assertMovesNothing(id, () -> store().accounts().updateCredentials(id, Fixtures.credentials()));
  }

  @Test
  public void syncRunSavesAndTheirRetentionChangeNoVersion() {
    AccountId id = accountWithFixture();
    String runId = "run-" + UUID.randomUUID();
    assertMovesNothing(id, () -> store().syncRuns().save(run(id, runId, null)));
    assertMovesNothing(id, () -> store().syncRuns().save(run(id, runId, SEEN_AT.plusSeconds(3))));
    assertMovesNothing(id, () -> store().syncRuns().deleteBefore(id, LATER));
    assertThat(store().syncRuns().find(id, runId)).isEmpty();
    // also on an account without any other data
    AccountId bare = newAccount();
    store().syncRuns().save(run(bare, "run-1", SEEN_AT));
    assertThat(versions(bare).values()).containsOnly(0L);
  }

  @Test
  public void readsChangeNoVersion() {
    AccountId id = accountWithFixture();
    store().costs().closeMonth(id, OCTOBER, LATER);
    assertMovesNothing(
        id,
        () -> {
          store().accounts().find(id);
          store().accounts().list();
          store().inventory().compartments(id);
          store().inventory().resources(id, ResourceFilter.ALL.withDeleted());
          store().inventory().findResource(id, WEB1);
          store()
              .costs()
              .aggregate(id, CostQuery.of(COST_PERIOD).compartmentSubtree(Fixtures.PROD));
          try (Stream<CostLine> lines = store().costs().lines(id, COST_PERIOD)) {
            assertThat(lines.count()).isEqualTo(Fixtures.COST_LINE_COUNT);
          }
          store().costs().lastIngestAt(id);
          store().costs().findClosedMonth(id, OCTOBER);
          store().costs().rollups(id, OCTOBER, app.cloudey.model.CostDimension.SERVICE);
          store().metrics().daily(id, MetricQuery.of(Fixtures.METRIC_WINDOW));
          store().syncRuns().recent(id, 5);
        });
  }

  @Test
  public void refusedWritesChangeNoVersion() {
    AccountId id = accountWithFixture();
    AccountId other = Fixtures.randomAccountId();
    assertMovesNothing(
        id,
        () -> {
          // a resource of another account in the listing: refused, nothing written
          assertThatThrownBy(
                  () ->
                      store()
                          .inventory()
                          .replaceScope(id, INSTANCES, Fixtures.resources(other, INSTANCES), LATER))
              .isInstanceOf(CloudeyException.class);
          // a line outside the replaced days: refused, nothing written
          assertThatThrownBy(
                  () ->
                      store()
                          .costs()
                          .replaceCostLines(
                              id, Period.day(DAY2), Fixtures.costLines(id, Fixtures.DAY3).stream()))
              .isInstanceOf(CloudeyException.class);
        });
  }

  // ---- inventory ----

  @Test
  public void relistingTheSameCompartmentTreeChangesNoVersion() {
    AccountId id = accountWithFixture();
    assertMovesNothing(
        id, () -> store().inventory().replaceCompartments(id, Fixtures.compartments(id), LATER));
    List<Compartment> reversed = new ArrayList<>(Fixtures.compartments(id));
    Collections.reverse(reversed);
    assertMovesNothing(id, () -> store().inventory().replaceCompartments(id, reversed, LATER));
  }

  @Test
  public void anAddedChangedDeletedOrReturningCompartmentMovesInventoryOnly() {
    AccountId id = accountWithFixture();
    List<Compartment> tree = new ArrayList<>(Fixtures.compartments(id));
    Compartment staging =
        new Compartment(
            id,
            "ocid1.compartment.oc1..staging",
            Fixtures.ROOT,
            "staging",
            "root/staging",
            "ACTIVE");
    tree.add(staging);
    assertMoves(
        id, () -> store().inventory().replaceCompartments(id, tree, LATER), DataKind.INVENTORY);

    Compartment renamed =
        new Compartment(id, staging.id(), Fixtures.ROOT, "stage", "root/stage", "ACTIVE");
    tree.set(tree.size() - 1, renamed);
    assertMoves(
        id, () -> store().inventory().replaceCompartments(id, tree, LATER), DataKind.INVENTORY);

    List<Compartment> withoutStage = tree.subList(0, tree.size() - 1);
    assertMoves(
        id,
        () -> store().inventory().replaceCompartments(id, List.copyOf(withoutStage), LATER),
        DataKind.INVENTORY);
    // gone again: already deleted, nothing changes
    assertMovesNothing(
        id, () -> store().inventory().replaceCompartments(id, List.copyOf(withoutStage), LATER));
    // back: live again
    assertMoves(
        id, () -> store().inventory().replaceCompartments(id, tree, LATER), DataKind.INVENTORY);
    assertThat(store().inventory().compartments(id)).contains(renamed);
  }

  @Test
  public void relistingAnUnchangedScopeChangesNoVersion() {
    AccountId id = accountWithFixture();
    assertMovesNothing(
        id,
        () ->
            store()
                .inventory()
                .replaceScope(id, INSTANCES, Fixtures.resources(id, INSTANCES), LATER));
    // an empty scope listed empty again
    assertMovesNothing(
        id, () -> store().inventory().replaceScope(id, Fixtures.EMPTY_SCOPE, List.of(), LATER));
  }

  @Test
  public void aCreatedUpdatedOrDeletedResourceMovesInventoryOnly() {
    AccountId id = accountWithFixture();
    List<Resource> instances = new ArrayList<>(Fixtures.resources(id, INSTANCES));
    Resource web3 =
        instances.get(0).toBuilder().id("ocid1.instance.oc1.iad.web3").name("web3").build();
    instances.add(web3);
    assertMoves(
        id,
        () -> store().inventory().replaceScope(id, INSTANCES, instances, LATER),
        DataKind.INVENTORY);

    instances.set(instances.size() - 1, web3.toBuilder().lifecycleState("STOPPED").build());
    assertMoves(
        id,
        () -> store().inventory().replaceScope(id, INSTANCES, instances, LATER),
        DataKind.INVENTORY);

    assertMoves(
        id,
        () ->
            store()
                .inventory()
                .replaceScope(id, INSTANCES, Fixtures.resources(id, INSTANCES), LATER),
        DataKind.INVENTORY);
  }

  // ---- metrics ----

  @Test
  public void upsertingWhatIsStoredChangesNoVersion() {
    AccountId id = accountWithFixture();
    assertMovesNothing(id, () -> store().metrics().upsert(id, Fixtures.metrics(id)));
    assertMovesNothing(id, () -> store().metrics().upsert(id, List.of()));
    // a failed fetch of a day that has data is not stored, so nothing changes
    assertMovesNothing(
        id,
        () ->
            store()
                .metrics()
                .upsert(
                    id, List.of(MetricDaily.missing(id, WEB1, MetricName.CPU_UTILIZATION, DAY1))));
    MetricDaily missing = MetricDaily.missing(id, WEB1, MetricName.CPU_UTILIZATION, DAY2);
    store().metrics().upsert(id, List.of(missing));
    // a missing day stored as missing again
    assertMovesNothing(id, () -> store().metrics().upsert(id, List.of(missing)));
  }

  @Test
  public void aNewOrChangedMetricRowMovesMetricsOnly() {
    AccountId id = accountWithFixture();
    // web2 CPU on 10-01: no row yet; even a missing day is a new row
    assertMoves(
        id,
        () ->
            store()
                .metrics()
                .upsert(
                    id,
                    List.of(
                        MetricDaily.missing(id, Fixtures.WEB2, MetricName.CPU_UTILIZATION, DAY1))),
        DataKind.METRICS);
    // web1 CPU on 10-01 was 12.5 / 40 / 35 over 24 samples
    assertMoves(
        id,
        () ->
            store()
                .metrics()
                .upsert(
                    id,
                    List.of(
                        new MetricDaily(
                            id, WEB1, MetricName.CPU_UTILIZATION, DAY1, 12.5, 41.0, 35.0, 24))),
        DataKind.METRICS);
    // one changed row among unchanged ones is enough
    List<MetricDaily> batch = new ArrayList<>(Fixtures.metrics(id));
    batch.set(0, new MetricDaily(id, WEB1, MetricName.CPU_UTILIZATION, DAY1, 12.5, 40.0, 35.0, 23));
    assertMoves(id, () -> store().metrics().upsert(id, batch), DataKind.METRICS);
  }

  @Test
  public void metricRetentionMovesMetricsOnlyWhenItDeletesRows() {
    AccountId id = accountWithFixture();
    assertMovesNothing(id, () -> store().metrics().deleteBefore(id, DAY1));
    assertMoves(id, () -> store().metrics().deleteBefore(id, DAY2), DataKind.METRICS);
    assertMovesNothing(id, () -> store().metrics().deleteBefore(id, DAY2));
  }

  // ---- costs ----

  @Test
  public void reingestingIdenticalLinesChangesNoVersion() {
    AccountId id = accountWithFixture();
    assertMovesNothing(
        id,
        () -> store().costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream()));
    List<CostLine> reversed = new ArrayList<>(Fixtures.costLines(id));
    Collections.reverse(reversed);
    assertMovesNothing(
        id, () -> store().costs().replaceCostLines(id, COST_PERIOD, reversed.stream()));
    // no lines over days that have none
    assertMovesNothing(
        id,
        () ->
            store().costs().replaceCostLines(id, Period.month(2026, 9), Stream.<CostLine>empty()));
  }

  @Test
  public void changedAddedOrRemovedLinesMoveCostsOnly() {
    AccountId id = accountWithFixture();
    List<CostLine> day2 = new ArrayList<>(Fixtures.costLines(id, DAY2));
    day2.set(0, day2.get(0).toBuilder().cost(usd("3.01")).build());
    assertMoves(
        id,
        () -> store().costs().replaceCostLines(id, Period.day(DAY2), day2.stream()),
        DataKind.COSTS);
    // the same amount with another quantity is another line
    day2.set(1, day2.get(1).toBuilder().quantity(new java.math.BigDecimal("769")).build());
    assertMoves(
        id,
        () -> store().costs().replaceCostLines(id, Period.day(DAY2), day2.stream()),
        DataKind.COSTS);
    assertMoves(
        id,
        () ->
            store()
                .costs()
                .replaceCostLines(
                    id, Period.day(Fixtures.NOVEMBER_FIRST), Stream.of(Fixtures.novemberLine(id))),
        DataKind.COSTS);
    assertMoves(
        id,
        () -> store().costs().replaceCostLines(id, Period.day(DAY2), Stream.empty()),
        DataKind.COSTS);
  }

  @Test
  public void monthCloseMovesCostsOnlyWhenTheMonthsCloseChanges() {
    AccountId id = accountWithFixture();
    assertMoves(id, () -> store().costs().closeMonth(id, OCTOBER, LATER), DataKind.COSTS);
    // the same close again: same time, same rollups
    assertMovesNothing(id, () -> store().costs().closeMonth(id, OCTOBER, LATER));
    // a re-close records another time
    Instant evenLater = LATER.plusSeconds(60);
    assertMoves(id, () -> store().costs().closeMonth(id, OCTOBER, evenLater), DataKind.COSTS);
    // identical lines keep the month closed: nothing changes
    assertMovesNothing(
        id,
        () -> store().costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream()));
    // a correction reopens the month, closing it again moves the version once more
    assertMoves(
        id,
        () -> store().costs().replaceCostLines(id, Period.day(DAY2), Stream.empty()),
        DataKind.COSTS);
    assertMoves(id, () -> store().costs().closeMonth(id, OCTOBER, evenLater), DataKind.COSTS);
    // a month without lines goes from open to closed: that is a change too
    assertMoves(
        id,
        () -> store().costs().closeMonth(id, java.time.YearMonth.of(2026, 9), LATER),
        DataKind.COSTS);
  }

  // ---- every kind, every account, never reused ----

  @ParameterizedTest
  @EnumSource(Write.class)
  public void everyKindOfWriteMovesTheVersionOfItsKindOnly(Write write) {
    AccountId id = accountWithFixture();
    AccountId other = accountWithFixture();
    Map<DataKind, Long> othersBefore = versions(other);
    assertMoves(id, () -> write.apply(store(), id), write.kind());
    assertThat(versions(other)).as("another account's versions").isEqualTo(othersBefore);
  }

  @Test
  public void versionsNeverRepeatAcrossKindsAccountsAndDeletes() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    List<Long> seen = new ArrayList<>();
    writeFixture(id);
    seen.addAll(versions(id).values());
    writeFixture(other);
    seen.addAll(versions(other).values());
    for (Write write : Write.values()) {
      write.apply(store(), id);
      seen.add(store().dataVersion(id, write.kind()));
    }
    assertThat(store().accounts().delete(id)).isTrue();
    assertThat(versions(id).values()).as("versions after delete").containsOnly(0L);
    store().accounts().add(Fixtures.account(id), Fixtures.credentials());
    writeFixture(id);
    seen.addAll(versions(id).values());
    // a version seen twice would make a stale cached result reachable again
    assertThat(seen).doesNotContain(0L);
    assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
  }
}
