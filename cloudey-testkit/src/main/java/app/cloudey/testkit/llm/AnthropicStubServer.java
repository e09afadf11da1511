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
 * A local stand-in for the Anthropic Messages API ({@code POST /v1/messages}). Give {@link
 * #baseUrl()} to {@code AnthropicChatModel.builder().baseUrl(...)} or {@code
 * AnthropicStreamingChatModel}. Streaming requests get the API's named SSE events ({@code
 * message_start}, {@code content_block_start}, {@code content_block_delta} with {@code text_delta}
 * or {@code input_json_delta}, {@code content_block_stop}, {@code message_delta}, {@code
 * message_stop}).
 */
public final class AnthropicStubServer extends LlmStubServer {

  private AnthropicStubServer() {}

  /** Starts a stub on a free loopback port. */
  public static AnthropicStubServer start() {
    return new AnthropicStubServer();
  }

  /** {@code http://127.0.0.1:PORT/v1/}. */
  @Override
  public String baseUrl() {
    return rootUrl() + "/v1/";
  }

  @Override
  protected String endpointPath() {
    return "/v1/messages";
  }

  @Override
  protected String callIdPrefix() {
    return "toolu_";
  }

  @Override
  protected RecordedRequest record(
      String path, Map<String, String> headers, String body, JsonNode json) {
    List<RecordedMessage> messages = new ArrayList<>();
    for (JsonNode message : json.path("messages")) {
      String role = message.path("role").asText();
      JsonNode content = message.get("content");
      if (content == null || content.isTextual()) {
        messages.add(new RecordedMessage(role, text(content), List.of(), null));
        continue;
      }
      StringBuilder text = new StringBuilder();
      List<StubToolCall> calls = new ArrayList<>();
      for (JsonNode block : content) {
        switch (block.path("type").asText()) {
          case "text" -> text.append(block.path("text").asText());
          case "tool_use" ->
              calls.add(
                  new StubToolCall(
                      block.path("id").asText(),
                      block.path("name").asText(),
                      block.path("input").toString()));
          case "tool_result" ->
              messages.add(
                  new RecordedMessage(
                      "tool",
                      text(block.get("content")),
                      List.of(),
                      block.path("tool_use_id").asText()));
          default -> {
            // images, thinking: not recorded
          }
        }
      }
      if (text.length() > 0 || !calls.isEmpty()) {
        messages.add(new RecordedMessage(role, text.toString(), calls, null));
      }
    }
    List<String> tools = new ArrayList<>();
    json.path("tools").forEach(tool -> tools.add(tool.path("name").asText()));
    return new RecordedRequest(
        path,
        headers,
        body,
        json.path("model").asText(),
        json.path("stream").asBoolean(false),
        text(json.get("system")),
        tools,
        messages);
  }

  @Override
  protected String errorBody(int status, String message) {
    ObjectNode error = object().put("type", "error");
    error
        .putObject("error")
        .put(
            "type",
            switch (status) {
              case 401 -> "authentication_error";
              case 403 -> "permission_error";
              case 404 -> "not_found_error";
              case 429 -> "rate_limit_error";
              case 529 -> "overloaded_error";
              default -> status >= 500 ? "api_error" : "invalid_request_error";
            })
        .put("message", message);
    return error.toString();
  }

  @Override
  protected String response(
      RecordedRequest request, StubReply.@Nullable Text text, List<StubToolCall> calls) {
    ObjectNode root = message(request);
    ArrayNode content = root.putArray("content");
    if (text != null) {
      content.addObject().put("type", "text").put("text", text.text());
    }
    for (StubToolCall call : calls) {
      content
          .addObject()
          .put("type", "tool_use")
          .put("id", call.id())
          .put("name", call.name())
          .set("input", parse(call.arguments()));
    }
    root.put("stop_reason", text != null ? "end_turn" : "tool_use").putNull("stop_sequence");
    root.putObject("usage").put("input_tokens", inputTokens()).put("output_tokens", outputTokens());
    return root.toString();
  }

  @Override
  protected void stream(
      RecordedRequest request, StubReply.@Nullable Text text, List<StubToolCall> calls, Sse out)
      throws IOException {
    ObjectNode start = object().put("type", "message_start");
    ObjectNode message = message(request);
    message.putArray("content");
    message.putNull("stop_reason").putNull("stop_sequence");
    message.putObject("usage").put("input_tokens", inputTokens()).put("output_tokens", 1);
    start.set("message", message);
    out.event("message_start", start.toString());
    int index = 0;
    if (text != null) {
      ObjectNode blockStart = object().put("type", "content_block_start").put("index", index);
      blockStart.putObject("content_block").put("type", "text").put("text", "");
      out.event("content_block_start", blockStart.toString());
      for (String piece : text.chunks()) {
        out.pause();
        ObjectNode delta = object().put("type", "content_block_delta").put("index", index);
        delta.putObject("delta").put("type", "text_delta").put("text", piece);
        out.event("content_block_delta", delta.toString());
      }
      out.event(
          "content_block_stop",
          object().put("type", "content_block_stop").put("index", index).toString());
      index++;
    }
    for (StubToolCall call : calls) {
      ObjectNode blockStart = object().put("type", "content_block_start").put("index", index);
      ObjectNode block =
          blockStart
              .putObject("content_block")
              .put("type", "tool_use")
              .put("id", call.id())
              .put("name", call.name());
      block.putObject("input");
      out.event("content_block_start", blockStart.toString());
      for (String part : OpenAiStubServer.halves(call.arguments())) {
        ObjectNode delta = object().put("type", "content_block_delta").put("index", index);
        delta.putObject("delta").put("type", "input_json_delta").put("partial_json", part);
        out.event("content_block_delta", delta.toString());
      }
      out.event(
          "content_block_stop",
          object().put("type", "content_block_stop").put("index", index).toString());
      index++;
    }
    ObjectNode delta = object().put("type", "message_delta");
    delta
        .putObject("delta")
        .put("stop_reason", text != null ? "end_turn" : "tool_use")
        .putNull("stop_sequence");
    delta.putObject("usage").put("output_tokens", outputTokens());
    out.event("message_delta", delta.toString());
    out.event("message_stop", object().put("type", "message_stop").toString());
  }

  private ObjectNode message(RecordedRequest request) {
    return object()
        .put("id", nextResponseId("msg_stub_"))
        .put("type", "message")
        .put("role", "assistant")
        .put("model", request.model());
  }
}
