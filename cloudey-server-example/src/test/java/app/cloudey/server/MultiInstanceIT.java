package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.server.TestServer.Account;
import app.cloudey.server.TestServer.Event;
import app.cloudey.server.TestServer.Response;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.llm.OpenAiStubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on one database: users, tokens, OCI configurations and job state are shared,
 * so either instance answers (and cancels the other's jobs); the second has a tiny rate limit.
 */
class MultiInstanceIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();
  static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  static final int LIMIT = 5;

  static OpenAiStubServer llm;
  static TestServer a;
  static TestServer b;

  @BeforeAll
  static void start() {
    llm = OpenAiStubServer.start();
    a = TestServer.start(PG.database(), 100_000, llm, KEY);
    b = TestServer.start(PG.database(), LIMIT, llm, KEY);
  }

  @AfterAll
  static void stop() {
    b.close();
    a.close();
    llm.close();
  }

  @Test
  void aJobStartedOnOneInstanceIsReadAndStreamedByTheOther() {
    Account alice = a.newConfiguredUser("alice@example.com");
    Response started = a.send("POST", "/sync/" + alice.id(), alice.token(), null);
    assertThat(started.status()).isEqualTo(202);
    String job = started.json().get("job_id").asText();
    List<Event> events = b.events("GET", "/jobs/" + job + "/events", alice.token(), null);
    assertThat(events.get(events.size() - 1).data().get("state").asText()).isEqualTo("SUCCEEDED");
    Response onB = b.send("GET", "/jobs/" + job, alice.token(), null);
    assertThat(onB.json().get("kind").asText()).isEqualTo("INVENTORY_SYNC");
    // b sees the inventory a synced, and alice's configuration stored (encrypted) by a
    assertThat(
            b.send("GET", "/sync/stats/" + alice.id(), alice.token(), null)
                .json()
                .get("total_resources")
                .asInt())
        .isPositive();
  }

  @Test
  void aJobRunningOnOneInstanceIsCancelledFromTheOther() {
    Account erin = a.newConfiguredUser("erin@example.com");
    // each Usage API call takes 4 s, so the refresh runs past a's next heartbeat (15 s)
    TestServer.simulator().faults().delay("RequestSummarizedUsages", Duration.ofSeconds(4));
    try {
      String job =
          a.send("POST", "/costs/refresh/" + erin.id() + "?months=3", erin.token(), null)
              .json()
              .get("job_id")
              .asText();
      Response cancel = b.send("DELETE", "/jobs/" + job, erin.token(), null);
      assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
      // b only flags it in the store; a stops it at its next heartbeat, once the calls in flight
      // return
      assertThat(cancel.json().get("state").asText()).isIn("QUEUED", "RUNNING");
      JsonNode end = a.awaitJob(job, erin.token());
      assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("CANCELLED");
      assertThat(end.get("progress").get("done").asInt()).isLessThan(4); // of 4 months
    } finally {
      TestServer.simulator().faults().clear();
    }
  }

  @Test
  void theRateLimitIsPerTokenAndSays429WithRetryAfter() {
    Account carol = b.newUser("carol@example.com");
    Account dave = b.newUser("dave@example.com");
    for (int i = 0; i < LIMIT; i++) {
      assertThat(b.send("GET", "/cache/stats", carol.token(), null).status()).isEqualTo(200);
    }
    Response limited = b.send("GET", "/cache/stats", carol.token(), null);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("error").asText()).isEqualTo("rate_limited");
    assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
    // another token has its own bucket; the other instance its own limit
    assertThat(b.send("GET", "/cache/stats", dave.token(), null).status()).isEqualTo(200);
    assertThat(a.send("GET", "/cache/stats", carol.token(), null).status()).isEqualTo(200);
  }
}
