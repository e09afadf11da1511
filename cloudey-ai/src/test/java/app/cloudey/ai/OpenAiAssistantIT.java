package app.cloudey.ai;

import static app.cloudey.ai.SimulatedTenancy.OCTOBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Assistant;
import app.cloudey.AssistantAnswer;
import app.cloudey.AssistantEvent;
import app.cloudey.AssistantEvent.ErrorKind;
import app.cloudey.ChatMessage;
import app.cloudey.Cloudey;
import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.CloudeyRateLimitedException;
import app.cloudey.TokenUsage;
import app.cloudey.model.AccountId;
import app.cloudey.model.Period;
import app.cloudey.model.Recommendation;
import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.ResourceFacts;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.llm.OpenAiStubServer;
import app.cloudey.testkit.llm.RecordedRequest;
import app.cloudey.testkit.llm.StubReply;
import app.cloudey.testkit.llm.StubToolCall;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assistant through the real LangChain4j OpenAI clients (chat and streaming) against the test
 * kit's OpenAI-compatible stub, over a simulated tenancy synced through the real OCI adapter: the
 * tools the stub asks for run with its arguments on the synced data, their results go back to the
 * model, events stream in order, and provider failures become clear errors.
 */
class OpenAiAssistantIT {
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

  private static Map.Entry<String, BigDecimal> topService() {
    return truth.costByService(OCTOBER).entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow();
  }

  @Test
  void streamRunsTheToolTheModelAsksForOnSyncedDataAndReportsEveryStepInOrder() {
    llm.enqueue(
        StubReply.toolCall("query_costs", "{\"period\":\"last_month\",\"group_by\":\"service\"}"),
        StubReply.text(
            "In October 2026 you spent " + tenancy.octoberTotal() + ", mostly on compute."));
    List<AssistantEvent> events = new ArrayList<>();
    try (Cloudey cloudey = tenancy.cloudey(StubModels.openAi(llm))) {
      cloudey.assistant().stream("t-stream", "What did we spend last month?", events::add);

      assertThat(events).extracting(AssistantEvent::type).first().isEqualTo("tool_call");
      assertThat(events.get(0))
          .isEqualTo(
              new AssistantEvent.ToolCall(
                  "call_1", "query_costs", "{\"period\":\"last_month\",\"group_by\":\"service\"}"));
      AssistantEvent.ToolResult result = (AssistantEvent.ToolResult) events.get(1);
      assertThat(result.error()).isFalse();
      assertThat(result.summary())
          .startsWith(
              "Costs for 2026-10 (2026-10-01 to 2026-10-31) by service: total "
                  + tenancy.octoberTotal()
                  + ", "
                  + truth.costByService(OCTOBER).size()
                  + " rows.");
      List<AssistantEvent> rest = events.subList(2, events.size());
      assertThat(rest.subList(0, rest.size() - 1))
          .hasSizeGreaterThan(3)
          .allSatisfy(e -> assertThat(e).isInstanceOf(AssistantEvent.Token.class));
      String streamed =
          rest.subList(0, rest.size() - 1).stream()
              .map(e -> ((AssistantEvent.Token) e).text())
              .reduce("", String::concat);
      String answer =
          "In October 2026 you spent " + tenancy.octoberTotal() + ", mostly on compute.";
      assertThat(streamed).isEqualTo(answer);
      assertThat(rest.get(rest.size() - 1))
          .isEqualTo(
              new AssistantEvent.FinalAnswer("t-stream", answer, new TokenUsage(200, 40), 1));

      // the tool result went back to the model: the top service with its October cost
      RecordedRequest second = llm.requests().get(1);
      assertThat(second.streaming()).isTrue();
      assertThat(second.toolResults()).hasSize(1);
      assertThat(second.toolResults().get(0).toolCallId()).isEqualTo("call_1");
      assertThat(second.toolResults().get(0).text())
          .startsWith(result.summary())
          .contains(
              "1. "
                  + topService().getKey()
                  + ": "
                  + topService().getValue().setScale(2, RoundingMode.HALF_EVEN).toPlainString()
                  + " "
                  + truth.currency());

      // the question, the tool call, its result and the answer are stored, titled by the question
      Assistant assistant = cloudey.assistant();
      assertThat(assistant.findThread("t-stream").orElseThrow().title())
          .isEqualTo("What did we spend last month?");
      assertThat(assistant.messages("t-stream"))
          .extracting(ChatMessage::role)
          .containsExactly(
              ChatMessage.Role.USER,
              ChatMessage.Role.ASSISTANT,
              ChatMessage.Role.TOOL,
              ChatMessage.Role.ASSISTANT);
    }
  }

  @Test
  void theSystemPromptIsBuiltFromTheClockAndTheAccount() {
    llm.enqueue(StubReply.text("Hello."));
    try (Cloudey cloudey = tenancy.cloudey(StubModels.openAi(llm))) {
      cloudey.assistant().ask("t-prompt", "Hi");
    }
    RecordedRequest request = llm.lastRequest();
    assertThat(request.systemPrompt())
        .contains("today is 2026-11-20")
        .contains("The current month is 2026-11 (2026-11-01 to today, month to date)")
        .contains("The last complete month is 2026-10 (2026-10-01 to 2026-10-31)")
        .contains("Currency: " + truth.currency())
        .contains(topService().getKey())
        .contains("Name resources and compartments by their names")
        .contains("Give every amount of money with its currency")
        .contains("Say when data is missing or stale")
        .contains("Which tool: cost_dashboard for an overview; query_costs for any slice")
        .contains("unit_prices for the tenancy's own rates and list prices");
    for (String id : truth.compartmentIds()) {
      assertThat(request.systemPrompt()).contains(truth.compartmentPath(id));
    }
    assertThat(request.tools())
        .containsExactly(
            "cost_dashboard",
            "cost_forecast",
            "cost_trends",
            "detailed_costs",
            "list_compartments",
            "list_recommendations",
            "query_costs",
            "recommendation_details",
            "recommendation_history",
            "resource_details",
            "savings_summary",
            "search_inventory",
            "top_drivers",
            "unit_prices");
    assertThat(request.streaming()).isFalse();
    assertThat(request.header("authorization")).contains("Bearer sk-stub");
  }

  @Test
  void askRunsSeveralToolsOfOneRoundWithTheirArguments() {
    ResourceFacts instance =
        truth
            .resources(ResourceType.INSTANCE, truth.homeRegion(), truth.compartmentIds().get(1))
            .stream()
            .findFirst()
            .orElseGet(() -> anyInstance());
    int running = truth.countsByState(ResourceType.INSTANCE).getOrDefault("RUNNING", 0);
    llm.enqueue(
        StubReply.toolCalls(
            StubToolCall.of("search_inventory", "{\"type\":\"instance\",\"state\":\"running\"}"),
            StubToolCall.of("resource_details", "{\"resource\":\"" + instance.name() + "\"}")),
        StubReply.text("Done."));
    try (Cloudey cloudey = tenancy.cloudey(StubModels.openAi(llm))) {
      AssistantAnswer answer = cloudey.assistant().ask("t-inventory", "Which instances run?");
      assertThat(answer.text()).isEqualTo("Done.");
      assertThat(answer.toolCalls())
          .extracting(ChatMessage.ToolCall::name)
          .containsExactly("search_inventory", "resource_details");
      assertThat(answer.usage()).isEqualTo(new TokenUsage(200, 40));
    }
    List<app.cloudey.testkit.llm.RecordedMessage> results = llm.requests().get(1).toolResults();
    assertThat(results.get(0).text())
        .startsWith(
            running
                + (running == 1 ? " resource matches" : " resources match")
                + " (type instance, state RUNNING): instance "
                + running
                + ".");
    assertThat(results.get(1).text())
        .startsWith(
            instance.name() + " (instance): " + instance.lifecycleState() + ", id " + instance.id())
        .contains("Compartment " + truth.compartmentPath(instance.compartmentId()))
        .contains("Utilisation 2026-11-06 to 2026-11-19:\n- CPU_UTILIZATION (percent): mean ")
        .contains("Cost: 2026-10 (2026-10-01 to 2026-10-31) ");
  }

  private static ResourceFacts anyInstance() {
    for (String compartment : truth.compartmentIds()) {
      List<ResourceFacts> found =
          truth.resources(ResourceType.INSTANCE, truth.homeRegion(), compartment);
      if (!found.isEmpty()) {
        return found.stream().min(Comparator.comparing(ResourceFacts::id)).orElseThrow();
      }
    }
    throw new IllegalStateException("the simulated tenancy has no instance");
  }

  @Test
  void anExtraAccountIdArgumentNamingAnotherAccountIsIgnored() {
    AccountId other = AccountId.of("other");
    llm.enqueue(
        StubReply.toolCall(
            "query_costs",
            "{\"period\":\"2026-10\",\"group_by\":\"none\",\"account_id\":\"other\",\"accountId\":\"other\"}"),
        StubReply.toolCall("search_inventory", "{\"account_id\":\"other\",\"type\":\"bucket\"}"),
        StubReply.text("Done."));
    try (Cloudey cloudey =
        Cloudey.builder()
            .oci(tenancy.config())
            .cloud(Fixtures.provider())
            .store(tenancy.store)
            .clock(SimulatedTenancy.CLOCK)
            .llm(StubModels.openAi(llm))
            .build()) {
      // the other account holds the fixture tenancy: October 2026 costs 18.24 USD, bucket
      // web-assets
      cloudey.accounts().add(other, Fixtures.credentials());
      cloudey.account(other).inventory().sync();
      cloudey.account(other).costs().refresh(Period.month(2026, 10));

      cloudey.assistant().ask("t-other", "What did account other spend?");
    }
    List<app.cloudey.testkit.llm.RecordedMessage> results = llm.lastRequest().toolResults();
    assertThat(results.get(0).text())
        .startsWith(
            "Costs for 2026-10 (2026-10-01 to 2026-10-31): total " + tenancy.octoberTotal() + ".")
        .doesNotContain("18.24");
    assertThat(results.get(1).text()).doesNotContain("web-assets");
    assertThat(llm.lastRequest().systemPrompt()).doesNotContain("Fake tenancy");
  }

  @Test
  void aFailingToolIsReportedAsAnErrorResultAndTheModelCarriesOn() {
    AdvisorRule exploding =
        new AdvisorRule() {
          @Override
          public String id() {
            return "exploding";
          }

          @Override
          public List<Recommendation> evaluate(RuleContext context) {
            throw new IllegalStateException("rule 'exploding' failed: no price for SKU B0000");
          }
        };
    llm.enqueue(
        StubReply.toolCall("list_recommendations", "{}"),
        StubReply.toolCall("query_costs", "{\"period\":\"2026-13\"}"),
        StubReply.text("I could not get recommendations."));
    List<AssistantEvent> events = new CopyOnWriteArrayList<>();
    // the OCI provider's rules replaced (same ids) by ones that find nothing: the run has no
    // recommendation and one failure, which the tool reports as an error
    List<AdvisorRule> rules = new java.util.ArrayList<>(List.of(exploding));
    for (AdvisorRule standard : app.cloudey.advisor.StandardRules.all()) {
      rules.add(
          new AdvisorRule() {
            @Override
            public String id() {
              return standard.id();
            }

            @Override
            public List<Recommendation> evaluate(RuleContext context) {
              return List.of();
            }
          });
    }
    try (Cloudey cloudey =
        tenancy.cloudey(StubModels.openAi(llm), rules.toArray(AdvisorRule[]::new))) {
      cloudey.assistant().stream("t-tool-error", "What can we save?", events::add);
    }
    List<AssistantEvent.ToolResult> results =
        events.stream()
            .filter(AssistantEvent.ToolResult.class::isInstance)
            .map(AssistantEvent.ToolResult.class::cast)
            .toList();
    assertThat(results).extracting(AssistantEvent.ToolResult::error).containsExactly(true, true);
    assertThat(results.get(0).summary())
        .isEqualTo(
            "error: advisor rule exploding failed: IllegalStateException: rule 'exploding' failed:"
                + " no price for SKU B0000");
    assertThat(results.get(1).summary())
        .startsWith("error: period '2026-13' is not a valid date range");
    assertThat(llm.requests().get(1).toolResults().get(0).text())
        .isEqualTo(
            "error: advisor rule exploding failed: IllegalStateException: rule 'exploding' failed:"
                + " no price for SKU B0000");
    assertThat(events.get(events.size() - 1)).isInstanceOf(AssistantEvent.FinalAnswer.class);
  }

  @Test
  void aProvider429IsRetriedThenReportedAsARateLimitError() {
    for (int i = 0; i < 4; i++) {
      llm.enqueue(StubReply.failure(429, "Rate limit reached for requests"));
    }
    try (Cloudey cloudey =
        tenancy.cloudey(StubModels.openAi(llm).withOptions(StubModels.fastRetries()))) {
      Assistant assistant = cloudey.assistant();
      assertThatThrownBy(() -> assistant.ask("t-429", "What did we spend?"))
          .isInstanceOf(CloudeyRateLimitedException.class)
          .hasMessageStartingWith(
              "the LLM provider is rate limiting requests (HTTP 429) after 2 attempts; the"
                  + " provider said: ")
          .hasMessageContaining("Rate limit reached for requests")
          .hasMessageEndingWith(": wait a moment and ask again")
          .hasMessageNotContaining("\tat ");
      assertThat(llm.requestCount()).isEqualTo(2);

      List<AssistantEvent> events = new ArrayList<>();
      assistant.stream("t-429", "What did we spend?", events::add);
      assertThat(events).hasSize(1);
      AssistantEvent.Error error = (AssistantEvent.Error) events.get(0);
      assertThat(error.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
      assertThat(error.message())
          .startsWith("the LLM provider is rate limiting requests (HTTP 429)");
      assertThat(assistant.findThread("t-429")).isEmpty();
    }
  }

  @Test
  void aProvider500IsRetriedAndThenAProviderError() {
    llm.enqueue(
        StubReply.failure(500, "The server had an error processing your request"),
        StubReply.text("Fine after a retry."),
        StubReply.failure(500, "The server had an error processing your request"),
        StubReply.failure(503, "Service unavailable"));
    try (Cloudey cloudey =
        tenancy.cloudey(StubModels.openAi(llm).withOptions(StubModels.fastRetries()))) {
      Assistant assistant = cloudey.assistant();
      assertThat(assistant.ask("t-500", "Hello?").text()).isEqualTo("Fine after a retry.");
      assertThatThrownBy(() -> assistant.ask("t-500", "Again?"))
          .isInstanceOf(CloudeyProviderException.class)
          .hasMessageStartingWith("the LLM provider failed (HTTP 503) after 2 attempts")
          .hasMessageContaining("Service unavailable")
          .satisfies(e -> assertThat(((CloudeyProviderException) e).status()).isEqualTo(503));
      assertThat(llm.requestCount()).isEqualTo(4);
      // the failed question was not stored
      assertThat(assistant.messages("t-500"))
          .extracting(ChatMessage::text)
          .containsExactly("Hello?", "Fine after a retry.");
    }
  }

  @Test
  void aRefusedKeyIsAnAuthenticationErrorAndIsNotRetried() {
    llm.enqueue(StubReply.failure(401, "Incorrect API key provided"));
    try (Cloudey cloudey =
        tenancy.cloudey(StubModels.openAi(llm).withOptions(StubModels.fastRetries()))) {
      assertThatThrownBy(() -> cloudey.assistant().ask("t-401", "Hello?"))
          .isInstanceOf(CloudeyAuthException.class)
          .hasMessageStartingWith("the LLM provider refused the API key (HTTP 401)")
          .hasMessageContaining("Incorrect API key provided");
    }
    assertThat(llm.requestCount()).isEqualTo(1);
  }

  @Test
  void aModelThatKeepsCallingToolsIsStoppedAtTheCap() {
    for (int i = 0; i < 3; i++) {
      llm.enqueue(StubReply.toolCall("list_compartments", "{}"));
    }
    List<AssistantEvent> events = new ArrayList<>();
    try (Cloudey cloudey =
        tenancy.cloudey(
            StubModels.openAi(llm)
                .withOptions(AssistantOptions.ofDefaults().withMaxToolRounds(2)))) {
      cloudey.assistant().stream("t-loop", "Loop forever", events::add);
      assertThat(cloudey.assistant().findThread("t-loop")).isEmpty();
    }
    assertThat(events)
        .extracting(AssistantEvent::type)
        .containsExactly("tool_call", "tool_result", "tool_call", "tool_result", "error");
    AssistantEvent.Error error = (AssistantEvent.Error) events.get(4);
    assertThat(error.kind()).isEqualTo(ErrorKind.TOO_MANY_TOOL_ROUNDS);
    assertThat(error.message())
        .startsWith("the model asked for tools more than 2 times for one question");
  }

  @Test
  void whenTheReceiverGoesAwayTheProviderStreamIsCancelledAndNothingIsStored() throws Exception {
    String[] chunks = new String[200];
    java.util.Arrays.fill(chunks, "word ");
    llm.enqueue(StubReply.chunks(Duration.ofMillis(20), chunks));
    List<AssistantEvent> received = new ArrayList<>();
    try (Cloudey cloudey = tenancy.cloudey(StubModels.openAi(llm))) {
      Assistant assistant = cloudey.assistant();
      IllegalStateException gone = new IllegalStateException("the SSE client disconnected");
      assertThatThrownBy(
              () ->
                  assistant.stream(
                      "t-gone",
                      "Tell me a long story",
                      event -> {
                        received.add(event);
                        if (received.size() == 3) {
                          throw gone;
                        }
                      }))
          .isSameAs(gone);
      assertThat(assistant.findThread("t-gone")).isEmpty();
    }
    awaitAbortedResponse();
    assertThat(received).hasSize(3).allSatisfy(e -> assertThat(e.type()).isEqualTo("token"));
  }

  @Test
  void interruptingTheCallerCancelsTheAnswer() throws Exception {
    String[] chunks = new String[200];
    java.util.Arrays.fill(chunks, "word ");
    llm.enqueue(StubReply.chunks(Duration.ofMillis(20), chunks));
    List<AssistantEvent> received = new CopyOnWriteArrayList<>();
    try (Cloudey cloudey = tenancy.cloudey(StubModels.openAi(llm))) {
      Assistant assistant = cloudey.assistant();
      Thread caller =
          new Thread(
              () -> assistant.stream("t-interrupted", "Tell me a long story", received::add));
      caller.start();
      while (received.isEmpty()) {
        Thread.sleep(5);
      }
      caller.interrupt();
      caller.join(5_000);
      assertThat(caller.isAlive()).isFalse();
      assertThat(assistant.findThread("t-interrupted")).isEmpty();
    }
    AssistantEvent last = received.get(received.size() - 1);
    assertThat(last).isInstanceOf(AssistantEvent.Error.class);
    assertThat(((AssistantEvent.Error) last).kind()).isEqualTo(ErrorKind.CANCELLED);
    awaitAbortedResponse();
  }

  @Test
  void aSilentProviderTimesOut() {
    llm.enqueue(
        StubReply.delayed(Duration.ofSeconds(2), StubReply.text("too late")),
        StubReply.delayed(Duration.ofSeconds(2), StubReply.text("too late")));
    AssistantOptions quick =
        AssistantOptions.ofDefaults()
            .withRetries(AssistantOptions.Retries.NONE)
            .withStreamIdleTimeout(Duration.ofMillis(300));
    try (Cloudey cloudey =
        tenancy.cloudey(StubModels.openAi(llm, Duration.ofMillis(300)).withOptions(quick))) {
      Assistant assistant = cloudey.assistant();
      assertThatThrownBy(() -> assistant.ask("t-slow", "Hello?"))
          .isInstanceOf(CloudeyProviderException.class)
          .hasMessageStartingWith("the LLM provider did not answer in time");
      List<AssistantEvent> events = new ArrayList<>();
      assistant.stream("t-slow", "Hello?", events::add);
      assertThat(events).hasSize(1);
      assertThat(((AssistantEvent.Error) events.get(0)).kind()).isEqualTo(ErrorKind.TIMEOUT);
    }
  }

  private void awaitAbortedResponse() throws InterruptedException {
    for (int i = 0; i < 200 && llm.abortedResponses() == 0; i++) {
      Thread.sleep(25);
    }
    assertThat(llm.abortedResponses()).as("the stub saw the stream cancelled").isEqualTo(1);
  }

  @Test
  void memoryIsABoundedWindowAndOlderTurnsAreSummarised() {
    llm.enqueue(
        StubReply.text("First answer."),
        StubReply.text("Second answer."),
        StubReply.text("Third answer."),
        StubReply.text("The user asked twice about costs."),
        StubReply.text("Fourth answer."));
    AssistantOptions options =
        AssistantOptions.ofDefaults().withMemoryMessages(2).withSummarizeOlderTurns(true);
    try (Cloudey cloudey = tenancy.cloudey(StubModels.openAi(llm).withOptions(options))) {
      Assistant assistant = cloudey.assistant();
      assistant.ask("t-memory", "First question");
      assistant.ask("t-memory", "Second question");
      assistant.ask("t-memory", "Third question");
      // the window: only the last two stored messages go with a question
      assertThat(llm.requests().get(2).messages())
          .extracting(app.cloudey.testkit.llm.RecordedMessage::text)
          .containsExactly("Second question", "Second answer.", "Third question");
      // six messages are twice the window: all but the last two were summarised
      RecordedRequest summarising = llm.requests().get(3);
      assertThat(summarising.tools()).isEmpty();
      assertThat(summarising.lastUserText())
          .contains("User: First question")
          .contains("Assistant: Second answer.")
          .doesNotContain("Third question");
      assertThat(assistant.findThread("t-memory").orElseThrow().summarizedThrough()).isEqualTo(4);

      assistant.ask("t-memory", "Fourth question");
      RecordedRequest fourth = llm.requests().get(4);
      assertThat(fourth.systemPrompt())
          .endsWith("Summary of the earlier conversation:\nThe user asked twice about costs.\n");
      assertThat(fourth.messages())
          .extracting(app.cloudey.testkit.llm.RecordedMessage::text)
          .containsExactly("Third question", "Third answer.", "Fourth question");
      assertThat(llm.requestCount()).isEqualTo(5);
    }
  }
}
