package app.cloudey;

import java.util.List;

/**
 * The result of {@link Assistant#ask}.
 *
 * @param threadId the thread the question and answer were stored in
 * @param text the answer
 * @param toolCalls the tools the model used, in order
 * @param usage tokens used over every model call of the answer
 */
public record AssistantAnswer(
    String threadId, String text, List<ChatMessage.ToolCall> toolCalls, TokenUsage usage) {
  public AssistantAnswer {
    if (threadId == null || text == null || toolCalls == null || usage == null) {
      throw new CloudeyConfigException("threadId, text, toolCalls and usage must not be null");
    }
    toolCalls = List.copyOf(toolCalls);
  }
}
