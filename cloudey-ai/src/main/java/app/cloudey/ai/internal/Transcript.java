package app.cloudey.ai.internal;

import app.cloudey.ChatMessage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;

/** Converts stored messages to LangChain4j's and back. */
final class Transcript {
  private Transcript() {}

  static List<dev.langchain4j.data.message.ChatMessage> toModel(List<ChatMessage> messages) {
    List<dev.langchain4j.data.message.ChatMessage> out = new ArrayList<>();
    for (ChatMessage m : messages) {
      switch (m.role()) {
        case USER -> out.add(UserMessage.from(m.text()));
        case ASSISTANT -> out.add(ai(m.text(), requests(m.toolCalls())));
        case TOOL ->
            out.add(ToolExecutionResultMessage.from(m.toolCallId(), m.toolName(), m.text()));
      }
    }
    return out;
  }

  static AiMessage ai(String text, List<ToolExecutionRequest> requests) {
    if (requests.isEmpty()) {
      return AiMessage.from(text);
    }
    return AiMessage.builder()
        .text(text.isBlank() ? null : text)
        .toolExecutionRequests(requests)
        .build();
  }

  static List<ToolExecutionRequest> requests(List<ChatMessage.ToolCall> calls) {
    return calls.stream()
        .map(
            c ->
                ToolExecutionRequest.builder()
                    .id(c.id())
                    .name(c.name())
                    .arguments(c.arguments())
                    .build())
        .toList();
  }

  static ChatMessage.ToolCall call(ToolExecutionRequest request) {
    return new ChatMessage.ToolCall(
        request.id() == null || request.id().isBlank() ? "call-" + request.name() : request.id(),
        request.name(),
        request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments());
  }

  /** A stored window made safe to send: it starts at a question, never at a tool call or result. */
  static List<ChatMessage> fromQuestion(List<ChatMessage> window) {
    for (int i = 0; i < window.size(); i++) {
      if (window.get(i).role() == ChatMessage.Role.USER) {
        return window.subList(i, window.size());
      }
    }
    return List.of();
  }

  /** Plain text of messages for the summariser; long tool results shortened. */
  static String plain(List<ChatMessage> messages) {
    StringBuilder out = new StringBuilder();
    for (ChatMessage m : messages) {
      switch (m.role()) {
        case USER -> out.append("User: ").append(m.text());
        case ASSISTANT -> {
          out.append("Assistant: ").append(m.text());
          m.toolCalls()
              .forEach(
                  c ->
                      out.append(" [called ")
                          .append(c.name())
                          .append(' ')
                          .append(c.arguments())
                          .append(']'));
        }
        case TOOL -> {
          String text = m.text().length() > 600 ? m.text().substring(0, 600) + "…" : m.text();
          out.append("Tool ").append(m.toolName()).append(": ").append(text);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
