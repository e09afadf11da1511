package app.cloudey.server;

import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.SimulatorCredentials;
import app.cloudey.server.internal.Json;
import app.cloudey.testkit.junit.PostgresDatabase;
import app.cloudey.testkit.llm.OpenAiStubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real server for the integration tests: on a test kit PostgreSQL database, with every OCI call
 * pointed (through {@code CLOUDEY_OCI_ENDPOINTS}) at one simulated tenancy per JVM and the LLM at
 * the test kit's OpenAI-compatible stub; plus an HTTP client speaking to it.
 */
final class TestServer implements AutoCloseable {
  private static OciSimulator simulator;

  final CloudeyServer server;
  final OpenAiStubServer llm;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestServer(CloudeyServer server, OpenAiStubServer llm) {
    this.server = server;
    this.llm = llm;
  }

  /** The simulated tenancy shared by the tests of this JVM (small, so syncs take a second). */
  static synchronized OciSimulator simulator() {
    if (simulator == null) {
      simulator =
          OciSimulator.builder()
              .seed(7)
              .now(LocalDate.now(ZoneOffset.UTC))
              .regions(1)
              .compartments(3)
              .instances(8)
              .days(70)
              .start();
    }
    return simulator;
  }

  static TestServer start(PostgresDatabase db, int rateLimitPerMinute, OpenAiStubServer llm) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return start(db, rateLimitPerMinute, llm, Base64.getEncoder().encodeToString(key));
  }

  /** Another instance on the same database needs the same encryption key. */
  static TestServer start(
      PostgresDatabase db, int rateLimitPerMinute, OpenAiStubServer llm, String key) {
    try {
      Path endpoints = Files.createTempFile("endpoints", ".json");
      Files.writeString(endpoints, Json.write(simulator().endpointTemplates()));
      ServerConfig config =
          new ServerConfig(
              db.jdbcUrl(),
              db.user(),
              db.password().isEmpty() ? null : db.password(),
              null,
              "stub-key",
              llm.baseUrl(),
              "stub",
              null,
              ServerConfig.DEFAULT_ANTHROPIC_MODEL,
              key,
              "WARN",
              "127.0.0.1",
              0,
              endpoints,
              false,
              Files.createTempDirectory("cloudey-data"),
              "admin-secret",
              Set.of("http://localhost:3000"),
              rateLimitPerMinute,
              64_000,
              false);
      return new TestServer(CloudeyServer.start(config, System.out), llm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** A new user: {id, token}. */
  Account newUser(String email) {
    Response r = send("POST", "/user", null, "{\"email\":\"" + email + "\"}");
    if (r.status() != 201) {
      throw new AssertionError("POST /user: " + r);
    }
    return new Account(r.json().get("user_id").asLong(), r.json().get("api_token").asText());
  }

  /** A new user whose OCI configuration points at the simulated tenancy. */
  Account newConfiguredUser(String email) {
    Account a = newUser(email);
    Response r = send("POST", "/oci-config/" + a.id(), a.token(), ociConfigJson());
    if (r.status() != 200) {
      throw new AssertionError("POST /oci-config: " + r);
    }
    return a;
  }

  static String ociConfigJson() {
    SimulatorCredentials c = simulator().credentials();
    Map<String, String> body = new LinkedHashMap<>();
    body.put("tenancy_ocid", c.tenancyId());
    body.put("user_ocid", c.userId());
    body.put("fingerprint", c.fingerprint());
    body.put("region", c.region());
    body.put("private_key", c.privateKeyPem());
    return Json.write(body);
  }

  record Account(long id, String token) {}

  record Response(int status, String body, HttpResponse<?> raw) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  Response send(String method, String path, String token, String jsonBody) {
    return send(
        method,
        path,
        token,
        jsonBody == null ? null : "application/json",
        jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
  }

  Response send(String method, String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException closedByServer) {
        // the server closes a connection after some malformed requests; the client may have
        // reused it for this one before noticing, so it gets one fresh try
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      }
      return new Response(r.statusCode(), r.body(), r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A multipart/form-data body: text fields, then files as (name, filename, content). */
  static byte[] multipart(String boundary, Map<String, String> fields, Map<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder sb = new StringBuilder();
    fields.forEach(
        (k, v) ->
            sb.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    files.forEach(
        (k, v) ->
            sb.append("--")
                .append(boundary)
                .append("\r\n")
                .append("Content-Disposition: form-data; name=\"")
                .append(k)
                .append("\"; filename=\"key.pem\"\r\n")
                .append("Content-Type: application/x-pem-file\r\n\r\n")
                .append(v)
                .append("\r\n"));
    sb.append("--").append(boundary).append("--\r\n");
    out.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A server-sent event. */
  record Event(String name, JsonNode data) {}

  /** Sends the request and reads its event stream to the end. */
  List<Event> events(String method, String path, String token, String jsonBody) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
    b.header("Authorization", "Bearer " + token);
    if (jsonBody != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        jsonBody == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody));
    try {
      HttpResponse<Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
      if (r.statusCode() != 200) {
        throw new AssertionError(
            "status " + r.statusCode() + ": " + String.join("\n", r.body().toList()));
      }
      if (!r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
        throw new AssertionError("not an event stream: " + r.headers());
      }
      List<Event> events = new ArrayList<>();
      String name = null;
      for (String line : (Iterable<String>) r.body()::iterator) {
        if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          events.add(new Event(name, Json.MAPPER.readTree(line.substring(6))));
        }
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls GET /jobs/{id} until the job ends; returns its final view. */
  JsonNode awaitJob(String jobId, String token) {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      Response r = send("GET", "/jobs/" + jobId, token, null);
      if (r.status() != 200) {
        throw new AssertionError("GET /jobs: " + r);
      }
      String state = r.json().get("state").asText();
      if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
        return r.json();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("job " + jobId + " did not end in 2 minutes");
  }

  @Override
  public void close() {
    server.close();
  }
}
