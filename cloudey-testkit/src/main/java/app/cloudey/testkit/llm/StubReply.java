package app.cloudey.testkit.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What a stub answers to one request. Text is sent as one JSON response, or as SSE chunks (one per
 * word) when the client streams; tool calls as the dialect's tool-call request; failures as the
 * provider's error JSON with the given HTTP status.
 */
public sealed interface StubReply {

  /** An answer; streamed one word (with its following space) per chunk. */
  static StubReply text(String text) {
    return new Text(words(text), Duration.ZERO);
  }

  /** An answer streamed in exactly these chunks, pausing between them (for cancellation tests). */
  static StubReply chunks(Duration pause, String... chunks) {
    return new Text(Arrays.asList(chunks), pause);
  }

  /** A request for one tool. */
  static StubReply toolCall(String name, String argumentsJson) {
    return new ToolCalls(List.of(StubToolCall.of(name, argumentsJson)));
  }

  /** A request for several tools at once. */
  static StubReply toolCalls(StubToolCall... calls) {
    return new ToolCalls(Arrays.asList(calls));
  }

  /** An error response, e.g. {@code failure(429, "Rate limit reached")}. */
  static StubReply failure(int status, String message) {
    return new Failure(status, message);
  }

  /** {@code reply}, after waiting {@code delay} before sending anything (for timeouts). */
  static StubReply delayed(Duration delay, StubReply reply) {
    return new Delayed(delay, reply);
  }

  /** A reply computed from the request, e.g. an answer quoting the tool result sent back. */
  static StubReply computed(Function<RecordedRequest, StubReply> reply) {
    return new Computed(reply);
  }

  record Text(List<String> chunks, Duration pause) implements StubReply {
    public Text {
      chunks = List.copyOf(chunks);
    }

    public String text() {
      return String.join("", chunks);
    }
  }

  record ToolCalls(List<StubToolCall> calls) implements StubReply {
    public ToolCalls {
      calls = List.copyOf(calls);
      if (calls.isEmpty()) {
        throw new IllegalArgumentException("script at least one tool call");
      }
    }
  }

  record Failure(int status, String message) implements StubReply {}

  record Delayed(Duration delay, StubReply reply) implements StubReply {}

  record Computed(Function<RecordedRequest, StubReply> reply) implements StubReply {}

  private static List<String> words(String text) {
    List<String> chunks = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ') {
        chunks.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      chunks.add(text.substring(start));
    }
    return chunks;
  }
}
