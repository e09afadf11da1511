package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.BOOT1;
import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.DAY2;
import static app.cloudey.testkit.Fixtures.DAY3;
import static app.cloudey.testkit.Fixtures.DEV;
import static app.cloudey.testkit.Fixtures.HOME_REGION;
import static app.cloudey.testkit.Fixtures.NOVEMBER_FIRST;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static app.cloudey.testkit.Fixtures.OTHER_REGION;
import static app.cloudey.testkit.Fixtures.PROD;
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
import app.cloudey.model.Period;
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
public abstract class CostStoreContract extends StoreContract {

  private static final Instant CLOSED_AT = Instant.parse("2026-11-06T02:00:00Z");

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

  @Test
  public void aggregateByEveryOtherDimension() {
    AccountId id = newAccount();
    ingestFixture(id);
    // 10-01: 3+1.14+1.70 = 5.84; 10-02: 3+1.14+1.70+0.40 = 6.24; 10-03: 3+1.06+1.70+0.50-0.10
    assertThat(by(id, CostDimension.DAY))
        .containsExactly(
            row("6.24", "2026-10-02"), row("6.16", "2026-10-03"), row("5.84", "2026-10-01"));
    assertThat(by(id, CostDimension.MONTH)).containsExactly(row("18.24", "2026-10"));
    assertThat(by(id, CostDimension.REGION))
        .containsExactly(row("17.74", HOME_REGION), row("0.5", OTHER_REGION));
    // prod 12.34 + 5.10 = 17.44
    assertThat(by(id, CostDimension.COMPARTMENT))
        .containsExactly(row("17.44", PROD), row("0.5", DEV), row("0.3", ROOT));
    assertThat(by(id, CostDimension.RESOURCE))
        .containsExactly(row("12.34", WEB1), row("5.1", BOOT1), row("0.5", VOL1), row("0.3", ""));
    // B97384 3*3.00; B97385 1.14+1.14+1.06
    assertThat(by(id, CostDimension.SKU))
        .containsExactly(
            row("9", "B97384"), row("5.6", "B91961"), row("3.34", "B97385"), row("0.3", "B88327"));
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
    assertThat(costs().rollups(id, OCTOBER, CostDimension.SERVICE)).isEmpty();
  }

  @Test
  public void anOpenMonthHasNoCloseRecordAndNoRollups() {
    AccountId id = newAccount();
    ingestFixture(id);
    assertThat(costs().findClosedMonth(id, OCTOBER)).isEmpty();
    assertThat(costs().rollups(id, OCTOBER, CostDimension.SERVICE)).isEmpty();
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
    for (CostDimension d :
        List.of(
            CostDimension.SERVICE,
            CostDimension.COMPARTMENT,
            CostDimension.RESOURCE,
            CostDimension.SKU,
            CostDimension.REGION)) {
      all.put(d, costs().rollups(id, OCTOBER, d));
    }
    return Collections.unmodifiableMap(all);
  }

  private void assertHandComputedRollups(AccountId id) {
    // the November line (3.00 on 2026-11-01) is outside October and must not count
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
}
