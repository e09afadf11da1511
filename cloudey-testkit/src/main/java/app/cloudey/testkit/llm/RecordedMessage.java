package app.cloudey.testkit.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message of a recorded request, the same for both dialects.
 *
 * @param role {@code user}, {@code assistant} or {@code tool} (a tool result; Anthropic sends those
 *     as blocks of a user message, recorded here as one {@code tool} message each)
 * @param text the text (joined text blocks), empty when none
 * @param toolCalls tools an assistant message asked for
 * @param toolCallId the call a {@code tool} message answers
 */
public record RecordedMessage(
    String role, String text, List<StubToolCall> toolCalls, @Nullable String toolCallId) {
  public RecordedMessage {
    toolCalls = List.copyOf(toolCalls);
  }
}
