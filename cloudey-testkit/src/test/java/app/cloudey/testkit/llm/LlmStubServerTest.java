package app.cloudey.testkit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stubs over plain HTTP (no LLM client): what they record from each dialect's request, what
 * they answer, and how they say that the script is empty or the path is wrong.
 */
class LlmStubServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> post(LlmStubServer stub, String path, String body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(stub.rootUrl() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer sk-test")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void openAiRequestsAreRecordedAndToolCallsAnswered() throws Exception {
    try (OpenAiStubServer stub = OpenAiStubServer.start()) {
      stub.enqueue(StubReply.toolCall("query_costs", "{\"period\":\"last_month\"}"));
      HttpResponse<String> response =
          post(
              stub,
              "/v1/chat/completions",
              """
              {"model":"m","messages":[
                {"role":"system","content":"Be brief."},
                {"role":"user","content":[{"type":"text","text":"Spend?"}]},
                {"role":"assistant","content":null,"tool_calls":[{"id":"c0","type":"function",
                  "function":{"name":"list_compartments","arguments":"{}"}}]},
                {"role":"tool","tool_call_id":"c0","content":"4 compartments"}],
               "tools":[{"type":"function","function":{"name":"query_costs"}}]}
              """);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("\"finish_reason\":\"tool_calls\"")
          .contains("\"id\":\"call_1\"")
          .contains("\"arguments\":\"{\\\"period\\\":\\\"last_month\\\"}\"")
          .contains("\"prompt_tokens\":100");
      RecordedRequest recorded = stub.lastRequest();
      assertThat(recorded.systemPrompt()).isEqualTo("Be brief.");
      assertThat(recorded.lastUserText()).isEqualTo("Spend?");
      assertThat(recorded.tools()).containsExactly("query_costs");
      assertThat(recorded.toolCalls())
          .containsExactly(new StubToolCall("c0", "list_compartments", "{}"));
      assertThat(recorded.toolResults())
          .containsExactly(new RecordedMessage("tool", "4 compartments", List.of(), "c0"));
      assertThat(recorded.header("Authorization")).contains("Bearer sk-test");
    }
  }

  @Test
  void openAiStreamsTextAsChunksEndingWithDone() throws Exception {
    try (OpenAiStubServer stub = OpenAiStubServer.start()) {
      stub.enqueue(StubReply.text("Two words"));
      HttpResponse<String> response =
          post(stub, "/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":[]}");
      assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
      assertThat(response.body())
          .contains("\"delta\":{\"content\":\"Two \"}")
          .contains("\"delta\":{\"content\":\"words\"}")
          .contains("\"finish_reason\":\"stop\"")
          .endsWith("data: [DONE]\n\n");
    }
  }

  @Test
  void anthropicRequestsAreRecordedAndStreamedAsNamedEvents() throws Exception {
    try (AnthropicStubServer stub = AnthropicStubServer.start()) {
      stub.enqueue(StubReply.toolCall("search_inventory", "{\"type\":\"instance\"}"));
      HttpResponse<String> response =
          post(
              stub,
              "/v1/messages",
              """
              {"model":"m","stream":true,"system":[{"type":"text","text":"Be brief."}],
               "messages":[
                {"role":"user","content":"Instances?"},
                {"role":"assistant","content":[{"type":"tool_use","id":"t0","name":"list_compartments","input":{}}]},
                {"role":"user","content":[{"type":"tool_result","tool_use_id":"t0","content":"4 compartments"}]}],
               "tools":[{"name":"search_inventory"}]}
              """);
      assertThat(response.body())
          .startsWith("event: message_start\n")
          .contains("\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"search_inventory\"")
          .contains("\"type\":\"input_json_delta\"")
          .contains("\"stop_reason\":\"tool_use\"")
          .endsWith("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
      RecordedRequest recorded = stub.lastRequest();
      assertThat(recorded.systemPrompt()).isEqualTo("Be brief.");
      assertThat(recorded.streaming()).isTrue();
      assertThat(recorded.toolCalls())
          .containsExactly(new StubToolCall("t0", "list_compartments", "{}"));
      assertThat(recorded.toolResults())
          .containsExactly(new RecordedMessage("tool", "4 compartments", List.of(), "t0"));
    }
  }

  @Test
  void failuresAnEmptyScriptAndWrongPathsAreAnsweredInTheDialect() throws Exception {
    try (AnthropicStubServer stub = AnthropicStubServer.start()) {
      stub.enqueue(StubReply.failure(429, "slow down"));
      HttpResponse<String> limited = post(stub, "/v1/messages", "{\"messages\":[]}");
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.body())
          .isEqualTo(
              "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}");
      HttpResponse<String> empty = post(stub, "/v1/messages", "{\"messages\":[]}");
      assertThat(empty.statusCode()).isEqualTo(500);
      assertThat(empty.body()).contains("the stub's script is empty: enqueue a reply");
      assertThat(post(stub, "/v1/other", "{}").statusCode()).isEqualTo(404);
      assertThat(stub.requestCount()).isEqualTo(2);
    }
  }
}
