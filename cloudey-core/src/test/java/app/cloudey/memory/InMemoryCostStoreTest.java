package app.cloudey.memory;

import static app.cloudey.memory.Data.ACME;
import static app.cloudey.memory.Data.GLOBEX;
import static app.cloudey.memory.Data.T0;
import static app.cloudey.memory.Data.compartment;
import static app.cloudey.memory.Data.line;
import static app.cloudey.model.CostDimension.COMPARTMENT;
import static app.cloudey.model.CostDimension.DAY;
import static app.cloudey.model.CostDimension.SERVICE;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyProviderException;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.DataKind;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.spi.CostStore;
import app.cloudey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InMemoryCostStoreTest {
  private static final YearMonth OCT = YearMonth.of(2026, 10);
  private static final Period OCTOBER = Period.month(OCT);
  private static final Period FIRST_THREE_DAYS = Period.parse("2026-10-01", "2026-10-04");

  private final TestClock clock = TestClock.at("2026-11-26T03:00:00Z");
  private final InMemoryStore store = InMemoryStore.create(clock);
  private final CostStore costs = store.costs();

  /** Six lines over Oct 1-3 in USD; the hand-computed sums are in the tests. */
  private static List<CostLine> october() {
    return List.of(
        line(ACME, "2026-10-01", "COMPUTE", "10.50")
            .resourceId("web1")
            .compartmentId("c-prod")
            .skuPartNumber("B1")
            .build(),
        line(ACME, "2026-10-01", "COMPUTE", "4.25")
            .resourceId("web2")
            .compartmentId("c-dev")
            .skuPartNumber("B1")
            .build(),
        line(ACME, "2026-10-02", "COMPUTE", "10.50")
            .resourceId("web1")
            .compartmentId("c-prod")
            .skuPartNumber("B1")
            .build(),
        line(ACME, "2026-10-02", "BLOCK_STORAGE", "3.10")
            .resourceId("vol1")
            .compartmentId("c-prod")
            .skuPartNumber("B2")
            .build(),
        line(ACME, "2026-10-02", "NETWORK", "0.15")
            .compartmentId("c-prod")
            .skuPartNumber("B3")
            .region("")
            .build(),
        line(ACME, "2026-10-03", "COMPUTE", "-2.00")
            .resourceId("web1")
            .compartmentId("c-prod")
            .skuPartNumber("CREDIT")
            .build());
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static CostRow row(String amount, String... key) {
    return new CostRow(List.of(key), usd(amount));
  }

  private IngestResult ingestOctober() {
    return costs.replaceCostLines(ACME, FIRST_THREE_DAYS, october().stream());
  }

  private Money total(Period period) {
    List<CostRow> rows = costs.aggregate(ACME, CostQuery.of(period));
    return rows.isEmpty() ? usd("0") : rows.get(0).cost();
  }

  @Test
  void ingestReportsLinesAndTotals() {
    // 10.50 + 4.25 + 10.50 + 3.10 + 0.15 - 2.00 = 26.50
    assertThat(ingestOctober())
        .isEqualTo(new IngestResult(ACME, FIRST_THREE_DAYS, 6, List.of(usd("26.50"))));
    assertThat(costs.lastIngestAt(ACME)).contains(Instant.parse("2026-11-26T03:00:00Z"));
    assertThat(costs.lastIngestAt(GLOBEX)).isEmpty();
  }

  @Test
  void aggregatesByDimensionsInOrderCostDescending() {
    ingestOctober();
    // COMPUTE 10.50 + 4.25 + 10.50 - 2.00 = 23.25; BLOCK_STORAGE 3.10; NETWORK 0.15
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).groupBy(SERVICE)))
        .containsExactly(
            row("23.25", "COMPUTE"), row("3.10", "BLOCK_STORAGE"), row("0.15", "NETWORK"));
    // prod COMPUTE 10.50 + 10.50 - 2.00 = 19.00
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).groupBy(COMPARTMENT, SERVICE)))
        .containsExactly(
            row("19", "c-prod", "COMPUTE"),
            row("4.25", "c-dev", "COMPUTE"),
            row("3.1", "c-prod", "BLOCK_STORAGE"),
            row("0.15", "c-prod", "NETWORK"));
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).groupBy(SERVICE).top(2)))
        .containsExactly(row("23.25", "COMPUTE"), row("3.10", "BLOCK_STORAGE"));
    // no grouping: one total row with an empty key
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER))).containsExactly(row("26.50"));
    // by day: 10-01 14.75, 10-02 13.75, 10-03 -2.00
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).groupBy(DAY)))
        .containsExactly(
            row("14.75", "2026-10-01"), row("13.75", "2026-10-02"), row("-2", "2026-10-03"));
  }

  @Test
  void equalCostsAreOrderedByKey() {
    costs.replaceCostLines(
        ACME,
        Period.day(OCTOBER.start()),
        Stream.of(
            line(ACME, "2026-10-01", "ZETA", "5").build(),
            line(ACME, "2026-10-01", "ALPHA", "5").build(),
            line(ACME, "2026-10-01", "MID", "5").build(),
            line(ACME, "2026-10-01", "BIG", "6").build()));
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).groupBy(SERVICE)))
        .extracting(r -> r.key().get(0))
        .containsExactly("BIG", "ALPHA", "MID", "ZETA");
  }

  @Test
  void filtersApplyBeforeGrouping() {
    ingestOctober();
    // prod only: 26.50 - 4.25 = 22.25; without the credit day: 22.25 + 2.00 = 24.25
    assertThat(
            costs.aggregate(ACME, CostQuery.of(OCTOBER).compartments(java.util.Set.of("c-prod"))))
        .containsExactly(row("22.25"));
    assertThat(
            costs.aggregate(
                ACME,
                CostQuery.of(Period.parse("2026-10-01", "2026-10-03"))
                    .compartments(java.util.Set.of("c-prod"))))
        .containsExactly(row("24.25"));
    // web1: 10.50 + 10.50 - 2.00 = 19.00
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).resources("web1")))
        .containsExactly(row("19"));
    // the region filter: NETWORK has no region
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).regions("").groupBy(SERVICE)))
        .containsExactly(row("0.15", "NETWORK"));
    assertThat(costs.aggregate(ACME, CostQuery.of(Period.month(2026, 9)))).isEmpty();
  }

  @Test
  void aSubtreeFilterIncludesNestedCompartments() {
    store
        .inventory()
        .replaceCompartments(
            ACME,
            List.of(
                compartment(ACME, "c-root", null, "root"),
                compartment(ACME, "c-prod", "c-root", "root/prod"),
                compartment(ACME, "c-web", "c-prod", "root/prod/web"),
                compartment(ACME, "c-dev", "c-root", "root/dev")),
            T0);
    costs.replaceCostLines(
        ACME,
        Period.day(OCTOBER.start()),
        Stream.of(
            line(ACME, "2026-10-01", "COMPUTE", "1").compartmentId("c-prod").build(),
            line(ACME, "2026-10-01", "COMPUTE", "2").compartmentId("c-web").build(),
            line(ACME, "2026-10-01", "COMPUTE", "4").compartmentId("c-dev").build(),
            line(ACME, "2026-10-01", "COMPUTE", "8").compartmentId("c-root").build()));
    // prod subtree = prod + web = 1 + 2; the root subtree is everything: 15
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).compartmentSubtree("c-prod")))
        .containsExactly(row("3"));
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).compartmentSubtree("c-root")))
        .containsExactly(row("15"));
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).compartmentSubtree("c-web", "c-dev")))
        .containsExactly(row("6"));
  }

  @Test
  void reIngestingTheSameLinesChangesNothing() {
    ingestOctober();
    List<CostLine> before = costs.lines(ACME, OCTOBER).toList();
    ingestOctober();
    ingestOctober();
    assertThat(costs.lines(ACME, OCTOBER).toList()).containsExactlyElementsOf(before);
    assertThat(total(OCTOBER)).isEqualTo(usd("26.50")); // not 53.00 or 79.50
  }

  @Test
  void replacesExactlyThePeriodsDays() {
    ingestOctober();
    // replace Oct 2 only, by a single line of 1.00
    costs.replaceCostLines(
        ACME,
        Period.day(OCTOBER.start().plusDays(1)),
        Stream.of(line(ACME, "2026-10-02", "COMPUTE", "1").build()));
    // 10-01 14.75 + 10-02 1.00 + 10-03 -2.00 = 13.75
    assertThat(total(OCTOBER)).isEqualTo(usd("13.75"));
    // an empty listing empties its days
    costs.replaceCostLines(ACME, Period.parse("2026-10-01", "2026-10-03"), Stream.empty());
    assertThat(costs.lines(ACME, OCTOBER))
        .extracting(CostLine::day)
        .containsExactly(java.time.LocalDate.parse("2026-10-03"));
    assertThat(total(OCTOBER)).isEqualTo(usd("-2"));
  }

  @Test
  void linesAreOrderedByDay() {
    List<CostLine> reversed = new ArrayList<>(october());
    java.util.Collections.reverse(reversed);
    costs.replaceCostLines(ACME, FIRST_THREE_DAYS, reversed.stream());
    assertThat(costs.lines(ACME, OCTOBER).map(l -> l.day().getDayOfMonth()))
        .isSortedAccordingTo(Integer::compare)
        .hasSize(6);
    assertThat(costs.lines(ACME, Period.day(OCTOBER.start().plusDays(2)))).hasSize(1);
  }

  @Test
  void aStreamThatFailsMidwayChangesNothing() {
    ingestOctober();
    long version = store.dataVersion(ACME, DataKind.COSTS);
    clock.advance(Duration.ofHours(1));
    AtomicBoolean closed = new AtomicBoolean();
    // the third page fails: the first two lines must not be written, the old days not dropped
    Stream<CostLine> failing =
        Stream.of(0, 1, 2, 3)
            .map(
                i -> {
                  if (i == 2) {
                    throw new CloudeyProviderException(
                        "Usage API page 3 failed", 500, null, "req-7");
                  }
                  return line(ACME, "2026-10-01", "COMPUTE", "99").resourceId("x" + i).build();
                })
            .onClose(() -> closed.set(true));
    assertThatThrownBy(() -> costs.replaceCostLines(ACME, FIRST_THREE_DAYS, failing))
        .isInstanceOf(CloudeyProviderException.class)
        .hasMessageContaining("page 3 failed");
    assertThat(total(OCTOBER)).isEqualTo(usd("26.50"));
    assertThat(costs.lines(ACME, OCTOBER)).hasSize(6);
    assertThat(store.dataVersion(ACME, DataKind.COSTS)).isEqualTo(version);
    assertThat(costs.lastIngestAt(ACME)).contains(Instant.parse("2026-11-26T03:00:00Z"));
    assertThat(closed).isTrue(); // the source's resources were released
  }

  @Test
  void refusesLinesOutsideThePeriodOrOfAnotherAccount() {
    ingestOctober();
    refused(
        () ->
            costs.replaceCostLines(
                ACME,
                Period.day(OCTOBER.start()),
                Stream.of(
                    line(ACME, "2026-10-01", "COMPUTE", "1").build(),
                    line(ACME, "2026-10-02", "COMPUTE", "1").build())),
        "cost line #1 is on 2026-10-02, outside the days being replaced [2026-10-01, 2026-10-02)",
        "nothing was written");
    refused(
        () ->
            costs.replaceCostLines(
                ACME,
                FIRST_THREE_DAYS,
                Stream.of(line(GLOBEX, "2026-10-01", "COMPUTE", "1").build())),
        "cost line #0 belongs to account 'globex', not 'acme'");
    assertThat(total(OCTOBER)).isEqualTo(usd("26.50"));
  }

  @Test
  void refusesADuplicateNaturalKeyNamingIt() {
    CostLine a = line(ACME, "2026-10-01", "COMPUTE", "1").resourceId("web1").build();
    CostLine sameKey = a.toBuilder().cost(usd("2")).build();
    refused(
        () -> costs.replaceCostLines(ACME, FIRST_THREE_DAYS, Stream.of(a, sameKey)),
        "cost line natural key Key[accountId=acme, day=2026-10-01, service=COMPUTE",
        "resourceId=web1]",
        "appears twice");
    assertThat(costs.lines(ACME, OCTOBER)).isEmpty();
    assertThat(store.dataVersion(ACME, DataKind.COSTS)).isZero();
  }

  @Test
  void keepsCurrenciesApart() {
    costs.replaceCostLines(
        ACME,
        Period.day(OCTOBER.start()),
        Stream.of(
            line(ACME, "2026-10-01", "COMPUTE", "5").build(),
            line(ACME, "2026-10-01", "COMPUTE", "7")
                .resourceId("eu")
                .cost(Money.of("7", "EUR"))
                .build(),
            line(ACME, "2026-10-01", "NETWORK", "1").build()));
    assertThat(costs.aggregate(ACME, CostQuery.of(OCTOBER).groupBy(SERVICE)))
        .containsExactly(
            new CostRow(List.of("COMPUTE"), Money.of("7", "EUR")),
            row("5", "COMPUTE"),
            row("1", "NETWORK"));
    assertThat(costs.closeMonth(ACME, OCT, T0).totals())
        .containsExactly(Money.of("7", "EUR"), usd("6")); // ordered by currency code
  }

  @Test
  void closingAMonthComputesItsRollups() {
    ingestOctober();
    ClosedMonth closed = costs.closeMonth(ACME, OCT, T0);
    assertThat(closed).isEqualTo(new ClosedMonth(ACME, OCT, T0, 6, List.of(usd("26.50"))));
    assertThat(costs.findClosedMonth(ACME, OCT)).contains(closed);
    assertThat(costs.rollups(ACME, OCT, SERVICE))
        .containsExactly(
            row("23.25", "COMPUTE"), row("3.10", "BLOCK_STORAGE"), row("0.15", "NETWORK"));
    // prod 10.50 + 10.50 + 3.10 + 0.15 - 2.00 = 22.25; dev 4.25
    assertThat(costs.rollups(ACME, OCT, COMPARTMENT))
        .containsExactly(row("22.25", "c-prod"), row("4.25", "c-dev"));
    // web1 19.00, web2 4.25, vol1 3.10, no resource 0.15
    assertThat(costs.rollups(ACME, OCT, CostDimension.RESOURCE))
        .containsExactly(
            row("19", "web1"), row("4.25", "web2"), row("3.1", "vol1"), row("0.15", ""));
    // B1 10.50 + 4.25 + 10.50 = 25.25; B2 3.10; B3 0.15; CREDIT -2.00
    assertThat(costs.rollups(ACME, OCT, CostDimension.SKU))
        .containsExactly(
            row("25.25", "B1"), row("3.1", "B2"), row("0.15", "B3"), row("-2", "CREDIT"));
    assertThat(costs.rollups(ACME, OCT, CostDimension.REGION))
        .containsExactly(row("26.35", "us-ashburn-1"), row("0.15", ""));
    // 10-01 10.50 + 4.25; 10-02 10.50 + 3.10 + 0.15; 10-03 the -2.00 credit
    assertThat(costs.rollups(ACME, OCT, DAY))
        .containsExactly(
            row("14.75", "2026-10-01"), row("13.75", "2026-10-02"), row("-2", "2026-10-03"));
    assertThat(costs.rollups(ACME, OCT, CostDimension.MONTH))
        .containsExactly(row("26.50", "2026-10"));
    assertThat(costs.rollups(ACME, YearMonth.of(2026, 9), SERVICE)).isEmpty();
    assertThat(costs.findClosedMonth(ACME, YearMonth.of(2026, 9))).isEmpty();
  }

  @Test
  void closingTwiceGivesTheSameTotals() {
    ingestOctober();
    ClosedMonth first = costs.closeMonth(ACME, OCT, T0);
    List<CostRow> rollups = costs.rollups(ACME, OCT, SERVICE);
    ClosedMonth second = costs.closeMonth(ACME, OCT, T0.plusSeconds(60));
    assertThat(second.totals()).isEqualTo(first.totals());
    assertThat(second.lines()).isEqualTo(first.lines());
    assertThat(second.closedAt()).isEqualTo(T0.plusSeconds(60)); // when it was last closed
    assertThat(costs.rollups(ACME, OCT, SERVICE)).isEqualTo(rollups);
  }

  @Test
  void changingTheDaysOfAClosedMonthReopensIt() {
    ingestOctober();
    costs.closeMonth(ACME, OCT, T0);
    // a late correction on Oct 2
    costs.replaceCostLines(
        ACME,
        Period.day(OCTOBER.start().plusDays(1)),
        Stream.of(line(ACME, "2026-10-02", "COMPUTE", "1").build()));
    assertThat(costs.findClosedMonth(ACME, OCT)).isEmpty();
    assertThat(costs.rollups(ACME, OCT, SERVICE)).isEmpty();
    // closing again reflects the correction: 14.75 + 1.00 - 2.00 = 13.75
    assertThat(costs.closeMonth(ACME, OCT, T0).totals()).containsExactly(usd("13.75"));
  }

  @Test
  void reIngestingAClosedMonthUnchangedKeepsItClosed() {
    ingestOctober();
    ClosedMonth closed = costs.closeMonth(ACME, OCT, T0);
    ingestOctober();
    assertThat(costs.findClosedMonth(ACME, OCT)).contains(closed);
    // days of another month never touch October's close
    costs.replaceCostLines(
        ACME, Period.month(2026, 11), Stream.of(line(ACME, "2026-11-01", "COMPUTE", "3").build()));
    assertThat(costs.findClosedMonth(ACME, OCT)).contains(closed);
  }

  @Test
  void accountsAreIsolated() {
    ingestOctober();
    costs.replaceCostLines(
        GLOBEX,
        FIRST_THREE_DAYS,
        Stream.of(
            line(GLOBEX, "2026-10-01", "COMPUTE", "1000")
                .resourceId("web1")
                .compartmentId("c-prod")
                .skuPartNumber("B1")
                .build()));
    assertThat(total(OCTOBER)).isEqualTo(usd("26.50"));
    assertThat(costs.aggregate(GLOBEX, CostQuery.of(OCTOBER))).containsExactly(row("1000"));
    // replacing globex's days leaves acme's alone
    costs.replaceCostLines(GLOBEX, OCTOBER, Stream.empty());
    assertThat(costs.lines(ACME, OCTOBER)).hasSize(6);
    assertThat(costs.lines(GLOBEX, OCTOBER)).isEmpty();
  }

  /**
   * A whole closed month comes from its rollups when the query's group-by and filters name at most
   * one dimension (MONTH aside) and no tag; the rows are those of its lines.
   */
  @Test
  void wholeClosedMonthsAreAnsweredFromRollupsWhenTheQueryAllows() {
    InMemoryCostStore spy = (InMemoryCostStore) costs;
    costs.replaceCostLines(ACME, OCTOBER, october().stream());
    CostQuery whole = CostQuery.of(OCTOBER);
    List<CostQuery> answerable =
        List.of(
            whole,
            whole.groupBy(SERVICE),
            whole.services("COMPUTE").groupBy(CostDimension.MONTH, SERVICE),
            whole.skus("B1", "B3").groupBy(CostDimension.SKU).top(1),
            whole.groupBy(DAY));
    List<CostQuery> notAnswerable =
        List.of(
            whole.groupBy(SERVICE, DAY),
            whole.services("COMPUTE").groupBy(DAY),
            whole.groupByTags("env"),
            whole.tag("env", ""),
            CostQuery.of(FIRST_THREE_DAYS).groupBy(SERVICE));
    List<List<CostRow>> fromLines = new ArrayList<>();
    answerable.forEach(q -> fromLines.add(costs.aggregate(ACME, q)));
    notAnswerable.forEach(q -> fromLines.add(costs.aggregate(ACME, q)));
    assertThat(spy.monthsAnsweredFromRollups()).isZero();

    costs.closeMonth(ACME, OCT, T0);
    List<List<CostRow>> afterClose = new ArrayList<>();
    answerable.forEach(q -> afterClose.add(costs.aggregate(ACME, q)));
    assertThat(spy.monthsAnsweredFromRollups()).isEqualTo(answerable.size());
    notAnswerable.forEach(q -> afterClose.add(costs.aggregate(ACME, q)));
    assertThat(spy.monthsAnsweredFromRollups()).isEqualTo(answerable.size());
    assertThat(afterClose).isEqualTo(fromLines);
    // COMPUTE 10.50 + 4.25 + 10.50 - 2.00 = 23.25, all in October
    assertThat(costs.aggregate(ACME, answerable.get(2)))
        .containsExactly(new CostRow(List.of("2026-10", "COMPUTE"), Money.of("23.25", "USD")));
  }
}
