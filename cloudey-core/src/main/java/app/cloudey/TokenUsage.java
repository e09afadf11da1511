package app.cloudey;

/**
 * Tokens the model read and wrote for one answer, summed over its tool rounds, as the provider
 * reported them (0 when it did not).
 */
public record TokenUsage(long inputTokens, long outputTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public TokenUsage {
    if (inputTokens < 0 || outputTokens < 0) {
      throw new CloudeyConfigException("token counts must not be negative");
    }
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
  }
}
