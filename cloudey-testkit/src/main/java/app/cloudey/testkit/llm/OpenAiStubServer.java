package app.cloudey.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for the OpenAI chat completions API ({@code POST /v1/chat/completions}), and so
 * for any OpenAI-compatible endpoint (Ollama, vLLM, LM Studio). Give {@link #baseUrl()} to {@code
 * OpenAiChatModel.builder().baseUrl(...)} or {@code OpenAiStreamingChatModel}. Streaming requests
 * get {@code chat.completion.chunk} SSE events ending with {@code [DONE]}, usage included.
 */
public final class OpenAiStubServer extends LlmStubServer {
  private static final long CREATED = 1_767_225_600L; // a fixed time keeps responses identical

  private OpenAiStubServer() {}

  /** Starts a stub on a free loopback port. */
  public static OpenAiStubServer start() {
    return new OpenAiStubServer();
  }

  /** {@code http://127.0.0.1:PORT/v1}. */
  @Override
  public String baseUrl() {
    return rootUrl() + "/v1";
  }

  @Override
  protected String endpointPath() {
    return "/v1/chat/completions";
  }

  @Override
  protected String callIdPrefix() {
    return "call_";
  }

  @Override
  protected RecordedRequest record(
      String path, Map<String, String> headers, String body, JsonNode json) {
    StringBuilder system = new StringBuilder();
    List<RecordedMessage> messages = new ArrayList<>();
    for (JsonNode message : json.path("messages")) {
      String role = message.path("role").asText();
      String text = text(message.get("content"));
      switch (role) {
        case "system", "developer" -> system.append(system.length() == 0 ? "" : "\n").append(text);
        case "tool" ->
            messages.add(
                new RecordedMessage(
                    "tool", text, List.of(), message.path("tool_call_id").asText()));
        default -> {
          List<StubToolCall> calls = new ArrayList<>();
          for (JsonNode call : message.path("tool_calls")) {
            calls.add(
                new StubToolCall(
                    call.path("id").asText(),
                    call.path("function").path("name").asText(),
                    call.path("function").path("arguments").asText()));
          }
          messages.add(new RecordedMessage(role, text, calls, null));
        }
      }
    }
    List<String> tools = new ArrayList<>();
    json.path("tools").forEach(tool -> tools.add(tool.path("function").path("name").asText()));
    return new RecordedRequest(
        path,
        headers,
        body,
        json.path("model").asText(),
        json.path("stream").asBoolean(false),
        system.toString(),
        tools,
        messages);
  }

  @Override
  protected String errorBody(int status, String message) {
    ObjectNode error = object();
    error
        .putObject("error")
        .put("message", message)
        .put(
            "type",
            status == 429
                ? "rate_limit_exceeded"
                : status >= 500 ? "server_error" : "invalid_request_error")
        .putNull("code");
    return error.toString();
  }

  @Override
  protected String response(
      RecordedRequest request, StubReply.@Nullable Text text, List<StubToolCall> calls) {
    ObjectNode root = object();
    root.put("id", nextResponseId("chatcmpl-stub-"))
        .put("object", "chat.completion")
        .put("created", CREATED)
        .put("model", request.model());
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (text != null) {
      message.put("content", text.text());
    } else {
      message.putNull("content");
      ArrayNode toolCalls = message.putArray("tool_calls");
      for (StubToolCall call : calls) {
        ObjectNode c = toolCalls.addObject().put("id", call.id()).put("type", "function");
        c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
      }
    }
    choice.put("finish_reason", text != null ? "stop" : "tool_calls");
    usage(root);
    return root.toString();
  }

  @Override
  protected void stream(
      RecordedRequest request, StubReply.@Nullable Text text, List<StubToolCall> calls, Sse out)
      throws IOException {
    String id = nextResponseId("chatcmpl-stub-");
    ObjectNode first = chunk(id, request);
    ObjectNode firstChoice = first.putArray("choices").addObject().put("index", 0);
    firstChoice.putObject("delta").put("role", "assistant").put("content", "");
    firstChoice.putNull("finish_reason");
    out.data(first.toString());
    if (text != null) {
      for (String piece : text.chunks()) {
        out.pause();
        ObjectNode chunk = chunk(id, request);
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.putObject("delta").put("content", piece);
        choice.putNull("finish_reason");
        out.data(chunk.toString());
      }
    }
    for (int i = 0; i < calls.size(); i++) {
      StubToolCall call = calls.get(i);
      ObjectNode start = chunk(id, request);
      ObjectNode startCall =
          start
              .putArray("choices")
              .addObject()
              .put("index", 0)
              .putObject("delta")
              .putArray("tool_calls")
              .addObject();
      startCall.put("index", i).put("id", call.id()).put("type", "function");
      startCall.putObject("function").put("name", call.name()).put("arguments", "");
      out.data(start.toString());
      for (String part : halves(call.arguments())) {
        ObjectNode args = chunk(id, request);
        ObjectNode argCall =
            args.putArray("choices")
                .addObject()
                .put("index", 0)
                .putObject("delta")
                .putArray("tool_calls")
                .addObject();
        argCall.put("index", i).putObject("function").put("arguments", part);
        out.data(args.toString());
      }
    }
    ObjectNode finish = chunk(id, request);
    ObjectNode finishChoice = finish.putArray("choices").addObject().put("index", 0);
    finishChoice.putObject("delta");
    finishChoice.put("finish_reason", text != null ? "stop" : "tool_calls");
    out.data(finish.toString());
    ObjectNode usage = chunk(id, request);
    usage.putArray("choices");
    usage(usage);
    out.data(usage.toString());
    out.data("[DONE]");
  }

  private static ObjectNode chunk(String id, RecordedRequest request) {
    ObjectNode chunk = object();
    chunk
        .put("id", id)
        .put("object", "chat.completion.chunk")
        .put("created", CREATED)
        .put("model", request.model());
    return chunk;
  }

  private void usage(ObjectNode root) {
    root.putObject("usage")
        .put("prompt_tokens", inputTokens())
        .put("completion_tokens", outputTokens())
        .put("total_tokens", inputTokens() + outputTokens());
  }

  /** Arguments sent in two pieces, as providers split them. */
  static List<String> halves(String arguments) {
    int middle = arguments.length() / 2;
    return middle == 0
        ? List.of(arguments)
        : List.of(arguments.substring(0, middle), arguments.substring(middle));
  }
}
