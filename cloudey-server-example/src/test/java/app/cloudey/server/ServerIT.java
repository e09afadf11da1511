package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.Period;
import app.cloudey.oci.simulator.SimulatorCredentials;
import app.cloudey.server.TestServer.Account;
import app.cloudey.server.TestServer.Event;
import app.cloudey.server.TestServer.Response;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.llm.OpenAiStubServer;
import app.cloudey.testkit.llm.StubReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The routes over real HTTP, against real PostgreSQL, the OCI simulator and the LLM stub. */
class ServerIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  static OpenAiStubServer llm;
  static TestServer t;
  static Account alice;
  static Account bob;
  static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

  @BeforeAll
  static void start() {
    llm = OpenAiStubServer.start();
    t = TestServer.start(PG.database(), 100_000, llm);
    alice = t.newConfiguredUser("alice@example.com");
    bob = t.newConfiguredUser("bob@example.com");
    // alice: inventory and last month's costs, through the job routes
    String sync =
        t.send("POST", "/sync/" + alice.id(), alice.token(), null).json().get("job_id").asText();
    assertThat(t.awaitJob(sync, alice.token()).get("state").asText()).isEqualTo("SUCCEEDED");
    String refresh =
        t.send("POST", "/costs/refresh/" + alice.id() + "?months=1", alice.token(), null)
            .json()
            .get("job_id")
            .asText();
    assertThat(t.awaitJob(refresh, alice.token()).get("state").asText()).isEqualTo("SUCCEEDED");
  }

  @AfterAll
  static void stop() {
    t.close();
    llm.close();
  }

  @Test
  void createsUsersAndShowsOnlyYourOwn() {
    Response created = t.send("POST", "/user", null, "{\"email\":\" Carol@Example.com \"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("email").asText()).isEqualTo("carol@example.com");
    String token = created.json().get("api_token").asText();
    assertThat(token).startsWith("cly_");

    Response own = t.send("GET", "/user/carol@example.com", token, null);
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("user_id").asLong())
        .isEqualTo(created.json().get("user_id").asLong());
    assertThat(own.json().get("oci_configured").asBoolean()).isFalse();
    assertThat(own.body()).doesNotContain("api_token");

    assertThat(t.send("GET", "/user/alice@example.com", token, null).status()).isEqualTo(403);
    Response duplicate = t.send("POST", "/user", null, "{\"email\":\"carol@example.com\"}");
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("error").asText()).isEqualTo("email_taken");
    assertThat(
            t.send("POST", "/user", null, "{\"email\":\"not-an-address\"}")
                .json()
                .get("error")
                .asText())
        .isEqualTo("invalid_email");
    // before an OCI configuration, account routes say what to do
    long id = created.json().get("user_id").asLong();
    Response stats = t.send("GET", "/sync/stats/" + id, token, null);
    assertThat(stats.status()).isEqualTo(409);
    assertThat(stats.json().get("message").asText()).contains("POST /oci-config/" + id);
  }

  @Test
  void refusesMissingAndWrongTokens() {
    Response none = t.send("GET", "/sync/stats/" + alice.id(), null, null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("error").asText()).isEqualTo("unauthorized");
    assertThat(t.send("GET", "/sync/stats/" + alice.id(), "cly_wrong", null).status())
        .isEqualTo(401);
  }

  @Test
  void theSessionCookieIsHttpOnlyStrictAndAuthenticates() throws Exception {
    Response login = t.send("POST", "/login", null, "{\"api_token\":\"" + alice.token() + "\"}");
    assertThat(login.status()).isEqualTo(200);
    String cookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .startsWith("cloudey_session=");
    HttpResponse<String> stats =
        t.http.send(
            HttpRequest.newBuilder(URI.create(t.url("/sync/stats/" + alice.id())))
                .header("Cookie", cookie.split(";")[0])
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(t.send("POST", "/login", null, "{\"api_token\":\"cly_nope\"}").status())
        .isEqualTo(401);
  }

  @Test
  void ociConfigIsValidatedStoredAndNeverReturnsTheKey() {
    SimulatorCredentials c = TestServer.simulator().credentials();
    Response get = t.send("GET", "/oci-config/" + alice.id(), alice.token(), null);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.json().get("tenancy_ocid").asText()).isEqualTo(c.tenancyId());
    assertThat(get.json().get("tenancy_name").asText())
        .isEqualTo(TestServer.simulator().truth().tenancyName());
    assertThat(get.body()).doesNotContain("PRIVATE KEY").doesNotContain("private_key");

    // multipart with the original's fields replaces it (validated again)
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("tenancy_ocid", c.tenancyId());
    fields.put("user_ocid", c.userId());
    fields.put("fingerprint", c.fingerprint());
    fields.put("region", c.region());
    Response multipart =
        t.send(
            "POST",
            "/oci-config/" + bob.id(),
            bob.token(),
            "multipart/form-data; boundary=XyZ",
            TestServer.multipart("XyZ", fields, Map.of("private_key_file", c.privateKeyPem())));
    assertThat(multipart.status()).as(multipart.body()).isEqualTo(200);
    assertThat(multipart.json().get("home_region").asText()).isEqualTo(c.region());

    String wrongFingerprint =
        TestServer.ociConfigJson()
            .replace(c.fingerprint(), "00:11:22:33:44:55:66:77:88:99:aa:bb:cc:dd:ee:ff");
    Response bad = t.send("POST", "/oci-config/" + bob.id(), bob.token(), wrongFingerprint);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("fingerprint");
  }

  @Test
  void inventoryViewsShowTheSyncedTenancy() {
    JsonNode stats = t.send("GET", "/sync/stats/" + alice.id(), alice.token(), null).json();
    int sum = 0;
    for (JsonNode n : (Iterable<JsonNode>) stats.get("resources")::elements) {
      sum += n.asInt();
    }
    assertThat(stats.get("total_resources").asInt()).isPositive().isEqualTo(sum);
    assertThat(stats.get("last_sync").get("state").asText()).isEqualTo("SUCCEEDED");

    JsonNode compartments =
        t.send("GET", "/sync/compartments/" + alice.id(), alice.token(), null)
            .json()
            .get("compartments");
    assertThat(compartments.size())
        .isEqualTo(stats.get("compartments").asInt())
        .isEqualTo(4); // root + 3
    String root = compartments.get(0).get("id").asText();
    Response one =
        t.send("GET", "/sync/compartments/" + alice.id() + "/" + root, alice.token(), null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("compartment").get("id").asText()).isEqualTo(root);
    // the root's subtree is the whole tenancy: last month's total is the simulator's
    assertThat(one.json().get("costs").get("total").asText()).isEqualTo(truth(LAST_MONTH));
    assertThat(
            t.send(
                    "GET",
                    "/sync/compartments/" + alice.id() + "/ocid1.compartment.oc1..nope",
                    alice.token(),
                    null)
                .status())
        .isEqualTo(404);
  }

  @Test
  void costsEqualTheSimulatorsGroundTruthToTheCent() {
    Response costs =
        t.send(
            "GET",
            "/costs/" + alice.id() + "?month=" + LAST_MONTH + "&group_by=service",
            alice.token(),
            null);
    assertThat(costs.status()).isEqualTo(200);
    JsonNode body = costs.json();
    assertThat(body.get("total").asText()).isEqualTo(truth(LAST_MONTH));
    assertThat(body.get("currency").asText()).isEqualTo("USD");
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode row : (Iterable<JsonNode>) body.get("rows")::elements) {
      assertThat(row.get("cost").get("amount").isTextual()).isTrue();
      sum = sum.add(new BigDecimal(row.get("cost").get("amount").asText()));
    }
    // rows are rounded to the cent one by one; their sum stays within a cent per row
    assertThat(sum.subtract(new BigDecimal(body.get("total").asText())).abs())
        .isLessThanOrEqualTo(
            new BigDecimal("0.01").multiply(BigDecimal.valueOf(body.get("rows").size())));

    JsonNode top =
        t.send(
                "GET",
                "/costs/"
                    + alice.id()
                    + "?month="
                    + LAST_MONTH
                    + "&group_by=compartment,service&top=2",
                alice.token(),
                null)
            .json();
    assertThat(top.get("rows").size()).isEqualTo(2);
    assertThat(top.get("rows").get(0).get("key").size()).isEqualTo(2);
    assertThat(top.get("rows").get(0).get("name").asText()).doesNotStartWith("ocid1.");
  }

  @Test
  void dashboardDetailedAndRecommendationsServeTheCoreViews() {
    JsonNode dashboard = t.send("GET", "/dashboard/" + alice.id(), alice.token(), null).json();
    JsonNode usd = dashboard.get("currencies").get(0);
    assertThat(usd.get("currency").asText()).isEqualTo("USD");
    // the last of the three complete months is last month, equal to the simulator's truth
    JsonNode months = usd.get("complete_months");
    JsonNode last = months.get(months.size() - 1);
    assertThat(last.get("month").asText()).isEqualTo(LAST_MONTH.toString());
    assertThat(cents(last.get("total"))).isEqualTo(truth(LAST_MONTH));
    JsonNode again =
        t.send("GET", "/dashboard/" + alice.id() + "?force_refresh=true", alice.token(), null)
            .json();
    assertThat(again.get("currencies")).isEqualTo(dashboard.get("currencies"));

    Response detailed = t.send("GET", "/costs/detailed/" + alice.id(), alice.token(), null);
    assertThat(detailed.status()).isEqualTo(200);
    JsonNode detail = detailed.json();
    int lastIndex = detail.get("months").size() - 1;
    assertThat(detail.get("months").get(lastIndex).asText()).isEqualTo(LAST_MONTH.toString());
    assertThat(cents(detail.get("currencies").get(0).get("totals").get(lastIndex)))
        .isEqualTo(truth(LAST_MONTH));

    Response recommendations = t.send("GET", "/recommendations/" + alice.id(), alice.token(), null);
    assertThat(recommendations.status()).isEqualTo(200);
    JsonNode run = recommendations.json();
    assertThat(run.get("run_id").asText()).isNotBlank();
    // one currency: its total as a decimal string beside its currency, as GET /costs does
    assertThat(run.get("totals").size()).isLessThanOrEqualTo(1);
    if (run.get("totals").size() == 1) {
      assertThat(run.get("currency").asText()).isEqualTo("USD");
      assertThat(run.get("total_monthly_savings").asText())
          .isEqualTo(run.get("totals").get(0).get("amount").asText());
    } else {
      assertThat(run.get("total_monthly_savings").asText()).isEqualTo("0.00");
      assertThat(run.get("recommendations").size()).isZero();
    }
    for (JsonNode r : run.get("recommendations")) {
      assertThat(r.get("account_id").isTextual()).as("account_id is text").isTrue();
      assertThat(r.get("monthly_savings").get("amount").isTextual()).isTrue();
    }
    // the dashboard's summary of this run counts the recommendations that stand, as its savings
    // total does; the superseded ones apart (force_refresh: the server reuses a view for a second)
    JsonNode summary =
        t.send("GET", "/dashboard/" + alice.id() + "?force_refresh=true", alice.token(), null)
            .json()
            .get("recommendations");
    int standing = 0;
    for (JsonNode count : summary.get("count_by_severity")) {
      standing += count.asInt();
    }
    int superseded = run.get("superseded_by").size();
    assertThat(summary.get("generated_at").asText()).isEqualTo(run.get("generated_at").asText());
    assertThat(standing).isEqualTo(run.get("recommendations").size() - superseded);
    assertThat(summary.get("superseded_count").asInt()).isEqualTo(superseded);
    assertThat(
            t.send("POST", "/recommendations/" + alice.id() + "/refresh", alice.token(), null)
                .status())
        .isEqualTo(202);
    assertThat(t.send("GET", "/dashboard/" + alice.id(), bob.token(), null).status())
        .isEqualTo(403);
  }

  private static String cents(JsonNode money) {
    return new BigDecimal(money.get("amount").asText())
        .setScale(2, RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  @Test
  void monthCloseRunsAsAJobAndTheMonthListShowsIt() {
    Response start =
        t.send(
            "POST", "/costs/rollover/" + alice.id() + "?month=" + LAST_MONTH, alice.token(), null);
    assertThat(start.status()).isEqualTo(202);
    assertThat(start.raw().headers().firstValue("Location"))
        .hasValue("/jobs/" + start.json().get("job_id").asText());
    JsonNode job = t.awaitJob(start.json().get("job_id").asText(), alice.token());
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
    assertThat(job.get("kind").asText()).isEqualTo("MONTH_CLOSE");
    JsonNode months =
        t.send("GET", "/costs/rollover/" + alice.id(), alice.token(), null).json().get("months");
    assertThat(months.get(0).get("status").asText()).isEqualTo("OPEN");
    assertThat(months.get(1).get("month").asText()).isEqualTo(LAST_MONTH.toString());
    assertThat(months.get(1).get("status").asText()).isEqualTo("CLOSED");
    assertThat(months.get(1).get("due_for_close").asBoolean()).isFalse();
    assertThat(months.get(1).get("last_refreshed_at").isTextual()).isTrue();
    // twelve months back nothing was ever refreshed: nothing to close
    assertThat(months).hasSize(13);
    assertThat(months.get(12).get("last_refreshed_at").isNull()).isTrue();
    assertThat(months.get(12).get("due_for_close").asBoolean()).isFalse();
    Response current =
        t.send(
            "POST",
            "/costs/rollover/" + alice.id() + "?month=" + LAST_MONTH.plusMonths(1),
            alice.token(),
            null);
    assertThat(current.status()).isEqualTo(400);
  }

  @Test
  void jobEventsStreamProgressThenOneEnd() {
    String job =
        t.send("POST", "/metrics/sync/" + alice.id() + "?days=3", alice.token(), null)
            .json()
            .get("job_id")
            .asText();
    List<Event> events = t.events("GET", "/jobs/" + job + "/events", alice.token(), null);
    assertThat(events).isNotEmpty();
    Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("end");
    assertThat(last.data().get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(last.data().get("kind").asText()).isEqualTo("METRIC_SYNC");
    assertThat(events.subList(0, events.size() - 1)).allMatch(e -> e.name().equals("progress"));
    // a finished job cannot be cancelled; another user's job is forbidden to bob
    Response ended = t.send("DELETE", "/jobs/" + job, alice.token(), null);
    assertThat(ended.status()).isEqualTo(409);
    assertThat(ended.json().get("error").asText()).isEqualTo("job_finished");
    assertThat(t.send("GET", "/jobs/" + job, bob.token(), null).status()).isEqualTo(403);
    assertThat(t.send("GET", "/jobs/no-such-job", alice.token(), null).status()).isEqualTo(404);
    JsonNode metrics =
        t.send("GET", "/metrics/stats/" + alice.id(), alice.token(), null).json().get("metrics");
    assertThat(metrics.size()).isPositive();
  }

  @Test
  void deleteCancelsARunningJobThroughTheJobsApi() {
    // every Usage API call takes 2 s, so the refresh is still running when the cancel arrives
    TestServer.simulator()
        .faults()
        .delay("RequestSummarizedUsages", java.time.Duration.ofSeconds(2));
    try {
      String job =
          t.send("POST", "/costs/refresh/" + alice.id() + "?months=2", alice.token(), null)
              .json()
              .get("job_id")
              .asText();
      assertThat(t.send("DELETE", "/jobs/" + job, bob.token(), null).status()).isEqualTo(403);
      Response cancel = t.send("DELETE", "/jobs/" + job, alice.token(), null);
      assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
      assertThat(cancel.json().get("job_id").asText()).isEqualTo(job);
      assertThat(cancel.json().get("kind").asText()).isEqualTo("COST_REFRESH");
      assertThat(cancel.json().get("state").asText()).isIn("QUEUED", "RUNNING", "CANCELLED");
      JsonNode end = t.awaitJob(job, alice.token());
      assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("CANCELLED");
      Response again = t.send("DELETE", "/jobs/" + job, alice.token(), null);
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().get("error").asText()).isEqualTo("job_finished");
      assertThat(t.send("DELETE", "/jobs/no-such-job", alice.token(), null).status())
          .isEqualTo(404);
    } finally {
      TestServer.simulator().faults().clear();
    }
  }

  @Test
  void forceRefreshBypassesTheDashboardCache() {
    JsonNode first = t.send("GET", "/dashboard/" + alice.id(), alice.token(), null).json();
    JsonNode cached = t.send("GET", "/dashboard/" + alice.id(), alice.token(), null).json();
    // served from the cache: the same computation, to the instant
    assertThat(cached.get("computed_at")).isEqualTo(first.get("computed_at"));
    JsonNode fresh =
        t.send("GET", "/dashboard/" + alice.id() + "?force_refresh=true", alice.token(), null)
            .json();
    assertThat(java.time.Instant.parse(fresh.get("computed_at").asText()))
        .isAfter(java.time.Instant.parse(first.get("computed_at").asText()));
    assertThat(fresh.get("currencies")).isEqualTo(first.get("currencies"));
  }

  @Test
  void chatStreamsTokensAndEndsWithDoneThenTheThreadIsKept() {
    llm.enqueue(StubReply.text("You spent a lot on compute."));
    List<Event> events =
        t.events(
            "POST",
            "/chat/stream/" + alice.id(),
            alice.token(),
            "{\"message\":\"What did we spend?\",\"thread_id\":\"t-1\"}");
    assertThat(events).extracting(Event::name).contains("token").endsWith("done");
    StringBuilder text = new StringBuilder();
    events.stream()
        .filter(e -> e.name().equals("token"))
        .forEach(e -> text.append(e.data().get("text").asText()));
    assertThat(text.toString()).isEqualTo("You spent a lot on compute.");
    assertThat(events.get(events.size() - 1).data().get("thread_id").asText()).isEqualTo("t-1");

    JsonNode threads =
        t.send("GET", "/chat/threads/" + alice.id(), alice.token(), null).json().get("threads");
    assertThat(threads).extracting(n -> n.get("thread_id").asText()).contains("t-1");
    JsonNode thread =
        t.send("GET", "/chat/threads/" + alice.id() + "/t-1", alice.token(), null).json();
    assertThat(thread.get("messages"))
        .extracting(m -> m.get("role").asText())
        .containsExactly("user", "assistant");
    // bob cannot see it through his own account
    assertThat(t.send("GET", "/chat/threads/" + bob.id() + "/t-1", bob.token(), null).status())
        .isEqualTo(404);
    assertThat(
            t.send("DELETE", "/chat/threads/" + alice.id() + "/t-1", alice.token(), null).status())
        .isEqualTo(204);
    assertThat(t.send("GET", "/chat/threads/" + alice.id() + "/t-1", alice.token(), null).status())
        .isEqualTo(404);
  }

  @Test
  void chatStreamReportsAProviderFailureAsAnErrorEvent() {
    llm.enqueue(StubReply.failure(400, "bad request from the stub"));
    List<Event> events =
        t.events(
            "POST",
            "/chat/stream/" + alice.id(),
            alice.token(),
            "{\"message\":\"Hello?\",\"thread_id\":\"t-err\"}");
    assertThat(events).extracting(Event::name).endsWith("error");
    assertThat(events.get(events.size() - 1).data().get("message").asText())
        .doesNotContain("Exception");
  }

  @Test
  void queryAnswersWithoutStreaming() {
    llm.enqueue(StubReply.text("Forty-two."));
    Response r =
        t.send(
            "POST",
            "/query",
            alice.token(),
            "{\"question\":\"How much?\",\"thread_id\":\"q-1\",\"model_provider\":\"openai\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("answer").asText()).isEqualTo("Forty-two.");
    Response other =
        t.send(
            "POST",
            "/query",
            alice.token(),
            "{\"question\":\"How much?\",\"model_provider\":\"anthropic\"}");
    assertThat(other.status()).isEqualTo(400);
  }

  @Test
  void operationsRoutes() throws Exception {
    Response health = t.send("GET", "/health", null, null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("checks").get("postgres").asText()).isEqualTo("ok");
    assertThat(t.send("GET", "/", null, null).json().get("status").asText()).isEqualTo("ok");

    JsonNode openapi = t.send("GET", "/openapi.json", null, null).json();
    assertThat(openapi.get("paths").has("/costs/{user_id}")).isTrue();
    assertThat(openapi.get("paths").get("/chat/stream/{user_id}").has("post")).isTrue();
    Response docs = t.send("GET", "/docs", null, null);
    assertThat(docs.body()).contains("swagger-ui-bundle.js");
    String bundle = docs.body().replaceAll("(?s).*src=\"([^\"]*swagger-ui-bundle.js)\".*", "$1");
    assertThat(t.send("GET", bundle, null, null).status()).isEqualTo(200);

    Response metrics = t.send("GET", "/metrics", null, null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("http_server_requests_seconds_count");

    assertThat(
            t.send("GET", "/scheduler/status", alice.token(), null)
                .json()
                .get("running")
                .asBoolean())
        .isFalse();
    assertThat(t.send("GET", "/cache/stats", alice.token(), null).json().get("kind").asText())
        .isEqualTo("in-process");
    assertThat(
            t.send("DELETE", "/cache/" + alice.id(), alice.token(), null)
                .json()
                .get("evicted")
                .asBoolean())
        .isTrue();

    Response missing = t.send("GET", "/no/such/route", null, null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).isEqualTo("not_found");
  }

  @Test
  void corsAnswersConfiguredOriginsOnly() throws Exception {
    HttpResponse<String> preflight =
        t.http.send(
            HttpRequest.newBuilder(URI.create(t.url("/costs/" + alice.id())))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:3000");
    HttpResponse<String> other =
        t.http.send(
            HttpRequest.newBuilder(URI.create(t.url("/health")))
                .header("Origin", "http://evil.example")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void thePageShowsTheSameNumbersAsTheApi() throws Exception {
    assertThat(t.send("GET", "/ui/", null, null).body()).contains("id=\"login\"");
    String cookie =
        t.send("POST", "/login", null, "{\"api_token\":\"" + alice.token() + "\"}")
            .raw()
            .headers()
            .firstValue("Set-Cookie")
            .orElseThrow()
            .split(";")[0];
    HttpResponse<String> page =
        t.http.send(
            HttpRequest.newBuilder(URI.create(t.url("/ui/"))).header("Cookie", cookie).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("/webjars/echarts/").contains("id=\"trend\"");
    // the tables come from the same dashboard view as GET /dashboard (DashboardPageIT checks the
    // rendered page in Chromium; this checks the HTML without a browser)
    JsonNode services =
        t.send("GET", "/dashboard/" + alice.id(), alice.token(), null)
            .json()
            .get("currencies")
            .get(0)
            .get("top_services");
    String table =
        html.substring(
            html.indexOf("id=\"top-services-USD\""),
            html.indexOf("</table>", html.indexOf("id=\"top-services-USD\"")));
    for (JsonNode row : (Iterable<JsonNode>) services::elements) {
      assertThat(table)
          .contains(
              ">"
                  + row.get("name").asText()
                  + "</td><td class=\"num\">"
                  + row.get("cost").get("amount").asText()
                  + " "
                  + row.get("cost").get("currency").asText()
                  + "</td>");
    }
    assertThat(services.size()).isPositive();
    assertThat(table.split("<tr>").length - 1).isEqualTo(services.size() + 1); // + the header
    String script = html.substring(html.indexOf("<script id=\"data\""));
    JsonNode data =
        app.cloudey.server.internal.Json.MAPPER.readTree(
            script.substring(script.indexOf('>') + 1, script.indexOf("</script>")));
    assertThat(data.get("days").size()).isEqualTo(data.get("amounts").size()).isPositive();
    assertThat(t.send("GET", "/webjars/echarts/5.3.1/dist/echarts.min.js", null, null).status())
        .isEqualTo(200);
  }

  /** The simulator's total for a month, to the cent. */
  static String truth(YearMonth month) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Period p = Period.month(month);
    return TestServer.simulator()
        .truth()
        .cost(p)
        .setScale(2, RoundingMode.HALF_EVEN)
        .toPlainString();
  }
}
