package app.cloudey.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Assistant;
import app.cloudey.AssistantEvent;
import app.cloudey.ChatMessage;
import app.cloudey.Cloudey;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.model.AccountId;
import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.llm.OpenAiStubServer;
import app.cloudey.testkit.llm.RecordedMessage;
import app.cloudey.testkit.llm.RecordedRequest;
import app.cloudey.testkit.llm.StubReply;
import app.cloudey.testkit.llm.StubToolCall;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conversations in PostgreSQL: a thread started by one Cloudey (its own store and pool, as another
 * process would have) is continued by a second one exactly as the model saw it, tool call and
 * result included; and another account can neither read, continue nor delete it.
 */
class PostgresConversationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  /** A test-only AES-256 key: the store encrypts the OCI private key at rest. */
  private static final CredentialKeys KEYS =
      CredentialKeys.of("test", Base64.getEncoder().encodeToString(new byte[32]));

  private static SimulatedTenancy tenancy;
  private final OpenAiStubServer llm = OpenAiStubServer.start();

  @BeforeAll
  static void copyTheSyncedTenancy() {
    tenancy = SimulatedTenancy.shared();
    try (PostgresStore store = PostgresStore.create(PG.dataSource(), KEYS)) {
      tenancy.copyInto(store);
    }
  }

  @AfterEach
  void stopStub() {
    llm.close();
  }

  /** A new "process": its own store over the database (pool from the extension) and Cloudey. */
  private Cloudey process(PostgresStore store) {
    return Cloudey.builder()
        .oci(tenancy.config())
        .cloud(Fixtures.provider())
        .store(store)
        .clock(SimulatedTenancy.CLOCK)
        .llm(StubModels.openAi(llm))
        .build();
  }

  @Test
  void aSecondInstanceContinuesTheThreadWithItsToolCallsAndResults() {
    String args = "{\"period\":\"last_month\",\"group_by\":\"compartment\"}";
    llm.enqueue(
        StubReply.toolCall("query_costs", args),
        StubReply.text("October by compartment is listed above."),
        StubReply.text("Compute was the largest."));
    String firstAnswerToolResult;
    try (PostgresStore store = PostgresStore.create(PG.dataSource(), KEYS);
        Cloudey first = process(store)) {
      first.assistant().ask("resume-1", "What did each compartment cost last month?");
      firstAnswerToolResult = llm.requests().get(1).toolResults().get(0).text();
    }

    List<AssistantEvent> events = new ArrayList<>();
    try (PostgresStore store = PostgresStore.create(PG.dataSource(), KEYS);
        Cloudey second = process(store)) {
      second.assistant().stream("resume-1", "And which service was largest?", events::add);

      RecordedRequest continued = llm.lastRequest();
      assertThat(continued.messages())
          .containsExactly(
              new RecordedMessage(
                  "user", "What did each compartment cost last month?", List.of(), null),
              new RecordedMessage(
                  "assistant", "", List.of(new StubToolCall("call_1", "query_costs", args)), null),
              new RecordedMessage("tool", firstAnswerToolResult, List.of(), "call_1"),
              new RecordedMessage(
                  "assistant", "October by compartment is listed above.", List.of(), null),
              new RecordedMessage("user", "And which service was largest?", List.of(), null));
      assertThat(events.get(events.size() - 1)).isInstanceOf(AssistantEvent.FinalAnswer.class);
      Assistant assistant = second.assistant();
      assertThat(assistant.findThread("resume-1").orElseThrow().messageCount()).isEqualTo(6);
      assertThat(assistant.findThread("resume-1").orElseThrow().title())
          .isEqualTo("What did each compartment cost last month?");
      assertThat(assistant.rename("resume-1", "Compartments in October").title())
          .isEqualTo("Compartments in October");
      assertThat(assistant.threads()).extracting(t -> t.id()).contains("resume-1");
    }
  }

  @Test
  void anotherAccountCannotReadContinueOrDeleteTheThread() {
    llm.enqueue(StubReply.text("Answer for the tenancy."), StubReply.text("Answer for acme."));
    try (PostgresStore store = PostgresStore.create(PG.dataSource(), KEYS);
        Cloudey cloudey = process(store)) {
      AccountId acme = AccountId.of("acme");
      cloudey.accounts().add(acme, Fixtures.credentials());
      Assistant ours = cloudey.assistant();
      Assistant theirs = cloudey.account(acme).assistant();
      ours.ask("private-1", "Our question");

      assertThat(theirs.findThread("private-1")).isEmpty();
      assertThat(theirs.threads()).isEmpty();
      assertThatThrownBy(() -> theirs.messages("private-1"))
          .isInstanceOf(CloudeyNotFoundException.class)
          .hasMessage("account 'acme' has no thread 'private-1'");
      assertThatThrownBy(() -> theirs.rename("private-1", "taken"))
          .isInstanceOf(CloudeyNotFoundException.class);
      assertThat(theirs.delete("private-1")).isFalse();

      // asking under the same id starts acme's own thread: none of ours reaches the model
      theirs.ask("private-1", "Their question");
      assertThat(llm.lastRequest().messages())
          .containsExactly(new RecordedMessage("user", "Their question", List.of(), null));
      assertThat(llm.lastRequest().systemPrompt()).contains("Fake tenancy");

      assertThat(ours.messages("private-1"))
          .extracting(ChatMessage::text)
          .containsExactly("Our question", "Answer for the tenancy.");
      assertThat(theirs.messages("private-1"))
          .extracting(ChatMessage::text)
          .containsExactly("Their question", "Answer for acme.");
      assertThat(theirs.delete("private-1")).isTrue();
      assertThat(ours.findThread("private-1")).isPresent();
    }
  }
}
