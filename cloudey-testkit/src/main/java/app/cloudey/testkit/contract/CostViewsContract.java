package app.cloudey.testkit.contract;

import static app.cloudey.testkit.contract.GoldenCostData.DB1;
import static app.cloudey.testkit.contract.GoldenCostData.DEV;
import static app.cloudey.testkit.contract.GoldenCostData.EU1;
import static app.cloudey.testkit.contract.GoldenCostData.NOW;
import static app.cloudey.testkit.contract.GoldenCostData.OLD1;
import static app.cloudey.testkit.contract.GoldenCostData.PROD;
import static app.cloudey.testkit.contract.GoldenCostData.PROD_WEB;
import static app.cloudey.testkit.contract.GoldenCostData.ROOT;
import static app.cloudey.testkit.contract.GoldenCostData.VOL1;
import static app.cloudey.testkit.contract.GoldenCostData.WEB1;
import static app.cloudey.testkit.contract.GoldenCostData.WEB2;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.model.AccountId;
import app.cloudey.model.Change;
import app.cloudey.model.CompartmentLabel;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostDriver;
import app.cloudey.model.CostForecast;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Direction;
import app.cloudey.model.Forecast;
import app.cloudey.model.InventorySummary;
import app.cloudey.model.LabeledCost;
import app.cloudey.model.Money;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.MonthTotal;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceLabel;
import app.cloudey.model.ResourceType;
import app.cloudey.model.TopDrivers;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Golden figures of the cost views ({@code dashboard}, {@code detailed}, {@code trends}, {@code
 * topDrivers}, {@code forecast}, {@code queryWithOthers}) on the hand-built {@link GoldenCostData}
 * tenancy, on November 1, 2026 (the first day of a month): nested compartments, a deleted resource,
 * two currencies, an empty month (August) and a closed month (September). Every expected figure is
 * worked out in the comments from the table in {@link GoldenCostData}.
 *
 * <p>The data goes through the facade as a user's would: two inventory syncs (the second after
 * {@code old1} disappeared), a cost refresh of July 1 to November 1, and the close of September.
 * Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class CostViewsContract extends StoreContract {
  private static final String METHOD = "dow-trend-run-rate-28d";
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 1);
  private static final YearMonth JUL = YearMonth.of(2026, 7);
  private static final YearMonth AUG = YearMonth.of(2026, 8);
  private static final YearMonth SEP = YearMonth.of(2026, 9);
  private static final YearMonth OCT = YearMonth.of(2026, 10);

  private static final CompartmentLabel C_ROOT =
      new CompartmentLabel(ROOT, "golden", "golden", true);
  private static final CompartmentLabel C_PROD =
      new CompartmentLabel(PROD, "prod", "golden/prod", true);
  private static final CompartmentLabel C_WEB =
      new CompartmentLabel(PROD_WEB, "web", "golden/prod/web", true);
  private static final CompartmentLabel C_DEV =
      new CompartmentLabel(DEV, "dev", "golden/dev", true);

  private static final ResourceLabel R_WEB1 =
      new ResourceLabel(WEB1, "web-1", ResourceType.INSTANCE, "RUNNING", false);
  private static final ResourceLabel R_WEB2 =
      new ResourceLabel(WEB2, "web-2", ResourceType.INSTANCE, "STOPPED", false);
  private static final ResourceLabel R_DB1 =
      new ResourceLabel(DB1, "db-1", ResourceType.DB_SYSTEM, "AVAILABLE", false);
  private static final ResourceLabel R_VOL1 =
      new ResourceLabel(VOL1, "dev-vol", ResourceType.BLOCK_VOLUME, "AVAILABLE", false);
  private static final ResourceLabel R_EU1 =
      new ResourceLabel(EU1, "eu-app", ResourceType.INSTANCE, "RUNNING", false);
  // gone at the second sync: named from the inventory, marked deleted
  private static final ResourceLabel R_OLD1 =
      new ResourceLabel(OLD1, "old-box (deleted)", ResourceType.INSTANCE, "RUNNING", true);
  private static final ResourceLabel R_NONE =
      new ResourceLabel("", "(no resource)", null, null, false);

  private final MutableClock clock = MutableClock.at(NOW);
  private @Nullable Cloudey cloudey;
  private @Nullable CloudeyAccount account;
  private @Nullable FakeCloudProvider fake;

  @BeforeEach
  void loadGoldenTenancy() {
    FakeCloudProvider fake = GoldenCostData.provider();
    this.fake = fake;
    cloudey = Cloudey.builder().cloud(fake).store(store()).clock(clock).build();
    AccountId id = Fixtures.randomAccountId();
    cloudey.accounts().add(id, Fixtures.credentials());
    account = cloudey.account(id);
    account.inventory().sync();
    fake.removeResource(OLD1);
    account.inventory().sync();
    account.costs().refresh(Period.of(LocalDate.of(2026, 7, 1), TODAY.plusDays(1)));
    account.costs().closeMonth(SEP);
  }

  @AfterEach
  void closeCloudey() {
    if (cloudey != null) {
      cloudey.close();
    }
  }

  private FakeCloudProvider fake() {
    if (fake == null) {
      throw new IllegalStateException("set up before each test");
    }
    return fake;
  }

  private CloudeyAccount account() {
    if (account == null) {
      throw new IllegalStateException("set up before each test");
    }
    return account;
  }

  // ---- dashboard ----

  @Test
  public void dashboardOnTheFirstDayOfAMonth() {
    Dashboard d = account().costs().dashboard();

    assertThat(d.asOf()).isEqualTo(TODAY);
    assertThat(d.computedAt()).isEqualTo(NOW);
    // currencies by code, never summed together
    assertThat(d.currencies())
        .extracting(Dashboard.CurrencyDashboard::currency)
        .containsExactly("EUR", "USD");

    Dashboard.CurrencyDashboard usd = d.currencies().get(1);
    // month to date on the 1st is one day: 10 + 12 + 1.50 + 0.125 = 23.625; the same day of
    // October (Oct 1) also 23.625: (23.625 - 23.625) / 23.625 = 0.0 %, STABLE
    assertThat(usd.monthToDate())
        .isEqualTo(
            new Dashboard.MonthToDate(
                Period.day(TODAY),
                usd("23.625"),
                Period.day(LocalDate.of(2026, 10, 1)),
                usd("23.625"),
                change("0.0", Direction.STABLE)));
    // August has no line: 0; September 30 x 23.625 = 708.75 (closed); October 31 x 23.625 =
    // 732.375 (settling: not closed yet)
    assertThat(usd.completeMonths())
        .containsExactly(
            new MonthTotal(AUG, usd("0"), MonthStatus.SETTLING),
            new MonthTotal(SEP, usd("708.75"), MonthStatus.CLOSED),
            new MonthTotal(OCT, usd("732.375"), MonthStatus.SETTLING));
    // October against the mean of August and September: mean = (0 + 708.75) / 2 = 354.375;
    // (732.375 - 354.375) / 354.375 x 100 = 378 / 354.375 x 100 = 106.666... -> 106.7, UP
    assertThat(usd.completeMonthsChange()).isEqualTo(change("106.7", Direction.UP));
    // every known day costs 23.625: no weekday pattern, no trend, no spread; November 1 is not
    // known yet (today), so 30 days x 23.625 = 708.75, low = high
    assertThat(usd.forecast()).isEqualTo(monthForecast("USD", "708.75"));
    // month to date by service, shares of 23.625: DATABASE 12 -> 50.79 % -> 50.8; COMPUTE 10 ->
    // 42.33 -> 42.3; BLOCK_STORAGE 1.50 -> 6.35 -> 6.3; NETWORK 0.125 -> 0.53 -> 0.5. Four rows,
    // fewer than the top 5: no "others" row
    assertThat(usd.topServices())
        .containsExactly(
            labeled("DATABASE", "DATABASE", usd("12"), "50.8"),
            labeled("COMPUTE", "COMPUTE", usd("10"), "42.3"),
            labeled("BLOCK_STORAGE", "BLOCK_STORAGE", usd("1.50"), "6.3"),
            labeled("NETWORK", "NETWORK", usd("0.125"), "0.5"));
    // by exact compartment, named by path (the nested golden/prod/web is its own row)
    assertThat(usd.topCompartments())
        .containsExactly(
            labeled(PROD, "golden/prod", usd("12"), "50.8"),
            labeled(PROD_WEB, "golden/prod/web", usd("10"), "42.3"),
            labeled(DEV, "golden/dev", usd("1.50"), "6.3"),
            labeled(ROOT, "golden", usd("0.125"), "0.5"));

    Dashboard.CurrencyDashboard eur = d.currencies().get(0);
    // eu1 alone: 3.00 a day. MTD 3.00 against October 1's 3.00: 0.0 %
    assertThat(eur.monthToDate().cost()).isEqualTo(eur("3"));
    assertThat(eur.monthToDate().change()).isEqualTo(change("0.0", Direction.STABLE));
    // Aug 0, Sep 30 x 3 = 90, Oct 31 x 3 = 93; mean(0, 90) = 45: (93 - 45) / 45 = 106.666 -> 106.7
    assertThat(eur.completeMonths())
        .extracting(MonthTotal::total)
        .containsExactly(eur("0"), eur("90"), eur("93"));
    assertThat(eur.completeMonthsChange()).isEqualTo(change("106.7", Direction.UP));
    // 30 x 3.00 = 90.00
    assertThat(eur.forecast()).isEqualTo(monthForecast("EUR", "90.00"));
    assertThat(eur.topServices()).containsExactly(labeled("COMPUTE", "COMPUTE", eur("3"), "100.0"));
    assertThat(eur.topCompartments())
        .containsExactly(labeled(DEV, "golden/dev", eur("3"), "100.0"));

    // live inventory: web1, web2, db1, vol1, eu1 (old1 deleted); 4 compartments; instances web1
    // RUNNING, web2 STOPPED, eu1 RUNNING
    assertThat(d.inventory())
        .isEqualTo(
            new InventorySummary(
                4,
                5,
                2,
                1,
                List.of(
                    new InventorySummary.TypeCount(
                        ResourceType.INSTANCE,
                        3,
                        List.of(
                            new InventorySummary.StateCount("RUNNING", 2),
                            new InventorySummary.StateCount("STOPPED", 1))),
                    new InventorySummary.TypeCount(
                        ResourceType.BLOCK_VOLUME,
                        1,
                        List.of(new InventorySummary.StateCount("AVAILABLE", 1))),
                    new InventorySummary.TypeCount(
                        ResourceType.DB_SYSTEM,
                        1,
                        List.of(new InventorySummary.StateCount("AVAILABLE", 1))))));
    // no recommendation is stored yet: every severity 0, no savings
    assertThat(d.recommendations().generatedAt()).isNull();
    assertThat(d.recommendations().total()).isZero();
    assertThat(d.recommendations().countBySeverity()).hasSize(5).containsValue(0);
    assertThat(d.recommendations().monthlySavings()).isEmpty();
  }

  /**
   * November 1 and 2 before the Usage API has billed anything of November: the golden lines of
   * November 1 are taken back (the fake drops them, a refresh of that day replaces the stored ones
   * with none), so the store holds nothing of November.
   */
  @Test
  public void dashboardBeforeTheMonthsFirstBilledDayHasNoComparisonYet() {
    fake()
        .setCostLines(
            GoldenCostData.lines().stream().filter(l -> l.day().isBefore(TODAY)).toList());
    account().costs().refresh(Period.day(TODAY));

    for (LocalDate today : List.of(TODAY, TODAY.plusDays(1))) {
      clock.set(today.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC));
      Dashboard d = account().costs().dashboard();
      assertThat(d.asOf()).isEqualTo(today);
      // both currencies still have sections (they have costs in the complete months)
      assertThat(d.currencies())
          .extracting(Dashboard.CurrencyDashboard::currency)
          .containsExactly("EUR", "USD");
      Dashboard.CurrencyDashboard usd = d.currencies().get(1);
      // no day of November billed: no periods, 0 against 0, no change (not -100 % DOWN against
      // October 1's 23.625, nor against October 1-2's 47.25 on the 2nd)
      assertThat(usd.monthToDate())
          .as("as of %s", today)
          .isEqualTo(new Dashboard.MonthToDate(null, usd("0"), null, usd("0"), null));
      assertThat(usd.monthToDate()).isEqualTo(Dashboard.MonthToDate.notBilledYet("USD"));
      assertThat(usd.monthToDate().hasBilledDays()).isFalse();
      // the complete months do not depend on November: Aug 0, Sep 708.75, Oct 732.375; mean(0,
      // 708.75) = 354.375: (732.375 - 354.375) / 354.375 = 106.666 -> 106.7 UP
      assertThat(usd.completeMonths())
          .extracting(MonthTotal::total)
          .containsExactly(usd("0"), usd("708.75"), usd("732.375"));
      assertThat(usd.completeMonthsChange()).isEqualTo(change("106.7", Direction.UP));
      // nothing of November: no top services or compartments, not even an "others" row
      assertThat(usd.topServices()).isEmpty();
      assertThat(usd.topCompartments()).isEmpty();

      Dashboard.CurrencyDashboard eur = d.currencies().get(0);
      // EUR alike: 0 against 0, no change (not -100 % against October 1's 3.00)
      assertThat(eur.monthToDate()).isEqualTo(Dashboard.MonthToDate.notBilledYet("EUR"));
      assertThat(eur.topServices()).isEmpty();
    }
  }

  /**
   * Credits outside a top-N list: November 1 gets three more USD lines (OBJECT_STORAGE 0.50 in dev
   * and LOAD_BALANCER 0.25 in prod, both without a resource, and a credit of -5.00 as the service
   * CREDITS in the root compartment, without a resource). November 1 in USD is then 23.625 + 0.50 +
   * 0.25 - 5.00 = 19.375.
   */
  @Test
  public void creditsLeftOutOfATopListAreTheirOwnRowAndOthersIsNeverNegative() {
    List<CostLine> lines = new java.util.ArrayList<>(GoldenCostData.lines());
    CostLine egress =
        lines.stream()
            .filter(l -> l.day().equals(TODAY) && l.service().equals("NETWORK"))
            .findFirst()
            .orElseThrow();
    lines.add(extra(egress, "OBJECT_STORAGE", DEV, "0.50"));
    lines.add(extra(egress, "LOAD_BALANCER", PROD, "0.25"));
    lines.add(extra(egress, "CREDITS", ROOT, "-5.00"));
    fake().setCostLines(lines);
    account().costs().refresh(Period.day(TODAY));

    Dashboard.CurrencyDashboard usd = account().costs().dashboard().currencies().get(1);
    // November 1 against October 1's 23.625: (19.375 - 23.625) / 23.625 = -17.99 % -> -18.0 DOWN
    assertThat(usd.monthToDate().cost()).isEqualTo(usd("19.375"));
    assertThat(usd.monthToDate().change()).isEqualTo(change("-18.0", Direction.DOWN));
    // by service: DATABASE 12, COMPUTE 10, BLOCK_STORAGE 1.50, OBJECT_STORAGE 0.50,
    // LOAD_BALANCER 0.25 are the top 5; left out NETWORK 0.125 and CREDITS -5.00. The old single
    // "others" row would read 0.125 - 5 = -4.875; now (others) 0.125 and (credits) -5.00, and
    // 12 + 10 + 1.5 + 0.5 + 0.25 + 0.125 - 5 = 19.375, the total. Shares of 19.375:
    // 12 -> 61.935 -> 61.9; 10 -> 51.613 -> 51.6; 1.5 -> 7.742 -> 7.7; 0.5 -> 2.581 -> 2.6;
    // 0.25 -> 1.290 -> 1.3; 0.125 -> 0.645 -> 0.6; -5 -> -25.806 -> -25.8
    assertThat(usd.topServices())
        .containsExactly(
            labeled("DATABASE", "DATABASE", usd("12"), "61.9"),
            labeled("COMPUTE", "COMPUTE", usd("10"), "51.6"),
            labeled("BLOCK_STORAGE", "BLOCK_STORAGE", usd("1.50"), "7.7"),
            labeled("OBJECT_STORAGE", "OBJECT_STORAGE", usd("0.50"), "2.6"),
            labeled("LOAD_BALANCER", "LOAD_BALANCER", usd("0.25"), "1.3"),
            labeled(LabeledCost.OTHERS, LabeledCost.OTHERS, usd("0.125"), "0.6"),
            labeled(LabeledCost.CREDITS, LabeledCost.CREDITS, usd("-5.00"), "-25.8"));
    // by compartment, four rows (no cut): prod 12 + 0.25 = 12.25 (63.2 %), prod/web 10 (51.6),
    // dev 1.50 + 0.50 = 2.00 (10.3), root 0.125 - 5 = -4.875 (-25.2): a listed row keeps its sign
    assertThat(usd.topCompartments())
        .containsExactly(
            labeled(PROD, "golden/prod", usd("12.25"), "63.2"),
            labeled(PROD_WEB, "golden/prod/web", usd("10"), "51.6"),
            labeled(DEV, "golden/dev", usd("2.00"), "10.3"),
            labeled(ROOT, "golden", usd("-4.875"), "-25.2"));

    // top 2 services of every row: DATABASE 12 USD, COMPUTE 10 USD. Left out in USD: 1.50, 0.50,
    // 0.25, 0.125 -> (others) 2.375, and -5.00 -> (credits) -5.00 (12 + 10 + 2.375 - 5 = 19.375);
    // in EUR COMPUTE 3 -> (others) 3, no credits
    CostReport report =
        account()
            .costs()
            .queryWithOthers(CostQuery.of(Period.day(TODAY)).groupBy(CostDimension.SERVICE).top(2));
    assertThat(report.rows())
        .containsExactly(
            new CostRow(List.of("DATABASE"), usd("12")),
            new CostRow(List.of("COMPUTE"), usd("10")),
            new CostRow(List.of(LabeledCost.OTHERS), usd("2.375")),
            new CostRow(List.of(LabeledCost.CREDITS), usd("-5.00")),
            new CostRow(List.of(LabeledCost.OTHERS), eur("3")));
    assertThat(report.totals()).containsExactlyInAnyOrder(usd("19.375"), eur("3"));
    assertThat(report.query().limit()).isEqualTo(2);

    // top drivers of November 1: db1 12 (61.9 %), web1 10 (51.6), vol1 1.50 (7.7) are every
    // resource; left out are the lines without a resource: NETWORK 0.125, OBJECT_STORAGE 0.50,
    // LOAD_BALANCER 0.25 -> others 0.875, CREDITS -> credits -5.00 (old: others -4.125).
    // 23.5 + 0.875 - 5 = 19.375
    TopDrivers.CurrencyDrivers drivers =
        account().costs().topDrivers(Period.day(TODAY)).currencies().get(1);
    assertThat(drivers)
        .isEqualTo(
            new TopDrivers.CurrencyDrivers(
                "USD",
                usd("19.375"),
                List.of(
                    new CostDriver(R_DB1, "DATABASE", C_PROD, usd("12"), pct("61.9")),
                    new CostDriver(R_WEB1, "COMPUTE", C_WEB, usd("10"), pct("51.6")),
                    new CostDriver(R_VOL1, "BLOCK_STORAGE", C_DEV, usd("1.50"), pct("7.7"))),
                usd("0.875"),
                usd("-5.00")));
  }

  /** A line like {@code like} (November 1, no resource) of another service and compartment. */
  private static CostLine extra(CostLine like, String service, String compartment, String usd) {
    return like.toBuilder()
        .service(service)
        .skuPartNumber("X-" + service)
        .skuName(service + " usage")
        .cost(usd(usd))
        .compartmentId(compartment)
        .compartmentPath(
            compartment.equals(ROOT)
                ? "golden"
                : compartment.equals(DEV) ? "golden/dev" : "golden/prod")
        .build();
  }

  // ---- detailed ----

  @Test
  public void detailedCostsOfTheThreeCompleteMonths() {
    DetailedCosts detailed = account().costs().detailed();

    assertThat(detailed.months()).containsExactly(AUG, SEP, OCT);
    assertThat(detailed.currencies())
        .extracting(DetailedCosts.CurrencyDetail::currency)
        .containsExactly("EUR", "USD");
    DetailedCosts.CurrencyDetail usd = detailed.currencies().get(1);
    // 0 | 708.75 | 732.375: (732.375 - 708.75) / 708.75 = 23.625 / 708.75 = 3.33 % -> STABLE
    assertThat(usd.totals()).containsExactly(usd("0"), usd("708.75"), usd("732.375"));
    assertThat(usd.change()).isEqualTo(change("3.3", Direction.STABLE));

    // compartments by October, descending: prod 372, prod/web 310, dev 46.5, root 3.875
    assertThat(usd.compartments())
        .extracting(DetailedCosts.CompartmentCosts::compartment)
        .containsExactly(C_PROD, C_WEB, C_DEV, C_ROOT);
    // prod: db1 6 x 30 = 180 in September, 12 x 31 = 372 in October: (372 - 180) / 180 =
    // 106.67 % -> 106.7 UP; share 372 / 732.375 = 50.79 % -> 50.8
    assertThat(usd.compartments().get(0))
        .isEqualTo(
            new DetailedCosts.CompartmentCosts(
                C_PROD,
                usds("0", "180", "372"),
                change("106.7", Direction.UP),
                pct("50.8"),
                List.of(
                    new DetailedCosts.ServiceCosts(
                        "DATABASE",
                        usds("0", "180", "372"),
                        change("106.7", Direction.UP),
                        pct("100.0"),
                        List.of(
                            new DetailedCosts.ResourceCosts(
                                R_DB1,
                                C_PROD,
                                usds("0", "180", "372"),
                                usd("552"),
                                change("106.7", Direction.UP),
                                pct("100.0")))))));
    // prod/web (nested): web1 300 + web2 120 = 420 in September, web1 310 in October:
    // (310 - 420) / 420 = -26.19 % -> -26.2 DOWN; share 310 / 732.375 = 42.33 -> 42.3. web1 300 ->
    // 310 is +3.3 % STABLE (100 % of COMPUTE here); web2 120 -> 0 is -100 % DOWN, share 0
    assertThat(usd.compartments().get(1))
        .isEqualTo(
            new DetailedCosts.CompartmentCosts(
                C_WEB,
                usds("0", "420", "310"),
                change("-26.2", Direction.DOWN),
                pct("42.3"),
                List.of(
                    new DetailedCosts.ServiceCosts(
                        "COMPUTE",
                        usds("0", "420", "310"),
                        change("-26.2", Direction.DOWN),
                        pct("100.0"),
                        List.of(
                            new DetailedCosts.ResourceCosts(
                                R_WEB1,
                                C_WEB,
                                usds("0", "300", "310"),
                                usd("610"),
                                change("3.3", Direction.STABLE),
                                pct("100.0")),
                            new DetailedCosts.ResourceCosts(
                                R_WEB2,
                                C_WEB,
                                usds("0", "120", "0"),
                                usd("120"),
                                change("-100.0", Direction.DOWN),
                                pct("0.0")))))));
    // dev: old1 2 x 30 = 60 + vol1 1.5 x 30 = 45 -> 105 in September; vol1 1.5 x 31 = 46.5 in
    // October: (46.5 - 105) / 105 = -55.71 -> -55.7 DOWN; share 46.5 / 732.375 = 6.35 -> 6.3.
    // BLOCK_STORAGE first (46.5 in October), then COMPUTE with the deleted old1 (0 in October)
    assertThat(usd.compartments().get(2))
        .isEqualTo(
            new DetailedCosts.CompartmentCosts(
                C_DEV,
                usds("0", "105", "46.5"),
                change("-55.7", Direction.DOWN),
                pct("6.3"),
                List.of(
                    new DetailedCosts.ServiceCosts(
                        "BLOCK_STORAGE",
                        usds("0", "45", "46.5"),
                        change("3.3", Direction.STABLE),
                        pct("100.0"),
                        List.of(
                            new DetailedCosts.ResourceCosts(
                                R_VOL1,
                                C_DEV,
                                usds("0", "45", "46.5"),
                                usd("91.5"),
                                change("3.3", Direction.STABLE),
                                pct("100.0")))),
                    new DetailedCosts.ServiceCosts(
                        "COMPUTE",
                        usds("0", "60", "0"),
                        change("-100.0", Direction.DOWN),
                        pct("0.0"),
                        List.of(
                            new DetailedCosts.ResourceCosts(
                                R_OLD1,
                                C_DEV,
                                usds("0", "60", "0"),
                                usd("60"),
                                change("-100.0", Direction.DOWN),
                                pct("0.0")))))));
    // root: egress without a resource, 0.125 x 30 = 3.75 and x 31 = 3.875: +3.3 %; share
    // 3.875 / 732.375 = 0.53 -> 0.5
    assertThat(usd.compartments().get(3).months())
        .containsExactly(usd("0"), usd("3.75"), usd("3.875"));
    assertThat(usd.compartments().get(3).sharePercent()).isEqualTo(pct("0.5"));
    assertThat(usd.compartments().get(3).services().get(0).resources())
        .extracting(DetailedCosts.ResourceCosts::resource)
        .containsExactly(R_NONE);

    // services over every compartment: DATABASE 372 (50.8 %), COMPUTE 480 -> 310 ((310 - 480) /
    // 480 = -35.42 -> -35.4 DOWN, 42.3 %), BLOCK_STORAGE 46.5 (6.3 %), NETWORK 3.875 (0.5 %)
    assertThat(usd.services())
        .extracting(
            DetailedCosts.ServiceCosts::service,
            DetailedCosts.ServiceCosts::months,
            DetailedCosts.ServiceCosts::change,
            DetailedCosts.ServiceCosts::sharePercent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "DATABASE", usds("0", "180", "372"), change("106.7", Direction.UP), pct("50.8")),
            org.assertj.core.groups.Tuple.tuple(
                "COMPUTE", usds("0", "480", "310"), change("-35.4", Direction.DOWN), pct("42.3")),
            org.assertj.core.groups.Tuple.tuple(
                "BLOCK_STORAGE",
                usds("0", "45", "46.5"),
                change("3.3", Direction.STABLE),
                pct("6.3")),
            org.assertj.core.groups.Tuple.tuple(
                "NETWORK",
                usds("0", "3.75", "3.875"),
                change("3.3", Direction.STABLE),
                pct("0.5")));
    // COMPUTE's top resources by the three months' total: web1 610, web2 120, old1 60 (each in
    // its own compartment); shares of COMPUTE's October 310: 100.0, 0.0, 0.0
    assertThat(usd.services().get(1).resources())
        .extracting(
            DetailedCosts.ResourceCosts::resource,
            DetailedCosts.ResourceCosts::compartment,
            DetailedCosts.ResourceCosts::total,
            DetailedCosts.ResourceCosts::sharePercent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(R_WEB1, C_WEB, usd("610"), pct("100.0")),
            org.assertj.core.groups.Tuple.tuple(R_WEB2, C_WEB, usd("120"), pct("0.0")),
            org.assertj.core.groups.Tuple.tuple(R_OLD1, C_DEV, usd("60"), pct("0.0")));
    // October's drivers (lines without a resource are not drivers): db1 372 (50.8 %), web1 310
    // (42.3 %), vol1 46.5 (6.3 %)
    assertThat(usd.topDrivers())
        .containsExactly(
            new CostDriver(R_DB1, "DATABASE", C_PROD, usd("372"), pct("50.8")),
            new CostDriver(R_WEB1, "COMPUTE", C_WEB, usd("310"), pct("42.3")),
            new CostDriver(R_VOL1, "BLOCK_STORAGE", C_DEV, usd("46.5"), pct("6.3")));

    // EUR: eu1 alone, 0 | 90 | 93: +3.3 % STABLE, never added to the USD figures
    DetailedCosts.CurrencyDetail eur = detailed.currencies().get(0);
    assertThat(eur.totals()).containsExactly(eur("0"), eur("90"), eur("93"));
    assertThat(eur.change()).isEqualTo(change("3.3", Direction.STABLE));
    assertThat(eur.compartments())
        .extracting(DetailedCosts.CompartmentCosts::compartment)
        .containsExactly(C_DEV);
    assertThat(eur.topDrivers())
        .containsExactly(new CostDriver(R_EU1, "COMPUTE", C_DEV, eur("93"), pct("100.0")));
  }

  // ---- trends ----

  @Test
  public void trendsByServiceOverFourMonthsWithTheEmptyAugust() {
    CostTrends trends = account().costs().trends(CostDimension.SERVICE, 4);

    assertThat(trends.months()).containsExactly(JUL, AUG, SEP, OCT);
    CostTrends.CurrencyTrends usd = trends.currencies().get(1);
    // July 31 x (10 + 6) = 496; August 0; September 708.75; October 732.375
    assertThat(usd.totals()).containsExactly(usd("496"), usd("0"), usd("708.75"), usd("732.375"));
    // rows by October: DATABASE 6 x 31 = 186 | 0 | 180 | 372, delta +192, +106.7 %;
    // COMPUTE 310 | 0 | 480 | 310, delta -170, -35.4 %; BLOCK_STORAGE 0 | 0 | 45 | 46.5, +1.5;
    // NETWORK 0 | 0 | 3.75 | 3.875, +0.125
    assertThat(usd.rows())
        .containsExactly(
            new CostTrends.TrendRow(
                "DATABASE",
                "DATABASE",
                usds("186", "0", "180", "372"),
                usd("192"),
                change("106.7", Direction.UP)),
            new CostTrends.TrendRow(
                "COMPUTE",
                "COMPUTE",
                usds("310", "0", "480", "310"),
                usd("-170"),
                change("-35.4", Direction.DOWN)),
            new CostTrends.TrendRow(
                "BLOCK_STORAGE",
                "BLOCK_STORAGE",
                usds("0", "0", "45", "46.5"),
                usd("1.5"),
                change("3.3", Direction.STABLE)),
            new CostTrends.TrendRow(
                "NETWORK",
                "NETWORK",
                usds("0", "0", "3.75", "3.875"),
                usd("0.125"),
                change("3.3", Direction.STABLE)));
    // risers by money: DATABASE +192, BLOCK_STORAGE +1.5, NETWORK +0.125; fallers: COMPUTE -170
    assertThat(usd.risers())
        .extracting(CostTrends.TrendRow::key)
        .containsExactly("DATABASE", "BLOCK_STORAGE", "NETWORK");
    assertThat(usd.fallers()).extracting(CostTrends.TrendRow::key).containsExactly("COMPUTE");

    CostTrends.CurrencyTrends eur = trends.currencies().get(0);
    // eu1 from September: 0 | 0 | 90 | 93
    assertThat(eur.totals()).containsExactly(eur("0"), eur("0"), eur("90"), eur("93"));
    assertThat(eur.risers()).extracting(CostTrends.TrendRow::delta).containsExactly(eur("3"));
    assertThat(eur.fallers()).isEmpty();
  }

  @Test
  public void trendsByCompartmentAndResourceShowNamesAndPaths() {
    CostTrends byCompartment = account().costs().trends(CostDimension.COMPARTMENT, 2);
    assertThat(byCompartment.months()).containsExactly(SEP, OCT);
    CostTrends.CurrencyTrends usd = byCompartment.currencies().get(1);
    // September -> October: prod 180 -> 372 (+192), prod/web 420 -> 310 (-110), dev 105 -> 46.5
    // (-58.5), root 3.75 -> 3.875 (+0.125)
    assertThat(usd.rows())
        .extracting(CostTrends.TrendRow::name, CostTrends.TrendRow::delta)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("golden/prod", usd("192")),
            org.assertj.core.groups.Tuple.tuple("golden/prod/web", usd("-110")),
            org.assertj.core.groups.Tuple.tuple("golden/dev", usd("-58.5")),
            org.assertj.core.groups.Tuple.tuple("golden", usd("0.125")));
    assertThat(usd.fallers()).extracting(CostTrends.TrendRow::key).containsExactly(PROD_WEB, DEV);

    CostTrends byResource = account().costs().trends(CostDimension.RESOURCE, 2);
    // web2 120 -> 0 (-120) falls most, then the deleted old1 60 -> 0 (-60)
    assertThat(byResource.currencies().get(1).fallers())
        .extracting(CostTrends.TrendRow::name, CostTrends.TrendRow::delta)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("web-2", usd("-120")),
            org.assertj.core.groups.Tuple.tuple("old-box (deleted)", usd("-60")));
  }

  // ---- top drivers ----

  @Test
  public void topDriversOfSeptemberIncludeTheDeletedResourceAndAddUpWithOthers() {
    TopDrivers drivers = account().costs().topDrivers(Period.month(SEP));

    assertThat(drivers.period()).isEqualTo(Period.month(SEP));
    TopDrivers.CurrencyDrivers usd = drivers.currencies().get(1);
    // September 708.75: web1 300 (42.33 -> 42.3 %), db1 180 (25.40 -> 25.4), web2 120 (16.93 ->
    // 16.9), old1 60 (8.47 -> 8.5), vol1 45 (6.35 -> 6.3); others = egress 3.75
    assertThat(usd.total()).isEqualTo(usd("708.75"));
    assertThat(usd.drivers())
        .containsExactly(
            new CostDriver(R_WEB1, "COMPUTE", C_WEB, usd("300"), pct("42.3")),
            new CostDriver(R_DB1, "DATABASE", C_PROD, usd("180"), pct("25.4")),
            new CostDriver(R_WEB2, "COMPUTE", C_WEB, usd("120"), pct("16.9")),
            new CostDriver(R_OLD1, "COMPUTE", C_DEV, usd("60"), pct("8.5")),
            new CostDriver(R_VOL1, "BLOCK_STORAGE", C_DEV, usd("45"), pct("6.3")));
    assertThat(usd.others()).isEqualTo(usd("3.75"));
    // EUR: eu1 90, nothing else
    assertThat(drivers.currencies().get(0))
        .isEqualTo(
            new TopDrivers.CurrencyDrivers(
                "EUR",
                eur("90"),
                List.of(new CostDriver(R_EU1, "COMPUTE", C_DEV, eur("90"), pct("100.0"))),
                eur("0"),
                eur("0")));
  }

  // ---- forecast ----

  @Test
  public void forecastToMonthEndAndToQuarterEnd() {
    CostForecast month = account().costs().forecast();
    assertThat(month)
        .isEqualTo(
            new CostForecast(
                TODAY,
                Forecast.Horizon.MONTH,
                List.of(monthForecast("EUR", "90.00"), monthForecast("USD", "708.75"))));

    CostForecast quarter = account().costs().forecast(Forecast.Horizon.QUARTER);
    // quarter October-December: October is known (732.375 -> 732.38, half even), November 1 to
    // December 31 is 61 days x 23.625 = 1441.125: total 2173.50. EUR: 93 + 61 x 3 = 276.00
    Forecast usd = quarter.forecasts().get(1);
    assertThat(usd.period())
        .isEqualTo(Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 1)));
    assertThat(usd.actualToDate()).isEqualTo(new BigDecimal("732.38"));
    assertThat(usd.total()).isEqualTo(new BigDecimal("2173.50"));
    assertThat(usd.low()).isLessThanOrEqualTo(usd.total());
    assertThat(usd.high()).isGreaterThanOrEqualTo(usd.total());
    assertThat(quarter.forecasts().get(0).total()).isEqualTo(new BigDecimal("276.00"));
  }

  // ---- queries: top N with others, nested compartments ----

  @Test
  public void topNComesWithAnOthersRowPerCurrency() {
    CostReport report =
        account()
            .costs()
            .queryWithOthers(CostQuery.of(Period.month(OCT)).groupBy(CostDimension.SERVICE).top(2));
    // top 2 of every row: DATABASE 372 USD, COMPUTE 310 USD; others: USD 732.375 - 682 = 50.375,
    // and all of EUR's 93 (its only row was cut)
    assertThat(report.rows())
        .containsExactly(
            new CostRow(List.of("DATABASE"), usd("372")),
            new CostRow(List.of("COMPUTE"), usd("310")),
            new CostRow(List.of(LabeledCost.OTHERS), usd("50.375")),
            new CostRow(List.of(LabeledCost.OTHERS), eur("93")));
    assertThat(report.totals()).containsExactlyInAnyOrder(usd("732.375"), eur("93"));
  }

  @Test
  public void topNByResourceOfAClosedMonthEndsWithOthersFromTheSumsOfTheRest() {
    // September is closed (its RESOURCE rollup answers). 30 days by resource: web1 300, db1 180,
    // web2 120, eu1 90 EUR, old1 60, vol1 45, (none) 3.75; USD 708.75, EUR 90. Top 3: web1, db1,
    // web2; left out in USD old1 60 + vol1 45 + 3.75 = 108.75 (3 rows), in EUR eu1 90 (1 row)
    CostQuery query = CostQuery.of(Period.month(SEP)).groupBy(CostDimension.RESOURCE).top(3);
    app.cloudey.model.TopCostRows top = account().costs().queryTop(query);
    assertThat(top.rows())
        .containsExactly(
            new CostRow(List.of(WEB1), usd("300")),
            new CostRow(List.of(DB1), usd("180")),
            new CostRow(List.of(WEB2), usd("120")));
    assertThat(top.rest())
        .containsExactly(
            new app.cloudey.model.CostRest(
                java.util.Currency.getInstance("EUR"), new BigDecimal("90"), 1, BigDecimal.ZERO, 0),
            new app.cloudey.model.CostRest(
                java.util.Currency.getInstance("USD"),
                new BigDecimal("108.75"),
                3,
                BigDecimal.ZERO,
                0));
    assertThat(top.rowCount()).isEqualTo(7);

    CostReport report = account().costs().queryWithOthers(query);
    // 300 + 180 + 120 + 108.75 = 708.75
    assertThat(report.rows())
        .containsExactly(
            new CostRow(List.of(WEB1), usd("300")),
            new CostRow(List.of(DB1), usd("180")),
            new CostRow(List.of(WEB2), usd("120")),
            new CostRow(List.of(LabeledCost.OTHERS), usd("108.75")),
            new CostRow(List.of(LabeledCost.OTHERS), eur("90")));
    assertThat(report.totals()).containsExactly(usd("708.75"), eur("90"));
    assertThat(report.query()).isEqualTo(query);
  }

  @Test
  public void aCompartmentSubtreeIncludesNestedCompartments() {
    // prod's subtree in October: db1 372 (prod) + web1 310 (prod/web) = 682, not prod alone
    CostReport report =
        account().costs().query(CostQuery.of(Period.month(OCT)).compartmentSubtree(PROD));
    assertThat(report.totals()).containsExactly(usd("682"));
  }

  // ---- helpers ----

  private static Forecast monthForecast(String currency, String total) {
    BigDecimal t = new BigDecimal(total);
    return new Forecast(
        Forecast.Horizon.MONTH,
        Period.month(YearMonth.of(2026, 11)),
        TODAY,
        currency,
        new BigDecimal("0.00"),
        t,
        t,
        t,
        METHOD,
        28);
  }

  private static LabeledCost labeled(String key, String name, Money cost, String share) {
    return new LabeledCost(key, name, cost, pct(share));
  }

  private static Change change(String percent, Direction direction) {
    return new Change(new BigDecimal(percent), direction);
  }

  private static BigDecimal pct(String percent) {
    return new BigDecimal(percent);
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static List<Money> usds(String... amounts) {
    return java.util.Arrays.stream(amounts).map(CostViewsContract::usd).toList();
  }
}
