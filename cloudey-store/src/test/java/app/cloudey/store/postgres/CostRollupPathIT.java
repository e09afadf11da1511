package app.cloudey.store.postgres;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.NOVEMBER_FIRST;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRest;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.TopCostRows;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which tables a cost query reads, seen through the statement hook: a whole closed month comes from
 * {@code month_rollup} without touching {@code cost_line}; the partial months around it, and
 * queries rollups cannot answer, come from the lines. The contract proves the rows are the same
 * either way.
 */
class CostRollupPathIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private final KillSwitch recorder = new KillSwitch();
  private PostgresStore store;
  private AccountId id;

  @BeforeEach
  void open() {
    TestDatabase.of(PG).store().close(); // migrate before hooking
    store = TestDatabase.of(PG).builder().statementHook(recorder).build();
    id = Fixtures.randomAccountId();
    // the compartment tree, for the subtree filters
    store.inventory().replaceCompartments(id, Fixtures.compartments(id), Fixtures.SEEN_AT);
    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    store
        .costs()
        .replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.of(Fixtures.novemberLine(id)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private List<String> statementsOf(Supplier<?> call) {
    recorder.clear();
    call.get();
    return recorder.statements();
  }

  private List<CostRow> aggregate(CostQuery query) {
    return store.costs().aggregate(id, query);
  }

  @Test
  void aWholeClosedMonthIsReadFromItsRollupsOnly() {
    CostQuery october = CostQuery.of(Period.month(OCTOBER)).groupBy(CostDimension.SERVICE);
    List<CostRow> fromLines = aggregate(october);
    store.costs().closeMonth(id, OCTOBER, Instant.parse("2026-11-06T02:00:00Z"));

    List<String> sql = statementsOf(() -> aggregate(october));
    assertThat(sql).anyMatch(s -> s.contains("from cloudey.month_rollup"));
    assertThat(sql).noneMatch(s -> s.contains("cloudey.cost_line"));
    // COMPUTE 12.34, BLOCK_STORAGE 5.60, NETWORK 0.30, as from the lines
    assertThat(aggregate(october))
        .isEqualTo(fromLines)
        .containsExactly(
            row("12.34", "COMPUTE"), row("5.6", "BLOCK_STORAGE"), row("0.3", "NETWORK"));
    // a filter on the grouped dimension still fits the rollups
    assertThat(statementsOf(() -> aggregate(october.services("NETWORK"))))
        .noneMatch(s -> s.contains("cloudey.cost_line"));
    assertThat(aggregate(october.services("NETWORK"))).containsExactly(row("0.3", "NETWORK"));
  }

  @Test
  void thePartialMonthsAroundAClosedMonthComeFromTheirLines() {
    store.costs().closeMonth(id, OCTOBER, Instant.parse("2026-11-06T02:00:00Z"));
    CostQuery around =
        CostQuery.of(Period.of(OCTOBER.atDay(1).minusDays(5), NOVEMBER_FIRST.plusDays(1)))
            .groupBy(CostDimension.MONTH);
    List<String> sql = statementsOf(() -> aggregate(around));
    String query = sql.stream().filter(s -> s.contains("sum(cost)")).findFirst().orElseThrow();
    // day rollups of 09-26..09-30 and of 11-01 (no resource in the query), rollups of October,
    // in one statement
    assertThat(query)
        .contains("from cloudey.cost_day_rollup")
        .contains("from cloudey.month_rollup")
        .doesNotContain("cloudey.cost_line")
        .contains(":start1");
    assertThat(aggregate(around)).containsExactly(row("18.24", "2026-10"), row("3", "2026-11"));
  }

  @Test
  void perResourceCostsOfWindowsCuttingMonthsReadNoLine() {
    // September 26 to November 1: September and November cut, October whole
    Period window = Period.of(OCTOBER.atDay(1).minusDays(5), NOVEMBER_FIRST.plusDays(1));
    List<String> sql = statementsOf(() -> store.costs().resourceCosts(id, window));
    assertThat(sql).anyMatch(s -> s.contains("from cloudey.cost_resource_month"));
    assertThat(sql).noneMatch(s -> s.contains("cloudey.cost_line"));
  }

  @Test
  void queriesWithoutResourceOrTagsReadTheDayRollupsInsteadOfTheLines() {
    CostQuery october = CostQuery.of(Period.month(OCTOBER));
    List<CostQuery> queries =
        List.of(
            october.groupBy(CostDimension.SERVICE, CostDimension.REGION),
            october.services("COMPUTE").groupBy(CostDimension.DAY),
            CostQuery.of(COST_PERIOD).groupBy(CostDimension.SERVICE),
            CostQuery.of(COST_PERIOD)
                .compartmentSubtree(Fixtures.ROOT)
                .groupBy(CostDimension.DAY, CostDimension.COMPARTMENT, CostDimension.SKU_NAME));
    List<List<CostRow>> open = queries.stream().map(this::aggregate).toList();
    store.costs().closeMonth(id, OCTOBER, Instant.parse("2026-11-06T02:00:00Z"));
    for (int i = 0; i < queries.size(); i++) {
      CostQuery q = queries.get(i);
      List<String> sql = statementsOf(() -> aggregate(q));
      assertThat(sql).as(q.toString()).noneMatch(s -> s.contains("cloudey.cost_line"));
      assertThat(sql).as(q.toString()).anyMatch(s -> s.contains("from cloudey.cost_day_rollup"));
      assertThat(aggregate(q)).as(q.toString()).isEqualTo(open.get(i)).isNotEmpty();
    }
    // a re-ingested day changes them with the lines: 10-02 gone
    store
        .costs()
        .replaceCostLines(
            id, Period.day(Fixtures.DAY2), Stream.<app.cloudey.model.CostLine>empty());
    assertThat(aggregate(CostQuery.of(COST_PERIOD).groupBy(CostDimension.DAY)))
        .extracting(r -> r.key().get(0))
        .doesNotContain(Fixtures.DAY2.toString());
  }

  @Test
  void aClosedMonthByResourceAndOtherDimensionsIsReadFromItsDetailRollups() {
    CostQuery detailed =
        CostQuery.of(Period.month(OCTOBER))
            .groupBy(
                CostDimension.MONTH,
                CostDimension.COMPARTMENT,
                CostDimension.SERVICE,
                CostDimension.RESOURCE);
    CostQuery around =
        CostQuery.of(Period.of(OCTOBER.atDay(1).minusDays(5), NOVEMBER_FIRST.plusDays(1)))
            .groupBy(CostDimension.RESOURCE, CostDimension.SKU)
            .compartmentSubtree(Fixtures.ROOT);
    List<CostRow> fromLines = aggregate(detailed);
    List<CostRow> aroundFromLines = aggregate(around);
    assertThat(statementsOf(() -> aggregate(detailed)))
        .noneMatch(s -> s.contains("month_rollup_detail"));
    store.costs().closeMonth(id, OCTOBER, Instant.parse("2026-11-06T02:00:00Z"));

    List<String> sql = statementsOf(() -> aggregate(detailed));
    assertThat(sql).anyMatch(s -> s.contains("from cloudey.month_rollup_detail"));
    assertThat(sql).noneMatch(s -> s.contains("cloudey.cost_line"));
    assertThat(aggregate(detailed)).isEqualTo(fromLines).hasSizeGreaterThan(3);
    // the partial months around it from the lines, October from its detail rollups
    String query =
        statementsOf(() -> aggregate(around)).stream()
            .filter(s -> s.contains("sum(cost)"))
            .findFirst()
            .orElseThrow();
    assertThat(query)
        .contains("from cloudey.cost_line")
        .contains("from cloudey.month_rollup_detail");
    assertThat(aggregate(around)).isEqualTo(aroundFromLines);
    // a changed line reopens the month: its detail rollups go with its other rollups
    store
        .costs()
        .replaceCostLines(
            id, Period.day(Fixtures.DAY2), Stream.<app.cloudey.model.CostLine>empty());
    assertThat(statementsOf(() -> aggregate(detailed)))
        .noneMatch(s -> s.contains("month_rollup_detail"));
  }

  @Test
  void queriesRollupsCannotAnswerReadTheLines() {
    store.costs().closeMonth(id, OCTOBER, Instant.parse("2026-11-06T02:00:00Z"));
    CostQuery october = CostQuery.of(Period.month(OCTOBER));
    for (CostQuery q :
        List.of(
            october.groupByTags("env"),
            october.groupBy(CostDimension.DAY, CostDimension.RESOURCE),
            CostQuery.of(COST_PERIOD).groupBy(CostDimension.RESOURCE, CostDimension.SERVICE))) {
      List<String> sql = statementsOf(() -> aggregate(q));
      assertThat(sql).as(q.toString()).noneMatch(s -> s.contains("rollup"));
      assertThat(sql).as(q.toString()).anyMatch(s -> s.contains("from cloudey.cost_line"));
    }
  }

  /**
   * {@code aggregateTop} is one statement over the same sources as {@code aggregate}: the rollups
   * of a whole closed month, the lines (and detail rollups) around it, with a subtree filter.
   */
  @Test
  void theTopRowsAndTheRestByNumberAreOneStatementOverTheSameSources() {
    store.costs().closeMonth(id, OCTOBER, Instant.parse("2026-11-06T02:00:00Z"));
    CostQuery byResource =
        CostQuery.of(Period.month(OCTOBER)).groupBy(CostDimension.RESOURCE).top(2);
    List<String> tops =
        statementsOf(() -> store.costs().aggregateTop(id, byResource)).stream()
            .filter(s -> s.contains("row_number()"))
            .toList();
    assertThat(tops).hasSize(1);
    assertThat(tops.get(0))
        .contains("from cloudey.month_rollup")
        .doesNotContain("cloudey.cost_line");
    // web1 12.34, boot1 5.10; left out vol1 0.50 and (none) 0.30: 0.80 in 2 rows, no credit
    assertThat(store.costs().aggregateTop(id, byResource))
        .isEqualTo(
            new TopCostRows(
                List.of(row("12.34", Fixtures.WEB1), row("5.1", Fixtures.BOOT1)),
                List.of(usdRest("0.8", 2, "0", 0))));

    // September 26 to November 2 under root: 09-26..09-30 and 11-01 from the lines, October from
    // its detail rollups. web1/B97384 9 + 3 (November) = 12, boot1/B91961 5.10, web1/B97385 3.34,
    // vol1/B91961 0.50, (none)/B88327 0.30: the top 3 leave out 0.80 in 2 rows
    CostQuery around =
        CostQuery.of(Period.of(OCTOBER.atDay(1).minusDays(5), NOVEMBER_FIRST.plusDays(1)))
            .groupBy(CostDimension.RESOURCE, CostDimension.SKU)
            .compartmentSubtree(Fixtures.ROOT)
            .top(3);
    String query =
        statementsOf(() -> store.costs().aggregateTop(id, around)).stream()
            .filter(s -> s.contains("row_number()"))
            .findFirst()
            .orElseThrow();
    assertThat(query)
        .contains("with recursive subtree")
        .contains("from cloudey.cost_line")
        .contains("from cloudey.month_rollup_detail");
    assertThat(store.costs().aggregateTop(id, around))
        .isEqualTo(
            new TopCostRows(
                List.of(
                    new CostRow(List.of(Fixtures.WEB1, "B97384"), Money.of("12", "USD")),
                    new CostRow(List.of(Fixtures.BOOT1, "B91961"), Money.of("5.1", "USD")),
                    new CostRow(List.of(Fixtures.WEB1, "B97385"), Money.of("3.34", "USD"))),
                List.of(usdRest("0.8", 2, "0", 0))))
        .isEqualTo(TopCostRows.of(aggregate(around.unlimited()), 3));
  }

  private static CostRest usdRest(String nonNegative, long rows, String negative, long negRows) {
    return new CostRest(
        java.util.Currency.getInstance("USD"),
        new java.math.BigDecimal(nonNegative),
        rows,
        new java.math.BigDecimal(negative),
        negRows);
  }

  private static CostRow row(String usd, String... key) {
    return new CostRow(List.of(key), Money.of(usd, "USD"));
  }
}
