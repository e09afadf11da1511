package app.cloudey.store.postgres;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.DataKind;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudeyStore.AccountLock;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tenant isolation on every read path, account deletion, retention and the account lock. */
class PostgresStoreIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private PostgresStore store;

  @BeforeEach
  void open() {
    store = TestDatabase.of(PG).store();
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** Same OCIDs, same months, same scopes; B's amounts are 10x A's so a leak shows in sums. */
  private void populate(AccountId id, String factor) {
    store.accounts().add(Fixtures.account(id), Fixtures.credentials());
    store.inventory().replaceCompartments(id, Fixtures.compartments(id), NOW);
    for (Scope scope : Fixtures.POPULATED_SCOPES) {
      store.inventory().replaceScope(id, scope, Fixtures.resources(id, scope), NOW);
    }
    List<CostLine> lines = new ArrayList<>();
    for (CostLine l : Fixtures.costLines(id)) {
      lines.add(l.toBuilder().cost(l.cost().times(new java.math.BigDecimal(factor))).build());
    }
    store.costs().replaceCostLines(id, COST_PERIOD, lines.stream());
    store.costs().closeMonth(id, OCTOBER, NOW);
    store.metrics().upsert(id, Fixtures.metrics(id));
    store
        .syncRuns()
        .save(
            new SyncRun(
                "run-1",
                id,
                SyncKind.INVENTORY,
                app.cloudey.model.SyncState.SUCCEEDED,
                NOW,
                NOW,
                1,
                1,
                List.of(),
                0,
                0,
                List.of(),
                null));
  }

  @Test
  void twoAccountsWithOverlappingOcidsAndMonthsNeverSeeEachOthersRows() {
    AccountId a = Fixtures.randomAccountId();
    AccountId b = Fixtures.randomAccountId();
    populate(a, "1");
    populate(b, "10");
    // A: 18.24 USD (hand-computed in CostStoreContract); B: 10 x 18.24 = 182.4
    assertOwnRows(a, "18.24");
    assertOwnRows(b, "182.4");

    // a write to B changes nothing A reads
    store.inventory().replaceScope(b, Fixtures.INSTANCES, List.of(), NOW);
    store.costs().replaceCostLines(b, COST_PERIOD, Stream.empty());
    store.metrics().deleteBefore(b, Fixtures.DAY3.plusDays(30));
    store.syncRuns().deleteBefore(b, NOW.plusSeconds(1));
    assertOwnRows(a, "18.24");
    assertThat(store.inventory().findResource(b, Fixtures.WEB1).orElseThrow()).isNotNull();
    assertThat(
            store
                .inventory()
                .resources(b, ResourceFilter.of(app.cloudey.model.ResourceType.INSTANCE)))
        .isEmpty();
    assertThat(store.costs().findClosedMonth(b, OCTOBER)).isEmpty();
  }

  private void assertOwnRows(AccountId id, String total) {
    Money money = Money.of(total, "USD");
    assertThat(store.accounts().find(id).orElseThrow().id()).isEqualTo(id);
    assertThat(store.accounts().credentials(id)).isEqualTo(Fixtures.credentials());
    assertThat(store.inventory().compartments(id)).isEqualTo(Fixtures.compartments(id));
    assertThat(
            store.inventory().resources(id, ResourceFilter.ALL.withDeleted()).stream()
                .map(app.cloudey.model.Resource::asListed))
        .isEqualTo(Fixtures.resources(id));
    assertThat(store.inventory().findResource(id, Fixtures.WEB1).orElseThrow().accountId())
        .isEqualTo(id);
    assertThat(store.costs().aggregate(id, CostQuery.of(COST_PERIOD)))
        .containsExactly(new CostRow(List.of(), money));
    assertThat(store.costs().aggregate(id, CostQuery.of(COST_PERIOD).groupBy(CostDimension.MONTH)))
        .containsExactly(new CostRow(List.of("2026-10"), money));
    try (Stream<CostLine> lines = store.costs().lines(id, COST_PERIOD)) {
      assertThat(lines.toList()).hasSize(12).allMatch(l -> l.accountId().equals(id));
    }
    assertThat(store.costs().findClosedMonth(id, OCTOBER).orElseThrow().totals())
        .containsExactly(money);
    assertThat(store.costs().rollups(id, OCTOBER, CostDimension.MONTH))
        .containsExactly(new CostRow(List.of("2026-10"), money));
    assertThat(store.metrics().daily(id, MetricQuery.of(Fixtures.METRIC_WINDOW)))
        .containsExactlyInAnyOrderElementsOf(Fixtures.metrics(id));
    assertThat(store.syncRuns().recent(id, 10)).extracting(SyncRun::accountId).containsOnly(id);
    assertThat(store.syncRuns().recent(id, 10)).hasSize(1);
  }

  @Test
  void deletingAnAccountRemovesEveryRowOfItFromEveryTableAndNoOtherRows() throws SQLException {
    AccountId gone = Fixtures.randomAccountId();
    AccountId kept = Fixtures.randomAccountId();
    populate(gone, "1");
    populate(kept, "1");
    assertThat(rowsOf(gone)).isGreaterThan(30);
    long keptRows = rowsOf(kept);

    assertThat(store.accounts().delete(gone)).isTrue();

    assertThat(rowsOf(gone)).isZero();
    assertThat(rowsOf(kept)).isEqualTo(keptRows);
    assertThat(store.accounts().find(gone)).isEmpty();
    for (DataKind kind : DataKind.values()) {
      assertThat(store.dataVersion(gone, kind)).as("%s", kind).isZero();
    }
    assertThat(store.accounts().delete(gone)).isFalse();
  }

  /** Rows of the account over every table of the schema that has an account_id column. */
  private static long rowsOf(AccountId id) throws SQLException {
    long rows = 0;
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "select table_name from information_schema.columns where table_schema ="
                  + " 'cloudey' and column_name = 'account_id'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertThat(tables).hasSizeGreaterThanOrEqualTo(10);
      for (String table : tables) {
        try (ResultSet rs =
            s.executeQuery(
                "select count(*) from cloudey." + table + " where account_id = '" + id + "'")) {
          rs.next();
          rows += rs.getLong(1);
        }
      }
    }
    return rows;
  }

  @Test
  void retentionIsPerAccount() {
    AccountId a = Fixtures.randomAccountId();
    AccountId b = Fixtures.randomAccountId();
    populate(a, "1");
    populate(b, "1");
    int metricsOfA = Fixtures.metrics(a).size();
    long beforeDay2 =
        Fixtures.metrics(a).stream().filter(m -> m.day().isBefore(Fixtures.DAY2)).count();
    assertThat(store.metrics().deleteBefore(a, Fixtures.DAY2)).isEqualTo((int) beforeDay2);
    assertThat(store.metrics().daily(a, MetricQuery.of(Fixtures.METRIC_WINDOW)))
        .hasSize(metricsOfA - (int) beforeDay2)
        .extracting(MetricDaily::day)
        .allMatch(d -> !d.isBefore(Fixtures.DAY2));
    assertThat(store.metrics().daily(b, MetricQuery.of(Fixtures.METRIC_WINDOW)))
        .hasSize(metricsOfA);

    assertThat(store.syncRuns().deleteBefore(a, NOW.plusSeconds(1))).isEqualTo(1);
    assertThat(store.syncRuns().recent(a, 10)).isEmpty();
    assertThat(store.syncRuns().recent(b, 10)).hasSize(1);
  }

  @Test
  void theStoreIdIsKeptInTheDatabaseAndDiffersPerSchema() {
    String id = store.storeId();
    assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    // another process on the same database and schema: the same id
    try (PostgresStore again = TestDatabase.of(PG).store()) {
      assertThat(again.storeId()).isEqualTo(id);
    }
    // another schema is another store, with its own data versions: another id
    try (PostgresStore other =
        PostgresStore.builder()
            .dataSource(TestDatabase.of(PG).dataSource())
            .options(PostgresStore.Options.ofDefaults().withSchema("cloudey_other"))
            .build()) {
      assertThat(other.storeId()).isNotEqualTo(id).hasSize(36);
    }
  }

  @Test
  void aCostChangeMovesTheCostsVersionOfItsAccountOnly() {
    AccountId a = Fixtures.randomAccountId();
    AccountId b = Fixtures.randomAccountId();
    assertThat(store.dataVersion(a, DataKind.COSTS)).isZero();
    populate(a, "1");
    populate(b, "1");
    long va = store.dataVersion(a, DataKind.COSTS);
    long vb = store.dataVersion(b, DataKind.COSTS);
    long inventory = store.dataVersion(a, DataKind.INVENTORY);
    CostLine corrected =
        Fixtures.costLines(a, Fixtures.DAY2).get(0).toBuilder().cost(Money.of("2", "USD")).build();
    store.costs().replaceCostLines(a, Period.day(Fixtures.DAY2), Stream.of(corrected));
    assertThat(store.dataVersion(a, DataKind.COSTS)).isGreaterThan(va);
    assertThat(store.dataVersion(a, DataKind.INVENTORY)).isEqualTo(inventory);
    assertThat(store.dataVersion(b, DataKind.COSTS)).isEqualTo(vb);
    // versions come from one sequence: never reused, even across accounts
    assertThat(store.dataVersion(a, DataKind.COSTS)).isNotEqualTo(vb);
  }

  @Test
  void accountLockIsExclusiveAndTimesOut() throws Exception {
    AccountId id = Fixtures.randomAccountId();
    AccountId other = Fixtures.randomAccountId();
    try (AccountLock held = store.lock(id, Duration.ofSeconds(1))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> store.lock(id, Duration.ofMillis(300)))
          .isInstanceOf(CloudeyException.class)
          .hasMessageContaining("is locked");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
      try (AccountLock unrelated = store.lock(other, Duration.ofMillis(300))) {
        assertThat(unrelated).isNotNull();
      }
      // another process (another store on the same database) is excluded too
      try (PostgresStore second = TestDatabase.of(PG).store()) {
        assertThatThrownBy(() -> second.lock(id, Duration.ofMillis(100)))
            .isInstanceOf(CloudeyException.class);
      }
    }
    try (AccountLock again = store.lock(id, Duration.ofMillis(300))) {
      assertThat(again).isNotNull();
    }
  }

  @Test
  void scopeWritesValidateAndCountChanges() {
    AccountId id = Fixtures.randomAccountId();
    List<Resource> instances = Fixtures.resources(id, Fixtures.INSTANCES);
    var first = store.inventory().replaceScope(id, Fixtures.INSTANCES, instances, NOW);
    assertThat(first.created()).isEqualTo(instances.size());
    var again = store.inventory().replaceScope(id, Fixtures.INSTANCES, instances, NOW);
    assertThat(again.unchanged()).isEqualTo(instances.size());
    assertThat(again.created() + again.updated() + again.deleted()).isZero();
    long version = store.dataVersion(id, DataKind.INVENTORY);
    Resource foreign = Fixtures.resources(Fixtures.randomAccountId(), Fixtures.INSTANCES).get(0);
    assertThatThrownBy(
            () -> store.inventory().replaceScope(id, Fixtures.INSTANCES, List.of(foreign), NOW))
        .isInstanceOf(CloudeyConfigException.class);
    assertThat(store.dataVersion(id, DataKind.INVENTORY)).isEqualTo(version);
  }

  @Test
  void textWithCopyControlCharactersAndUnicodeRoundTrips() {
    AccountId id = Fixtures.randomAccountId();
    CostLine odd =
        Fixtures.costLines(id).get(0).toBuilder()
            .skuName("tab\there, newline\nthere, backslash \\N, CR\r, \u00e9\u4e2d\ud83d\ude00")
            .compartmentPath("root/\\N")
            .tags(java.util.Map.of("k\tey", "v\\al\nue"))
            .build();
    store.costs().replaceCostLines(id, Period.day(odd.day()), Stream.of(odd));
    try (Stream<CostLine> lines = store.costs().lines(id, Period.day(odd.day()))) {
      assertThat(lines.toList()).containsExactly(odd);
    }
  }

  @Test
  void twoLinesWithOneNaturalKeyAreRejectedAndNothingChanges() {
    AccountId id = Fixtures.randomAccountId();
    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    CostLine line = Fixtures.costLines(id).get(0);
    assertThatThrownBy(
            () ->
                store
                    .costs()
                    .replaceCostLines(
                        id,
                        COST_PERIOD,
                        Stream.of(line, line.toBuilder().cost(Money.of("5", "USD")).build())))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("share a natural key");
    assertThat(store.costs().aggregate(id, CostQuery.of(COST_PERIOD)))
        .containsExactly(new CostRow(List.of(), Money.of("18.24", "USD")));
  }
}
