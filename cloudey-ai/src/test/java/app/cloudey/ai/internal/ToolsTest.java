package app.cloudey.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.model.Action;
import app.cloudey.model.Evidence;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tools against the test kit's fixture tenancy, whose numbers are worked out by hand in {@link
 * Fixtures}: compact, deterministic text with totals, capped rows and "N more", names instead of
 * ids, and the freshness of the data.
 */
class ToolsTest {
  /** Three days into October 2026: October is the current month; its costs are on 10-01..03. */
  private final MutableClock clock = MutableClock.at("2026-10-04T10:00:00Z");

  private final FixtureAccount fixture = FixtureAccount.synced(clock, new TwoFindings());
  private final CostTools costs = new CostTools(fixture.view, 25);
  private final InventoryTools inventory = new InventoryTools(fixture.view, 25);
  private final RecommendationTools recommendations = new RecommendationTools(fixture.view, 25);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void costsByServiceGiveTheTotalTheRowsTheirSharesAndTheDataStatus() {
    // COMPUTE 12.34, BLOCK_STORAGE 5.60, NETWORK 0.30 = 18.24; 12.34/18.24 = 67.65% -> 67.7
    assertThat(costs.queryCosts("this_month", null, null, null, null, null, null, null, null))
        .isEqualTo(
            """
            Costs for 2026-10-01 to 2026-10-04 by service: total 18.24 USD, 3 rows.
            1. COMPUTE: 12.34 USD (67.7%)
            2. BLOCK_STORAGE: 5.60 USD (30.7%)
            3. NETWORK: 0.30 USD (1.6%)
            Data: costs last refreshed 2026-10-04 10:00 UTC; 2026-10 is the current month (to date,\
             still changing).""");
  }

  @Test
  void rowsBeyondTopAreCountedAndSummedAndResourcesAreNamed() {
    // by resource in prod and below: web1 12.34, boot1 5.10 (prod total 17.44)
    assertThat(costs.queryCosts("2026-10", "resource", null, "PROD", null, null, null, null, 1))
        .startsWith(
            """
            Costs for 2026-10 (2026-10-01 to 2026-10-31) by resource, compartment root/prod and\
             below: total 17.44 USD, 2 rows.
            1. web1 (instance): 12.34 USD (70.8%)
            … 1 more row: 5.10 USD (ask for a larger top, or filter)
            Data: costs last refreshed 2026-10-04 10:00 UTC; 2026-10 is the current month""")
        .endsWith("days after today have no data yet.");
  }

  @Test
  void serviceNamesMatchFuzzilyAndGroupByNoneGivesTheTotalOnly() {
    assertThat(
            costs.queryCosts(
                "2026-10", "none", "block storage", null, null, null, null, null, null))
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31), service BLOCK_STORAGE: total 5.60 USD.\n");
    assertThat(costs.queryCosts("2026-10", "region", null, null, null, "scratch", null, null, null))
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31) by region, resource scratch"
                + " (blockVolume): total 0.50 USD, 1 row.\n1. eu-frankfurt-1: 0.50 USD (100.0%)\n");
  }

  @Test
  void aPeriodWithoutCostsSaysSo() {
    assertThat(costs.queryCosts("last_month", null, null, null, null, null, null, null, null))
        .isEqualTo(
            """
            No costs stored for 2026-09 (2026-09-01 to 2026-09-30) by service.
            Data: costs last refreshed 2026-10-04 10:00 UTC; 2026-09 is settling (the provider may\
             still correct it).""");
  }

  @Test
  void unusableArgumentsAreRefusedWithWhatToSendInstead() {
    assertThatThrownBy(
            () -> costs.queryCosts("fortnight", null, null, null, null, null, null, null, null))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("period 'fortnight' is not understood; use this_month, last_month");
    assertThatThrownBy(
            () -> costs.queryCosts(null, "colour", null, null, null, null, null, null, null))
        .hasMessageContaining("group_by 'colour' is unknown");
    assertThatThrownBy(
            () -> costs.queryCosts(null, null, "database", null, null, null, null, null, null))
        .hasMessage(
            "no service with costs matches 'database'; services with costs in the last year:"
                + " BLOCK_STORAGE, COMPUTE, NETWORK");
    assertThatThrownBy(
            () -> costs.queryCosts(null, null, null, "staging", null, null, null, null, null))
        .hasMessage(
            "no compartment matches 'staging'; the compartments are: root, root/dev, root/prod,"
                + " root/prod/web");
  }

  @Test
  void inventorySearchFiltersByTypeStateCompartmentAndTag() {
    assertThat(
            inventory.searchInventory("instances", "running", "prod", null, "env=prod", null, null))
        .isEqualTo(
            """
            1 resource matches (type instance, compartment root/prod and below, state RUNNING, tag\
             env=prod): instance 1.
            - web1: instance RUNNING, shape VM.Standard.E4.Flex, 2 OCPU, 32 GB memory, root/prod,\
             us-ashburn-1
            Data: inventory last synced 2026-10-04 10:00 UTC.""");
  }

  @Test
  void inventorySearchCountsEverythingAndListsUpToTheLimit() {
    String all = inventory.searchInventory(null, null, null, null, null, null, 2);
    assertThat(all)
        .startsWith(
            "6 resources match: instance 2, bootVolume 1, blockVolume 1, bucket 1, loadBalancer"
                + " 1.\n- scratch: blockVolume AVAILABLE, 100 GB, 10 VPU/GB, root/dev,"
                + " eu-frankfurt-1\n- web1: instance RUNNING")
        .contains("… 4 more (narrow the search, or ask for a larger limit)\n");
    assertThat(inventory.searchInventory(null, null, null, "web", null, null, 99))
        .startsWith(
            "5 resources match (name containing 'web'): instance 2, bootVolume 1, bucket 1,"
                + " loadBalancer 1.");
    assertThat(inventory.searchInventory("db_system", null, null, null, null, null, null))
        .startsWith("No live resources match (type dbSystem).");
    assertThatThrownBy(
            () -> inventory.searchInventory("toaster", null, null, null, null, null, null))
        .hasMessageStartingWith("type 'toaster' is unknown; use one of instance, boot_volume");
  }

  @Test
  void resourceDetailsGiveSpecTagsUtilisationWithCoverageAndCost() {
    // CPU has data on 10-01 and 10-03 only; the window is the 14 days before today
    assertThat(inventory.resourceDetails("WEB1"))
        .isEqualTo(
            """
            web1 (instance): RUNNING, id ocid1.instance.oc1.iad.web1
            Compartment root/prod, region us-ashburn-1, availability domain\
             Uocm:US-ASHBURN-AD-1, created 2026-03-14
            Spec: shape VM.Standard.E4.Flex, 2 OCPU, 32 GB memory
            Tags: Operations.CostCenter=42, env=prod
            Utilisation 2026-09-20 to 2026-10-03:
            - CPU_UTILIZATION (percent): mean 11.3, highest daily p95 35.0, max 40.0; data on 2 of\
             14 days
            - MEMORY_UTILIZATION (percent): mean 50.0, highest daily p95 58.0, max 60.0; data on 3\
             of 14 days
            Cost: 2026-09 (2026-09-01 to 2026-09-30) no cost stored; 2026-10-01 to 2026-10-04 12.34\
             USD
            Data: inventory last synced 2026-10-04 10:00 UTC.""");
    assertThatThrownBy(() -> inventory.resourceDetails("web"))
        .hasMessageStartingWith("'web' matches 5 resources: ");
  }

  @Test
  void compartmentsAreListedByPathWithTheirResources() {
    assertThat(inventory.listCompartments())
        .isEqualTo(
            """
            4 compartments (live resources in each):
            - root: 0
            - root/dev: 1 (blockVolume 1)
            - root/prod: 4 (instance 2, bootVolume 1, loadBalancer 1)
            - root/prod/web: 1 (bucket 1)
            Data: inventory last synced 2026-10-04 10:00 UTC.""");
  }

  @Test
  void recommendationsComeWithTheirTotalAndNamedResources() {
    assertThat(recommendations.listRecommendations(null, null))
        .isEqualTo(
            """
            2 recommendations, 15.50 USD per month in possible savings (HIGH 1, LOW 1).
            1. [HIGH] Stop web2: saves 12.00 USD/month (from billed cost), rule stopped-instance;\
             resources: web2 (instance), web1 (Boot Volume) (bootVolume); id r1
            2. [LOW] Delete scratch: saves 3.50 USD/month (from list prices), rule\
             unattached-volume; resources: scratch (blockVolume); id r2""");
    assertThat(recommendations.listRecommendations(null, 1)).endsWith("… 1 more: 3.50 USD/month");
    assertThat(recommendations.listRecommendations("idle-instance", null))
        .startsWith("No recommendations from rule idle-instance");
  }

  @Test
  void storedRunsGiveDetailsTheSummaryAndTheHistory() {
    assertThat(recommendations.recommendationHistory(null))
        .isEqualTo("No advisor run is stored yet (list_recommendations runs the rules).");
    // no run stored: the summary runs the rules once (the run of 2026-10-04 10:00)
    assertThat(recommendations.savingsSummary())
        .isEqualTo(
            "Recommendations (latest run 2026-10-04 10:00 UTC): 2 (CRITICAL 0, HIGH 1, MEDIUM 0,"
                + " LOW 1, INFO 0), saving 15.50 USD per month (each resource counted once).");
    clock.advance(java.time.Duration.ofHours(1));
    recommendations.listRecommendations(null, null);
    assertThat(recommendations.recommendationHistory(5))
        .isEqualTo(
            """
            2 stored runs, newest first:
            - 2026-10-04 11:00 UTC: 2 recommendations, 15.50 USD per month; 0 new, 0 resolved
            - 2026-10-04 10:00 UTC: 2 recommendations, 15.50 USD per month""");
    assertThat(recommendations.recommendationDetails("scratch"))
        .isEqualTo(
            """
            [LOW] Delete scratch: saves 3.50 USD/month (from list prices), rule unattached-volume;\
             resources: scratch (blockVolume); id r2
            Confidence 80%; from the run of 2026-10-04 11:00 UTC.""");
    assertThat(recommendations.recommendationDetails("R1")).startsWith("[HIGH] Stop web2: ");
    assertThatThrownBy(() -> recommendations.recommendationDetails("database"))
        .isInstanceOf(ToolInputException.class)
        .hasMessage(
            "no recommendation of the latest run matches 'database'; they are: r1 (Stop web2), r2"
                + " (Delete scratch)");
  }

  /** Two findings with hand-set savings: 12.00 + 3.50 = 15.50 USD. */
  private static final class TwoFindings implements AdvisorRule {
    @Override
    public String id() {
      return "fixture-findings";
    }

    @Override
    public List<Recommendation> evaluate(RuleContext context) {
      return List.of(
          new Recommendation(
              "r1",
              context.accountId(),
              "stopped-instance",
              Severity.HIGH,
              "Stop web2",
              "",
              List.of(Fixtures.WEB2, Fixtures.BOOT1),
              Money.of("12.00", "USD"),
              SavingsBasis.BILLED_COST,
              0.9,
              Evidence.NONE,
              List.<Action>of()),
          new Recommendation(
              "r2",
              context.accountId(),
              "unattached-volume",
              Severity.LOW,
              "Delete scratch",
              "",
              List.of(Fixtures.VOL1),
              Money.of("3.50", "USD"),
              SavingsBasis.LIST_PRICE,
              0.8,
              Evidence.NONE,
              List.<Action>of()));
    }
  }
}
