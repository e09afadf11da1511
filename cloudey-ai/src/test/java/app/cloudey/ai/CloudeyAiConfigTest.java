package app.cloudey.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Provider configuration and options refuse what cannot work, with messages that say the fix. */
class CloudeyAiConfigTest {

  @Test
  void providersAreChosenByConfigurationAndBuildTheirModels() {
    assertThat(LlmProvider.parse("openai-compatible")).isEqualTo(LlmProvider.OPENAI_COMPATIBLE);
    assertThat(LlmProvider.parse(" Anthropic ")).isEqualTo(LlmProvider.ANTHROPIC);
    assertThatThrownBy(() -> LlmProvider.parse("gemini"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("use openai, anthropic or openai-compatible");
    // building the models makes no network call
    assertThat(CloudeyAi.of(LlmConfig.openAi("sk-test", "gpt-4.1-mini")).options())
        .isEqualTo(AssistantOptions.ofDefaults());
    assertThat(CloudeyAi.of(LlmConfig.anthropic("key", "claude-sonnet-4-5"))).isNotNull();
    assertThat(CloudeyAi.of(LlmConfig.openAiCompatible("http://localhost:11434/v1", "llama3.1")))
        .isNotNull();
  }

  @Test
  void aConfigurationThatCannotWorkIsRefused() {
    assertThatThrownBy(() -> LlmConfig.openAi(" ", "gpt-4.1-mini"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("an API key is required for OPENAI");
    assertThatThrownBy(() -> LlmConfig.openAiCompatible("localhost:11434", "llama3.1"))
        .hasMessageContaining("baseUrl must start with http:// or https://");
    assertThatThrownBy(() -> LlmConfig.openAi("k", "m").withTimeout(Duration.ZERO))
        .hasMessageContaining("timeout must be a positive duration");
    assertThat(LlmConfig.anthropic("secret-key", "claude").toString())
        .doesNotContain("secret-key")
        .contains("apiKey=<redacted>");
  }

  @Test
  void optionsAreCheckedAndHaveDefaults() {
    AssistantOptions defaults = AssistantOptions.ofDefaults();
    assertThat(defaults.maxToolRounds()).isEqualTo(AssistantOptions.DEFAULT_MAX_TOOL_ROUNDS);
    assertThat(defaults.summarizeOlderTurns()).isFalse();
    assertThat(defaults.withMaxToolRounds(3).maxToolRounds()).isEqualTo(3);
    assertThatThrownBy(() -> defaults.withMaxToolRounds(0))
        .hasMessage("maxToolRounds must be at least 1, was 0");
    assertThatThrownBy(() -> defaults.withMemoryMessages(1))
        .hasMessage("memoryMessages must be at least 2, was 1");
  }
}
