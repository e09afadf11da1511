package app.cloudey.ai;

import app.cloudey.testkit.llm.AnthropicStubServer;
import app.cloudey.testkit.llm.OpenAiStubServer;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;

/** The real LangChain4j clients pointed at the test kit's stubs, without their own retries. */
final class StubModels {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private StubModels() {}

  static CloudeyAi openAi(OpenAiStubServer stub) {
    return openAi(stub, TIMEOUT);
  }

  static CloudeyAi openAi(OpenAiStubServer stub, Duration timeout) {
    return CloudeyAi.of(
        OpenAiChatModel.builder()
            .baseUrl(stub.baseUrl())
            .apiKey("sk-stub")
            .modelName("stub-gpt")
            .timeout(timeout)
            .maxRetries(0)
            .build(),
        OpenAiStreamingChatModel.builder()
            .baseUrl(stub.baseUrl())
            .apiKey("sk-stub")
            .modelName("stub-gpt")
            .timeout(timeout)
            .build());
  }

  static CloudeyAi anthropic(AnthropicStubServer stub) {
    return CloudeyAi.of(
        AnthropicChatModel.builder()
            .baseUrl(stub.baseUrl())
            .apiKey("stub-key")
            .modelName("stub-claude")
            .timeout(TIMEOUT)
            .maxRetries(0)
            .build(),
        AnthropicStreamingChatModel.builder()
            .baseUrl(stub.baseUrl())
            .apiKey("stub-key")
            .modelName("stub-claude")
            .timeout(TIMEOUT)
            .build());
  }

  /** Fast retries for tests: one retry after 10 ms. */
  static AssistantOptions fastRetries() {
    return AssistantOptions.ofDefaults()
        .withRetries(new AssistantOptions.Retries(1, Duration.ofMillis(10), Duration.ofMillis(10)));
  }
}
