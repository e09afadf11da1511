package app.cloudey.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The common part of the LLM stubs: a JDK HTTP server on loopback, the script of replies, the
 * recorded requests and SSE writing. Subclasses speak one provider's dialect.
 *
 * <p>Thread-safe: requests may arrive concurrently; each takes the next scripted reply. A request
 * that finds the script empty is answered with HTTP 500 and a message saying so. {@link #close()}
 * stops the server.
 */
public abstract class LlmStubServer implements AutoCloseable {
  /** Input tokens reported per response unless {@link #usage} says otherwise. */
  public static final int DEFAULT_INPUT_TOKENS = 100;

  /** Output tokens reported per response unless {@link #usage} says otherwise. */
  public static final int DEFAULT_OUTPUT_TOKENS = 20;

  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedDeque<StubReply> script = new ConcurrentLinkedDeque<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger callIds = new AtomicInteger();
  private final AtomicInteger responseIds = new AtomicInteger();
  private final AtomicInteger aborted = new AtomicInteger();
  private volatile int inputTokens = DEFAULT_INPUT_TOKENS;
  private volatile int outputTokens = DEFAULT_OUTPUT_TOKENS;

  protected LlmStubServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the LLM stub on loopback", e);
    }
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, getClass().getSimpleName());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL to give the LangChain4j client's {@code baseUrl(...)}. */
  public abstract String baseUrl();

  /** {@code http://127.0.0.1:PORT}. */
  public String rootUrl() {
    return "http://"
        + server.getAddress().getAddress().getHostAddress()
        + ":"
        + server.getAddress().getPort();
  }

  /** Appends replies to the script; each request takes the next one. */
  public LlmStubServer enqueue(StubReply... replies) {
    script.addAll(Arrays.asList(replies));
    return this;
  }

  /** Token counts each response reports (the defaults are 100 in, 20 out). */
  public LlmStubServer usage(int input, int output) {
    this.inputTokens = input;
    this.outputTokens = output;
    return this;
  }

  /** Every request received, in order of arrival. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public int requestCount() {
    return requests.size();
  }

  /** The latest request. */
  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("the stub has received no request yet");
    }
    return requests.get(requests.size() - 1);
  }

  /** Replies still waiting in the script. */
  public int remainingReplies() {
    return script.size();
  }

  /** Streamed responses the client stopped reading before the end (cancelled or gone). */
  public int abortedResponses() {
    return aborted.get();
  }

  /** Forgets the script and the recorded requests. */
  public void reset() {
    script.clear();
    requests.clear();
    aborted.set(0);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  // ---- the dialect

  /** The one path the provider serves, e.g. {@code /v1/chat/completions}. */
  protected abstract String endpointPath();

  /** Reads the parts tests assert on out of the request's JSON. */
  protected abstract RecordedRequest record(
      String path, Map<String, String> headers, String body, JsonNode json);

  /** The provider's error JSON. */
  protected abstract String errorBody(int status, String message);

  /** A whole (non-streamed) response with text or tool calls (given their ids). */
  protected abstract String response(
      RecordedRequest request, StubReply.@Nullable Text text, List<StubToolCall> calls);

  /** A streamed response with text or tool calls (given their ids). */
  protected abstract void stream(
      RecordedRequest request, StubReply.@Nullable Text text, List<StubToolCall> calls, Sse out)
      throws IOException;

  /** The prefix of the ids the stub gives tool calls, e.g. {@code call_}. */
  protected abstract String callIdPrefix();

  protected final int inputTokens() {
    return inputTokens;
  }

  protected final int outputTokens() {
    return outputTokens;
  }

  protected final String nextResponseId(String prefix) {
    return prefix + responseIds.incrementAndGet();
  }

  protected static ObjectNode object() {
    return JSON.createObjectNode();
  }

  protected static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
  }

  /** Text of a content field that is a string or an array of {@code {type:text,text}} blocks. */
  protected static String text(@Nullable JsonNode content) {
    if (content == null || content.isNull() || content.isMissingNode()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      if (block.path("type").asText().equals("text")) {
        text.append(block.path("text").asText());
      }
    }
    return text.toString();
  }

  // ---- HTTP

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod()) || !endpointPath().equals(path)) {
        send(exchange, 404, errorBody(404, "the stub serves only POST " + endpointPath()));
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
      RecordedRequest request = record(path, headers, body, parse(body));
      requests.add(request);
      StubReply reply = script.poll();
      if (reply == null) {
        send(exchange, 500, errorBody(500, "the stub's script is empty: enqueue a reply"));
        return;
      }
      respond(exchange, request, reply);
    }
  }

  private void respond(HttpExchange exchange, RecordedRequest request, StubReply reply)
      throws IOException {
    if (reply instanceof StubReply.Computed computed) {
      respond(exchange, request, computed.reply().apply(request));
    } else if (reply instanceof StubReply.Delayed delayed) {
      try {
        Thread.sleep(delayed.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      respond(exchange, request, delayed.reply());
    } else if (reply instanceof StubReply.Failure failure) {
      send(exchange, failure.status(), errorBody(failure.status(), failure.message()));
    } else if (reply instanceof StubReply.Text text) {
      answer(exchange, request, text, List.of());
    } else if (reply instanceof StubReply.ToolCalls tools) {
      List<StubToolCall> numbered = new ArrayList<>();
      for (StubToolCall call : tools.calls()) {
        numbered.add(
            new StubToolCall(
                callIdPrefix() + callIds.incrementAndGet(), call.name(), call.arguments()));
      }
      answer(exchange, request, null, numbered);
    }
  }

  private void answer(
      HttpExchange exchange,
      RecordedRequest request,
      StubReply.@Nullable Text text,
      List<StubToolCall> calls)
      throws IOException {
    if (!request.streaming()) {
      send(exchange, 200, response(request, text, calls));
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    Sse out =
        new Sse(exchange.getResponseBody(), text == null ? java.time.Duration.ZERO : text.pause());
    try {
      stream(request, text, calls, out);
    } catch (IOException e) {
      aborted.incrementAndGet(); // the client went away mid-stream
    }
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Writes server-sent events, flushing each one. */
  protected static final class Sse {
    private final OutputStream out;
    private final java.time.Duration pause;

    Sse(OutputStream out, java.time.Duration pause) {
      this.out = out;
      this.pause = pause;
    }

    /** An event without a name ({@code data: ...}). */
    public void data(String data) throws IOException {
      write("data: " + data + "\n\n");
    }

    /** A named event. */
    public void event(String name, String data) throws IOException {
      write("event: " + name + "\ndata: " + data + "\n\n");
    }

    /** Waits the scripted pause between text chunks. */
    public void pause() throws IOException {
      if (pause.isZero()) {
        return;
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }

    private void write(String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }
  }
}
