package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.BOOT1;
import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.DAY1;
import static app.cloudey.testkit.Fixtures.DAY2;
import static app.cloudey.testkit.Fixtures.DAY3;
import static app.cloudey.testkit.Fixtures.DEV;
import static app.cloudey.testkit.Fixtures.HOME_REGION;
import static app.cloudey.testkit.Fixtures.NOVEMBER_FIRST;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static app.cloudey.testkit.Fixtures.OTHER_REGION;
import static app.cloudey.testkit.Fixtures.PROD;
import static app.cloudey.testkit.Fixtures.PROD_WEB;
import static app.cloudey.testkit.Fixtures.ROOT;
import static app.cloudey.testkit.Fixtures.VOL1;
import static app.cloudey.testkit.Fixtures.WEB1;
import static app.cloudey.testkit.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.spi.CostStore;
import app.cloudey.testkit.Fixtures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract of {@link CostStore}: atomic replace-these-days ingest, grouped sums, month close and
 * tenant isolation, checked against the hand-computed sums of {@link Fixtures#costLines}.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 *
 * <pre>{@code
 * class InMemoryCostStoreTest extends CostStoreContract {
 *   protected CloudeyStore createStore() { return InMemoryStore.create(); }
 * }
 * }</pre>
 */
public abstract class CostStoreContract extends CostQueryContract {

  private static final Instant CLOSED_AT = Instant.parse("2026-11-06T02:00:00Z");
  private static final String OCPU = "Compute - Standard - E4 - OCPU";

  private CostStore costs() {
    return store().costs();
  }

  private IngestResult ingestFixture(AccountId id) {
    return costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
  }

  private List<CostRow> by(AccountId id, CostDimension... dimensions) {
    return costs().aggregate(id, CostQuery.of(COST_PERIOD).groupBy(dimensions));
  }

  private List<CostLine> lines(AccountId id, Period period) {
    try (Stream<CostLine> lines = costs().lines(id, period)) {
      return lines.toList();
    }
  }

  @Test
  public void ingestReportsTheLinesAndTheirTotal() {
    AccountId id = newAccount();
    // 12 lines; 5.84 + 6.24 + 6.16 = 18.24 USD
    assertThat(ingestFixture(id))
        .isEqualTo(new IngestResult(id, COST_PERIOD, 12, List.of(usd("18.24"))));
  }

  @Test
  public void aggregateByServiceGivesTheHandComputedSums() {
    AccountId id = newAccount();
    ingestFixture(id);
    // COMPUTE 3+1.14+3+1.14+3+1.06 = 12.34; BLOCK_STORAGE 1.70*3+0.50 = 5.60; NETWORK 0.40-0.10
    assertThat(by(id, CostDimension.SERVICE))
        .containsExactly(
            row("12.34", "COMPUTE"), row("5.6", "BLOCK_STORAGE"), row("0.3", "NETWORK"));
  }

  /** The fixture's October grouped by each dimension, sums worked out from the fixture table. */
  @ParameterizedTest
  @EnumSource(CostDimension.class)
  public void aggregateByEveryDimensionGivesTheHandComputedSums(CostDimension dimension) {
    AccountId id = newAccount();
    ingestFixture(id);
    List<CostRow> expected =
        switch (dimension) {
          // 10-01: 3+1.14+1.70 = 5.84; 10-02: 3+1.14+1.70+0.40 = 6.24; 10-03: 3+1.06+1.70+0.50-0.10
          case DAY ->
              List.of(
                  row("6.24", "2026-10-02"), row("6.16", "2026-10-03"), row("5.84", "2026-10-01"));
          case MONTH -> List.of(row("18.24", "2026-10"));
          // COMPUTE 3+1.14+3+1.14+3+1.06; BLOCK_STORAGE 1.70*3+0.50; NETWORK 0.40-0.10
          case SERVICE ->
              List.of(row("12.34", "COMPUTE"), row("5.6", "BLOCK_STORAGE"), row("0.3", "NETWORK"));
          // B97384 3*3.00; B91961 1.70*3+0.50; B97385 1.14+1.14+1.06; B88327 0.40-0.10
          case SKU ->
              List.of(
                  row("9", "B97384"),
                  row("5.6", "B91961"),
                  row("3.34", "B97385"),
                  row("0.3", "B88327"));
          // everything but vol1's 0.50 is in Ashburn: 18.24 - 0.50
          case REGION -> List.of(row("17.74", HOME_REGION), row("0.5", OTHER_REGION));
          // prod 12.34 + 5.10 = 17.44, dev 0.50 (vol1), root 0.30 (network)
          case COMPARTMENT -> List.of(row("17.44", PROD), row("0.5", DEV), row("0.3", ROOT));
          // web1 12.34, boot1 1.70*3, vol1 0.50, lines without a resource 0.30 (key "")
          case RESOURCE ->
              List.of(row("12.34", WEB1), row("5.1", BOOT1), row("0.5", VOL1), row("0.3", ""));
          // one name per part number: the SKU sums under their names
          case SKU_NAME ->
              List.of(
                  row("9", "Compute - Standard - E4 - OCPU"),
                  row("5.6", "Storage - Block Volume - Storage"),
                  row("3.34", "Compute - Standard - E4 - Memory"),
                  row("0.3", "Networking - Outbound Data Transfer"));
        };
    assertThat(by(id, dimension)).containsExactlyElementsOf(expected);
  }

  @Test
  public void aggregateWithoutGroupByIsOneTotalRow() {
    AccountId id = newAccount();
    ingestFixture(id);
    assertThat(by(id)).containsExactly(new CostRow(List.of(), usd("18.24")));
  }

  @Test
  public void aggregateByTwoDimensionsKeysRowsInGroupByOrder() {
    AccountId id = newAccount();
    ingestFixture(id);
    assertThat(by(id, CostDimension.SERVICE, CostDimension.REGION))
        .containsExactly(
            row("12.34", "COMPUTE", HOME_REGION),
            row("5.1", "BLOCK_STORAGE", HOME_REGION),
            row("0.5", "BLOCK_STORAGE", OTHER_REGION),
            row("0.3", "NETWORK", HOME_REGION));
  }

  @Test
  public void aggregateAppliesEveryFilterAndBreaksTiesByKey() {
    AccountId id = newAccount();
    ingestFixture(id);
    CostQuery october = CostQuery.of(COST_PERIOD);
    // COMPUTE per day: 4.14, 4.14, 4.06; the tie is ordered by key ascending
    assertThat(costs().aggregate(id, october.services("COMPUTE").groupBy(CostDimension.DAY)))
        .containsExactly(
            row("4.14", "2026-10-01"), row("4.14", "2026-10-02"), row("4.06", "2026-10-03"));
    assertThat(costs().aggregate(id, october.regions(OTHER_REGION))).containsExactly(row("0.5"));
    assertThat(costs().aggregate(id, october.resources(BOOT1))).containsExactly(row("5.1"));
    assertThat(
            costs()
                .aggregate(id, october.compartments(Set.of(PROD)).groupBy(CostDimension.SERVICE)))
        .containsExactly(row("12.34", "COMPUTE"), row("5.1", "BLOCK_STORAGE"));
    assertThat(
            costs().aggregate(id, october.period(Period.day(DAY2)).groupBy(CostDimension.SERVICE)))
        .containsExactly(
            row("4.14", "COMPUTE"), row("1.7", "BLOCK_STORAGE"), row("0.4", "NETWORK"));
    assertThat(costs().aggregate(id, october.groupBy(CostDimension.SERVICE).top(2)))
        .containsExactly(row("12.34", "COMPUTE"), row("5.6", "BLOCK_STORAGE"));
  }

  @Test
  public void aggregateFiltersAcceptSeveralValuesAndCombine() {
    AccountId id = newAccount();
    ingestFixture(id);
    CostQuery october = CostQuery.of(COST_PERIOD);
    // COMPUTE 12.34 and NETWORK 0.30; BLOCK_STORAGE filtered out
    assertThat(
            costs()
                .aggregate(
                    id, october.services("COMPUTE", "NETWORK").groupBy(CostDimension.SERVICE)))
        .containsExactly(row("12.34", "COMPUTE"), row("0.3", "NETWORK"));
    // both regions: everything
    assertThat(costs().aggregate(id, october.regions(HOME_REGION, OTHER_REGION)))
        .containsExactly(row("18.24"));
    // web1 12.34, vol1 0.50
    assertThat(costs().aggregate(id, october.resources(WEB1, VOL1).groupBy(CostDimension.RESOURCE)))
        .containsExactly(row("12.34", WEB1), row("0.5", VOL1));
    // "" selects the lines without a resource: the network lines, 0.40 - 0.10
    assertThat(costs().aggregate(id, october.resources("").groupBy(CostDimension.DAY)))
        .containsExactly(row("0.4", "2026-10-02"), row("-0.1", "2026-10-03"));
    // exact compartments: prod 17.44 + dev 0.50 (root's network lines left out)
    assertThat(
            costs()
                .aggregate(
                    id, october.compartments(Set.of(PROD, DEV)).groupBy(CostDimension.COMPARTMENT)))
        .containsExactly(row("17.44", PROD), row("0.5", DEV));
    // every filter at once: Ashburn block storage of boot1 in prod, 1.70 a day; equal sums are
    // ordered by key
    assertThat(
            costs()
                .aggregate(
                    id,
                    october
                        .services("BLOCK_STORAGE")
                        .regions(HOME_REGION)
                        .compartments(Set.of(PROD))
                        .resources(BOOT1, VOL1)
                        .groupBy(CostDimension.DAY)))
        .containsExactly(
            row("1.7", "2026-10-01"), row("1.7", "2026-10-02"), row("1.7", "2026-10-03"));
    // a filter nothing matches
    assertThat(costs().aggregate(id, october.services("DATABASE"))).isEmpty();
    assertThat(costs().aggregate(id, october.services("COMPUTE").regions(OTHER_REGION))).isEmpty();
  }

  @Test
  public void topKeepsTheFirstRowsInOrderAndAnyLimitAboveTheRowCountKeepsAll() {
    AccountId id = newAccount();
    ingestFixture(id);
    CostQuery october = CostQuery.of(COST_PERIOD);
    assertThat(costs().aggregate(id, october.groupBy(CostDimension.SKU).top(1)))
        .containsExactly(row("9", "B97384"));
    // COMPUTE per day 4.14, 4.14, 4.06: the tie at the top is broken by key, 10-03 is cut
    assertThat(costs().aggregate(id, october.services("COMPUTE").groupBy(CostDimension.DAY).top(2)))
        .containsExactly(row("4.14", "2026-10-01"), row("4.14", "2026-10-02"));
    assertThat(costs().aggregate(id, october.groupBy(CostDimension.SERVICE).top(10)))
        .containsExactly(
            row("12.34", "COMPUTE"), row("5.6", "BLOCK_STORAGE"), row("0.3", "NETWORK"));
    assertThat(costs().aggregate(id, october.top(1))).containsExactly(row("18.24"));
    // the top 3 of every dimension at once: each line is its own group, the 3.00 lines first
    assertThat(costs().aggregate(id, october.groupBy(CostDimension.values()).top(3)))
        .containsExactly(
            row("3", "2026-10-01", "2026-10", "COMPUTE", "B97384", HOME_REGION, PROD, WEB1, OCPU),
            row("3", "2026-10-02", "2026-10", "COMPUTE", "B97384", HOME_REGION, PROD, WEB1, OCPU),
            row("3", "2026-10-03", "2026-10", "COMPUTE", "B97384", HOME_REGION, PROD, WEB1, OCPU));
  }

  @Test
  public void aPeriodIncludesItsFirstDayAndExcludesItsEnd() {
    AccountId id = newAccount();
    ingestFixture(id);
    costs().replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.of(novemberLine(id)));
    // [10-02, 10-03): 10-02 only, 3+1.14+1.70+0.40
    assertThat(costs().aggregate(id, CostQuery.of(Period.of(DAY2, DAY3))))
        .containsExactly(row("6.24"));
    // [09-30, 10-01): the day before the data
    assertThat(costs().aggregate(id, CostQuery.of(Period.of(DAY1.minusDays(1), DAY1)))).isEmpty();
    // [10-03, 11-02) crosses the month end: 10-03 6.16 + 11-01 3.00 = 9.16
    Period acrossMonths = Period.of(DAY3, NOVEMBER_FIRST.plusDays(1));
    assertThat(costs().aggregate(id, CostQuery.of(acrossMonths))).containsExactly(row("9.16"));
    assertThat(costs().aggregate(id, CostQuery.of(acrossMonths).groupBy(CostDimension.MONTH)))
        .containsExactly(row("6.16", "2026-10"), row("3", "2026-11"));
    // [10-01, 11-01) is October: the November line is excluded, 18.24
    assertThat(
            costs().aggregate(id, CostQuery.of(Period.month(OCTOBER)).groupBy(CostDimension.DAY)))
        .containsExactly(
            row("6.24", "2026-10-02"), row("6.16", "2026-10-03"), row("5.84", "2026-10-01"));
    // October and November by month and service: 2026-11 holds only the 3.00 OCPU line
    assertThat(
            costs()
                .aggregate(
                    id,
                    CostQuery.of(Period.of(DAY1, NOVEMBER_FIRST.plusDays(1)))
                        .groupBy(CostDimension.MONTH, CostDimension.SERVICE)))
        .containsExactly(
            row("12.34", "2026-10", "COMPUTE"),
            row("5.6", "2026-10", "BLOCK_STORAGE"),
            row("3", "2026-11", "COMPUTE"),
            row("0.3", "2026-10", "NETWORK"));
  }

  @Test
  public void aCompartmentSubtreeIncludesEveryLiveCompartmentBelowItInTheStoredTree() {
    AccountId id = newAccount();
    store().inventory().replaceCompartments(id, Fixtures.compartments(id), Fixtures.SEEN_AT);
    costs()
        .replaceCostLines(
            id,
            COST_PERIOD,
            Stream.concat(Fixtures.costLines(id).stream(), Stream.of(bucketLine(id))));
    CostQuery october = CostQuery.of(COST_PERIOD).groupBy(CostDimension.COMPARTMENT);
    // prod 17.44 and prod/web below it 0.25 (the bucket line) = 17.69
    assertThat(costs().aggregate(id, october.compartmentSubtree(PROD)))
        .containsExactly(row("17.44", PROD), row("0.25", PROD_WEB));
    assertThat(costs().aggregate(id, october.compartmentSubtree(PROD).totalOnly()))
        .containsExactly(row("17.69"));
    // exactly prod: without prod/web
    assertThat(costs().aggregate(id, october.compartments(Set.of(PROD))))
        .containsExactly(row("17.44", PROD));
    // the root's subtree is everything: 18.24 + 0.25 = 18.49
    assertThat(costs().aggregate(id, october.compartmentSubtree(ROOT)))
        .containsExactly(
            row("17.44", PROD), row("0.5", DEV), row("0.3", ROOT), row("0.25", PROD_WEB));
    assertThat(costs().aggregate(id, october.compartmentSubtree(ROOT).totalOnly()))
        .containsExactly(row("18.49"));
    // a leaf, two roots at once, and an id the tree does not know (kept as an exact id)
    assertThat(costs().aggregate(id, october.compartmentSubtree(DEV)))
        .containsExactly(row("0.5", DEV));
    assertThat(costs().aggregate(id, october.compartmentSubtree(DEV, PROD_WEB)))
        .containsExactly(row("0.5", DEV), row("0.25", PROD_WEB));
    assertThat(costs().aggregate(id, october.compartmentSubtree("ocid1.compartment.oc1..unknown")))
        .isEmpty();
    // with the other filters: prod's subtree in Ashburn, by service; COMPUTE 12.34, BLOCK_STORAGE
    // 5.10 (boot1), OBJECT_STORAGE 0.25
    assertThat(
            costs()
                .aggregate(
                    id,
                    CostQuery.of(COST_PERIOD)
                        .compartmentSubtree(PROD)
                        .regions(HOME_REGION)
                        .groupBy(CostDimension.SERVICE)))
        .containsExactly(
            row("12.34", "COMPUTE"), row("5.1", "BLOCK_STORAGE"), row("0.25", "OBJECT_STORAGE"));
    // prod/web deleted from the tree: no longer below prod
    store()
        .inventory()
        .replaceCompartments(
            id,
            Fixtures.compartments(id).stream().filter(c -> !c.id().equals(PROD_WEB)).toList(),
            Fixtures.SEEN_AT.plusSeconds(60));
    assertThat(costs().aggregate(id, october.compartmentSubtree(PROD)))
        .containsExactly(row("17.44", PROD));
  }

  @Test
  public void aCompartmentSubtreeOfAnAccountWithoutAStoredTreeIsItsExactIds() {
    AccountId id = newAccount();
    costs()
        .replaceCostLines(
            id,
            COST_PERIOD,
            Stream.concat(Fixtures.costLines(id).stream(), Stream.of(bucketLine(id))));
    // another account's tree never counts
    AccountId other = newAccount();
    store().inventory().replaceCompartments(other, Fixtures.compartments(other), Fixtures.SEEN_AT);
    assertThat(
            costs()
                .aggregate(
                    id,
                    CostQuery.of(COST_PERIOD)
                        .compartmentSubtree(PROD)
                        .groupBy(CostDimension.COMPARTMENT)))
        .containsExactly(row("17.44", PROD));
  }

  @Test
  public void linesOfSeveralCurrenciesNeverShareARow() {
    AccountId id = newAccount();
    CostLine eur =
        Fixtures.costLines(id, DAY2).get(3).toBuilder()
            .region(OTHER_REGION)
            .compartmentId(DEV)
            .compartmentPath("root/dev")
            .cost(Money.of("0.30", "EUR"))
            .build();
    costs()
        .replaceCostLines(
            id, COST_PERIOD, Stream.concat(Fixtures.costLines(id).stream(), Stream.of(eur)));
    // NETWORK 0.30 in each currency: equal amount and key, ordered by currency code
    assertThat(by(id, CostDimension.SERVICE))
        .containsExactly(
            row("12.34", "COMPUTE"),
            row("5.6", "BLOCK_STORAGE"),
            new CostRow(List.of("NETWORK"), Money.of("0.3", "EUR")),
            row("0.3", "NETWORK"));
    assertThat(by(id))
        .containsExactly(row("18.24"), new CostRow(List.of(), Money.of("0.3", "EUR")));
    assertThat(costs().aggregate(id, CostQuery.of(COST_PERIOD).regions(OTHER_REGION)))
        .containsExactly(row("0.5"), new CostRow(List.of(), Money.of("0.3", "EUR")));
  }

  /**
   * A line in the nested compartment prod/web (bucket1's storage on 10-02, 0.25 USD), which the
   * fixture leaves without costs.
   */
  private static CostLine bucketLine(AccountId id) {
    return CostLine.builder()
        .accountId(id)
        .day(DAY2)
        .service("OBJECT_STORAGE")
        .skuPartNumber("B91628")
        .skuName("Object Storage - Storage")
        .unit("Gigabyte Storage Capacity Per Month")
        .quantity(new java.math.BigDecimal("10"))
        .cost(usd("0.25"))
        .region(HOME_REGION)
        .compartmentId(PROD_WEB)
        .compartmentPath("root/prod/web")
        .resourceId(Fixtures.BUCKET1)
        .build();
  }

  @Test
  public void aggregateOfAPeriodWithoutLinesIsEmpty() {
    AccountId id = newAccount();
    ingestFixture(id);
    CostQuery september = CostQuery.of(Period.month(2026, 9));
    assertThat(costs().aggregate(id, september)).isEmpty();
    assertThat(costs().aggregate(id, september.groupBy(CostDimension.SERVICE))).isEmpty();
  }

  @Test
  public void linesComeBackExactlyAsIngestedOrderedByDay() {
    AccountId id = newAccount();
    ingestFixture(id);
    List<CostLine> stored = lines(id, COST_PERIOD);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(Fixtures.costLines(id));
    assertThat(stored).extracting(CostLine::day).isSorted();
    assertThat(lines(id, Period.day(DAY2)))
        .containsExactlyInAnyOrderElementsOf(Fixtures.costLines(id, DAY2));
  }

  @Test
  public void reingestingTheSameDaysLeavesTheSameSumsAndLineCount() {
    AccountId id = newAccount();
    ingestFixture(id);
    assertThat(ingestFixture(id))
        .isEqualTo(new IngestResult(id, COST_PERIOD, 12, List.of(usd("18.24"))));
    assertThat(lines(id, COST_PERIOD)).hasSize(12);
    assertThat(by(id, CostDimension.SERVICE))
        .containsExactly(
            row("12.34", "COMPUTE"), row("5.6", "BLOCK_STORAGE"), row("0.3", "NETWORK"));
  }

  @Test
  public void reingestingOneDayWithinALongerPeriodDoesNotDuplicateIt() {
    AccountId id = newAccount();
    ingestFixture(id);
    costs().replaceCostLines(id, Period.day(DAY2), Fixtures.costLines(id, DAY2).stream());
    costs().replaceCostLines(id, Period.day(DAY2), Fixtures.costLines(id, DAY2).stream());
    assertThat(lines(id, COST_PERIOD)).hasSize(12);
    assertThat(by(id)).containsExactly(row("18.24"));
  }

  @Test
  public void reingestingLeavesThePerResourceCostsAsTheyWere() {
    AccountId id = newAccount();
    ingestFixture(id);
    List<ResourceSkuCost> once = costs().resourceCosts(id, COST_PERIOD);
    // the whole period again, then one day of it: each recomputes the month's per-resource sums
    ingestFixture(id);
    costs().replaceCostLines(id, Period.day(DAY2), Fixtures.costLines(id, DAY2).stream());
    assertThat(once).isNotEmpty();
    assertThat(costs().resourceCosts(id, COST_PERIOD)).containsExactlyInAnyOrderElementsOf(once);
  }

  @Test
  public void replacingOneDayLeavesTheOtherDays() {
    AccountId id = newAccount();
    ingestFixture(id);
    CostLine corrected = Fixtures.costLines(id, DAY2).get(0).toBuilder().cost(usd("2.00")).build();
    IngestResult result = costs().replaceCostLines(id, Period.day(DAY2), Stream.of(corrected));
    assertThat(result).isEqualTo(new IngestResult(id, Period.day(DAY2), 1, List.of(usd("2"))));
    assertThat(by(id, CostDimension.DAY))
        .containsExactly(
            row("6.16", "2026-10-03"), row("5.84", "2026-10-01"), row("2", "2026-10-02"));
    assertThat(lines(id, COST_PERIOD)).hasSize(3 + 1 + 5);
  }

  @Test
  public void replacingDaysWithNoLinesDeletesThem() {
    AccountId id = newAccount();
    ingestFixture(id);
    IngestResult result = costs().replaceCostLines(id, Period.day(DAY2), Stream.empty());
    assertThat(result).isEqualTo(new IngestResult(id, Period.day(DAY2), 0, List.of()));
    assertThat(by(id, CostDimension.DAY))
        .containsExactly(row("6.16", "2026-10-03"), row("5.84", "2026-10-01"));
  }

  @Test
  public void aLineOutsideTheReplacedDaysIsRejectedAndNothingChanges() {
    AccountId id = newAccount();
    ingestFixture(id);
    List<CostLine> bad = new ArrayList<>(Fixtures.costLines(id, DAY2));
    bad.add(Fixtures.costLines(id, DAY3).get(0).toBuilder().cost(usd("99")).build());
    assertThatThrownBy(() -> costs().replaceCostLines(id, Period.day(DAY2), bad.stream()))
        .isInstanceOf(CloudeyException.class);
    assertUnchangedFixture(id);
  }

  @Test
  public void aLineOfAnotherAccountIsRejectedAndNothingChanges() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    ingestFixture(id);
    List<CostLine> bad = new ArrayList<>(Fixtures.costLines(id, DAY2));
    bad.add(Fixtures.costLines(other, DAY2).get(1).toBuilder().cost(usd("99")).build());
    assertThatThrownBy(() -> costs().replaceCostLines(id, Period.day(DAY2), bad.stream()))
        .isInstanceOf(CloudeyException.class);
    assertUnchangedFixture(id);
    assertThat(lines(other, COST_PERIOD)).isEmpty();
  }

  @Test
  public void aNaturalKeyGivenTwiceIsRejectedAndNothingChanges() {
    AccountId id = newAccount();
    ingestFixture(id);
    // the same SKU of the same resource on the same day twice: summing would hide a source bug
    List<CostLine> twice = new ArrayList<>(Fixtures.costLines(id, DAY2));
    twice.add(Fixtures.costLines(id, DAY2).get(0).toBuilder().cost(usd("1.00")).build());
    assertThatThrownBy(() -> costs().replaceCostLines(id, Period.day(DAY2), twice.stream()))
        .isInstanceOf(CloudeyConfigException.class);
    assertUnchangedFixture(id);
  }

  @Test
  public void aStreamThatFailsMidwayRollsBackTheWholeIngest() {
    AccountId id = newAccount();
    ingestFixture(id);
    Stream<CostLine> failing =
        Stream.concat(
            Fixtures.costLines(id).stream()
                .limit(5)
                .map(l -> l.toBuilder().cost(usd("1000")).build()),
            Stream.<CostLine>generate(
                    () -> {
                      throw new CloudeyProviderException("page 2 failed", 500, null, "req-1");
                    })
                .limit(1));
    assertThatThrownBy(() -> costs().replaceCostLines(id, COST_PERIOD, failing))
        .isInstanceOf(CloudeyException.class);
    assertUnchangedFixture(id);
  }

  private void assertUnchangedFixture(AccountId id) {
    assertThat(lines(id, COST_PERIOD)).containsExactlyInAnyOrderElementsOf(Fixtures.costLines(id));
    assertThat(by(id)).containsExactly(row("18.24"));
  }

  @Test
  public void lastIngestAtIsKnownOnlyForTheAccountWritten() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    assertThat(costs().lastIngestAt(id)).isEmpty();
    ingestFixture(id);
    assertThat(costs().lastIngestAt(id)).isPresent();
    assertThat(costs().lastIngestAt(other)).isEmpty();
  }

  @Test
  public void closeMonthWritesRollupsEqualToHandComputedSums() {
    AccountId id = newAccount();
    ingestFixture(id);
    costs().replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.of(novemberLine(id)));
    ClosedMonth expected = new ClosedMonth(id, OCTOBER, CLOSED_AT, 12, List.of(usd("18.24")));

    assertThat(costs().closeMonth(id, OCTOBER, CLOSED_AT)).isEqualTo(expected);
    assertThat(costs().findClosedMonth(id, OCTOBER)).contains(expected);
    assertHandComputedRollups(id);
  }

  @Test
  public void closeMonthTwiceGivesIdenticalResults() {
    AccountId id = newAccount();
    ingestFixture(id);
    ClosedMonth first = costs().closeMonth(id, OCTOBER, CLOSED_AT);
    Map<CostDimension, List<CostRow>> rollups = rollups(id);
    assertThat(costs().closeMonth(id, OCTOBER, CLOSED_AT)).isEqualTo(first);
    assertThat(rollups(id)).isEqualTo(rollups);

    Instant later = CLOSED_AT.plusSeconds(3600);
    assertThat(costs().closeMonth(id, OCTOBER, later))
        .isEqualTo(new ClosedMonth(id, OCTOBER, later, 12, List.of(usd("18.24"))));
    assertThat(rollups(id)).isEqualTo(rollups);
    assertHandComputedRollups(id);
  }

  @Test
  public void closeMonthConcurrentlyGivesTheSameResult() {
    AccountId id = newAccount();
    ingestFixture(id);
    // own threads: the common pool has a single worker on a 2-core machine
    ExecutorService two = Executors.newFixedThreadPool(2);
    CompletableFuture<ClosedMonth> a;
    CompletableFuture<ClosedMonth> b;
    try {
      a = CompletableFuture.supplyAsync(() -> costs().closeMonth(id, OCTOBER, CLOSED_AT), two);
      b = CompletableFuture.supplyAsync(() -> costs().closeMonth(id, OCTOBER, CLOSED_AT), two);
      CompletableFuture.allOf(a, b).exceptionally(e -> null).join();
    } finally {
      two.shutdown();
    }
    ClosedMonth expected = new ClosedMonth(id, OCTOBER, CLOSED_AT, 12, List.of(usd("18.24")));
    assertThat(a.join()).isEqualTo(expected);
    assertThat(b.join()).isEqualTo(expected);
    assertHandComputedRollups(id);
  }

  @Test
  public void closingAMonthWithoutLinesGivesAnEmptyClose() {
    AccountId id = newAccount();
    assertThat(costs().closeMonth(id, OCTOBER, CLOSED_AT))
        .isEqualTo(new ClosedMonth(id, OCTOBER, CLOSED_AT, 0, List.of()));
    assertThat(costs().findClosedMonth(id, OCTOBER))
        .contains(new ClosedMonth(id, OCTOBER, CLOSED_AT, 0, List.of()));
    assertThat(rollups(id).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
  }

  @Test
  public void anOpenMonthHasNoCloseRecordAndNoRollups() {
    AccountId id = newAccount();
    ingestFixture(id);
    assertThat(costs().findClosedMonth(id, OCTOBER)).isEmpty();
    assertThat(rollups(id).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
  }

  @Test
  public void rollupsOfAMonthOfSeveralCurrenciesHaveARowPerCurrency() {
    AccountId id = newAccount();
    CostLine eur =
        Fixtures.costLines(id, DAY2).get(3).toBuilder()
            .region(OTHER_REGION)
            .cost(Money.of("1.25", "EUR"))
            .build();
    costs()
        .replaceCostLines(
            id, COST_PERIOD, Stream.concat(Fixtures.costLines(id).stream(), Stream.of(eur)));
    ClosedMonth closed = costs().closeMonth(id, OCTOBER, CLOSED_AT);
    // totals ordered by currency code
    assertThat(closed)
        .isEqualTo(
            new ClosedMonth(
                id, OCTOBER, CLOSED_AT, 13, List.of(Money.of("1.25", "EUR"), usd("18.24"))));
    assertThat(costs().findClosedMonth(id, OCTOBER)).contains(closed);
    assertThat(costs().rollups(id, OCTOBER, CostDimension.MONTH))
        .containsExactly(
            row("18.24", "2026-10"), new CostRow(List.of("2026-10"), Money.of("1.25", "EUR")));
    // Frankfurt: vol1 0.50 USD and the 1.25 EUR line
    assertThat(costs().rollups(id, OCTOBER, CostDimension.REGION))
        .containsExactly(
            row("17.74", HOME_REGION),
            new CostRow(List.of(OTHER_REGION), Money.of("1.25", "EUR")),
            row("0.5", OTHER_REGION));
  }

  @Test
  public void replacingADayOfAClosedMonthWithDifferentLinesReopensIt() {
    AccountId id = newAccount();
    ingestFixture(id);
    costs().closeMonth(id, OCTOBER, CLOSED_AT);
    // a late correction; re-ingesting identical lines may leave the month closed
    CostLine corrected = Fixtures.costLines(id, DAY2).get(0).toBuilder().cost(usd("2.00")).build();
    costs().replaceCostLines(id, Period.day(DAY2), Stream.of(corrected));
    assertThat(costs().findClosedMonth(id, OCTOBER)).isEmpty();
    assertThat(costs().rollups(id, OCTOBER, CostDimension.SERVICE)).isEmpty();
  }

  @Test
  public void tenantsWithIdenticalLinesNeverSeeEachOthersRows() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    ingestFixture(a);
    ingestFixture(b);
    // b drops day 2 (6.24) and closes October; a must not notice.
    // b's COMPUTE: 4.14 + 4.06 = 8.20; BLOCK_STORAGE 1.70 + 1.70 + 0.50 = 3.90; NETWORK -0.10
    costs().replaceCostLines(b, Period.day(DAY2), Stream.empty());
    costs().closeMonth(b, OCTOBER, CLOSED_AT);

    assertThat(by(a)).containsExactly(row("18.24"));
    assertThat(by(b)).containsExactly(row("12")); // 18.24 - 6.24
    assertThat(lines(a, COST_PERIOD)).containsExactlyInAnyOrderElementsOf(Fixtures.costLines(a));
    assertThat(lines(b, COST_PERIOD)).hasSize(8).allMatch(l -> l.accountId().equals(b));
    assertThat(costs().findClosedMonth(a, OCTOBER)).isEmpty();
    assertThat(costs().rollups(a, OCTOBER, CostDimension.SERVICE)).isEmpty();
    assertThat(costs().rollups(b, OCTOBER, CostDimension.SERVICE))
        .containsExactly(
            row("8.2", "COMPUTE"), row("3.9", "BLOCK_STORAGE"), row("-0.1", "NETWORK"));
    AccountId stranger = Fixtures.randomAccountId();
    assertThat(by(stranger)).isEmpty();
    assertThat(lines(stranger, COST_PERIOD)).isEmpty();
    assertThat(costs().lastIngestAt(stranger)).isEmpty();
  }

  private CostLine novemberLine(AccountId id) {
    return Fixtures.novemberLine(id);
  }

  private Map<CostDimension, List<CostRow>> rollups(AccountId id) {
    Map<CostDimension, List<CostRow>> all = new java.util.EnumMap<>(CostDimension.class);
    for (CostDimension d : CostDimension.values()) {
      all.put(d, costs().rollups(id, OCTOBER, d));
    }
    return Collections.unmodifiableMap(all);
  }

  /** A closed month's rollup by a dimension equals aggregating the month by that dimension. */
  @ParameterizedTest
  @EnumSource(CostDimension.class)
  public void aRollupOfEveryDimensionEqualsTheAggregateOfTheMonth(CostDimension dimension) {
    AccountId id = newAccount();
    ingestFixture(id);
    costs().replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.of(novemberLine(id)));
    costs().closeMonth(id, OCTOBER, CLOSED_AT);
    assertThat(costs().rollups(id, OCTOBER, dimension))
        .isNotEmpty()
        .isEqualTo(costs().aggregate(id, CostQuery.of(Period.month(OCTOBER)).groupBy(dimension)));
  }

  /**
   * Rollups of several months in one call are each month's own rollups, in the order asked, with an
   * empty list for a month that is not closed (September here).
   */
  @ParameterizedTest
  @EnumSource(CostDimension.class)
  public void rollupsOfSeveralMonthsAreEachMonthsRollupsInTheOrderAsked(CostDimension dimension) {
    AccountId id = newAccount();
    ingestFixture(id);
    costs().replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.of(novemberLine(id)));
    java.time.YearMonth november = OCTOBER.plusMonths(1);
    java.time.YearMonth september = OCTOBER.minusMonths(1);
    costs().closeMonth(id, OCTOBER, CLOSED_AT);
    costs().closeMonth(id, november, CLOSED_AT);
    List<CostRow> october = costs().rollups(id, OCTOBER, dimension);
    List<CostRow> novemberRows = costs().rollups(id, november, dimension);
    assertThat(october).isNotEmpty();
    assertThat(novemberRows).isNotEmpty().isNotEqualTo(october);

    Map<java.time.YearMonth, List<CostRow>> read =
        costs().rollups(id, List.of(november, september, OCTOBER), dimension);
    assertThat(read).containsOnlyKeys(november, september, OCTOBER);
    assertThat(read.keySet()).containsExactly(november, september, OCTOBER);
    assertThat(read.get(november)).isEqualTo(novemberRows);
    assertThat(read.get(september)).isEmpty();
    assertThat(read.get(OCTOBER)).isEqualTo(october);
    assertThat(costs().rollups(id, List.of(), dimension)).isEmpty();
    assertThat(costs().rollups(newAccount(), List.of(OCTOBER), dimension))
        .containsOnlyKeys(OCTOBER)
        .allSatisfy((month, rows) -> assertThat(rows).isEmpty());
  }

  private void assertHandComputedRollups(AccountId id) {
    // the November line (3.00 on 2026-11-01) is outside October and must not count
    // DAY: 10-01 5.84, 10-02 6.24, 10-03 6.16; MONTH: the month's total, keyed by the month
    assertThat(costs().rollups(id, OCTOBER, CostDimension.DAY))
        .containsExactly(
            row("6.24", "2026-10-02"), row("6.16", "2026-10-03"), row("5.84", "2026-10-01"));
    assertThat(costs().rollups(id, OCTOBER, CostDimension.MONTH))
        .containsExactly(row("18.24", "2026-10"));
    assertThat(costs().rollups(id, OCTOBER, CostDimension.SERVICE))
        .containsExactly(
            row("12.34", "COMPUTE"), row("5.6", "BLOCK_STORAGE"), row("0.3", "NETWORK"));
    assertThat(costs().rollups(id, OCTOBER, CostDimension.COMPARTMENT))
        .containsExactly(row("17.44", PROD), row("0.5", DEV), row("0.3", ROOT));
    assertThat(costs().rollups(id, OCTOBER, CostDimension.RESOURCE))
        .containsExactly(row("12.34", WEB1), row("5.1", BOOT1), row("0.5", VOL1), row("0.3", ""));
    assertThat(costs().rollups(id, OCTOBER, CostDimension.SKU))
        .containsExactly(
            row("9", "B97384"), row("5.6", "B91961"), row("3.34", "B97385"), row("0.3", "B88327"));
    assertThat(costs().rollups(id, OCTOBER, CostDimension.REGION))
        .containsExactly(row("17.74", HOME_REGION), row("0.5", OTHER_REGION));
  }

  // ---- top N with the rest summed by sign (aggregateTop) ----

  private static final java.time.LocalDate OCT1 = OCTOBER.atDay(1);
  private static final java.time.LocalDate OCT2 = OCTOBER.atDay(2);

  /**
   * The lines of the top-N cases (nothing to do with {@link Fixtures#costLines}):
   *
   * <pre>
   * resource  service        compartment  currency  10-01   10-02   October  11-01
   * r-a       COMPUTE        prod         USD        5.00            5.00     2.00
   * r-b       COMPUTE        prod         USD        3.00            3.00
   * r-c       BLOCK_STORAGE  prod/web     USD        2.00    1.00    3.00
   * r-d       BLOCK_STORAGE  dev          USD        1.50            1.50
   * r-f       BLOCK_STORAGE  dev          USD        0.50   -0.50    0.00
   * (none)    NETWORK        root         USD               -1.25   -1.25     0.25
   * r-e       DATABASE       root         USD               -4.00   -4.00    -0.75
   * r-g       COMPUTE        prod         EUR        7.00            7.00
   * r-h       DATABASE       root         EUR               -2.00   -2.00
   * </pre>
   *
   * October by resource, in aggregate's order (amount descending, key, currency): r-g 7 EUR, r-a 5,
   * r-b 3, r-c 3 (a tie with r-b, after it by key), r-d 1.50, r-f 0, (none) -1.25, r-h -2 EUR, r-e
   * -4: nine rows.
   */
  private void ingestTopLines(AccountId id) {
    costs()
        .replaceCostLines(
            id,
            Period.month(OCTOBER),
            Stream.of(
                topLine(id, OCT1, "r-a", "COMPUTE", PROD, "USD", "5.00"),
                topLine(id, OCT1, "r-b", "COMPUTE", PROD, "USD", "3.00"),
                topLine(id, OCT1, "r-c", "BLOCK_STORAGE", PROD_WEB, "USD", "2.00"),
                topLine(id, OCT2, "r-c", "BLOCK_STORAGE", PROD_WEB, "USD", "1.00"),
                topLine(id, OCT1, "r-d", "BLOCK_STORAGE", DEV, "USD", "1.50"),
                topLine(id, OCT1, "r-f", "BLOCK_STORAGE", DEV, "USD", "0.50"),
                topLine(id, OCT2, "r-f", "BLOCK_STORAGE", DEV, "USD", "-0.50"),
                topLine(id, OCT2, "", "NETWORK", ROOT, "USD", "-1.25"),
                topLine(id, OCT2, "r-e", "DATABASE", ROOT, "USD", "-4.00"),
                topLine(id, OCT1, "r-g", "COMPUTE", PROD, "EUR", "7.00"),
                topLine(id, OCT2, "r-h", "DATABASE", ROOT, "EUR", "-2.00")));
    costs()
        .replaceCostLines(
            id,
            Period.day(NOVEMBER_FIRST),
            Stream.of(
                topLine(id, NOVEMBER_FIRST, "r-a", "COMPUTE", PROD, "USD", "2.00"),
                topLine(id, NOVEMBER_FIRST, "", "NETWORK", ROOT, "USD", "0.25"),
                topLine(id, NOVEMBER_FIRST, "r-e", "DATABASE", ROOT, "USD", "-0.75")));
  }

  private static CostLine topLine(
      AccountId id,
      java.time.LocalDate day,
      String resource,
      String service,
      String compartment,
      String currency,
      String amount) {
    return CostLine.builder()
        .accountId(id)
        .day(day)
        .service(service)
        .skuPartNumber("SKU-" + service)
        .skuName(service + " usage")
        .unit("units")
        .quantity(java.math.BigDecimal.ONE)
        .cost(Money.of(amount, currency))
        .region(HOME_REGION)
        .compartmentId(compartment)
        .compartmentPath(compartment)
        .resourceId(resource)
        .build();
  }

  private static CostRow topRow(String key, String currency, String amount) {
    return new CostRow(List.of(key), Money.of(amount, currency));
  }

  private static app.cloudey.model.CostRest rest(
      String currency,
      String nonNegative,
      long nonNegativeRows,
      String negative,
      long negativeRows) {
    return new app.cloudey.model.CostRest(
        java.util.Currency.getInstance(currency),
        new java.math.BigDecimal(nonNegative),
        nonNegativeRows,
        new java.math.BigDecimal(negative),
        negativeRows);
  }

  /**
   * {@code aggregateEach} gives each query's {@code aggregate} rows, in order, whether a store can
   * answer the queries together (same days and filters, day rollups only) or not (a whole closed
   * month, other periods or filters, a resource, a limit). October 1-2 (open, not a whole month) by
   * day: 10-01 USD 5 + 3 + 2 + 1.50 + 0.50 = 12, 10-01 EUR 7, 10-02 EUR -2, 10-02 USD 1 - 0.50 -
   * 1.25 - 4 = -4.75; by service and compartment: COMPUTE prod 8 USD and 7 EUR, BLOCK_STORAGE
   * prod/web 3, BLOCK_STORAGE dev 1.50 + 0 = 1.50, NETWORK root -1.25, DATABASE root -2 EUR and -4
   * USD.
   */
  @Test
  public void aggregateEachGivesEveryQuerysOwnRows() {
    AccountId id = newAccount();
    ingestTopLines(id);
    Period twoDays = Period.of(OCT1, OCT2.plusDays(1));
    CostQuery byDay = CostQuery.of(twoDays).groupBy(CostDimension.DAY);
    CostQuery byServiceCompartment =
        CostQuery.of(twoDays).groupBy(CostDimension.SERVICE, CostDimension.COMPARTMENT);
    assertThat(costs().aggregateEach(id, List.of(byDay, byServiceCompartment)))
        .containsExactly(
            List.of(
                topRow("2026-10-01", "USD", "12"),
                topRow("2026-10-01", "EUR", "7"),
                topRow("2026-10-02", "EUR", "-2"),
                topRow("2026-10-02", "USD", "-4.75")),
            List.of(
                new CostRow(List.of("COMPUTE", PROD), Money.of("8", "USD")),
                new CostRow(List.of("COMPUTE", PROD), Money.of("7", "EUR")),
                new CostRow(List.of("BLOCK_STORAGE", PROD_WEB), Money.of("3", "USD")),
                new CostRow(List.of("BLOCK_STORAGE", DEV), Money.of("1.5", "USD")),
                new CostRow(List.of("NETWORK", ROOT), Money.of("-1.25", "USD")),
                new CostRow(List.of("DATABASE", ROOT), Money.of("-2", "EUR")),
                new CostRow(List.of("DATABASE", ROOT), Money.of("-4", "USD"))));
    for (boolean closed : List.of(false, true)) {
      if (closed) {
        costs().closeMonth(id, OCTOBER, CLOSED_AT);
      }
      Period month = Period.month(OCTOBER);
      Period throughNovember1 = Period.of(OCT1, NOVEMBER_FIRST.plusDays(1));
      List<List<CostQuery>> cases =
          List.of(
              List.of(
                  byDay, byServiceCompartment, CostQuery.of(twoDays).groupBy(CostDimension.REGION)),
              List.of(
                  byDay.services("COMPUTE", "DATABASE"),
                  byServiceCompartment.services("COMPUTE", "DATABASE")),
              List.of(
                  byDay.compartments(Set.of(PROD, ROOT)),
                  byServiceCompartment.compartments(Set.of(PROD, ROOT))),
              List.of(byDay, byServiceCompartment.services("COMPUTE")),
              List.of(
                  byDay.compartmentSubtree(PROD), byServiceCompartment.compartmentSubtree(PROD)),
              List.of(
                  CostQuery.of(month).groupBy(CostDimension.DAY),
                  CostQuery.of(month).groupBy(CostDimension.SERVICE, CostDimension.COMPARTMENT)),
              List.of(
                  CostQuery.of(throughNovember1).groupBy(CostDimension.DAY),
                  CostQuery.of(throughNovember1).groupBy(CostDimension.SERVICE)),
              List.of(byDay, CostQuery.of(twoDays).groupBy(CostDimension.RESOURCE)),
              List.of(byDay, byServiceCompartment.top(2)),
              List.of(byDay, CostQuery.of(Period.day(NOVEMBER_FIRST)).groupBy(CostDimension.DAY)),
              List.of(byServiceCompartment),
              List.of());
      for (List<CostQuery> queries : cases) {
        List<List<CostRow>> each = new ArrayList<>();
        for (CostQuery query : queries) {
          each.add(costs().aggregate(id, query));
        }
        assertThat(costs().aggregateEach(id, queries))
            .as("closed %s: %s", closed, queries)
            .isEqualTo(each);
      }
    }
  }

  /**
   * What {@code aggregateTop} must always be: {@code aggregate}'s rows with the limit (the same
   * rows in the same order, ties included), and the unlimited rows after them summed by sign.
   */
  private app.cloudey.model.TopCostRows assertTopAgreesWithAggregate(
      AccountId id, CostQuery query) {
    app.cloudey.model.TopCostRows top = costs().aggregateTop(id, query);
    assertThat(top.rows()).isEqualTo(costs().aggregate(id, query));
    assertThat(top)
        .isEqualTo(
            app.cloudey.model.TopCostRows.of(
                costs().aggregate(id, query.unlimited()), query.limit()));
    return top;
  }

  /**
   * October by resource, while it is open (lines) and once closed (the RESOURCE rollup): the same
   * hand-computed answers either way.
   */
  @Test
  public void aggregateTopCutsAtTiesAndSumsTheRestBySignPerCurrencyOpenOrClosed() {
    AccountId id = newAccount();
    ingestTopLines(id);
    for (boolean closed : List.of(false, true)) {
      if (closed) {
        costs().closeMonth(id, OCTOBER, CLOSED_AT);
      }
      CostQuery byResource = CostQuery.of(Period.month(OCTOBER)).groupBy(CostDimension.RESOURCE);

      // top 3: r-g 7 EUR, r-a 5, r-b 3; r-c's 3 ties with r-b and is cut (key order). Left out in
      // USD r-c 3 + r-d 1.50 + r-f 0 = 4.50 (3 rows, the zero row counts as non-negative) and
      // (none) -1.25 + r-e -4 = -5.25 (2 rows); in EUR r-h -2 (1 row), nothing non-negative
      assertThat(assertTopAgreesWithAggregate(id, byResource.top(3)))
          .isEqualTo(
              new app.cloudey.model.TopCostRows(
                  List.of(
                      topRow("r-g", "EUR", "7"),
                      topRow("r-a", "USD", "5"),
                      topRow("r-b", "USD", "3")),
                  List.of(rest("EUR", "0", 0, "-2", 1), rest("USD", "4.5", 3, "-5.25", 2))));

      // top 8: the negative rows (none) -1.25 USD and r-h -2 EUR are inside; only r-e -4 USD is
      // left out: no EUR entry, USD nothing non-negative
      app.cloudey.model.TopCostRows top8 = assertTopAgreesWithAggregate(id, byResource.top(8));
      assertThat(top8.rows())
          .containsExactly(
              topRow("r-g", "EUR", "7"),
              topRow("r-a", "USD", "5"),
              topRow("r-b", "USD", "3"),
              topRow("r-c", "USD", "3"),
              topRow("r-d", "USD", "1.5"),
              topRow("r-f", "USD", "0"),
              topRow("", "USD", "-1.25"),
              topRow("r-h", "EUR", "-2"));
      assertThat(top8.rest()).containsExactly(rest("USD", "0", 0, "-4", 1));
      assertThat(top8.rowCount()).isEqualTo(9);

      // a limit larger than the nine rows: every row, nothing left out
      app.cloudey.model.TopCostRows top20 = assertTopAgreesWithAggregate(id, byResource.top(20));
      assertThat(top20.rows()).hasSize(9);
      assertThat(top20.rest()).isEmpty();

      // by service (a rollup of its own once closed): COMPUTE 8 USD, COMPUTE 7 EUR, BLOCK_STORAGE
      // 3 + 1.50 + 0 = 4.50, NETWORK -1.25, DATABASE -2 EUR, DATABASE -4. Top 2: left out in USD
      // 4.50 (1 row) and -1.25 - 4 = -5.25 (2 rows), in EUR -2 (1 row)
      assertThat(
              assertTopAgreesWithAggregate(
                  id, CostQuery.of(Period.month(OCTOBER)).groupBy(CostDimension.SERVICE).top(2)))
          .isEqualTo(
              new app.cloudey.model.TopCostRows(
                  List.of(topRow("COMPUTE", "USD", "8"), topRow("COMPUTE", "EUR", "7")),
                  List.of(rest("EUR", "0", 0, "-2", 1), rest("USD", "4.5", 1, "-5.25", 2))));

      // by resource in prod and prod/web only (two dimensions: month_rollup_detail once closed):
      // r-g 7 EUR, r-a 5, r-b 3, r-c 3; top 3 leaves out r-c 3 USD (1 row)
      assertThat(
              assertTopAgreesWithAggregate(
                  id, byResource.compartments(Set.of(PROD, PROD_WEB)).top(3)))
          .isEqualTo(
              new app.cloudey.model.TopCostRows(
                  List.of(
                      topRow("r-g", "EUR", "7"),
                      topRow("r-a", "USD", "5"),
                      topRow("r-b", "USD", "3")),
                  List.of(rest("USD", "3", 1, "0", 0))));
    }
  }

  /**
   * A period over a closed month and an open one (rollups and lines in one statement) and the open
   * month alone.
   */
  @Test
  public void aggregateTopOverAClosedAndAnOpenMonth() {
    AccountId id = newAccount();
    ingestTopLines(id);
    costs().closeMonth(id, OCTOBER, CLOSED_AT);

    // November 1 alone (open): r-a 2, (none) 0.25, r-e -0.75. Top 1 leaves out 0.25 (1 row) and
    // -0.75 (1 row)
    assertThat(
            assertTopAgreesWithAggregate(
                id,
                CostQuery.of(Period.day(NOVEMBER_FIRST)).groupBy(CostDimension.RESOURCE).top(1)))
        .isEqualTo(
            new app.cloudey.model.TopCostRows(
                List.of(topRow("r-a", "USD", "2")), List.of(rest("USD", "0.25", 1, "-0.75", 1))));

    // October 1 to November 2: r-a 5 + 2 = 7 USD and r-g 7 EUR tie (r-a first by key), r-b 3,
    // r-c 3, r-d 1.50, r-f 0, (none) -1.25 + 0.25 = -1, r-h -2 EUR, r-e -4 - 0.75 = -4.75.
    // Top 3: r-a, r-g, r-b; left out in USD 3 + 1.50 + 0 = 4.50 (3 rows) and -1 - 4.75 = -5.75 (2
    // rows), in EUR -2 (1 row)
    Period both = Period.of(OCT1, NOVEMBER_FIRST.plusDays(1));
    assertThat(
            assertTopAgreesWithAggregate(
                id, CostQuery.of(both).groupBy(CostDimension.RESOURCE).top(3)))
        .isEqualTo(
            new app.cloudey.model.TopCostRows(
                List.of(
                    topRow("r-a", "USD", "7"),
                    topRow("r-g", "EUR", "7"),
                    topRow("r-b", "USD", "3")),
                List.of(rest("EUR", "0", 0, "-2", 1), rest("USD", "4.5", 3, "-5.75", 2))));

    // without a limit nothing is left out: every row of the aggregate
    CostQuery all = CostQuery.of(both).groupBy(CostDimension.RESOURCE);
    assertThat(costs().aggregateTop(id, all))
        .isEqualTo(new app.cloudey.model.TopCostRows(costs().aggregate(id, all), List.of()));
  }

  // ---- per-resource costs (what the advisor reads) ----

  private static java.util.Set<app.cloudey.model.ResourceSkuCost> resourceSums(
      List<CostLine> lines) {
    return new java.util.HashSet<>(app.cloudey.model.ResourceSkuCost.sum(lines));
  }

  @Test
  public void resourceCostsSumTheLinesOfEachResourceAndSkuOverWholeAndPartialMonths() {
    AccountId id = newAccount();
    costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    costs().replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.of(Fixtures.novemberLine(id)));
    // web1 OCPU: 3 days x 3.00 = 9.00 USD, 144 OCPU hours, 10-01..10-03
    assertThat(costs().resourceCosts(id, Period.month(OCTOBER)))
        .containsExactlyInAnyOrderElementsOf(resourceSums(Fixtures.costLines(id)))
        .anySatisfy(
            r -> {
              assertThat(r.resourceId()).isEqualTo(WEB1);
              assertThat(r.skuPartNumber()).isEqualTo("B97384");
              assertThat(r.amount()).isEqualByComparingTo("9.00");
              assertThat(r.days()).isEqualTo(3);
              assertThat(r.firstDay()).isEqualTo(DAY1);
              assertThat(r.lastDay()).isEqualTo(DAY3);
            });
    // a partial month reads only its days
    assertThat(costs().resourceCosts(id, Period.day(DAY2)))
        .containsExactlyInAnyOrderElementsOf(resourceSums(Fixtures.costLines(id, DAY2)));
    // a period of a partial month, a whole month and a partial month
    List<CostLine> all = new ArrayList<>(Fixtures.costLines(id));
    all.add(Fixtures.novemberLine(id));
    assertThat(
            costs()
                .resourceCosts(
                    id, Period.of(java.time.LocalDate.of(2026, 9, 20), NOVEMBER_FIRST.plusDays(5))))
        .containsExactlyInAnyOrderElementsOf(resourceSums(all));
    assertThat(costs().resourceCosts(newAccount(), Period.month(OCTOBER))).isEmpty();
  }

  // Windows that cut months: lines of three resources over 2026-09-28..11-20 (USD).
  //   r1 SKU A: 09-28 1.00 q24, 09-30 2.00 q24, 10-01 4.00 q24, 10-15 8.00 q24 (home region) and
  //             0.08 q1 (other region: two lines, one day), 10-31 16.00 q24, 11-02 32.00 q24,
  //             11-20 64.00 q24
  //   r2 SKU B: 10-01 0.50 q1.5, 10-02 0.25 q1.5
  //   r3 SKU C: 10-20, 10-21, 10-22 1.00 q10 each
  //   and a line without resource on 10-10 (0.30), never part of a resource's costs.
  private static final String R1 = "ocid1.instance.oc1.iad.straddle1";
  private static final String R2 = "ocid1.instance.oc1.iad.straddle2";
  private static final String R3 = "ocid1.instance.oc1.iad.straddle3";

  private static CostLine straddleLine(
      AccountId id, String day, String resource, String sku, String region, String cost, String q) {
    return CostLine.builder()
        .accountId(id)
        .day(java.time.LocalDate.parse(day))
        .service("COMPUTE")
        .skuPartNumber(sku)
        .skuName("SKU " + sku)
        .unit("Hour")
        .quantity(new java.math.BigDecimal(q))
        .cost(usd(cost))
        .region(region)
        .compartmentId(PROD)
        .compartmentPath("root/prod")
        .resourceId(resource)
        .build();
  }

  private static app.cloudey.model.ResourceSkuCost skuCost(
      String resource,
      String sku,
      String amount,
      String quantity,
      String first,
      String last,
      int days) {
    return new app.cloudey.model.ResourceSkuCost(
        resource,
        "COMPUTE",
        sku,
        "SKU " + sku,
        "Hour",
        java.util.Currency.getInstance("USD"),
        new java.math.BigDecimal(amount),
        new java.math.BigDecimal(quantity),
        java.time.LocalDate.parse(first),
        java.time.LocalDate.parse(last),
        days);
  }

  /** What the store's lines of {@code period} sum to, per resource and SKU. */
  private List<ResourceSkuCost> sumOfLines(AccountId id, Period period) {
    try (java.util.stream.Stream<CostLine> lines = costs().lines(id, period)) {
      return ResourceSkuCost.sum(lines::iterator);
    }
  }

  @Test
  public void resourceCostsReadTheSameAfterARefreshAndFollowLaterChanges() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    Period window = Period.of(day("2026-10-01"), day("2026-11-03"));
    Period october = Period.month(OCTOBER);
    for (AccountId a : List.of(id, other)) {
      costs()
          .replaceCostLines(
              a,
              october,
              java.util.stream.Stream.of(
                  straddleLine(a, "2026-10-01", R1, "A", HOME_REGION, "4.00", "24"),
                  straddleLine(a, "2026-10-15", R1, "A", HOME_REGION, "8.00", "24"),
                  straddleLine(a, "2026-10-02", R2, "B", HOME_REGION, "0.25", "1.5")));
      costs()
          .replaceCostLines(
              a,
              Period.month(2026, 11),
              java.util.stream.Stream.of(
                  straddleLine(a, "2026-11-02", R1, "A", HOME_REGION, "32.00", "24")));
    }
    List<ResourceSkuCost> computed = costs().resourceCosts(id, window);
    // r1: 4 + 8 + 32 = 44 over 3 days; r2: 0.25
    assertThat(computed)
        .containsExactlyInAnyOrder(
            skuCost(R1, "A", "44.00", "72", "2026-10-01", "2026-11-02", 3),
            skuCost(R2, "B", "0.25", "1.5", "2026-10-02", "2026-10-02", 1));
    Period cut = Period.of(day("2026-10-02"), day("2026-11-03"));
    List<ResourceSkuCost> computedCut = costs().resourceCosts(id, cut);
    costs().refreshResourceCosts(id, window);
    costs().refreshResourceCosts(id, window); // nothing changed: a no-op
    costs().refreshResourceCosts(other, window);

    assertThat(costs().resourceCosts(id, window)).containsExactlyInAnyOrderElementsOf(computed);
    // another period is never answered with the refreshed one's rows
    assertThat(costs().resourceCosts(id, cut)).containsExactlyInAnyOrderElementsOf(computedCut);
    // the other account (the same lines) keeps its own
    assertThat(costs().resourceCosts(other, window)).containsExactlyInAnyOrderElementsOf(computed);

    // a later ingest is seen at once: 10-15 now bills 10.00 for r1, and r3 appears
    costs()
        .replaceCostLines(
            id,
            Period.day(day("2026-10-15")),
            java.util.stream.Stream.of(
                straddleLine(id, "2026-10-15", R1, "A", HOME_REGION, "10.00", "24"),
                straddleLine(id, "2026-10-15", R3, "C", HOME_REGION, "1.00", "10")));
    List<ResourceSkuCost> changed = costs().resourceCosts(id, window);
    assertThat(changed)
        .containsExactlyInAnyOrder(
            skuCost(R1, "A", "46.00", "72", "2026-10-01", "2026-11-02", 3),
            skuCost(R2, "B", "0.25", "1.5", "2026-10-02", "2026-10-02", 1),
            skuCost(R3, "C", "1.00", "10", "2026-10-15", "2026-10-15", 1))
        .containsExactlyInAnyOrderElementsOf(sumOfLines(id, window));

    // and so is a month close after a refresh
    costs().refreshResourceCosts(id, window);
    costs().closeMonth(id, OCTOBER, Instant.parse("2026-11-03T02:00:00Z"));
    assertThat(costs().resourceCosts(id, window)).containsExactlyInAnyOrderElementsOf(changed);
    costs().refreshResourceCosts(id, window);
    assertThat(costs().resourceCosts(id, window)).containsExactlyInAnyOrderElementsOf(changed);
  }

  @Test
  public void resourceCostsOfWindowsThatCutMonths() {
    AccountId id = newAccount();
    String home = HOME_REGION;
    List<CostLine> lines =
        List.of(
            straddleLine(id, "2026-09-28", R1, "A", home, "1.00", "24"),
            straddleLine(id, "2026-09-30", R1, "A", home, "2.00", "24"),
            straddleLine(id, "2026-10-01", R1, "A", home, "4.00", "24"),
            straddleLine(id, "2026-10-15", R1, "A", home, "8.00", "24"),
            straddleLine(id, "2026-10-15", R1, "A", OTHER_REGION, "0.08", "1"),
            straddleLine(id, "2026-10-31", R1, "A", home, "16.00", "24"),
            straddleLine(id, "2026-11-02", R1, "A", home, "32.00", "24"),
            straddleLine(id, "2026-11-20", R1, "A", home, "64.00", "24"),
            straddleLine(id, "2026-10-01", R2, "B", home, "0.50", "1.5"),
            straddleLine(id, "2026-10-02", R2, "B", home, "0.25", "1.5"),
            straddleLine(id, "2026-10-20", R3, "C", home, "1.00", "10"),
            straddleLine(id, "2026-10-21", R3, "C", home, "1.00", "10"),
            straddleLine(id, "2026-10-22", R3, "C", home, "1.00", "10"),
            CostLine.builder()
                .accountId(id)
                .day(java.time.LocalDate.parse("2026-10-10"))
                .service("NETWORK")
                .skuPartNumber("B88327")
                .skuName("Outbound Data Transfer")
                .unit("GB")
                .quantity(java.math.BigDecimal.ONE)
                .cost(usd("0.30"))
                .region(home)
                .compartmentId(PROD)
                .compartmentPath("root/prod")
                .resourceId("")
                .build());
    // ingested month by month, as a sync does
    for (Period month :
        List.of(Period.month(2026, 9), Period.month(2026, 10), Period.month(2026, 11))) {
      costs().replaceCostLines(id, month, lines.stream().filter(l -> month.contains(l.day())));
    }
    String r3Sum = "3.00";
    // 09-29..11-24: September from 09-29 (its 09-28 line left out), all of October, November up
    // to 11-24 (no line after 11-20). r1: 2.00 + (4 + 8 + 0.08 + 16) + (32 + 64) = 126.08, quantity
    // 24 + 73 + 48 = 145, days 09-30, 10-01, 10-15, 10-31, 11-02, 11-20 = 6
    assertThat(costs().resourceCosts(id, Period.of(day("2026-09-29"), day("2026-11-25"))))
        .containsExactlyInAnyOrder(
            skuCost(R1, "A", "126.08", "145", "2026-09-30", "2026-11-20", 6),
            skuCost(R2, "B", "0.75", "3", "2026-10-01", "2026-10-02", 2),
            skuCost(R3, "C", r3Sum, "30", "2026-10-20", "2026-10-22", 3));
    // 10-03..11-02: October without 10-01 and 10-02 (r2 has no line left: absent), November's
    // 11-02. r1: 8 + 0.08 + 16 + 32 = 56.08, quantity 24 + 1 + 24 + 24 = 73, days 10-15, 10-31,
    // 11-02 = 3
    assertThat(costs().resourceCosts(id, Period.of(day("2026-10-03"), day("2026-11-03"))))
        .containsExactlyInAnyOrder(
            skuCost(R1, "A", "56.08", "73", "2026-10-15", "2026-11-02", 3),
            skuCost(R3, "C", r3Sum, "30", "2026-10-20", "2026-10-22", 3));
    // 10-02..10-30: both ends of October cut, each end with lines (10-01, 10-31). r1: 8.08 on
    // 10-15 (two lines, one day), quantity 25; r2: 0.25 on 10-02
    assertThat(costs().resourceCosts(id, Period.of(day("2026-10-02"), day("2026-10-31"))))
        .containsExactlyInAnyOrder(
            skuCost(R1, "A", "8.08", "25", "2026-10-15", "2026-10-15", 1),
            skuCost(R2, "B", "0.25", "1.5", "2026-10-02", "2026-10-02", 1),
            skuCost(R3, "C", r3Sum, "30", "2026-10-20", "2026-10-22", 3));
    // 11-02..11-20: November's first day and the days after its last line left out: 32 + 64
    assertThat(costs().resourceCosts(id, Period.of(day("2026-11-02"), day("2026-11-21"))))
        .containsExactly(skuCost(R1, "A", "96", "48", "2026-11-02", "2026-11-20", 2));
    // days without any line: nothing
    assertThat(costs().resourceCosts(id, Period.of(day("2026-10-03"), day("2026-10-10"))))
        .isEmpty();
    assertThat(costs().resourceCosts(id, Period.of(day("2026-11-21"), day("2026-12-10"))))
        .isEmpty();
    // and other windows agree with the sums of their lines
    for (Period w :
        List.of(
            Period.of(day("2026-09-01"), day("2026-12-01")),
            Period.of(day("2026-09-30"), day("2026-10-02")),
            Period.of(day("2026-10-01"), day("2026-10-31")),
            Period.of(day("2026-10-16"), day("2026-11-20")))) {
      assertThat(costs().resourceCosts(id, w))
          .as("%s", w)
          .containsExactlyInAnyOrderElementsOf(
              resourceSums(lines.stream().filter(l -> w.contains(l.day())).toList()));
    }
  }

  private static java.time.LocalDate day(String iso) {
    return java.time.LocalDate.parse(iso);
  }

  @Test
  public void resourceCostsFollowAReIngestedDay() {
    AccountId id = newAccount();
    costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    // 10-02 re-ingested without its lines: October is what 10-01 and 10-03 leave
    costs().replaceCostLines(id, Period.day(DAY2), Stream.empty());
    List<CostLine> left =
        Fixtures.costLines(id).stream().filter(l -> !l.day().equals(DAY2)).toList();
    assertThat(costs().resourceCosts(id, Period.month(OCTOBER)))
        .containsExactlyInAnyOrderElementsOf(resourceSums(left));
  }
}
