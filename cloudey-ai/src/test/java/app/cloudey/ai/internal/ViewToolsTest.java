package app.cloudey.ai.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.model.CostDimension;
import app.cloudey.testkit.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The view, price and grouping tools against the test kit's fixture tenancy (October 2026 costs on
 * 10-01..03, worked out by hand in {@code Fixtures}), read on 2026-11-04 so that October is the
 * last complete month.
 */
class ViewToolsTest {
  private final MutableClock clock = MutableClock.at("2026-11-04T10:00:00Z");
  private final FixtureAccount fixture = FixtureAccount.synced(clock);
  private final CostTools costs = new CostTools(fixture.view, 25);
  private final AnalyticsTools views = new AnalyticsTools(fixture.view, 25);
  private final PriceTools prices = new PriceTools(fixture.view, 25);

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void costsGroupByATagAfterTheDimensionsAndFilterByTags() {
    // web1's lines carry env=prod: COMPUTE 12.34; BLOCK_STORAGE 5.60 and NETWORK 0.30 are untagged
    assertThat(
            costs.queryCosts(
                "2026-10", "service,tag:env", null, null, null, null, null, null, null))
        .startsWith(
            """
            Costs for 2026-10 (2026-10-01 to 2026-10-31) by service and tag env: total 18.24 USD,\
             3 rows.
            1. COMPUTE / env=prod: 12.34 USD (67.7%)
            2. BLOCK_STORAGE / env=(untagged): 5.60 USD (30.7%)
            3. NETWORK / env=(untagged): 0.30 USD (1.6%)
            Data: """);
    // env=prod by SKU and name: B97384 3.00*3 = 9.00, B97385 1.14+1.14+1.06 = 3.34; 9.00/12.34 =
    // 72.9%
    assertThat(
            costs.queryCosts(
                "2026-10", "sku, sku_name", null, null, null, null, "env=prod", null, null))
        .startsWith(
            """
            Costs for 2026-10 (2026-10-01 to 2026-10-31) by sku and sku_name, tag env=prod: total\
             12.34 USD, 2 rows.
            1. B97384 / Compute - Standard - E4 - OCPU: 9.00 USD (72.9%)
            2. B97385 / Compute - Standard - E4 - Memory: 3.34 USD (27.1%)
            """);
    // untagged env: 18.24 - 12.34 = 5.90; SKU filter B91961: boot1 5.10 + vol1 0.50 = 5.60
    assertThat(
            costs.queryCosts("2026-10", "none", null, null, null, null, "env=untagged", null, null))
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31), tag env=(untagged): total 5.90 USD.\n");
    assertThat(costs.queryCosts("2026-10", "none", null, null, null, null, null, "b91961", null))
        .startsWith("Costs for 2026-10 (2026-10-01 to 2026-10-31), SKU B91961: total 5.60 USD.\n");
    assertThatThrownBy(
            () ->
                costs.queryCosts(
                    "2026-10", "tag:env,service", null, null, null, null, null, null, null))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("comes after a tag");
  }

  @Test
  void unitPricesAreTheBilledCostOverTheBilledQuantity() {
    // B97384: 9.00 USD for 3 x 48 = 144 OCPU hours = 0.0625; B97385: 3.34 for 3 x 768 = 2304 GB
    // hours = 0.00144965 (6 significant digits)
    assertThat(prices.unitPrices(null, "compute", "2026-10", null))
        .startsWith(
            """
            2 SKUs billed to resources in 2026-10 (2026-10-01 to 2026-10-31), largest cost first:\
             own rate = billed cost ÷ billed quantity.
            1. B97384 Compute - Standard - E4 - OCPU (COMPUTE): own rate 0.0625 USD per OCPU Per\
             Hour (9.00 USD for 144); list price not in the price book
            2. B97385 Compute - Standard - E4 - Memory (COMPUTE): own rate 0.00144965 USD per\
             Gigabyte Per Hour (3.34 USD for 2304); list price not in the price book
            """)
        .endsWith("List prices: no price book is configured.");
    assertThat(prices.unitPrices("e4 memory", null, null, 1))
        .startsWith("1 SKU billed to resources in 2026-10")
        .contains("1. B97385 ");
    assertThatThrownBy(() -> prices.unitPrices("B00000", null, null, null))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("has no part number B00000");
  }

  @Test
  void trendsAndTopDriversShowTheMonthsTheirMoversAndWhatIsLeft() {
    // September has no costs, October 18.24: every service is new
    assertThat(views.trends("service", 2, 2))
        .startsWith(
            """
            Trends by service over the complete months 2026-09 / 2026-10: USD totals 0.00 / 18.24\
             USD, 2026-10 up from zero.
            USD by service (2026-09 / 2026-10, newest month descending):
            1. COMPUTE: 0.00 / 12.34 USD, +12.34 USD up from zero
            2. BLOCK_STORAGE: 0.00 / 5.60 USD, +5.60 USD up from zero
            … 1 more rows: 0.00 / 0.30 USD (ask for a larger limit)
            - Risers: COMPUTE +12.34 USD up from zero, BLOCK_STORAGE +5.60 USD up from zero,\
             NETWORK +0.30 USD up from zero
            - Fallers: none
            """);
    // web1 12.34 (67.7%), boot1 5.10 (28.0%), vol1 0.50 (2.7%); others: the network 0.30
    assertThat(views.topDrivers("2026-10"))
        .startsWith(
            """
            Top cost drivers for 2026-10 (2026-10-01 to 2026-10-31): total 18.24 USD, the top 3\
             resources 17.94 USD.
            1. web1 (instance), COMPUTE, root/prod: 12.34 USD (67.7%)
            2. web1 (Boot Volume) (bootVolume), BLOCK_STORAGE, root/prod: 5.10 USD (28.0%)
            3. scratch (blockVolume), BLOCK_STORAGE, root/dev: 0.50 USD (2.7%)
            Others (smaller resources and costs without a resource): 0.30 USD
            """);
    assertThatThrownBy(() -> views.trends("day", 3, null))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("dimension 'day' is unknown");
    assertThatThrownBy(() -> views.forecast("decade"))
        .isInstanceOf(ToolInputException.class)
        .hasMessage("horizon 'decade' is unknown; use month or quarter");
  }

  @Test
  void theDashboardComparesTheMonthToDateAndListsTheCompleteMonths() {
    // November has no cost yet: nothing to compare (before, it read 0.00 against October 1's
    // 5.84 as -100.0% DOWN)
    assertThat(views.dashboard())
        .startsWith(
            """
            Dashboard on 2026-11-04: month to date: nothing billed yet this month (no comparison\
             yet), forecast 0.00 USD for 2026-11.
            USD: month to date: no day of 2026-11 is billed yet (usage is reported a day or so\
             late), so there is nothing to compare with last month yet.
            - Complete months: 2026-08 0.00 USD (SETTLING), 2026-09 0.00 USD (SETTLING), 2026-10\
             18.24 USD (SETTLING); 2026-10 against the mean of the two before: up from zero
            """)
        .contains(
            "Inventory: 6 live resources in 4 compartments (instance 2, bootVolume 1, blockVolume 1,"
                + " bucket 1, loadBalancer 1); instances 1 running, 1 stopped.\n"
                + "Recommendations: no advisor run stored yet");
    // detailed, limited to one row per list: prod 17.44 shown, dev 0.50 + root 0.30 = 0.80 summed
    assertThat(views.detailed(null, 1))
        .contains(
            """
            USD by compartment (2026-08 / 2026-09 / 2026-10):
            1. root/prod: 0.00 / 0.00 / 17.44 USD, up from zero, 95.6%
            … 2 more compartments: 0.00 / 0.00 / 0.80 USD (ask for a larger limit)
            """);
    assertThat(views.detailed("prod", null))
        .contains("USD in root/prod (2026-08 / 2026-09 / 2026-10): 0.00 / 0.00 / 17.44 USD")
        .contains("- COMPUTE: 0.00 / 0.00 / 12.34 USD, up from zero\n  - web1 (instance): ");
  }

  @Test
  void groupByAndTagArgumentsAreParsed() {
    assertThat(CostTools.dimensions("service, sku_name, tag:env"))
        .containsExactly(CostDimension.SERVICE, CostDimension.SKU_NAME);
    assertThat(CostTools.tagKeys("service, tag:env, TAG: Operations.CostCenter"))
        .containsExactly("env", "Operations.CostCenter");
    assertThat(CostTools.tagFilters("env=prod|dev; team=untagged"))
        .isEqualTo(Map.of("env", List.of("prod", "dev"), "team", List.of("")));
    assertThatThrownBy(() -> CostTools.tagFilters("env"))
        .isInstanceOf(ToolInputException.class)
        .hasMessageContaining("needs a key and a value");
  }
}
