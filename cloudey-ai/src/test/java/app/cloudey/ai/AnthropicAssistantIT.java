package app.cloudey.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.AssistantAnswer;
import app.cloudey.AssistantEvent;
import app.cloudey.AssistantEvent.ErrorKind;
import app.cloudey.Cloudey;
import app.cloudey.CloudeyProviderException;
import app.cloudey.CloudeyRateLimitedException;
import app.cloudey.TokenUsage;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.testkit.llm.AnthropicStubServer;
import app.cloudey.testkit.llm.RecordedRequest;
import app.cloudey.testkit.llm.StubReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assistant through the real LangChain4j Anthropic clients against the test kit's Messages API
 * stub (JSON and named SSE events), over the simulated tenancy: tool use and tool results in
 * Anthropic's shape, streamed tokens, and provider errors.
 */
class AnthropicAssistantIT {
  private static SimulatedTenancy tenancy;
  private static Truth truth;
  private final AnthropicStubServer llm = AnthropicStubServer.start();

  @BeforeAll
  static void sync() {
    tenancy = SimulatedTenancy.shared();
    truth = tenancy.truth();
  }

  @AfterEach
  void stopStub() {
    llm.close();
  }

  @Test
  void streamedToolUseRunsTheToolAndTheAnswerStreamsToken() {
    String compartment = truth.compartmentPath(truth.compartmentIds().get(1));
    String name = compartment.substring(compartment.lastIndexOf('/') + 1);
    llm.enqueue(
        StubReply.toolCall(
            "query_costs",
            "{\"period\":\"2026-10\",\"compartment\":\""
                + name.toUpperCase()
                + "\",\"group_by\":\"none\"}"),
        StubReply.text("That compartment cost little."));
    List<AssistantEvent> events = new ArrayList<>();
    try (Cloudey cloudey = tenancy.cloudey(StubModels.anthropic(llm))) {
      cloudey.assistant().stream("a-stream", "What did " + name + " cost in October?", events::add);
    }
    assertThat(events)
        .extracting(AssistantEvent::type)
        .containsExactly("tool_call", "tool_result", "token", "token", "token", "token", "done");
    assertThat(((AssistantEvent.ToolCall) events.get(0)).id()).isEqualTo("toolu_1");
    assertThat(((AssistantEvent.ToolResult) events.get(1)).summary())
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31), compartment "
                + compartment
                + " and below: total ");
    assertThat(events.get(6))
        .isEqualTo(
            new AssistantEvent.FinalAnswer(
                "a-stream", "That compartment cost little.", new TokenUsage(200, 40), 1));

    RecordedRequest first = llm.requests().get(0);
    assertThat(first.streaming()).isTrue();
    assertThat(first.header("x-api-key")).contains("stub-key");
    assertThat(first.systemPrompt()).contains("today is 2026-11-20").contains(compartment);
    assertThat(first.tools())
        .hasSize(14)
        .contains("query_costs", "resource_details", "unit_prices");
    RecordedRequest second = llm.requests().get(1);
    assertThat(second.toolCalls()).extracting(c -> c.name()).containsExactly("query_costs");
    assertThat(second.toolResults()).hasSize(1);
    assertThat(second.toolResults().get(0).toolCallId()).isEqualTo("toolu_1");
    assertThat(second.toolResults().get(0).text())
        .startsWith(((AssistantEvent.ToolResult) events.get(1)).summary());
  }

  @Test
  void askUsesToolInputAndIgnoresAnAccountIdInIt() {
    llm.enqueue(
        StubReply.toolCall(
            "query_costs",
            "{\"period\":\"last_month\",\"group_by\":\"none\",\"account_id\":\"someone-else\"}"),
        StubReply.text("You spent " + tenancy.octoberTotal() + "."));
    try (Cloudey cloudey = tenancy.cloudey(StubModels.anthropic(llm))) {
      AssistantAnswer answer = cloudey.assistant().ask("a-ask", "What did we spend last month?");
      assertThat(answer.text()).isEqualTo("You spent " + tenancy.octoberTotal() + ".");
      // the client re-serialises Anthropic's tool input (pretty-printed): compare without spaces
      assertThat(answer.toolCalls())
          .singleElement()
          .satisfies(
              call -> {
                assertThat(call.id()).isEqualTo("toolu_1");
                assertThat(call.name()).isEqualTo("query_costs");
                assertThat(call.arguments().replaceAll("\\s", ""))
                    .isEqualTo(
                        "{\"period\":\"last_month\",\"group_by\":\"none\",\"account_id\":\"someone-else\"}");
              });
      assertThat(answer.usage()).isEqualTo(new TokenUsage(200, 40));
    }
    assertThat(llm.requests().get(0).streaming()).isFalse();
    assertThat(llm.requests().get(1).toolResults().get(0).text())
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31): total " + tenancy.octoberTotal() + ".");
  }

  @Test
  void rateLimitsAndServerErrorsBecomeClearErrors() {
    llm.enqueue(
        StubReply.failure(429, "Number of request tokens has exceeded your per-minute rate limit"),
        StubReply.failure(429, "Number of request tokens has exceeded your per-minute rate limit"),
        StubReply.failure(500, "Internal server error"),
        StubReply.failure(529, "Overloaded"));
    try (Cloudey cloudey =
        tenancy.cloudey(StubModels.anthropic(llm).withOptions(StubModels.fastRetries()))) {
      assertThatThrownBy(() -> cloudey.assistant().ask("a-errors", "Hello?"))
          .isInstanceOf(CloudeyRateLimitedException.class)
          .hasMessageStartingWith(
              "the LLM provider is rate limiting requests (HTTP 429) after 2 attempts")
          .hasMessageContaining("per-minute rate limit");
      List<AssistantEvent> events = new ArrayList<>();
      cloudey.assistant().stream("a-errors", "Hello?", events::add);
      assertThat(events).hasSize(1);
      AssistantEvent.Error error = (AssistantEvent.Error) events.get(0);
      assertThat(error.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
      assertThat(error.message())
          .startsWith("the LLM provider failed (HTTP 529) after 2 attempts")
          .contains("Overloaded")
          .doesNotContain("\tat ");
      assertThat(cloudey.assistant().findThread("a-errors")).isEmpty();
    }
    assertThat(llm.requestCount()).isEqualTo(4);
  }

  @Test
  void aServerErrorFromAskIsAProviderException() {
    llm.enqueue(StubReply.failure(500, "Internal server error"));
    try (Cloudey cloudey =
        tenancy.cloudey(
            StubModels.anthropic(llm)
                .withOptions(
                    AssistantOptions.ofDefaults().withRetries(AssistantOptions.Retries.NONE)))) {
      assertThatThrownBy(() -> cloudey.assistant().ask("a-500", "Hello?"))
          .isInstanceOf(CloudeyProviderException.class)
          .hasMessageStartingWith("the LLM provider failed (HTTP 500); the provider said: ")
          .hasMessageContaining("Internal server error")
          .hasMessageEndingWith(": try again later");
    }
  }
}
