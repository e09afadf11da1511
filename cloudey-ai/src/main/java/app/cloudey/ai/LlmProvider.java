package app.cloudey.ai;

import app.cloudey.CloudeyConfigException;
import java.util.Locale;

/** The LLM providers {@link LlmConfig} can build models for. */
public enum LlmProvider {
  /** OpenAI's API (default base URL {@code https://api.openai.com/v1}). */
  OPENAI,
  /** Anthropic's Messages API (default base URL {@code https://api.anthropic.com/v1/}). */
  ANTHROPIC,
  /** Any server speaking OpenAI's chat completions API at a base URL: Ollama, vLLM, LM Studio. */
  OPENAI_COMPATIBLE;

  /** Parses {@code openai}, {@code anthropic}, {@code openai-compatible} (any case, - or _). */
  public static LlmProvider parse(String text) {
    if (text != null) {
      String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (LlmProvider provider : values()) {
        if (provider.name().equals(key)) {
          return provider;
        }
      }
    }
    throw new CloudeyConfigException(
        "LLM provider '"
            + text
            + "' is unknown; use openai, anthropic or openai-compatible (with a base URL)");
  }
}
