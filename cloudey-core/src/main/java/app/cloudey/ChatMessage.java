package app.cloudey;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message of an assistant conversation: a user's question, the assistant's answer or request
 * for tools, or a tool's result. Tool calls and results are kept so that a thread resumes in
 * another process exactly as the model saw it.
 *
 * @param seq position in the thread, 1 for the first message; 0 until a {@link
 *     app.cloudey.spi.ConversationStore} stores it
 * @param role who wrote it
 * @param text the question, the answer (may be empty when the assistant only calls tools) or the
 *     tool's result
 * @param toolCalls tools the assistant asked for (only on {@link Role#ASSISTANT} messages)
 * @param toolCallId the call a {@link Role#TOOL} message answers; null otherwise
 * @param toolName the tool a {@link Role#TOOL} message comes from; null otherwise
 * @param createdAt when it was written
 */
public record ChatMessage(
    long seq,
    Role role,
    String text,
    List<ToolCall> toolCalls,
    @Nullable String toolCallId,
    @Nullable String toolName,
    Instant createdAt) {

  /** Who wrote a message. */
  public enum Role {
    USER,
    ASSISTANT,
    TOOL
  }

  /**
   * A tool the assistant asked for.
   *
   * @param id the provider's id of the call, echoed by the tool's result
   * @param name the tool's name
   * @param arguments the arguments as the model sent them (JSON)
   */
  public record ToolCall(String id, String name, String arguments) {
    public ToolCall {
      requireText(id, "tool call id");
      requireText(name, "tool call name");
      if (arguments == null) {
        throw new CloudeyConfigException("tool call arguments must not be null (use \"{}\")");
      }
    }
  }

  public ChatMessage {
    if (seq < 0) {
      throw new CloudeyConfigException("seq must not be negative, was " + seq);
    }
    if (role == null) {
      throw new CloudeyConfigException("role must not be null");
    }
    if (text == null) {
      throw new CloudeyConfigException("text must not be null");
    }
    if (toolCalls == null) {
      throw new CloudeyConfigException("toolCalls must not be null");
    }
    toolCalls = List.copyOf(toolCalls);
    if (createdAt == null) {
      throw new CloudeyConfigException("createdAt must not be null");
    }
    switch (role) {
      case USER -> {
        requireText(text, "a user message's text");
        requireAbsent(toolCalls.isEmpty(), toolCallId, toolName, "a user message");
      }
      case ASSISTANT -> {
        if (text.isBlank() && toolCalls.isEmpty()) {
          throw new CloudeyConfigException("an assistant message needs text or tool calls");
        }
        requireAbsent(true, toolCallId, toolName, "an assistant message");
      }
      case TOOL -> {
        requireText(toolCallId, "a tool message's toolCallId");
        requireText(toolName, "a tool message's toolName");
        if (!toolCalls.isEmpty()) {
          throw new CloudeyConfigException("a tool message cannot call tools");
        }
      }
    }
  }

  /** A user's question, not yet stored. */
  public static ChatMessage user(String text, Instant at) {
    return new ChatMessage(0, Role.USER, text, List.of(), null, null, at);
  }

  /** The assistant's answer or request for tools, not yet stored. */
  public static ChatMessage assistant(String text, List<ToolCall> toolCalls, Instant at) {
    return new ChatMessage(0, Role.ASSISTANT, text, toolCalls, null, null, at);
  }

  /** A tool's result for the call {@code toolCallId}, not yet stored. */
  public static ChatMessage toolResult(
      String toolCallId, String toolName, String text, Instant at) {
    return new ChatMessage(0, Role.TOOL, text, List.of(), toolCallId, toolName, at);
  }

  /** This message at position {@code newSeq} (what a store returns). */
  public ChatMessage withSeq(long newSeq) {
    return new ChatMessage(newSeq, role, text, toolCalls, toolCallId, toolName, createdAt);
  }

  private static void requireText(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new CloudeyConfigException(field + " must not be null or blank");
    }
  }

  private static void requireAbsent(
      boolean noCalls, @Nullable String toolCallId, @Nullable String toolName, String what) {
    if (!noCalls || toolCallId != null || toolName != null) {
      throw new CloudeyConfigException(what + " carries no tool calls, toolCallId or toolName");
    }
  }
}
