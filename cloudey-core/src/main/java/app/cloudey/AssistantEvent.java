package app.cloudey;

/**
 * What {@link Assistant#stream} reports, in order: {@link Token}s of the answer as the model writes
 * them, a {@link ToolCall} and its {@link ToolResult} for every tool the model uses (tokens may
 * come before and between them), then exactly one {@link FinalAnswer} or one {@link Error}.
 *
 * <p>{@link #type()} names each event as the example server's SSE stream does ({@code token},
 * {@code tool_call}, {@code tool_result}, {@code done}, {@code error}).
 */
public sealed interface AssistantEvent {

  /** The event's name on an SSE stream. */
  String type();

  /** A piece of the answer's text. */
  record Token(String text) implements AssistantEvent {
    @Override
    public String type() {
      return "token";
    }
  }

  /**
   * The model asked for a tool.
   *
   * @param id the call's id, repeated by its {@link ToolResult}
   * @param name the tool
   * @param arguments the arguments as the model sent them (JSON)
   */
  record ToolCall(String id, String name, String arguments) implements AssistantEvent {
    @Override
    public String type() {
      return "tool_call";
    }
  }

  /**
   * A tool ran.
   *
   * @param id the call's id
   * @param name the tool
   * @param summary the first line of what the tool returned to the model (its headline), or the
   *     error's message
   * @param error true when the tool failed; the model is told and the answer goes on
   */
  record ToolResult(String id, String name, String summary, boolean error)
      implements AssistantEvent {
    @Override
    public String type() {
      return "tool_result";
    }
  }

  /**
   * The complete answer, stored in the thread with every tool call and result before this event.
   *
   * @param threadId the thread
   * @param text the answer
   * @param usage tokens used over every model call of the answer
   * @param toolCalls how many tools ran
   */
  record FinalAnswer(String threadId, String text, TokenUsage usage, int toolCalls)
      implements AssistantEvent {
    @Override
    public String type() {
      return "done";
    }
  }

  /**
   * The answer failed; nothing of it was stored.
   *
   * @param kind what went wrong, for the caller to decide what to do
   * @param message what happened and what to do, fit to show a user
   */
  record Error(ErrorKind kind, String message) implements AssistantEvent {
    @Override
    public String type() {
      return "error";
    }
  }

  /** Why an answer failed. */
  enum ErrorKind {
    /** The LLM provider refused the API key (401/403). */
    AUTHENTICATION,
    /** The provider rate-limited us (429) after the configured retries. */
    RATE_LIMITED,
    /** The provider did not answer in time. */
    TIMEOUT,
    /** The provider failed (5xx) after the configured retries, or could not be reached. */
    PROVIDER_UNAVAILABLE,
    /** The provider rejected the request (4xx other than the above), or the input was invalid. */
    INVALID_REQUEST,
    /** The model kept asking for tools beyond the cap on tool rounds per question. */
    TOO_MANY_TOOL_ROUNDS,
    /** The caller went away (interrupted) before the answer was complete. */
    CANCELLED,
    /** Cloudey's store failed (e.g. the conversation could not be saved). */
    STORE_FAILURE,
    /** Anything else. */
    INTERNAL
  }
}
