package app.cloudey.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.cloudey.AssistantAnswer;
import app.cloudey.AssistantEvent;
import app.cloudey.ChatMessage;
import app.cloudey.Cloudey;
import app.cloudey.CloudeyAuthException;
import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.testkit.junit.PostgresExtension;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stub scenarios against a real provider, for each whose key is in the environment: {@code
 * OPENAI_API_KEY} (model {@code OPENAI_MODEL}, default gpt-4.1-mini; {@code OPENAI_BASE_URL} for a
 * compatible endpoint) and {@code ANTHROPIC_API_KEY} (model {@code ANTHROPIC_MODEL}, default
 * claude-sonnet-4-5). Off by default (tag {@code live}); run with {@code mvn -B -pl cloudey-ai -am
 * verify -Plive -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false}. Tests (not the library) read
 * the environment.
 */
@Tag("live")
class AssistantLiveIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final CredentialKeys KEYS =
      CredentialKeys.of("test", Base64.getEncoder().encodeToString(new byte[32]));

  private static SimulatedTenancy tenancy;

  @BeforeAll
  static void sync() {
    assumeTrue(
        providers().anyMatch(arguments -> arguments.get()[1] != null),
        "no OPENAI_API_KEY or ANTHROPIC_API_KEY in the environment");
    tenancy = SimulatedTenancy.shared();
    try (PostgresStore store = PostgresStore.create(PG.dataSource(), KEYS)) {
      tenancy.copyInto(store);
    }
  }

  static Stream<Arguments> providers() {
    String openAiKey = System.getenv("OPENAI_API_KEY");
    String anthropicKey = System.getenv("ANTHROPIC_API_KEY");
    String openAiModel = envOr("OPENAI_MODEL", "gpt-4.1-mini");
    String anthropicModel = envOr("ANTHROPIC_MODEL", "claude-sonnet-4-5");
    String baseUrl = System.getenv("OPENAI_BASE_URL");
    LlmConfig openAi =
        openAiKey == null
            ? null
            : baseUrl == null
                ? LlmConfig.openAi(openAiKey, openAiModel)
                : LlmConfig.openAiCompatible(baseUrl, openAiModel).withApiKey(openAiKey);
    return Stream.of(
        Arguments.of("openai", openAi),
        Arguments.of(
            "anthropic",
            anthropicKey == null ? null : LlmConfig.anthropic(anthropicKey, anthropicModel)));
  }

  private static String envOr(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? otherwise : value;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void answersWithToolsStreamsAndResumesFromPostgres(String name, LlmConfig config) {
    assumeTrue(config != null, name + ": no API key in the environment");
    String thread = "live-" + name + "-" + System.nanoTime();
    try (PostgresStore store = PostgresStore.create(PG.dataSource(), KEYS);
        Cloudey cloudey = tenancy.cloudey(store, CloudeyAi.of(config))) {
      AssistantAnswer answer =
          cloudey.assistant().ask(thread, "What did we spend in October 2026, by service?");
      assertThat(answer.toolCalls()).extracting(ChatMessage.ToolCall::name).contains("query_costs");
      assertThat(answer.text()).containsAnyOf(tenancy.truth().currency(), "$");
    }
    List<AssistantEvent> events = new ArrayList<>();
    try (PostgresStore store = PostgresStore.create(PG.dataSource(), KEYS);
        Cloudey cloudey = tenancy.cloudey(store, CloudeyAi.of(config))) {
      cloudey.assistant().stream(thread, "Which compartments hold running instances?", events::add);
      assertThat(events.get(events.size() - 1)).isInstanceOf(AssistantEvent.FinalAnswer.class);
      assertThat(events).extracting(AssistantEvent::type).contains("token");
      assertThat(cloudey.assistant().findThread(thread).orElseThrow().messageCount())
          .isGreaterThanOrEqualTo(4);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void aWrongKeyIsAnAuthenticationError(String name, LlmConfig config) {
    assumeTrue(config != null, name + ": no API key in the environment");
    LlmConfig wrong = config.withApiKey("wrong-key-" + System.nanoTime());
    try (Cloudey cloudey = tenancy.cloudey(CloudeyAi.of(wrong))) {
      assertThatThrownBy(() -> cloudey.assistant().ask("live-wrong-key", "Hello?"))
          .isInstanceOf(CloudeyAuthException.class)
          .hasMessageStartingWith("the LLM provider refused the API key");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("providers")
  void usesTheViewToolsAndNarratesARunFaithfully(String name, LlmConfig config) {
    assumeTrue(config != null, name + ": no API key in the environment");
    try (Cloudey cloudey =
        tenancy.cloudey(
            CloudeyAi.of(config),
            app.cloudey.advisor.StandardRules.all().toArray(app.cloudey.spi.AdvisorRule[]::new))) {
      AssistantAnswer answer =
          cloudey
              .assistant()
              .ask(
                  "live-views-" + name + "-" + System.nanoTime(),
                  "What is this month's cost forecast, and which resources cost most in October"
                      + " 2026?");
      assertThat(answer.toolCalls())
          .extracting(ChatMessage.ToolCall::name)
          .containsAnyOf("cost_forecast", "cost_dashboard")
          .containsAnyOf("top_drivers", "query_costs", "detailed_costs");
      app.cloudey.model.RecommendationRun run = cloudey.recommendations().run();
      // core's check throws CloudeyNarrativeException when the model states an amount not in the
      // run
      assertThat(cloudey.recommendations().explain(run)).isNotBlank();
    }
  }
}
