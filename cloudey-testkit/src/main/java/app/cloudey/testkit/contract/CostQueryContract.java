package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.BLOCK_VOLUMES;
import static app.cloudey.testkit.Fixtures.BOOT1;
import static app.cloudey.testkit.Fixtures.BOOT_VOLUMES;
import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.DAY1;
import static app.cloudey.testkit.Fixtures.DAY2;
import static app.cloudey.testkit.Fixtures.DAY3;
import static app.cloudey.testkit.Fixtures.DEV;
import static app.cloudey.testkit.Fixtures.HOME_REGION;
import static app.cloudey.testkit.Fixtures.INSTANCES;
import static app.cloudey.testkit.Fixtures.NOVEMBER_FIRST;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static app.cloudey.testkit.Fixtures.OTHER_REGION;
import static app.cloudey.testkit.Fixtures.PROD;
import static app.cloudey.testkit.Fixtures.VOL1;
import static app.cloudey.testkit.Fixtures.WEB1;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.Scope;
import app.cloudey.spi.CostStore;
import app.cloudey.testkit.Fixtures;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The query half of the {@link CostStoreContract}: tag and SKU dimensions and filters, per-month
 * freshness, closed months answered from rollups with the same rows, and currencies never summed
 * together. Extend {@link CostStoreContract}, which runs these cases too.
 *
 * <p>The tagged inventory, over the fixture's October lines (18.24 USD):
 *
 * <pre>
 * resource  inventory tags                        its lines                      env value
 * web1      env=legacy, Operations.CostCenter=42  COMPUTE 12.34 (line tag env=prod)   prod (the line's own tag wins)
 * boot1     env=staging, Operations.CostCenter=7  BLOCK_STORAGE 5.10                  staging
 * vol1      env=dev (deleted since)               BLOCK_STORAGE 0.50                  dev (deleted resources count)
 * (none)                                          NETWORK 0.30                        "" (untagged)
 * </pre>
 */
public abstract class CostQueryContract extends StoreContract {
  private static final Instant CLOSED_AT = Instant.parse("2026-11-06T02:00:00Z");
  private static final String COST_CENTER = "Operations.CostCenter";
  private static final String OCPU = "Compute - Standard - E4 - OCPU";
  private static final String MEMORY = "Compute - Standard - E4 - Memory";
  private static final String BLOCK = "Storage - Block Volume - Storage";
  private static final String EGRESS = "Networking - Outbound Data Transfer";
  private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  private CostStore costs() {
    return store().costs();
  }

  private List<CostRow> rows(AccountId id, CostQuery query) {
    return costs().aggregate(id, query);
  }

  private static CostQuery october() {
    return CostQuery.of(COST_PERIOD);
  }

  private static CostRow eur(String amount, String... key) {
    return new CostRow(List.of(key), Money.of(amount, "EUR"));
  }

  /** The account of the table above: fixture lines and the tagged inventory. */
  private AccountId taggedAccount() {
    AccountId id = newAccount();
    writeTaggedInventory(id, Map.of("env", "legacy", COST_CENTER, "42"), "staging", "dev");
    costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    return id;
  }

  private void writeTaggedInventory(
      AccountId id, Map<String, String> web1Tags, String bootEnv, String volEnv) {
    Map<String, Map<String, String>> tags =
        Map.of(
            WEB1, web1Tags,
            BOOT1, Map.of("env", bootEnv, COST_CENTER, "7"),
            VOL1, Map.of("env", volEnv));
    for (Scope scope : List.of(INSTANCES, BOOT_VOLUMES, BLOCK_VOLUMES)) {
      List<Resource> resources =
          Fixtures.resources(id, scope).stream()
              .map(r -> r.toBuilder().tags(tags.getOrDefault(r.id(), Map.of())).build())
              .toList();
      store().inventory().replaceScope(id, scope, resources, Fixtures.SEEN_AT);
    }
    // vol1 is gone from the next listing: deleted, its tags kept
    store()
        .inventory()
        .replaceScope(id, BLOCK_VOLUMES, List.of(), Fixtures.SEEN_AT.plusSeconds(60));
  }

  @Test
  public void groupByATagUsesTheLineTagElseTheResourceTagElseUntagged() {
    AccountId id = taggedAccount();
    // web1 12.34 by its lines' own env=prod (its resource says legacy); boot1 5.10 staging;
    // vol1 0.50 dev though deleted; the network lines have no resource: untagged ""
    assertThat(rows(id, october().groupByTags("env")))
        .containsExactly(
            row("12.34", "prod"), row("5.1", "staging"), row("0.5", "dev"), row("0.3", ""));
    // a defined tag, named namespace.key: only the resources carry it. vol1 lacks it, so it is
    // untagged with the network lines: 0.50 + 0.30
    assertThat(rows(id, october().groupByTags(COST_CENTER)))
        .containsExactly(row("12.34", "42"), row("5.1", "7"), row("0.8", ""));
    // a key nobody carries: everything untagged
    assertThat(rows(id, october().groupByTags("owner"))).containsExactly(row("18.24", ""));
    // keys are case-sensitive
    assertThat(rows(id, october().groupByTags("ENV"))).containsExactly(row("18.24", ""));
  }

  @Test
  public void tagsFollowTheDimensionsInARowKey() {
    AccountId id = taggedAccount();
    assertThat(rows(id, october().groupBy(CostDimension.SERVICE).groupByTags("env")))
        .containsExactly(
            row("12.34", "COMPUTE", "prod"),
            row("5.1", "BLOCK_STORAGE", "staging"),
            row("0.5", "BLOCK_STORAGE", "dev"),
            row("0.3", "NETWORK", ""));
    // two tags; the same rows through the parsed names
    List<CostRow> twoTags =
        List.of(
            row("12.34", "COMPUTE", "prod", "42"),
            row("5.1", "BLOCK_STORAGE", "staging", "7"),
            row("0.5", "BLOCK_STORAGE", "dev", ""),
            row("0.3", "NETWORK", "", ""));
    assertThat(rows(id, october().groupBy(CostDimension.SERVICE).groupByTags("env", COST_CENTER)))
        .containsExactlyElementsOf(twoTags);
    assertThat(rows(id, october().groupBy("service", "tag:env", "tag:" + COST_CENTER)))
        .containsExactlyElementsOf(twoTags);
    // by day and tag, top 2: the 3.00 + 1.14 compute lines of 10-01 and 10-02 tie, key decides
    assertThat(rows(id, october().groupBy(CostDimension.DAY).groupByTags("env").top(2)))
        .containsExactly(row("4.14", "2026-10-01", "prod"), row("4.14", "2026-10-02", "prod"));
  }

  @Test
  public void tagFiltersSelectByValueAndCombineWithEveryOtherFilter() {
    AccountId id = taggedAccount();
    // prod 12.34 + staging 5.10
    assertThat(rows(id, october().tag("env", "prod", "staging"))).containsExactly(row("17.44"));
    // "" selects the untagged lines: the network lines, 0.40 - 0.10
    assertThat(rows(id, october().tag("env", "").groupBy(CostDimension.DAY)))
        .containsExactly(row("0.4", "2026-10-02"), row("-0.1", "2026-10-03"));
    // two keys must both match: boot1 only
    assertThat(rows(id, october().tag("env", "staging").tag(COST_CENTER, "7")))
        .containsExactly(row("5.1"));
    assertThat(rows(id, october().tag("env", "prod").tag(COST_CENTER, "7"))).isEmpty();
    // a later filter on the same key replaces the earlier one
    assertThat(rows(id, october().tag("env", "prod").tag("env", "dev")))
        .containsExactly(row("0.5"));
    // with the other filters and a tag group-by: block storage in Ashburn, by env
    assertThat(
            rows(
                id,
                october()
                    .services("BLOCK_STORAGE")
                    .regions(HOME_REGION)
                    .tag(COST_CENTER, "7", "")
                    .groupByTags("env")))
        .containsExactly(row("5.1", "staging"));
    // a deleted resource's tag still selects its lines
    assertThat(rows(id, october().tag("env", "dev").groupBy(CostDimension.RESOURCE)))
        .containsExactly(row("0.5", VOL1));
    assertThat(rows(id, october().tag("env", "nobody"))).isEmpty();
  }

  @Test
  public void tagsComeFromTheAccountsOwnInventoryAndItsCurrentTags() {
    AccountId id = taggedAccount();
    // another account with the same resource ids tagged otherwise changes nothing for id
    AccountId other = newAccount();
    writeTaggedInventory(other, Map.of("env", "other"), "other", "other");
    assertThat(rows(id, october().groupByTags("env")))
        .containsExactly(
            row("12.34", "prod"), row("5.1", "staging"), row("0.5", "dev"), row("0.3", ""));
    // other has no lines
    assertThat(rows(other, october().groupByTags("env"))).isEmpty();
    // retagging boot1 moves its lines at once (the inventory's current tags apply)
    store()
        .inventory()
        .replaceScope(
            id,
            BOOT_VOLUMES,
            Fixtures.resources(id, BOOT_VOLUMES).stream()
                .map(r -> r.toBuilder().tags(Map.of("env", "prod")).build())
                .toList(),
            Fixtures.SEEN_AT.plusSeconds(120));
    assertThat(rows(id, october().groupByTags("env")))
        .containsExactly(row("17.44", "prod"), row("0.5", "dev"), row("0.3", ""));
    // an account without any inventory: only the lines' own tags (the compute lines' env=prod)
    AccountId bare = newAccount();
    costs().replaceCostLines(bare, COST_PERIOD, Fixtures.costLines(bare).stream());
    assertThat(rows(bare, october().groupByTags("env")))
        .containsExactly(row("12.34", "prod"), row("5.9", ""));
  }

  @Test
  public void skusGroupByPartNumberAndNameAndFilterByPartNumber() {
    AccountId id = newAccount();
    // the memory line of 10-03 billed under a renamed SKU: one part number, two names
    List<CostLine> lines = new ArrayList<>(Fixtures.costLines(id));
    lines.replaceAll(
        l ->
            l.day().equals(DAY3) && l.skuPartNumber().equals("B97385")
                ? l.toBuilder().skuName(MEMORY + " v2").build()
                : l);
    costs().replaceCostLines(id, COST_PERIOD, lines.stream());
    // B97385: 1.14 + 1.14 under the old name, 1.06 under the new
    assertThat(rows(id, october().groupBy(CostDimension.SKU, CostDimension.SKU_NAME)))
        .containsExactly(
            row("9", "B97384", OCPU),
            row("5.6", "B91961", BLOCK),
            row("2.28", "B97385", MEMORY),
            row("1.06", "B97385", MEMORY + " v2"),
            row("0.3", "B88327", EGRESS));
    assertThat(rows(id, october().groupBy(CostDimension.SKU)))
        .containsExactly(
            row("9", "B97384"), row("5.6", "B91961"), row("3.34", "B97385"), row("0.3", "B88327"));
    // filter: OCPU 9.00 + egress 0.30
    assertThat(rows(id, october().skus("B97384", "B88327"))).containsExactly(row("9.3"));
    assertThat(rows(id, october().skus("B97385").groupBy(CostDimension.SKU_NAME)))
        .containsExactly(row("2.28", MEMORY), row("1.06", MEMORY + " v2"));
    assertThat(rows(id, october().skus("B97385").groupBy(CostDimension.DAY)))
        .containsExactly(
            row("1.14", "2026-10-01"), row("1.14", "2026-10-02"), row("1.06", "2026-10-03"));
    assertThat(rows(id, october().skus("B91961").regions(OTHER_REGION)))
        .containsExactly(row("0.5"));
    assertThat(rows(id, october().skus("B00000"))).isEmpty();
  }

  @Test
  public void twoCurrenciesAreNeverSummedByTagSkuOrSkuName() {
    AccountId id = taggedAccount();
    // boot1's block storage of 10-02 billed a second time in EUR, from Frankfurt
    CostLine eur =
        Fixtures.costLines(id, DAY2).get(2).toBuilder()
            .region(OTHER_REGION)
            .cost(Money.of("1.70", "EUR"))
            .build();
    costs()
        .replaceCostLines(
            id, COST_PERIOD, Stream.concat(Fixtures.costLines(id).stream(), Stream.of(eur)));
    assertThat(rows(id, october().groupByTags("env")))
        .containsExactly(
            row("12.34", "prod"),
            row("5.1", "staging"),
            eur("1.7", "staging"),
            row("0.5", "dev"),
            row("0.3", ""));
    assertThat(rows(id, october().groupBy(CostDimension.SKU).top(3)))
        .containsExactly(row("9", "B97384"), row("5.6", "B91961"), row("3.34", "B97385"));
    assertThat(rows(id, october().groupBy(CostDimension.SKU, CostDimension.SKU_NAME)))
        .contains(row("5.6", "B91961", BLOCK), eur("1.7", "B91961", BLOCK));
    assertThat(rows(id, october().groupBy(CostDimension.SKU_NAME)))
        .contains(row("5.6", BLOCK), eur("1.7", BLOCK));
    // filters: one total row per currency, ordered by amount
    assertThat(rows(id, october().skus("B91961"))).containsExactly(row("5.6"), eur("1.7"));
    assertThat(rows(id, october().tag("env", "staging"))).containsExactly(row("5.1"), eur("1.7"));
    assertThat(rows(id, october().tag(COST_CENTER, "7").groupBy(CostDimension.REGION)))
        .containsExactly(row("5.1", HOME_REGION), eur("1.7", OTHER_REGION));
    // and from rollups once October is closed: the same rows
    List<CostRow> bySkuBefore = rows(id, CostQuery.of(Period.month(OCTOBER)).groupBy("sku"));
    costs().closeMonth(id, OCTOBER, CLOSED_AT);
    assertThat(rows(id, CostQuery.of(Period.month(OCTOBER)).groupBy("sku")))
        .isEqualTo(bySkuBefore)
        .contains(row("5.6", "B91961"), eur("1.7", "B91961"));
    assertThat(rows(id, CostQuery.of(Period.month(OCTOBER)).skus("B91961")))
        .containsExactly(row("5.6"), eur("1.7"));
  }

  /**
   * Every query shape, answered from lines while October is open and again once it is closed (where
   * rollups can answer it): the rows are identical. The periods cover October whole, and with
   * partial September and November around it.
   */
  @Test
  public void closedMonthsGiveTheSameRowsAsTheirLines() {
    AccountId id = accountWithOctoberAndNeighbours();
    Map<String, CostQuery> queries = everyQueryShape();
    Map<String, List<CostRow>> open = new LinkedHashMap<>();
    queries.forEach((name, q) -> open.put(name, rows(id, q)));
    costs().closeMonth(id, OCTOBER, CLOSED_AT);
    Map<String, List<CostRow>> closed = new LinkedHashMap<>();
    queries.forEach((name, q) -> closed.put(name, rows(id, q)));
    assertThat(closed).isEqualTo(open);
    // spot checks against the hand-computed October: 18.24 USD and 0.30 EUR; with the 3.00
    // lines of 09-30 and 11-01 around it, 24.24 USD
    assertThat(open.get(Period.month(OCTOBER) + " total"))
        .containsExactly(row("18.24"), eur("0.3"));
    assertThat(open.get(Period.of(DAY1.minusDays(1), NOVEMBER_FIRST.plusDays(1)) + " by MONTH"))
        .containsExactly(
            row("18.24", "2026-10"),
            row("3", "2026-09"),
            row("3", "2026-11"),
            eur("0.3", "2026-10"));
  }

  /**
   * {@link CostStore#aggregate(AccountId, CostQuery, java.util.function.Consumer)} hands out
   * exactly the rows of {@link CostStore#aggregate(AccountId, CostQuery)}, in the same order, for
   * every query shape, from lines (October open) and from rollups (October closed); and a consumer
   * that throws stops the read with its exception.
   */
  @Test
  public void rowsHandedOutOneByOneAreTheAggregatesRowsInOrder() {
    AccountId id = accountWithOctoberAndNeighbours();
    Map<String, CostQuery> queries = everyQueryShape();
    for (boolean close : List.of(false, true)) {
      if (close) {
        costs().closeMonth(id, OCTOBER, CLOSED_AT);
      }
      Map<String, List<CostRow>> listed = new LinkedHashMap<>();
      Map<String, List<CostRow>> handedOut = new LinkedHashMap<>();
      queries.forEach(
          (name, q) -> {
            listed.put(name, rows(id, q));
            List<CostRow> seen = new ArrayList<>();
            costs().aggregate(id, q, seen::add);
            handedOut.put(name, seen);
          });
      assertThat(handedOut).as(close ? "October closed" : "October open").isEqualTo(listed);
      assertThat(handedOut.get(Period.month(OCTOBER) + " total"))
          .containsExactly(row("18.24"), eur("0.3"));
    }
    List<CostRow> before = new ArrayList<>();
    IllegalArgumentException stop = new IllegalArgumentException("enough");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                costs()
                    .aggregate(
                        id,
                        CostQuery.of(Period.month(OCTOBER)).groupBy(CostDimension.DAY),
                        row -> {
                          before.add(row);
                          throw stop;
                        }))
        .isSameAs(stop);
    assertThat(before).hasSize(1);
  }

  /** The account of {@link #closedMonthsGiveTheSameRowsAsTheirLines}, October open. */
  private AccountId accountWithOctoberAndNeighbours() {
    AccountId id = taggedAccount();
    store().inventory().replaceCompartments(id, Fixtures.compartments(id), Fixtures.SEEN_AT);
    CostLine eur =
        Fixtures.costLines(id, DAY2).get(3).toBuilder()
            .region(OTHER_REGION)
            .cost(Money.of("0.30", "EUR"))
            .build();
    CostLine september = Fixtures.novemberLine(id).toBuilder().day(DAY1.minusDays(1)).build();
    costs()
        .replaceCostLines(
            id, COST_PERIOD, Stream.concat(Fixtures.costLines(id).stream(), Stream.of(eur)));
    costs().replaceCostLines(id, Period.day(DAY1.minusDays(1)), Stream.of(september));
    costs().replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.of(Fixtures.novemberLine(id)));
    return id;
  }

  /**
   * Every query shape, over October whole and with partial September and November around it, by
   * name.
   */
  private static Map<String, CostQuery> everyQueryShape() {
    Map<String, CostQuery> queries = new LinkedHashMap<>();
    for (Period period :
        List.of(Period.month(OCTOBER), Period.of(DAY1.minusDays(1), NOVEMBER_FIRST.plusDays(1)))) {
      CostQuery q = CostQuery.of(period);
      queries.put(period + " total", q);
      for (CostDimension d : CostDimension.values()) {
        queries.put(period + " by " + d, q.groupBy(d));
        if (d != CostDimension.MONTH) {
          queries.put(period + " by month, " + d, q.groupBy(CostDimension.MONTH, d));
        }
      }
      queries.put(period + " services", q.services("COMPUTE", "NETWORK"));
      queries.put(period + " services by service", q.services("COMPUTE").groupBy("service"));
      queries.put(
          period + " compartments", q.compartments(Set.of(PROD, DEV)).groupBy("compartment"));
      queries.put(period + " subtree", q.compartmentSubtree(PROD).groupBy("compartment", "month"));
      queries.put(period + " resources", q.resources(WEB1, "").groupBy("resource"));
      queries.put(period + " regions", q.regions(OTHER_REGION).groupBy("region"));
      queries.put(period + " skus", q.skus("B97384").groupBy("sku"));
      queries.put(period + " top 2", q.groupBy("service").top(2));
      queries.put(period + " two filters", q.services("COMPUTE").regions(HOME_REGION));
      queries.put(period + " two dimensions", q.groupBy("service", "region"));
      queries.put(period + " tags", q.groupBy("service", "tag:env").tag(COST_CENTER, "42", ""));
    }
    return queries;
  }

  @Test
  public void freshnessGivesEachMonthItsStatusAndLastRefresh() {
    AccountId id = newAccount();
    Period septemberToNovember = Period.of(SEPTEMBER.atDay(20), NOVEMBER.atDay(3));
    // nothing refreshed yet; November is the current month
    assertThat(costs().freshness(id, septemberToNovember, NOVEMBER))
        .containsExactly(
            new MonthFreshness(SEPTEMBER, MonthStatus.SETTLING, null),
            new MonthFreshness(OCTOBER, MonthStatus.SETTLING, null),
            new MonthFreshness(NOVEMBER, MonthStatus.OPEN, null));
    costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    List<MonthFreshness> afterOctober = costs().freshness(id, septemberToNovember, NOVEMBER);
    Instant octoberRefresh = afterOctober.get(1).lastRefreshedAt();
    assertThat(octoberRefresh).isNotNull();
    assertThat(afterOctober)
        .containsExactly(
            new MonthFreshness(SEPTEMBER, MonthStatus.SETTLING, null),
            new MonthFreshness(OCTOBER, MonthStatus.SETTLING, octoberRefresh),
            new MonthFreshness(NOVEMBER, MonthStatus.OPEN, null));
    // refreshing November days (even with no lines) refreshes November only
    costs().replaceCostLines(id, Period.day(NOVEMBER_FIRST), Stream.empty());
    List<MonthFreshness> afterNovember = costs().freshness(id, septemberToNovember, NOVEMBER);
    assertThat(afterNovember.get(1)).isEqualTo(afterOctober.get(1));
    assertThat(afterNovember.get(2).lastRefreshedAt()).isNotNull();
    // closed, and still closed after an identical re-ingest, which moves the refresh time on
    costs().closeMonth(id, OCTOBER, CLOSED_AT);
    assertThat(costs().freshness(id, Period.month(OCTOBER), NOVEMBER))
        .containsExactly(new MonthFreshness(OCTOBER, MonthStatus.CLOSED, octoberRefresh));
    costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    MonthFreshness reingested = costs().freshness(id, Period.month(OCTOBER), NOVEMBER).get(0);
    assertThat(reingested.status()).isEqualTo(MonthStatus.CLOSED);
    assertThat(reingested.lastRefreshedAt()).isAfterOrEqualTo(octoberRefresh);
    // a changed line reopens it: SETTLING again
    costs().replaceCostLines(id, Period.day(DAY2), Stream.empty());
    assertThat(costs().freshness(id, Period.month(OCTOBER), NOVEMBER).get(0).status())
        .isEqualTo(MonthStatus.SETTLING);
    // with October as the current month, October and later are OPEN (the current month and later)
    assertThat(costs().freshness(id, septemberToNovember, OCTOBER))
        .extracting(MonthFreshness::status)
        .containsExactly(MonthStatus.SETTLING, MonthStatus.OPEN, MonthStatus.OPEN);
    // one day is one month; another account has no refresh
    assertThat(costs().freshness(id, Period.day(DAY3), NOVEMBER)).hasSize(1);
    assertThat(costs().freshness(newAccount(), Period.month(OCTOBER), NOVEMBER))
        .containsExactly(new MonthFreshness(OCTOBER, MonthStatus.SETTLING, null));
  }
}
