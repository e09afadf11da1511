package app.cloudey.ai;

import app.cloudey.Assistant;
import app.cloudey.CloudeyConfigException;
import app.cloudey.ai.internal.LangChainAssistant;
import app.cloudey.ai.internal.LangChainExplainer;
import app.cloudey.ai.internal.Providers;
import app.cloudey.spi.AssistantContext;
import app.cloudey.spi.AssistantFactory;
import app.cloudey.spi.Explainer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The LangChain4j assistant, as the value {@code Cloudey.builder().llm(...)} takes.
 *
 * <pre>{@code
 * Cloudey cloudey = Cloudey.builder()
 *     .oci(ociConfig)
 *     .store(postgresStore)
 *     .llm(CloudeyAi.of(chatModel, streamingChatModel))     // any LangChain4j models
 *     .build();
 * // or from a provider configuration:
 * .llm(CloudeyAi.of(LlmConfig.anthropic(apiKey, "claude-sonnet-4-5")))
 * }</pre>
 *
 * <p>{@link Assistant#ask} uses the chat model and {@link Assistant#stream} the streaming one;
 * given only one of them, both use it (a chat model "streams" its whole answer as one token). The
 * same models narrate recommendation runs: {@link #explainer()} is the advisor's {@link Explainer},
 * which the builder wires from {@code .llm(...)}, so {@code cloudey.recommendations().explain(run)}
 * works without further configuration. Models given here are shared by every account's assistant
 * and never closed by Cloudey. Immutable and thread-safe.
 */
public final class CloudeyAi implements AssistantFactory {
  private final @Nullable ChatModel chatModel;
  private final @Nullable StreamingChatModel streamingModel;
  private final AssistantOptions options;

  private CloudeyAi(
      @Nullable ChatModel chatModel,
      @Nullable StreamingChatModel streamingModel,
      AssistantOptions options) {
    if (chatModel == null && streamingModel == null) {
      throw new CloudeyConfigException(
          "give CloudeyAi a chat model, a streaming chat model or both");
    }
    if (options == null) {
      throw new CloudeyConfigException(
          "options must not be null (use AssistantOptions.ofDefaults())");
    }
    this.chatModel = chatModel;
    this.streamingModel = streamingModel;
    this.options = options;
  }

  public static CloudeyAi of(ChatModel chatModel, StreamingChatModel streamingChatModel) {
    require(chatModel, "chatModel");
    require(streamingChatModel, "streamingChatModel");
    return new CloudeyAi(chatModel, streamingChatModel, AssistantOptions.ofDefaults());
  }

  public static CloudeyAi of(ChatModel chatModel) {
    return new CloudeyAi(require(chatModel, "chatModel"), null, AssistantOptions.ofDefaults());
  }

  public static CloudeyAi of(StreamingChatModel streamingChatModel) {
    return new CloudeyAi(
        null, require(streamingChatModel, "streamingChatModel"), AssistantOptions.ofDefaults());
  }

  /** Builds the provider's chat and streaming models from the configuration. */
  public static CloudeyAi of(LlmConfig config) {
    require(config, "config");
    return new CloudeyAi(
        Providers.chatModel(config),
        Providers.streamingChatModel(config),
        AssistantOptions.ofDefaults());
  }

  /** The same models with other options. */
  public CloudeyAi withOptions(AssistantOptions newOptions) {
    return new CloudeyAi(chatModel, streamingModel, newOptions);
  }

  public AssistantOptions options() {
    return options;
  }

  @Override
  public Assistant create(AssistantContext context) {
    return new LangChainAssistant(context, chatModel, streamingModel, options);
  }

  /**
   * The executive summary of recommendation runs on these models (the chat model, else the
   * streaming one), with these options' retries. Core checks every amount it states against the
   * run.
   */
  @Override
  public Optional<Explainer> explainer() {
    return Optional.of(LangChainExplainer.of(chatModel, streamingModel, options));
  }

  private static <T> T require(@Nullable T value, String field) {
    if (value == null) {
      throw new CloudeyConfigException(field + " must not be null");
    }
    return value;
  }
}
