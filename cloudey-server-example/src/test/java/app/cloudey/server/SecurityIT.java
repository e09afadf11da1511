package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.server.TestServer.Account;
import app.cloudey.server.TestServer.Response;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.llm.OpenAiStubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cross-tenant matrix over every {@code {user_id}} route of the OpenAPI document (so a new
 * route is covered by construction), and a route x parameter matrix of malformed input: always a
 * 4xx with the error format, never a 5xx.
 */
class SecurityIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  static OpenAiStubServer llm;
  static TestServer t;
  static Account alice;
  static Account bob;

  @BeforeAll
  static void start() {
    llm = OpenAiStubServer.start();
    t = TestServer.start(PG.database(), 100_000, llm);
    alice = t.newConfiguredUser("alice@example.com");
    bob = t.newConfiguredUser("bob@example.com");
  }

  @AfterAll
  static void stop() {
    t.close();
    llm.close();
  }

  /** Every (method, path) of the OpenAPI document with a {user_id}. */
  static List<String[]> userRoutes() {
    JsonNode paths = t.send("GET", "/openapi.json", null, null).json().get("paths");
    List<String[]> routes = new ArrayList<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      if (path.contains("{user_id}")) {
        paths
            .get(path)
            .fieldNames()
            .forEachRemaining(m -> routes.add(new String[] {m.toUpperCase(), path}));
      }
    }
    return routes;
  }

  static String concrete(String path, long userId) {
    return path.replace("{user_id}", String.valueOf(userId))
        .replace("{comp_id}", "ocid1.compartment.oc1..x")
        .replace("{thread_id}", "t-1");
  }

  static String bodyFor(String path) {
    if (path.startsWith("/oci-config")) {
      return TestServer.ociConfigJson();
    }
    if (path.startsWith("/chat/stream")) {
      return "{\"message\":\"hi\",\"thread_id\":\"t-1\"}";
    }
    return null;
  }

  @Test
  void theMatrixCoversTheRoutesOfTheContract() {
    assertThat(userRoutes())
        .extracting(r -> r[0] + " " + r[1])
        .contains(
            "POST /oci-config/{user_id}",
            "GET /oci-config/{user_id}",
            "PUT /pricing/{user_id}",
            "GET /pricing/{user_id}",
            "POST /sync/{user_id}",
            "GET /sync/stats/{user_id}",
            "GET /sync/compartments/{user_id}/{comp_id}",
            "GET /costs/{user_id}",
            "POST /costs/refresh/{user_id}",
            "POST /costs/rollover/{user_id}",
            "GET /costs/rollover/{user_id}",
            "POST /metrics/sync/{user_id}",
            "GET /metrics/stats/{user_id}",
            "POST /chat/stream/{user_id}",
            "GET /chat/threads/{user_id}",
            "DELETE /chat/threads/{user_id}/{thread_id}",
            "DELETE /cache/{user_id}");
  }

  @TestFactory
  Stream<DynamicTest> anotherUsersIdIs403OnEveryUserRoute() {
    return userRoutes().stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r[0] + " " + r[1],
                    () -> {
                      Response asAlice =
                          t.send(r[0], concrete(r[1], bob.id()), alice.token(), bodyFor(r[1]));
                      assertThat(asAlice.status()).as(asAlice.body()).isEqualTo(403);
                      assertThat(asAlice.json().get("error").asText()).isEqualTo("forbidden");
                      // and a user that does not exist is not yours either
                      assertThat(
                              t.send(r[0], concrete(r[1], 999_999), alice.token(), bodyFor(r[1]))
                                  .status())
                          .isEqualTo(403);
                      assertThat(
                              t.send(r[0], concrete(r[1], bob.id()), null, bodyFor(r[1])).status())
                          .isEqualTo(401);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> malformedUserIdsAre400() {
    return userRoutes().stream()
        .flatMap(
            r ->
                Stream.of("abc", "-1", "0", "99999999999999999999", "1.5", "%20")
                    .map(
                        id ->
                            DynamicTest.dynamicTest(
                                r[0] + " " + r[1] + " user_id=" + id,
                                () -> {
                                  Response res =
                                      t.send(
                                          r[0],
                                          r[1].replace("{user_id}", id)
                                              .replace("{comp_id}", "x")
                                              .replace("{thread_id}", "x"),
                                          alice.token(),
                                          bodyFor(r[1]));
                                  assertThat(res.status()).as(res.body()).isEqualTo(400);
                                  assertThat(res.json().get("error").asText())
                                      .isEqualTo("invalid_user_id");
                                })));
  }

  /** {method, path with {a} for alice's id, content type, body}. */
  static List<String[]> malformed() {
    String a = "{a}";
    String json = "application/json";
    String key = TestServer.ociConfigJson();
    List<String[]> cases = new ArrayList<>();
    // JSON bodies
    for (String body :
        List.of(
            "",
            "{",
            "[]",
            "null",
            "42",
            "\"x\"",
            "{\"email\":42}",
            "{\"email\":null}",
            "{} {}",
            "{\"email\":\"a@b.c\"}trailing")) {
      cases.add(new String[] {"POST", "/user", json, body});
    }
    cases.add(
        new String[] {
          "POST", "/user", json, "{\"email\":\"" + "x".repeat(300) + "@example.com\"}"
        });
    cases.add(new String[] {"POST", "/login", json, "{}"});
    cases.add(new String[] {"POST", "/login", json, "{\"api_token\":[1,2]}"});
    // OCI configuration: bad PEM, OCIDs, region, fingerprint, missing fields, wrong types
    cases.add(
        new String[] {
          "POST",
          "/oci-config/" + a,
          json,
          key.replaceAll("\"private_key\":\"[^\"]*\"", "\"private_key\":\"not a pem\"")
        });
    cases.add(
        new String[] {
          "POST",
          "/oci-config/" + a,
          json,
          key.replaceAll(
              "\"private_key\":\"[^\"]*\"",
              "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\\\nAAAA\\\\n-----END PRIVATE KEY-----\"")
        });
    cases.add(
        new String[] {
          "POST",
          "/oci-config/" + a,
          json,
          key.replaceAll("\"tenancy_ocid\":\"[^\"]*\"", "\"tenancy_ocid\":\"tenancy\"")
        });
    cases.add(
        new String[] {
          "POST",
          "/oci-config/" + a,
          json,
          key.replaceAll("\"user_ocid\":\"[^\"]*\"", "\"user_ocid\":\"ocid1.tenancy.oc1..aaaa\"")
        });
    cases.add(
        new String[] {
          "POST",
          "/oci-config/" + a,
          json,
          key.replaceAll("\"region\":\"[^\"]*\"", "\"region\":\"mars-north-1\"")
        });
    cases.add(
        new String[] {
          "POST",
          "/oci-config/" + a,
          json,
          key.replaceAll("\"fingerprint\":\"[^\"]*\"", "\"fingerprint\":\"zz\"")
        });
    cases.add(
        new String[] {
          "POST", "/oci-config/" + a, json, "{\"tenancy_ocid\":\"ocid1.tenancy.oc1..aaaa\"}"
        });
    cases.add(new String[] {"POST", "/oci-config/" + a, json, "{\"region\":[\"us-ashburn-1\"]}"});
    cases.add(
        new String[] {
          "POST", "/oci-config/" + a, json, "{\"private_key\":\"" + "A".repeat(20_000) + "\"}"
        });
    cases.add(
        new String[] {
          "POST",
          "/oci-config/" + a,
          "multipart/form-data; boundary=XyZ",
          "--XyZ\r\nContent-Disposition: form-data; name=\"region\"\r\n\r\nus-ashburn-1\r\n--XyZ--\r\n"
        });
    cases.add(
        new String[] {"POST", "/oci-config/" + a, "multipart/form-data; boundary=XyZ", "garbage"});
    // pricing: wrong types, out of range, unknown fields, oversized numbers
    for (String body :
        List.of(
            "",
            "[]",
            "{\"discount_percent\":{}}",
            "{\"discount_percent\":\"100\"}",
            "{\"discount_percent\":\"1e999999999\"}",
            "{\"discount_percent\":1e2147483647}",
            "{\"contract_prices\":{\"B93113\":\"1e2147483647\"}}",
            "{\"contract_prices\":\"B93113\"}",
            "{\"contract_prices\":{\"B93113\":[1]}}",
            "{\"contract_prices\":{\"B93113\":\"1e-999999999\"}}",
            "{\"contract_prices\":{\"" + "B".repeat(100) + "\":\"1\"}}",
            "{\"currency\":{}}",
            "{\"currency\":\"\\u0000\"}",
            "{\"currency\":\"" + "E".repeat(5_000) + "\"}",
            "{\"x\":1}")) {
      cases.add(new String[] {"PUT", "/pricing/" + a, json, body});
    }
    // query parameters: months, days, month, period, group_by, top
    for (String q : List.of("months=0", "months=25", "months=x", "months=1e3")) {
      cases.add(new String[] {"POST", "/costs/refresh/" + a + "?" + q, null, null});
    }
    for (String q : List.of("days=0", "days=91", "days=-3", "days=seven")) {
      cases.add(new String[] {"POST", "/metrics/sync/" + a + "?" + q, null, null});
    }
    for (String q :
        List.of("", "month=2026-13", "month=26-01", "month=2026-1", "month=9999-01", "month=now")) {
      cases.add(new String[] {"POST", "/costs/rollover/" + a + "?" + q, null, null});
    }
    for (String q :
        List.of(
            "month=2026-00",
            "from=2026-01-01",
            "from=2026-02-01&to=2026-01-01",
            "from=x&to=y",
            "month=2026-01&from=2026-01-01&to=2026-02-01",
            "from=2020-01-01&to=2026-01-01",
            "group_by=colour",
            "group_by=service,service",
            "top=0x",
            "top=100000",
            "top=-1")) {
      cases.add(new String[] {"GET", "/costs/" + a + "?" + q, null, null});
    }
    // chat bodies
    for (String body :
        List.of(
            "",
            "{}",
            "{\"message\":\"\"}",
            "{\"message\":123}",
            "{\"message\":\"hi\",\"thread_id\":\"" + "t".repeat(201) + "\"}",
            "{\"message\":\"" + "m".repeat(8_001) + "\"}")) {
      cases.add(new String[] {"POST", "/chat/stream/" + a, json, body});
      cases.add(new String[] {"POST", "/query", json, body.replace("message", "question")});
    }
    // unknown jobs, threads, compartments
    cases.add(new String[] {"GET", "/jobs/no-such-job", null, null});
    cases.add(new String[] {"GET", "/jobs/" + "j".repeat(500), null, null});
    cases.add(new String[] {"GET", "/jobs/no-such-job/events", null, null});
    cases.add(new String[] {"DELETE", "/jobs/no-such-job", null, null});
    cases.add(new String[] {"GET", "/chat/threads/" + a + "/nope", null, null});
    cases.add(new String[] {"DELETE", "/chat/threads/" + a + "/nope", null, null});
    cases.add(new String[] {"GET", "/sync/compartments/" + a + "/nope", null, null});
    // oversized body
    cases.add(new String[] {"POST", "/user", json, "{\"email\":\"" + "x".repeat(100_000) + "\"}"});
    cases.add(
        new String[] {
          "POST", "/chat/stream/" + a, json, "{\"message\":\"" + "x".repeat(100_000) + "\"}"
        });
    // methods and routes that do not exist
    cases.add(new String[] {"PUT", "/user", json, "{}"});
    cases.add(new String[] {"GET", "/user", null, null});
    cases.add(new String[] {"GET", "/nope", null, null});
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> malformedInputIs4xxNever5xx() {
    return malformed().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c[0] + " " + c[1] + (c[3] == null ? "" : " " + clip(c[3])),
                    () -> {
                      String path = c[1].replace("{a}", String.valueOf(alice.id()));
                      Response r =
                          t.send(
                              c[0],
                              path,
                              alice.token(),
                              c[2],
                              c[3] == null ? null : c[3].getBytes(StandardCharsets.UTF_8));
                      assertThat(r.status()).as(r.body()).isBetween(400, 499);
                      JsonNode body = r.json();
                      assertThat(body.get("error").isTextual()).as(r.body()).isTrue();
                      assertThat(body.get("message").isTextual()).isTrue();
                      assertThat(r.body())
                          .doesNotContain("at app.cloudey")
                          .doesNotContain("Exception");
                    }));
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
