package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNarrativeException;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.Action;
import app.cloudey.model.Evidence;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.AssistantFactory;
import app.cloudey.spi.Explainer;
import app.cloudey.spi.RuleContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The advisor's narrative hook: an {@link Explainer} from the builder (or from the LLM) and the
 * production check that every amount a narrative states is an amount of the run it explains.
 */
class ExplainerTest {
  private final MutableClock clock = MutableClock.at("2026-11-10T12:00:00Z");
  private final InMemoryStore store = InMemoryStore.create(clock);
  private final AtomicReference<String> narrative = new AtomicReference<>("");
  private Cloudey cloudey;

  @AfterEach
  void close() {
    if (cloudey != null) {
      cloudey.close();
    }
    store.close();
  }

  /**
   * Two findings: i1 idle saves 1234.567 USD (its evidence says "monthly cost 1234.567 USD, CPU p95
   * 1.2 %"), v1 unattached saves 5.25 USD; the total is 1239.817 USD.
   */
  private static final AdvisorRule RULE =
      new AdvisorRule() {
        @Override
        public String id() {
          return "demo";
        }

        @Override
        public List<Recommendation> evaluate(RuleContext c) {
          return List.of(
              new Recommendation(
                  Recommendation.stableId("idle", List.of("i1")),
                  c.accountId(),
                  "idle",
                  Severity.HIGH,
                  "Idle instance web-1",
                  "Instance **web-1** is idle: its billed cost was 1130.10 USD over 28 days.",
                  List.of("i1"),
                  Money.of("1234.567", "USD"),
                  SavingsBasis.BILLED_COST,
                  0.9,
                  new Evidence(
                      List.of("resource", "monthly cost", "cpu p95 %"),
                      List.of(List.of("web-1", "1234.567 USD", "1.2"))),
                  List.of(new Action("Stop it", "Stopping saves about 41.15 USD a day."))),
              new Recommendation(
                  Recommendation.stableId("volume", List.of("v1")),
                  c.accountId(),
                  "volume",
                  Severity.LOW,
                  "Unattached volume data-7",
                  "",
                  List.of("v1"),
                  Money.of("5.25", "USD"),
                  SavingsBasis.BILLED_COST,
                  0.9,
                  null,
                  List.of()));
        }
      };

  private Cloudey build(Cloudey.Builder builder) {
    cloudey =
        builder
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(store)
            .clock(clock)
            .rule(RULE)
            .build();
    return cloudey;
  }

  private Cloudey withExplainer() {
    return build(Cloudey.builder().explainer(run -> narrative.get()));
  }

  private String explain(String text) {
    narrative.set(text);
    RecommendationRun run = cloudey.recommendations().run();
    return cloudey.recommendations().explain(run);
  }

  @Test
  void aFaithfulNarrativePassesAtThePrecisionItStates() {
    withExplainer();
    String text =
        "Two findings could save **$1,239.82 per month** (1239.817 USD exactly). The largest is"
            + " idle instance web-1 at 1,234.57 USD ($1.2k, about $1,235); the unattached volume"
            + " data-7 saves USD 5.25. Web-1 cost 1130.10 USD over 28 days, about 41.15 USD a"
            + " day, with CPU p95 at 1.2 % over 28 days in 2026.";
    assertThat(explain("  " + text + "\n")).isEqualTo(text);
    // no amount at all is fine too
    assertThat(explain("Nothing urgent: two small findings."))
        .isEqualTo("Nothing urgent: two small findings.");
  }

  @Test
  void aNarrativeThatInventsAnAmountIsRejectedNamingIt() {
    withExplainer();
    // 1,200 is not 1234.567 at whole-dollar precision; 14,815 is an annualised figure (not in the
    // run);
    // 999.99 EUR is in another currency
    assertThatThrownBy(
            () ->
                explain(
                    "Idle web-1 wastes $1,200 a month, $14,815 a year; the volume saves 5.25 USD"
                        + " and 999.99 EUR is at stake."))
        .isInstanceOf(CloudeyNarrativeException.class)
        .hasMessageStartingWith("the explainer's narrative of recommendations run ")
        .hasMessageContaining(
            " states 3 amounts that the run does not contain: $1,200, $14,815, 999.99 EUR;")
        .hasMessageContaining("the run's amounts are 1234.57 USD, 5.25 USD, 1239.82 USD")
        .satisfies(
            e ->
                assertThat(((CloudeyNarrativeException) e).unsupportedAmounts())
                    .containsExactly("$1,200", "$14,815", "999.99 EUR"));
    // a rounding the run does not support: 1234.567 is 1234.6 at one decimal, not 1234.5
    assertThatThrownBy(() -> explain("Save 1234.5 USD."))
        .isInstanceOf(CloudeyNarrativeException.class)
        .satisfies(
            e ->
                assertThat(((CloudeyNarrativeException) e).unsupportedAmounts())
                    .containsExactly("1234.5 USD"));
    assertThat(explain("Save 1234.6 USD.")).isEqualTo("Save 1234.6 USD.");
    // a decimal comma is not read as a thousands separator: "1.234,57 USD" states 57 USD, not in
    // the run, so the narrative is rejected rather than let through unchecked
    assertThatThrownBy(() -> explain("Web-1 costs 1.234,57 USD."))
        .isInstanceOf(CloudeyNarrativeException.class)
        .satisfies(
            e ->
                assertThat(((CloudeyNarrativeException) e).unsupportedAmounts())
                    .containsExactly("57 USD"));
  }

  @Test
  void withoutAnExplainerRecommendationsAreCompleteAndExplainSaysWhatToConfigure() {
    build(Cloudey.builder());
    RecommendationRun run = cloudey.recommendations().run();
    assertThat(run.recommendations()).hasSize(2);
    assertThat(cloudey.recommendations().canExplain()).isFalse();
    assertThatThrownBy(() -> cloudey.recommendations().explain(run))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageStartingWith("no explainer is configured: build Cloudey with .llm(");
  }

  @Test
  void theLlmsExplainerIsUsedUnlessTheBuilderGivesOne() {
    AssistantFactory llm =
        new AssistantFactory() {
          @Override
          public app.cloudey.Assistant create(app.cloudey.spi.AssistantContext context) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<Explainer> explainer() {
            return Optional.of(run -> "From the LLM: " + run.totalMonthlySavings().get(0) + ".");
          }
        };
    build(Cloudey.builder().llm(llm));
    assertThat(cloudey.recommendations().canExplain()).isTrue();
    cloudey.recommendations().run();
    assertThat(cloudey.recommendations().explainLatest()).contains("From the LLM: 1239.82 USD.");
    cloudey.close();
    cloudey = build(Cloudey.builder().llm(llm).explainer(run -> "Explicit."));
    assertThat(explain("ignored")).isEqualTo("Explicit.");
  }

  @Test
  void aRunOfAnotherAccountIsRefused() {
    withExplainer();
    RecommendationRun foreign =
        new RecommendationRun(
            "r-other",
            AccountId.of("other"),
            clock.instant(),
            List.of(),
            List.of(),
            java.util.Map.of());
    assertThatThrownBy(() -> cloudey.recommendations().explain(foreign))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("belongs to account 'other'");
  }
}
