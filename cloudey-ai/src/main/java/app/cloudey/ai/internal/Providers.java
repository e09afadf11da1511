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
 * retries, see {@code AssistantOptions.Retries}).
 */
public final class Providers {
  /** OpenAI-compatible servers such as Ollama take any key; the client insists on one. */
  static final String NO_KEY = "no-key";

  private Providers() {}

  public static ChatModel chatModel(LlmConfig config) {
    return switch (config.provider()) {
      case OPENAI, OPENAI_COMPATIBLE -> {
        OpenAiChatModel.OpenAiChatModelBuilder b =
            OpenAiChatModel.builder()
                .apiKey(config.apiKey() == null ? NO_KEY : config.apiKey())
                .modelName(config.modelName())
                .timeout(config.timeout())
                .maxRetries(0);
        if (config.baseUrl() != null) {
          b.baseUrl(config.baseUrl());
        }
        if (config.temperature() != null) {
          b.temperature(config.temperature());
        }
        if (config.maxTokens() != null) {
          b.maxTokens(config.maxTokens());
        }
        yield b.build();
      }
      case ANTHROPIC -> {
        AnthropicChatModel.AnthropicChatModelBuilder b =
            AnthropicChatModel.builder()
                .apiKey(config.apiKey())
                .modelName(config.modelName())
                .timeout(config.timeout())
                .maxRetries(0);
        if (config.baseUrl() != null) {
          b.baseUrl(config.baseUrl());
        }
        if (config.temperature() != null) {
          b.temperature(config.temperature());
        }
        if (config.maxTokens() != null) {
          b.maxTokens(config.maxTokens());
        }
        yield b.build();
      }
    };
  }

  public static StreamingChatModel streamingChatModel(LlmConfig config) {
    return switch (config.provider()) {
      case OPENAI, OPENAI_COMPATIBLE -> {
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder b =
            OpenAiStreamingChatModel.builder()
                .apiKey(config.apiKey() == null ? NO_KEY : config.apiKey())
                .modelName(config.modelName())
                .timeout(config.timeout());
        if (config.baseUrl() != null) {
          b.baseUrl(config.baseUrl());
        }
        if (config.temperature() != null) {
          b.temperature(config.temperature());
        }
        if (config.maxTokens() != null) {
          b.maxTokens(config.maxTokens());
        }
        yield b.build();
      }
      case ANTHROPIC -> {
        AnthropicStreamingChatModel.AnthropicStreamingChatModelBuilder b =
            AnthropicStreamingChatModel.builder()
                .apiKey(config.apiKey())
                .modelName(config.modelName())
                .timeout(config.timeout());
        if (config.baseUrl() != null) {
          b.baseUrl(config.baseUrl());
        }
        if (config.temperature() != null) {
          b.temperature(config.temperature());
        }
        if (config.maxTokens() != null) {
          b.maxTokens(config.maxTokens());
        }
        yield b.build();
      }
    };
  }
}
