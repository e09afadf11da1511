package app.cloudey.ai;

import app.cloudey.CloudeyConfigException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A provider configuration from which {@link CloudeyAi#of(LlmConfig)} builds the LangChain4j chat
 * models: the host application reads its own configuration (environment, files) and passes the
 * values; Cloudey never reads environment variables.
 *
 * <pre>{@code
 * LlmConfig.openAi(apiKey, "gpt-4.1-mini")
 * LlmConfig.anthropic(apiKey, "claude-sonnet-4-5").withTimeout(Duration.ofSeconds(90))
 * LlmConfig.openAiCompatible("http://localhost:11434/v1", "llama3.1")   // Ollama
 * }</pre>
 *
 * <p>Retries are Cloudey's ({@link AssistantOptions.Retries}); the models are built without their
 * own, so a failed call is retried once per policy, streamed or not.
 *
 * @param provider which API
 * @param modelName the provider's model name
 * @param apiKey the API key; may be null only for {@link LlmProvider#OPENAI_COMPATIBLE}
 * @param baseUrl the API's base URL; null for the provider's default (required for {@link
 *     LlmProvider#OPENAI_COMPATIBLE})
 * @param timeout connect and read timeout of each HTTP call
 * @param temperature sampling temperature, null for the provider's default
 * @param maxTokens most tokens of one response, null for the default (Anthropic: 1024)
 */
public record LlmConfig(
    LlmProvider provider,
    String modelName,
    @Nullable String apiKey,
    @Nullable String baseUrl,
    Duration timeout,
    @Nullable Double temperature,
    @Nullable Integer maxTokens) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public LlmConfig {
    if (provider == null) {
      throw new CloudeyConfigException("provider must not be null");
    }
    if (modelName == null || modelName.isBlank()) {
      throw new CloudeyConfigException("modelName must not be blank");
    }
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.trim();
    if (apiKey == null && provider != LlmProvider.OPENAI_COMPATIBLE) {
      throw new CloudeyConfigException(
          "an API key is required for "
              + provider
              + ": pass the key your application read from its configuration");
    }
    if (baseUrl == null && provider == LlmProvider.OPENAI_COMPATIBLE) {
      throw new CloudeyConfigException(
          "an OpenAI-compatible provider needs its base URL, e.g. http://localhost:11434/v1");
    }
    if (baseUrl != null && !baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new CloudeyConfigException(
          "baseUrl must start with http:// or https://, was " + baseUrl);
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new CloudeyConfigException("timeout must be a positive duration");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new CloudeyConfigException("maxTokens must be at least 1, was " + maxTokens);
    }
  }

  public static LlmConfig openAi(String apiKey, String modelName) {
    return new LlmConfig(LlmProvider.OPENAI, modelName, apiKey, null, DEFAULT_TIMEOUT, null, null);
  }

  public static LlmConfig anthropic(String apiKey, String modelName) {
    return new LlmConfig(
        LlmProvider.ANTHROPIC, modelName, apiKey, null, DEFAULT_TIMEOUT, null, null);
  }

  /** An OpenAI-compatible server (Ollama, vLLM, LM Studio); add a key with {@link #withApiKey}. */
  public static LlmConfig openAiCompatible(String baseUrl, String modelName) {
    return new LlmConfig(
        LlmProvider.OPENAI_COMPATIBLE, modelName, null, baseUrl, DEFAULT_TIMEOUT, null, null);
  }

  public LlmConfig withApiKey(String key) {
    return new LlmConfig(provider, modelName, key, baseUrl, timeout, temperature, maxTokens);
  }

  public LlmConfig withBaseUrl(String url) {
    return new LlmConfig(provider, modelName, apiKey, url, timeout, temperature, maxTokens);
  }

  public LlmConfig withTimeout(Duration newTimeout) {
    return new LlmConfig(provider, modelName, apiKey, baseUrl, newTimeout, temperature, maxTokens);
  }

  public LlmConfig withTemperature(double newTemperature) {
    return new LlmConfig(provider, modelName, apiKey, baseUrl, timeout, newTemperature, maxTokens);
  }

  public LlmConfig withMaxTokens(int newMaxTokens) {
    return new LlmConfig(provider, modelName, apiKey, baseUrl, timeout, temperature, newMaxTokens);
  }

  /** Never prints the API key. */
  @Override
  public String toString() {
    return "LlmConfig["
        + provider
        + ", "
        + modelName
        + (baseUrl == null ? "" : ", " + baseUrl)
        + ", apiKey="
        + (apiKey == null ? "none" : "<redacted>")
        + ", timeout="
        + timeout
        + "]";
  }
}
