package app.cloudey.testkit.llm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request a stub received, with the parts tests assert on read out of the provider's JSON.
 *
 * @param path the request path, e.g. {@code /v1/chat/completions}
 * @param headers request headers, names in lower case (first value of each)
 * @param body the raw body
 * @param model the model asked for
 * @param streaming true when the client asked for SSE
 * @param systemPrompt the system prompt (joined when sent in parts), empty when none
 * @param tools names of the tools offered, in order
 * @param messages the conversation sent, system prompt excluded
 */
public record RecordedRequest(
    String path,
    Map<String, String> headers,
    String body,
    String model,
    boolean streaming,
    String systemPrompt,
    List<String> tools,
    List<RecordedMessage> messages) {
  public RecordedRequest {
    headers = Map.copyOf(headers);
    tools = List.copyOf(tools);
    messages = List.copyOf(messages);
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
  }

  /** The tool results sent back to the model, in order. */
  public List<RecordedMessage> toolResults() {
    return messages.stream().filter(m -> m.role().equals("tool")).toList();
  }

  /** The tool calls of earlier assistant messages, in order. */
  public List<StubToolCall> toolCalls() {
    return messages.stream().flatMap(m -> m.toolCalls().stream()).toList();
  }

  /** The text of the last user message (the question being asked), empty when none. */
  public String lastUserText() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role().equals("user")) {
        return messages.get(i).text();
      }
    }
    return "";
  }
}
