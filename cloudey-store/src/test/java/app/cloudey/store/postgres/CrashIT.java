package app.cloudey.store.postgres;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.DataKind;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crash safety: month close killed at each of its statements, and an ingest whose connection dies
 * midway, leave the old state or the new one, never a mix; a re-run gives identical results.
 */
class CrashIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final Instant FIRST_CLOSE = Instant.parse("2026-11-06T02:00:00Z");
  private static final Instant SECOND_CLOSE = Instant.parse("2026-11-07T02:00:00Z");

  private final KillSwitch kill = new KillSwitch();
  private PostgresStore store;

  @BeforeEach
  void open() {
    TestDatabase.of(PG).store().close(); // migrate once before hooking
    store = TestDatabase.of(PG).builder().statementHook(kill).build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private AccountId accountWithOctober() {
    AccountId id = Fixtures.randomAccountId();
    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    return id;
  }

  /** Statements of one clean close, counted through the hook (COMMIT included). */
  private int closeStatementCount() {
    AccountId probe = accountWithOctober();
    kill.clear();
    store.costs().closeMonth(probe, OCTOBER, FIRST_CLOSE);
    List<String> statements = kill.statements();
    assertThat(statements).last().isEqualTo("COMMIT");
    return statements.size();
  }

  private Map<CostDimension, List<CostRow>> rollups(AccountId id) {
    Map<CostDimension, List<CostRow>> all = new EnumMap<>(CostDimension.class);
    for (CostDimension d : CostDimension.values()) {
      all.put(d, store.costs().rollups(id, OCTOBER, d));
    }
    return all;
  }

  @Test
  void closeKilledAtEachStatementOfAFirstCloseLeavesTheMonthOpenThenReRunsIdentically() {
    int statements = closeStatementCount();
    // lock the account state, read the old status (none), delete old rollups, insert rollups,
    // delete and insert the detail rollups, mark closed, read status, read totals, bump the costs
    // version, COMMIT
    assertThat(statements).isEqualTo(11);
    AccountId reference = accountWithOctober();
    ClosedMonth expected = store.costs().closeMonth(reference, OCTOBER, FIRST_CLOSE);
    Map<CostDimension, List<CostRow>> expectedRollups = rollups(reference);
    // hand-computed: 12 lines, 18.24 USD (see CostStoreContract)
    assertThat(expected.totals()).containsExactly(Money.of("18.24", "USD"));

    for (int k = 1; k <= statements; k++) {
      AccountId id = accountWithOctober();
      long versionBefore = store.dataVersion(id, DataKind.COSTS);
      kill.armAt(k);
      assertThatThrownBy(() -> store.costs().closeMonth(id, OCTOBER, FIRST_CLOSE))
          .as("close killed before statement %d", k)
          .isInstanceOf(CloudeyException.class);
      assertThat(kill.fired()).isTrue();
      // old state: not closed, no rollups, lines and version untouched
      assertThat(store.costs().findClosedMonth(id, OCTOBER)).as("statement %d", k).isEmpty();
      for (CostDimension d : CostDimension.values()) {
        assertThat(store.costs().rollups(id, OCTOBER, d)).as("statement %d, %s", k, d).isEmpty();
      }
      assertThat(store.dataVersion(id, DataKind.COSTS)).isEqualTo(versionBefore);
      assertThat(store.costs().aggregate(id, CostQuery.of(COST_PERIOD)))
          .containsExactly(new CostRow(List.of(), Money.of("18.24", "USD")));

      ClosedMonth rerun = store.costs().closeMonth(id, OCTOBER, FIRST_CLOSE);
      assertThat(rerun).isEqualTo(new ClosedMonth(id, OCTOBER, FIRST_CLOSE, 12, expected.totals()));
      assertThat(rollups(id)).isEqualTo(expectedRollups);
    }
  }

  @Test
  void closeKilledAtEachStatementOfARecloseKeepsTheFirstCloseIntact() {
    AccountId probe = accountWithOctober();
    store.costs().closeMonth(probe, OCTOBER, FIRST_CLOSE);
    kill.clear();
    store.costs().closeMonth(probe, OCTOBER, SECOND_CLOSE);
    // a first close's statements, plus reading the old close's totals
    int statements = kill.statements().size();
    assertThat(statements).isEqualTo(closeStatementCount() + 1);
    for (int k = 1; k <= statements; k++) {
      AccountId id = accountWithOctober();
      ClosedMonth first = store.costs().closeMonth(id, OCTOBER, FIRST_CLOSE);
      Map<CostDimension, List<CostRow>> firstRollups = rollups(id);
      kill.armAt(k);
      assertThatThrownBy(() -> store.costs().closeMonth(id, OCTOBER, SECOND_CLOSE))
          .isInstanceOf(CloudeyException.class);
      // the old close, exactly
      assertThat(store.costs().findClosedMonth(id, OCTOBER)).contains(first);
      assertThat(rollups(id)).isEqualTo(firstRollups);
      ClosedMonth second = store.costs().closeMonth(id, OCTOBER, SECOND_CLOSE);
      assertThat(second).isEqualTo(new ClosedMonth(id, OCTOBER, SECOND_CLOSE, 12, first.totals()));
      assertThat(rollups(id)).isEqualTo(firstRollups);
    }
  }

  @Test
  void ingestWhoseConnectionDiesMidwayLeavesThePreviousLinesIntact() throws SQLException {
    AccountId id = accountWithOctober();
    long versionBefore = store.dataVersion(id, DataKind.COSTS);
    Period october = Period.month(OCTOBER);
    int total = 40_000;
    int killAt = 25_000; // several 64 KB COPY chunks have reached the server by then
    Stream<CostLine> lines =
        IntStream.range(0, total)
            .mapToObj(
                i -> {
                  if (i == killAt) {
                    terminate(kill.copyBackendPid());
                  }
                  return bulkLine(id, i);
                });
    assertThatThrownBy(() -> store.costs().replaceCostLines(id, october, lines))
        .isInstanceOf(CloudeyException.class);
    assertThat(kill.copyBackendPid()).isPositive();
    try (Stream<CostLine> stored = store.costs().lines(id, COST_PERIOD)) {
      assertThat(stored.toList()).containsExactlyInAnyOrderElementsOf(Fixtures.costLines(id));
    }
    assertThat(store.costs().aggregate(id, CostQuery.of(october)))
        .containsExactly(new CostRow(List.of(), Money.of("18.24", "USD")));
    assertThat(store.dataVersion(id, DataKind.COSTS)).isEqualTo(versionBefore);
  }

  @Test
  void ingestKilledAtEachStatementLeavesThePreviousLinesIntact() {
    AccountId probe = accountWithOctober();
    store.costs().closeMonth(probe, OCTOBER, FIRST_CLOSE);
    kill.clear();
    store.costs().replaceCostLines(probe, COST_PERIOD, correction(probe).stream());
    // no JIT for the transaction, lock the account state (recording the ingest time), record the
    // months' refresh time, closed months, delete lines (digest before), COPY, digest after,
    // delete rollups, delete detail rollups, delete month status, delete and insert the
    // per-resource rollups, hash the day rollups, delete and insert them, bump the costs version,
    // COMMIT
    int statements = kill.statements().size();
    assertThat(statements).isEqualTo(17);
    assertThat(store.costs().findClosedMonth(probe, OCTOBER)).isEmpty();
    for (int k = 1; k <= statements; k++) {
      AccountId id = accountWithOctober();
      ClosedMonth closed = store.costs().closeMonth(id, OCTOBER, FIRST_CLOSE);
      kill.armAt(k);
      assertThatThrownBy(
              () -> store.costs().replaceCostLines(id, COST_PERIOD, correction(id).stream()))
          .as("ingest killed before statement %d", k)
          .isInstanceOf(CloudeyException.class);
      assertThat(kill.fired()).isTrue();
      try (Stream<CostLine> stored = store.costs().lines(id, COST_PERIOD)) {
        assertThat(stored.toList()).containsExactlyInAnyOrderElementsOf(Fixtures.costLines(id));
      }
      // the month stays closed: the reopening was rolled back too
      assertThat(store.costs().findClosedMonth(id, OCTOBER)).contains(closed);
      // and the per-resource rollups still equal the old lines
      assertThat(store.costs().resourceCosts(id, app.cloudey.model.Period.month(OCTOBER)))
          .containsExactlyInAnyOrderElementsOf(
              app.cloudey.model.ResourceSkuCost.sum(Fixtures.costLines(id)));
    }
  }

  @Test
  void reingestingIdenticalLinesLeavesAClosedMonthClosed() {
    AccountId id = accountWithOctober();
    ClosedMonth closed = store.costs().closeMonth(id, OCTOBER, FIRST_CLOSE);
    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    assertThat(store.costs().findClosedMonth(id, OCTOBER)).contains(closed);
    assertThat(store.costs().rollups(id, OCTOBER, CostDimension.SERVICE)).hasSize(3);
    // the same lines in another order are the same lines
    List<CostLine> reversed = new java.util.ArrayList<>(Fixtures.costLines(id));
    java.util.Collections.reverse(reversed);
    store.costs().replaceCostLines(id, COST_PERIOD, reversed.stream());
    assertThat(store.costs().findClosedMonth(id, OCTOBER)).contains(closed);
  }

  /** The fixture with its first line's cost corrected to 99 USD. */
  private static List<CostLine> correction(AccountId id) {
    List<CostLine> lines = new java.util.ArrayList<>(Fixtures.costLines(id));
    lines.set(0, lines.get(0).toBuilder().cost(Money.of("99", "USD")).build());
    return lines;
  }

  private static CostLine bulkLine(AccountId id, int i) {
    return CostLine.builder()
        .accountId(id)
        .day(LocalDate.of(2026, 10, 1 + i % 31))
        .service("COMPUTE")
        .skuPartNumber("B" + (i % 97))
        .resourceId("ocid1.instance.oc1.iad.bulk" + i)
        .compartmentId(Fixtures.PROD)
        .region(Fixtures.HOME_REGION)
        .quantity(BigDecimal.ONE)
        .cost(Money.of("0.01", "USD"))
        .build();
  }

  private static void terminate(int pid) {
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("select pg_terminate_backend(" + pid + ")");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
