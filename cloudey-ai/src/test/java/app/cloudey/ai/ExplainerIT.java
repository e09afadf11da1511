package app.cloudey.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyNarrativeException;
import app.cloudey.CloudeyRateLimitedException;
import app.cloudey.advisor.StandardRules;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.testkit.llm.AnthropicStubServer;
import app.cloudey.testkit.llm.OpenAiStubServer;
import app.cloudey.testkit.llm.RecordedRequest;
import app.cloudey.testkit.llm.StubReply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The advisor's narrative through the real LangChain4j clients against the test kit's stubs: {@code
 * .llm(CloudeyAi...)} alone wires the explainer, the model gets the run's facts and the amounts it
 * may state, a faithful narrative comes back, and one that invents an amount is rejected by core's
 * check. The run is the standard rules' over the simulated tenancy.
 */
class ExplainerIT {
  private static SimulatedTenancy tenancy;

  @BeforeAll
  static void sync() {
    tenancy = SimulatedTenancy.shared();
  }

  private static Cloudey cloudey(CloudeyAi ai) {
    return tenancy.cloudey(ai, StandardRules.all().toArray(AdvisorRule[]::new));
  }

  private static Recommendation largestSaving(RecommendationRun run) {
    return run.recommendations().stream()
        .filter(r -> !r.monthlySavings().isZero())
        .findFirst()
        .orElseThrow(() -> new AssertionError("the simulator plants cases with savings"));
  }

  /** Quotes the run's total and its largest saving exactly, and the latter rounded to dollars. */
  private static String faithful(RecommendationRun run) {
    Money total = run.totalMonthlySavings().get(0);
    Recommendation top = largestSaving(run);
    BigDecimal whole = top.monthlySavings().amount().setScale(0, RoundingMode.HALF_UP);
    return "Cloudey found "
        + run.recommendations().size()
        + " recommendations worth **"
        + total
        + " per month**. The largest is "
        + top.title()
        + ": "
        + top.monthlySavings()
        + " a month (about "
        + whole.toPlainString()
        + " "
        + total.currency().getCurrencyCode()
        + "). Start there this week.";
  }

  @Test
  void aFaithfulNarrativeFromTheOpenAiStubPassesAndTheModelGotTheRunsFacts() {
    try (OpenAiStubServer llm = OpenAiStubServer.start();
        Cloudey cloudey = cloudey(StubModels.openAi(llm))) {
      assertThat(cloudey.recommendations().canExplain()).isTrue();
      RecommendationRun run = cloudey.recommendations().run();
      String narrative = faithful(run);
      llm.enqueue(StubReply.text(narrative));

      assertThat(cloudey.recommendations().explain(run)).isEqualTo(narrative);

      RecordedRequest request = llm.lastRequest();
      assertThat(request.tools()).isEmpty();
      assertThat(request.systemPrompt())
          .startsWith("You write the executive summary of a cloud cost advisor's run")
          .contains("Cloudey rejects a summary that states any amount not in the facts");
      Money total = run.totalMonthlySavings().get(0);
      assertThat(request.lastUserText())
          .startsWith(
              "Advisor run of 2026-11-20 09:30 UTC: "
                  + run.recommendations().size()
                  + " recommendations")
          .contains("Total monthly saving, each resource counted once: " + total + ".\n")
          .contains(largestSaving(run).title())
          .contains("Amounts you may state, exactly as written: " + total + ", ");
    }
  }

  @Test
  void aNarrativeThatInventsAnAmountIsRejected() {
    try (OpenAiStubServer llm = OpenAiStubServer.start();
        Cloudey cloudey = cloudey(StubModels.openAi(llm))) {
      RecommendationRun run = cloudey.recommendations().run();
      Money total = run.totalMonthlySavings().get(0);
      Money inflated = total.plus(Money.of("1000", total.currency().getCurrencyCode()));
      Money yearly = total.times(BigDecimal.valueOf(12));
      llm.enqueue(
          StubReply.text(
              "You could save "
                  + inflated
                  + " per month, "
                  + yearly
                  + " a year; the largest finding is "
                  + largestSaving(run).monthlySavings()
                  + "."));

      assertThatThrownBy(() -> cloudey.recommendations().explain(run))
          .isInstanceOf(CloudeyNarrativeException.class)
          .hasMessageContaining(
              "states 2 amounts that the run does not contain: " + inflated + ", " + yearly + ";")
          .satisfies(
              e ->
                  assertThat(((CloudeyNarrativeException) e).unsupportedAmounts())
                      .containsExactly(inflated.toString(), yearly.toString()));
    }
  }

  @Test
  void theAnthropicStubNarratesTooAndARateLimitIsAClearError() {
    try (AnthropicStubServer llm = AnthropicStubServer.start();
        Cloudey cloudey =
            cloudey(StubModels.anthropic(llm).withOptions(StubModels.fastRetries()))) {
      RecommendationRun run = cloudey.recommendations().run();
      String narrative = faithful(run);
      llm.enqueue(StubReply.text(narrative));
      assertThat(cloudey.recommendations().explain(run)).isEqualTo(narrative);
      assertThat(llm.lastRequest().header("x-api-key")).contains("stub-key");

      llm.enqueue(
          StubReply.failure(429, "Number of request tokens has exceeded your rate limit"),
          StubReply.failure(429, "Number of request tokens has exceeded your rate limit"));
      assertThatThrownBy(() -> cloudey.recommendations().explain(run))
          .isInstanceOf(CloudeyRateLimitedException.class)
          .hasMessageStartingWith("the LLM provider is rate limiting requests (HTTP 429)")
          .hasMessageNotContaining("\tat ");
    }
  }
}
