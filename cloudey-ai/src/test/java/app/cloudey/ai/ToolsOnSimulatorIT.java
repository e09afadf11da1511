package app.cloudey.ai;

import static app.cloudey.ai.SimulatedTenancy.NOVEMBER_TO_DATE;
import static app.cloudey.ai.SimulatedTenancy.OCTOBER;
import static app.cloudey.ai.SimulatedTenancy.SEPTEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.cloudey.AssistantAnswer;
import app.cloudey.ChatMessage;
import app.cloudey.Cloudey;
import app.cloudey.advisor.StandardRules;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostForecast;
import app.cloudey.model.CostLine;
import app.cloudey.model.Forecast;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.oci.OciPriceBook;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.llm.OpenAiStubServer;
import app.cloudey.testkit.llm.RecordedMessage;
import app.cloudey.testkit.llm.StubReply;
import app.cloudey.testkit.llm.StubToolCall;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cost-view, price and recommendation tools through the real LangChain4j OpenAI client against
 * the test kit's stub, over the simulated tenancy synced through the real OCI adapter: the stub
 * asks for the tools with arguments, the tools run with them, and the numbers they send back are
 * the simulator's truth (or sums of the synced cost lines where the truth has no such view), with
 * an {@code account_id} argument naming another account ignored.
 */
class ToolsOnSimulatorIT {
  private static final AccountId OTHER = AccountId.of("other");
  private static SimulatedTenancy tenancy;
  private static Truth truth;
  private final OpenAiStubServer llm = OpenAiStubServer.start();

  @BeforeAll
  static void sync() {
    tenancy = SimulatedTenancy.shared();
    truth = tenancy.truth();
  }

  @AfterEach
  void stopStub() {
    llm.close();
  }

  /** An amount as the tools print it, e.g. {@code 1234.57}. */
  private static String amount(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Money as the tools print it, e.g. {@code 1234.57 USD}. */
  private static String money(BigDecimal value) {
    return amount(value) + " " + truth.currency();
  }

  private static String share(BigDecimal part, BigDecimal whole) {
    return part.multiply(BigDecimal.valueOf(100))
        .divide(whole, 1, RoundingMode.HALF_UP)
        .toPlainString();
  }

  private static <K> Map.Entry<K, BigDecimal> largest(Map<K, BigDecimal> values) {
    return values.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
  }

  private static List<CostLine> linesOf(Period period) {
    try (Stream<CostLine> lines = tenancy.store.costs().lines(Cloudey.DEFAULT_ACCOUNT, period)) {
      return lines.toList();
    }
  }

  /** A Cloudey over the shared store whose second account "other" holds the fixture tenancy. */
  private Cloudey withOtherAccount(
      CloudeyAi ai, app.cloudey.spi.CloudeyStore store, AdvisorRule... rules) {
    Cloudey.Builder builder =
        Cloudey.builder()
            .oci(tenancy.config())
            .cloud(Fixtures.provider())
            .store(store)
            .clock(SimulatedTenancy.CLOCK)
            .priceBook(OciPriceBook.bundled())
            .llm(ai);
    for (AdvisorRule rule : rules) {
      builder.rule(rule);
    }
    Cloudey cloudey = builder.build();
    if (cloudey.accounts().find(OTHER).isEmpty()) {
      cloudey.accounts().add(OTHER, Fixtures.credentials());
      cloudey.account(OTHER).inventory().sync();
      cloudey.account(OTHER).costs().refresh(Period.month(2026, 10));
    }
    return cloudey;
  }

  @Test
  void theCostViewToolsRunWithTheModelsArgumentsAndReturnTheSimulatorsNumbers() {
    llm.enqueue(
        StubReply.toolCalls(
            StubToolCall.of("cost_trends", "{\"dimension\":\"service\",\"months\":2}"),
            StubToolCall.of("top_drivers", "{\"period\":\"2026-10\",\"account_id\":\"other\"}"),
            StubToolCall.of("cost_forecast", "{\"horizon\":\"month\"}"),
            StubToolCall.of("cost_dashboard", "{\"account_id\":\"other\"}"),
            StubToolCall.of("detailed_costs", "{\"limit\":1}")),
        StubReply.text("Done."));
    AssistantAnswer answer;
    CostForecast forecast;
    try (Cloudey cloudey = withOtherAccount(StubModels.openAi(llm), tenancy.store)) {
      answer = cloudey.assistant().ask("t-views", "How are our costs moving?");
      forecast = cloudey.costs().forecast();
    }
    assertThat(answer.toolCalls())
        .extracting(ChatMessage.ToolCall::name, ChatMessage.ToolCall::arguments)
        .containsExactly(
            tuple("cost_trends", "{\"dimension\":\"service\",\"months\":2}"),
            tuple("top_drivers", "{\"period\":\"2026-10\",\"account_id\":\"other\"}"),
            tuple("cost_forecast", "{\"horizon\":\"month\"}"),
            tuple("cost_dashboard", "{\"account_id\":\"other\"}"),
            tuple("detailed_costs", "{\"limit\":1}"));
    List<RecordedMessage> results = llm.requests().get(1).toolResults();
    assertThat(results).hasSize(5);
    String currency = truth.currency();

    // trends: September and October totals, and the largest service of October month by month
    Map.Entry<String, BigDecimal> topService = largest(truth.costByService(OCTOBER));
    BigDecimal topServiceSeptember =
        truth.costByService(SEPTEMBER).getOrDefault(topService.getKey(), BigDecimal.ZERO);
    assertThat(results.get(0).text())
        .startsWith(
            "Trends by service over the complete months 2026-09 / 2026-10: "
                + currency
                + " totals "
                + amount(truth.cost(SEPTEMBER))
                + " / "
                + money(truth.cost(OCTOBER))
                + ", 2026-10 ")
        .contains(
            "\n1. "
                + topService.getKey()
                + ": "
                + amount(topServiceSeptember)
                + " / "
                + money(topService.getValue())
                + ", ");

    // top drivers of October: the total, and the most expensive resource with its share
    Map.Entry<String, BigDecimal> topResource = largest(truth.costByResource(OCTOBER));
    String name = truth.findResource(topResource.getKey()).orElseThrow().name();
    assertThat(results.get(1).text())
        .startsWith(
            "Top cost drivers for 2026-10 (2026-10-01 to 2026-10-31): total "
                + money(truth.cost(OCTOBER))
                + ", the top 10 resources ")
        .contains("\n1. " + name + " (")
        .contains(
            ": "
                + money(topResource.getValue())
                + " ("
                + share(topResource.getValue(), truth.cost(OCTOBER))
                + "%)\n");
    // the simulator's monthly credit (a line without a resource) is not lumped into "others"
    BigDecimal octoberCredits =
        linesOf(OCTOBER).stream()
            .filter(l -> l.resourceId().isEmpty() && l.cost().amount().signum() < 0)
            .map(l -> l.cost().amount())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(octoberCredits).isNegative();
    assertThat(results.get(1).text())
        .contains(
            "\nCredits and refunds (negative costs outside the top resources): "
                + money(octoberCredits)
                + "\n");

    // the forecast of November: what core forecasts, on the known days' truth
    Forecast november = forecast.forecasts().get(0);
    assertThat(november.actualToDate().setScale(2, RoundingMode.HALF_EVEN))
        .isEqualTo(truth.cost(NOVEMBER_TO_DATE).setScale(2, RoundingMode.HALF_EVEN));
    assertThat(results.get(2).text())
        .startsWith(
            "Forecast of 2026-11 made on 2026-11-20: "
                + money(november.total())
                + " (likely "
                + amount(november.low())
                + " to "
                + money(november.high())
                + "), of which "
                + money(truth.cost(NOVEMBER_TO_DATE))
                + " is known to 2026-11-19; method dow-trend-run-rate-28d on 28 days of history.");

    // the dashboard: November to date (billed to the 19th; today, the 20th, has no line yet)
    // against the same days of October, the 1st to the 19th
    BigDecimal octoberToThe19th =
        truth.cost(Period.of(OCTOBER.start(), OCTOBER.start().plusDays(19)));
    assertThat(results.get(3).text())
        .startsWith("Dashboard on 2026-11-20: month to date " + money(truth.cost(NOVEMBER_TO_DATE)))
        .contains(
            currency
                + ": month to date 2026-11-01 to 2026-11-19 "
                + money(truth.cost(NOVEMBER_TO_DATE))
                + ", same days of last month 2026-10-01 to 2026-10-19 "
                + money(octoberToThe19th))
        .contains("2026-09 " + money(truth.cost(SEPTEMBER)) + " (")
        .contains("2026-10 " + money(truth.cost(OCTOBER)) + " (")
        // the monthly credit (-40 USD) outside the top services is its own "(credits)" row: the
        // "(others)" row is never negative
        .doesNotContain("(others) -")
        .doesNotContain("web-assets"); // the other account's bucket

    // detailed: one compartment shown, the others counted and summed per month
    int compartments = truth.costByCompartment(OCTOBER).size();
    assertThat(results.get(4).text())
        .startsWith(
            "Detailed costs for the complete months 2026-08 / 2026-09 / 2026-10: "
                + currency
                + " totals 0.00 / "
                + amount(truth.cost(SEPTEMBER))
                + " / "
                + money(truth.cost(OCTOBER)))
        .contains("… " + (compartments - 1) + " more compartments: 0.00 / ");
  }

  @Test
  void costQueriesGroupBySkuNameAndTagsFilterByTagAndIgnoreAnotherAccountsId() {
    llm.enqueue(
        StubReply.toolCalls(
            StubToolCall.of(
                "query_costs",
                "{\"period\":\"2026-10\",\"group_by\":\"tag:team\",\"tag\":\"env=prod\","
                    + "\"account_id\":\"other\"}"),
            StubToolCall.of(
                "query_costs",
                "{\"period\":\"2026-10\",\"group_by\":\"sku_name\",\"top\":3,"
                    + "\"account_id\":\"other\"}"),
            StubToolCall.of(
                "unit_prices", "{\"period\":\"2026-10\",\"limit\":2,\"accountId\":\"other\"}")),
        StubReply.text("Done."));
    try (Cloudey cloudey = withOtherAccount(StubModels.openAi(llm), tenancy.store)) {
      cloudey.assistant().ask("t-tags", "What does each team cost in prod?");
    }
    List<RecordedMessage> results = llm.requests().get(1).toolResults();

    // by team among env=prod: the synced inventory's tags over the truth's cost per resource
    Map<String, BigDecimal> byResource = truth.costByResource(OCTOBER);
    Map<String, BigDecimal> byTeam = new TreeMap<>();
    for (Resource r :
        tenancy
            .store
            .inventory()
            .resources(Cloudey.DEFAULT_ACCOUNT, ResourceFilter.ALL.withDeleted())) {
      BigDecimal cost = byResource.get(r.id());
      if (cost != null && "prod".equals(r.tags().get("env"))) {
        byTeam.merge(r.tags().getOrDefault("team", ""), cost, BigDecimal::add);
      }
    }
    assertThat(byTeam).as("the simulator tags some billed resources env=prod").isNotEmpty();
    BigDecimal prod = byTeam.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    String tagged = results.get(0).text();
    assertThat(tagged)
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31) by tag team, tag env=prod: total "
                + money(prod)
                + ", "
                + byTeam.size()
                + (byTeam.size() == 1 ? " row." : " rows."));
    byTeam.forEach(
        (team, cost) ->
            assertThat(tagged)
                .contains(
                    "team="
                        + (team.isEmpty() ? "(untagged)" : team)
                        + ": "
                        + money(cost)
                        + " ("
                        + share(cost, prod)
                        + "%)"));

    // by SKU name: sums of the synced lines, the largest three, then the rest counted and summed
    Map<String, BigDecimal> bySkuName =
        linesOf(OCTOBER).stream()
            .collect(
                Collectors.groupingBy(
                    CostLine::skuName,
                    Collectors.reducing(BigDecimal.ZERO, l -> l.cost().amount(), BigDecimal::add)));
    List<Map.Entry<String, BigDecimal>> sorted =
        bySkuName.entrySet().stream()
            .sorted(
                Map.Entry.<String, BigDecimal>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    // the rest split by sign: the simulator's monthly credit (-40 USD) is a row of its own
    BigDecimal rest =
        sorted.subList(3, sorted.size()).stream()
            .map(Map.Entry::getValue)
            .filter(v -> v.signum() >= 0)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal restCredits =
        sorted.subList(3, sorted.size()).stream()
            .map(Map.Entry::getValue)
            .filter(v -> v.signum() < 0)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(restCredits).as("the simulator's credit line is outside the top 3").isNegative();
    assertThat(results.get(1).text())
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31) by sku_name: total "
                + money(truth.cost(OCTOBER))
                + ", "
                + sorted.size()
                + " rows.\n1. "
                + sorted.get(0).getKey()
                + ": "
                + money(sorted.get(0).getValue()))
        .contains("\n3. " + sorted.get(2).getKey() + ": " + money(sorted.get(2).getValue()))
        .contains(
            "… "
                + (sorted.size() - 3)
                + " more rows: "
                + money(rest)
                + ", and credits and refunds "
                + money(restCredits)
                + " (");

    // own rates: billed cost ÷ quantity of the resources' paid lines per SKU, largest cost first
    Map<String, BigDecimal[]> bySku = new TreeMap<>();
    for (CostLine line : linesOf(OCTOBER)) {
      if (!line.resourceId().isEmpty()
          && !line.skuPartNumber().isEmpty()
          && line.cost().amount().signum() > 0) {
        BigDecimal[] sums =
            bySku.computeIfAbsent(
                line.skuPartNumber(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        sums[0] = sums[0].add(line.cost().amount());
        sums[1] = sums[1].add(line.quantity());
      }
    }
    String top =
        bySku.entrySet().stream()
            .max(Comparator.comparing((Map.Entry<String, BigDecimal[]> e) -> e.getValue()[0]))
            .orElseThrow()
            .getKey();
    BigDecimal[] sums = bySku.get(top);
    BigDecimal rate = sums[0].divide(sums[1], new MathContext(6, RoundingMode.HALF_EVEN));
    assertThat(results.get(2).text())
        .startsWith(
            bySku.size()
                + " SKUs billed to resources in 2026-10 (2026-10-01 to 2026-10-31), largest cost"
                + " first: own rate = billed cost ÷ billed quantity.\n1. "
                + top
                + " ")
        .contains(
            "own rate "
                + rate.stripTrailingZeros().toPlainString()
                + " "
                + truth.currency()
                + " per ")
        .contains(
            "(" + money(sums[0]) + " for " + sums[1].stripTrailingZeros().toPlainString() + ")")
        .contains("\n… " + (bySku.size() - 2) + " more SKUs billed ")
        .endsWith("List prices: " + OciPriceBook.bundled().source() + " (2024-01-19).");
    OciPriceBook.bundled()
        .find(top)
        .ifPresent(
            price ->
                assertThat(results.get(2).text())
                    .contains(
                        "; list price "
                            + price
                                .tiers()
                                .get(price.tiers().size() - 1)
                                .unitPrice()
                                .stripTrailingZeros()
                                .toPlainString()));
  }

  /** A finding only for the account "other", which must never reach the default account's tools. */
  private static final AdvisorRule OTHER_ONLY =
      new AdvisorRule() {
        @Override
        public String id() {
          return "other-only";
        }

        @Override
        public List<Recommendation> evaluate(RuleContext c) {
          if (!c.accountId().equals(OTHER)) {
            return List.of();
          }
          return List.of(
              new Recommendation(
                  "other-only:1",
                  c.accountId(),
                  "other-only",
                  Severity.CRITICAL,
                  "Other account's secret finding",
                  "",
                  List.of(),
                  Money.of("777.77", "USD"),
                  SavingsBasis.BILLED_COST,
                  1,
                  null,
                  List.of()));
        }
      };

  @Test
  void recommendationToolsReadTheCallersStoredRunsOnly() {
    InMemoryStore store = InMemoryStore.create(SimulatedTenancy.CLOCK);
    tenancy.copyInto(store);
    List<AdvisorRule> rules = new ArrayList<>(StandardRules.all());
    rules.add(OTHER_ONLY);
    try (Cloudey cloudey =
        withOtherAccount(StubModels.openAi(llm), store, rules.toArray(AdvisorRule[]::new))) {
      cloudey.account(OTHER).recommendations().run();
      cloudey.recommendations().run();
      RecommendationRun run = cloudey.recommendations().run();
      cloudey.account(OTHER).recommendations().run();
      assertThat(run.recommendations())
          .as("the simulator plants cases the rules find")
          .isNotEmpty();
      Recommendation top = run.recommendations().get(0);
      llm.enqueue(
          StubReply.toolCalls(
              StubToolCall.of("savings_summary", "{\"account_id\":\"other\"}"),
              StubToolCall.of("recommendation_history", "{\"runs\":5,\"account_id\":\"other\"}"),
              StubToolCall.of(
                  "recommendation_details",
                  "{\"recommendation\":\"" + top.id() + "\",\"account_id\":\"other\"}"),
              StubToolCall.of(
                  "recommendation_details",
                  "{\"recommendation\":\"other-only:1\",\"account_id\":\"other\"}")),
          StubReply.text("Done."));
      cloudey.assistant().ask("t-recs", "What can we save?");

      List<RecordedMessage> results = llm.requests().get(1).toolResults();
      String total =
          run.totalMonthlySavings().stream()
              .map(Money::toString)
              .collect(Collectors.joining(" + "));
      // the summary counts the findings that stand (as the total does); superseded ones apart
      assertThat(results.get(0).text())
          .startsWith(
              "Recommendations (latest run 2026-11-20 09:30 UTC): "
                  + (run.recommendations().size() - run.supersededBy().size())
                  + " (")
          .contains("saving " + total + " per month (each resource counted once)")
          .doesNotContain("777.77");
      // the default account's two runs only (the other account's two are not its history)
      assertThat(results.get(1).text())
          .startsWith("2 stored runs, newest first:\n")
          .contains(
              "- 2026-11-20 09:30 UTC: "
                  + run.recommendations().size()
                  + " recommendations, "
                  + total
                  + " per month; 0 new, 0 resolved");
      assertThat(results.get(2).text())
          .startsWith("[" + top.severity() + "] " + top.title() + ": ")
          .contains("; id " + top.id())
          .contains("\nConfidence ");
      assertThat(results.get(3).text())
          .startsWith("error: no recommendation of the latest run matches 'other-only:1'")
          .doesNotContain("secret");
    }
  }
}
