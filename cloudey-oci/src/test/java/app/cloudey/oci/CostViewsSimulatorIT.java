package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.model.CostDriver;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.LabeledCost;
import app.cloudey.model.Money;
import app.cloudey.model.MonthTotal;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.CostDynamics;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.oci.simulator.Truth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard and the detailed view on a simulated tenancy (weekly seasonality, growth, noise,
 * instances added mid-month, spikes; nested compartments), synced and refreshed through the real
 * OCI SDK: their month totals equal the simulator's ground truth to the cent (exactly, in fact),
 * and so do the month to date, the breakdowns and the inventory counts.
 */
class CostViewsSimulatorIT {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(11)
              .regions(2)
              .compartments(8)
              .compartmentDepth(3)
              .instances(30)
              .days(130)
              .usagePageSize(500)
              .dynamics(new CostDynamics(0.6, 0.04, 0.05, 0.1, 1))
              .now(LocalDate.of(2026, 11, 20)));

  private static Cloudey cloudey;
  private static Dashboard dashboard;
  private static DetailedCosts detailed;

  private static Truth truth() {
    return SIM.simulator().truth();
  }

  @BeforeAll
  static void syncAndRefresh() {
    OciSimulator sim = SIM.simulator();
    cloudey =
        Cloudey.builder()
            .cloud(
                OciCloud.create(SimulatorSupport.options().endpoints(sim::endpoint).build()),
                SimulatorSupport.config(sim).toCredentials())
            .clock(
                Clock.fixed(truth().now().atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
            .syncConcurrency(8)
            .build();
    assertThat(cloudey.inventory().sync().isSuccessful()).isTrue();
    cloudey.costs().refresh(truth().history());
    cloudey.costs().closeMonth(YearMonth.of(2026, 9));
    dashboard = cloudey.costs().dashboard();
    detailed = cloudey.costs().detailed();
  }

  @AfterAll
  static void close() {
    cloudey.close();
  }

  private static Money money(BigDecimal amount) {
    return Money.of(amount, truth().currency());
  }

  private static BigDecimal cents(Money money) {
    return money.amount().setScale(2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  @Test
  void dashboardMonthTotalsAndMonthToDateEqualTheTruth() {
    assertThat(dashboard.currencies()).hasSize(1);
    Dashboard.CurrencyDashboard d = dashboard.currencies().get(0);
    assertThat(d.currency()).isEqualTo(truth().currency());
    Map<YearMonth, BigDecimal> byMonth = truth().costByMonth();
    assertThat(d.completeMonths())
        .extracting(MonthTotal::month)
        .containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    for (MonthTotal m : d.completeMonths()) {
      assertThat(cents(m.total())).as("%s", m.month()).isEqualTo(cents(byMonth.get(m.month())));
      assertThat(m.total()).as("%s exactly", m.month()).isEqualTo(money(byMonth.get(m.month())));
    }
    // today (November 20) has no cost yet: the month to date is November 1-19, compared with the
    // same days of October (1-19), not with October 1-20
    assertThat(d.monthToDate().period())
        .isEqualTo(Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20)));
    assertThat(d.monthToDate().cost())
        .isEqualTo(
            money(truth().cost(Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20)))));
    assertThat(d.monthToDate().lastMonthPeriod())
        .isEqualTo(Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20)));
    assertThat(d.monthToDate().lastMonthCost())
        .isEqualTo(
            money(truth().cost(Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 20)))));
    assertThat(d.forecast().actualToDate()).isEqualTo(cents(d.monthToDate().cost()));
    assertThat(d.forecast().low()).isLessThanOrEqualTo(d.forecast().total());

    // top services and compartments: each listed figure is the truth's, and with "others" they
    // add up to the month to date
    Period mtd = Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 20));
    assertAddsUpTo(d.topServices(), d.monthToDate().cost(), truth().costByService(mtd));
    assertAddsUpTo(d.topCompartments(), d.monthToDate().cost(), truth().costByCompartment(mtd));

    // inventory from the store equals the listed truth
    int all = 0;
    for (ResourceType type : ResourceType.values()) {
      all += truth().count(type);
    }
    assertThat(dashboard.inventory().resources()).isEqualTo(all);
    assertThat(dashboard.inventory().compartments()).isEqualTo(truth().compartmentIds().size());
    assertThat(dashboard.inventory().runningInstances())
        .isEqualTo(truth().countsByState(ResourceType.INSTANCE).getOrDefault("RUNNING", 0));
  }

  private static void assertAddsUpTo(
      List<LabeledCost> rows, Money total, Map<String, BigDecimal> truth) {
    BigDecimal sum = BigDecimal.ZERO;
    for (LabeledCost row : rows) {
      sum = sum.add(row.cost().amount());
      if (row.key().equals(LabeledCost.OTHERS)) {
        // credits left out are their own row: others is never negative
        assertThat(row.cost().amount()).as(row.key()).isNotNegative();
      } else if (row.key().equals(LabeledCost.CREDITS)) {
        assertThat(row.cost().amount()).as(row.key()).isNegative();
      } else {
        assertThat(row.cost()).as(row.key()).isEqualTo(money(truth.get(row.key())));
      }
    }
    assertThat(money(sum)).isEqualTo(total);
  }

  @Test
  void detailedMonthTotalsAndBreakdownsEqualTheTruth() {
    assertThat(detailed.currencies()).hasSize(1);
    DetailedCosts.CurrencyDetail d = detailed.currencies().get(0);
    for (int i = 0; i < 3; i++) {
      YearMonth month = detailed.months().get(i);
      Period period = Period.month(month);
      assertThat(cents(d.totals().get(i)))
          .as("%s", month)
          .isEqualTo(cents(truth().costByMonth().get(month)));
      assertThat(d.totals().get(i)).isEqualTo(money(truth().cost(period)));
      Map<String, BigDecimal> byCompartment = truth().costByCompartment(period);
      BigDecimal compartments = BigDecimal.ZERO;
      for (DetailedCosts.CompartmentCosts c : d.compartments()) {
        Money cost = c.months().get(i);
        compartments = compartments.add(cost.amount());
        assertThat(cost)
            .as("%s %s", c.compartment().id(), month)
            .isEqualTo(money(byCompartment.getOrDefault(c.compartment().id(), BigDecimal.ZERO)));
        // names come from the synced tree, with the Usage API's path
        assertThat(c.compartment().path()).isEqualTo(truth().compartmentPath(c.compartment().id()));
      }
      assertThat(money(compartments)).isEqualTo(d.totals().get(i));
      Map<String, BigDecimal> byService = truth().costByService(period);
      for (DetailedCosts.ServiceCosts s : d.services()) {
        assertThat(s.months().get(i))
            .isEqualTo(money(byService.getOrDefault(s.service(), BigDecimal.ZERO)));
      }
    }
    // October's top drivers are the truth's most expensive resources
    Map<String, BigDecimal> october = truth().costByResource(Period.month(YearMonth.of(2026, 10)));
    List<Map.Entry<String, BigDecimal>> top =
        october.entrySet().stream()
            .sorted(
                Map.Entry.<String, BigDecimal>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(10)
            .toList();
    assertThat(d.topDrivers())
        .extracting(dr -> dr.resource().id())
        .containsExactlyElementsOf(top.stream().map(Map.Entry::getKey).toList());
    for (CostDriver driver : d.topDrivers()) {
      assertThat(driver.cost()).isEqualTo(money(october.get(driver.resource().id())));
      assertThat(driver.resource().name())
          .isEqualTo(truth().findResource(driver.resource().id()).orElseThrow().name());
    }
  }
}
