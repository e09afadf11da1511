package app.cloudey.ai;

import app.cloudey.CloudeyConfigException;
import java.time.Duration;

/**
 * How the assistant behaves, with published defaults.
 *
 * <pre>{@code
 * CloudeyAi.of(chatModel, streamingModel)
 *     .withOptions(AssistantOptions.ofDefaults().withMaxToolRounds(4).withSummarizeOlderTurns(true));
 * }</pre>
 *
 * @param maxToolRounds model responses with tool calls one question may have; one more ends the
 *     answer with a "too many tool rounds" error
 * @param memoryMessages stored messages of the thread given to the model with a question (the
 *     window starts at a question, so a tool call is never separated from its result)
 * @param summarizeOlderTurns when the messages after a thread's summary reach twice the window,
 *     summarise all but the last window of them with the model (one extra call after that answer)
 *     and give the summary with later questions
 * @param maxToolRows rows a tool lists at most (each tool says how many more there are); a tool
 *     argument asking for more is capped here
 * @param retries retries of a failed model call (429, 5xx, timeouts)
 * @param streamIdleTimeout how long a streamed answer may stay silent before it fails as a timeout
 */
public record AssistantOptions(
    int maxToolRounds,
    int memoryMessages,
    boolean summarizeOlderTurns,
    int maxToolRows,
    Retries retries,
    Duration streamIdleTimeout) {

  public static final int DEFAULT_MAX_TOOL_ROUNDS = 8;
  public static final int DEFAULT_MEMORY_MESSAGES = 40;
  public static final int DEFAULT_MAX_TOOL_ROWS = 25;
  public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(60);

  public AssistantOptions {
    atLeast(maxToolRounds, 1, "maxToolRounds");
    atLeast(memoryMessages, 2, "memoryMessages");
    atLeast(maxToolRows, 1, "maxToolRows");
    if (retries == null) {
      throw new CloudeyConfigException("retries must not be null (use Retries.NONE)");
    }
    if (streamIdleTimeout == null || streamIdleTimeout.isNegative() || streamIdleTimeout.isZero()) {
      throw new CloudeyConfigException("streamIdleTimeout must be a positive duration");
    }
  }

  public static AssistantOptions ofDefaults() {
    return new AssistantOptions(
        DEFAULT_MAX_TOOL_ROUNDS,
        DEFAULT_MEMORY_MESSAGES,
        false,
        DEFAULT_MAX_TOOL_ROWS,
        Retries.DEFAULT,
        DEFAULT_STREAM_IDLE_TIMEOUT);
  }

  public AssistantOptions withMaxToolRounds(int rounds) {
    return new AssistantOptions(
        rounds, memoryMessages, summarizeOlderTurns, maxToolRows, retries, streamIdleTimeout);
  }

  public AssistantOptions withMemoryMessages(int messages) {
    return new AssistantOptions(
        maxToolRounds, messages, summarizeOlderTurns, maxToolRows, retries, streamIdleTimeout);
  }

  public AssistantOptions withSummarizeOlderTurns(boolean summarize) {
    return new AssistantOptions(
        maxToolRounds, memoryMessages, summarize, maxToolRows, retries, streamIdleTimeout);
  }

  public AssistantOptions withMaxToolRows(int rows) {
    return new AssistantOptions(
        maxToolRounds, memoryMessages, summarizeOlderTurns, rows, retries, streamIdleTimeout);
  }

  public AssistantOptions withRetries(Retries newRetries) {
    return new AssistantOptions(
        maxToolRounds,
        memoryMessages,
        summarizeOlderTurns,
        maxToolRows,
        newRetries,
        streamIdleTimeout);
  }

  public AssistantOptions withStreamIdleTimeout(Duration timeout) {
    return new AssistantOptions(
        maxToolRounds, memoryMessages, summarizeOlderTurns, maxToolRows, retries, timeout);
  }

  /**
   * Retries of a model call that failed with 429, 5xx, a timeout or an unreachable provider: after
   * {@code initialBackoff}, doubling up to {@code maxBackoff}. A streamed call is retried only if
   * nothing of it was streamed yet. Other failures (401, 4xx) are not retried.
   */
  public record Retries(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    public static final Retries DEFAULT =
        new Retries(2, Duration.ofSeconds(1), Duration.ofSeconds(8));
    public static final Retries NONE = new Retries(0, Duration.ZERO, Duration.ZERO);

    public Retries {
      atLeast(maxRetries, 0, "maxRetries");
      if (initialBackoff == null
          || maxBackoff == null
          || initialBackoff.isNegative()
          || maxBackoff.compareTo(initialBackoff) < 0) {
        throw new CloudeyConfigException("need 0 <= initialBackoff <= maxBackoff");
      }
    }

    /** The wait before retry {@code attempt} (1 for the first retry). */
    public Duration backoff(int attempt) {
      Duration wait = initialBackoff;
      for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
        wait = wait.multipliedBy(2);
      }
      return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
  }

  private static void atLeast(int value, int min, String field) {
    if (value < min) {
      throw new CloudeyConfigException(field + " must be at least " + min + ", was " + value);
    }
  }
}
