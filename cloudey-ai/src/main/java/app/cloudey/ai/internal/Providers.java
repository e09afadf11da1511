package app.cloudey.ai.internal;

import app.cloudey.ai.LlmConfig;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * Builds the LangChain4j models of an {@link LlmConfig}, without their own retries (Cloudey
 * retries, see {@code AssistantOptions.Retries}). Unset options stay null: the LangChain4j builders
 * read a null base URL, temperature or token cap as "use the provider's default".
 */
public final class Providers {
  /** OpenAI-compatible servers such as Ollama take any key; the client insists on one. */
  static final String NO_KEY = "no-key";

  private Providers() {}

  public static ChatModel chatModel(LlmConfig config) {
    return switch (config.provider()) {
      case OPENAI, OPENAI_COMPATIBLE ->
          OpenAiChatModel.builder()
              .apiKey(openAiKey(config))
              .baseUrl(config.baseUrl())
              .modelName(config.modelName())
              .temperature(config.temperature())
              .maxTokens(config.maxTokens())
              .timeout(config.timeout())
              .maxRetries(0)
              .build();
      case ANTHROPIC ->
          AnthropicChatModel.builder()
              .apiKey(config.apiKey())
              .baseUrl(config.baseUrl())
              .modelName(config.modelName())
              .temperature(config.temperature())
              .maxTokens(config.maxTokens())
              .timeout(config.timeout())
              .maxRetries(0)
              .build();
    };
  }

  public static StreamingChatModel streamingChatModel(LlmConfig config) {
    return switch (config.provider()) {
      case OPENAI, OPENAI_COMPATIBLE ->
          OpenAiStreamingChatModel.builder()
              .apiKey(openAiKey(config))
              .baseUrl(config.baseUrl())
              .modelName(config.modelName())
              .temperature(config.temperature())
              .maxTokens(config.maxTokens())
              .timeout(config.timeout())
              .build();
      case ANTHROPIC ->
          AnthropicStreamingChatModel.builder()
              .apiKey(config.apiKey())
              .baseUrl(config.baseUrl())
              .modelName(config.modelName())
              .temperature(config.temperature())
              .maxTokens(config.maxTokens())
              .timeout(config.timeout())
              .build();
    };
  }

  private static String openAiKey(LlmConfig config) {
    return config.apiKey() == null ? NO_KEY : config.apiKey();
  }
}
