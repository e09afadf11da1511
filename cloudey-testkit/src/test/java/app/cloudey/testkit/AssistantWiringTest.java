package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Assistant;
import app.cloudey.AssistantAnswer;
import app.cloudey.AssistantEvent;
import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.Cloudey;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.ResourceFilter;
import app.cloudey.spi.AssistantContext;
import app.cloudey.spi.CloudeyStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How core wires the assistant: without {@code .llm(...)} questions fail with a message naming the
 * fix while stored threads stay readable; with a factory, each account's assistant gets a context
 * bound to that account; a store without conversations says so.
 */
class AssistantWiringTest {
  private final MutableClock clock = MutableClock.at("2026-11-20T10:00:00Z");

  @Test
  void withoutAnLlmAQuestionFailsWithAMessageThatSaysHowToConfigureOne() {
    try (Cloudey cloudey =
        Cloudey.builder().cloud(Fixtures.provider(), Fixtures.credentials()).clock(clock).build()) {
      Assistant assistant = cloudey.assistant();
      assertThatThrownBy(() -> assistant.ask("t1", "What did we spend?"))
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("no LLM is configured")
          .hasMessageContaining(".llm(CloudeyAi.of(chatModel, streamingChatModel))");
      assertThatThrownBy(() -> assistant.stream("t1", "What did we spend?", event -> {}))
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("no LLM is configured");
      assertThat(assistant.threads()).isEmpty();
      assertThat(assistant.findThread("t1")).isEmpty();
      assertThatThrownBy(() -> assistant.messages("t1"))
          .isInstanceOf(CloudeyNotFoundException.class)
          .hasMessageContaining("has no thread 't1'");
    }
  }

  @Test
  void storedThreadsStayReadableRenamableAndDeletableWithoutAnLlm() {
    InMemoryStore store = InMemoryStore.create(clock);
    try (Cloudey cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(store)
            .clock(clock)
            .build()) {
      store
          .conversations()
          .append(
              Cloudey.DEFAULT_ACCOUNT,
              "t1",
              "Spend",
              List.of(ChatMessage.user("What did we spend?", clock.instant())),
              clock.instant());
      Assistant assistant = cloudey.assistant();
      assertThat(assistant.messages("t1"))
          .extracting(ChatMessage::text)
          .containsExactly("What did we spend?");
      assertThat(assistant.rename("t1", "Spending").title()).isEqualTo("Spending");
      assertThat(assistant.delete("t1")).isTrue();
      assertThat(assistant.threads()).isEmpty();
    }
  }

  @Test
  void theFactoryGetsAReadOnlyViewAndTheConversationsOfTheAccountAskedFor() {
    AtomicReference<AssistantContext> seen = new AtomicReference<>();
    try (Cloudey cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .clock(clock)
            .llm(
                context -> {
                  seen.set(context);
                  return new EchoAssistant(context);
                })
            .build()) {
      cloudey.inventory().sync();
      AssistantAnswer answer = cloudey.assistant().ask("t1", "How many resources?");
      assertThat(answer.text()).isEqualTo("6 resources");
      assertThat(seen.get().account().id()).isEqualTo(Cloudey.DEFAULT_ACCOUNT);
      assertThat(seen.get().conversations().accountId()).isEqualTo(Cloudey.DEFAULT_ACCOUNT);
      assertThat(seen.get().clock()).isSameAs(clock);
      assertThat(seen.get().account().clock()).isSameAs(clock);
    }
  }

  @Test
  void aStoreWithoutConversationsSaysSo() {
    CloudeyStore bare = withoutConversations(InMemoryStore.create(clock));
    try (Cloudey cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(bare)
            .clock(clock)
            .build()) {
      assertThatThrownBy(cloudey::assistant)
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("keeps no assistant conversations")
          .hasMessageContaining("InMemoryStore or PostgresStore");
    }
  }

  @Test
  void anAccountsAssistantIsBoundToThatAccount() {
    AtomicReference<AccountId> boundTo = new AtomicReference<>();
    try (Cloudey cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider())
            .clock(clock)
            .llm(
                context -> {
                  boundTo.set(context.conversations().accountId());
                  return new EchoAssistant(context);
                })
            .build()) {
      cloudey.accounts().add(AccountId.of("acme"), Fixtures.credentials());
      cloudey.account("acme").assistant();
      assertThat(boundTo.get()).isEqualTo(AccountId.of("acme"));
    }
  }

  /** Answers with the number of resources it can read; stores nothing. */
  private record EchoAssistant(AssistantContext context) implements Assistant {
    @Override
    public AssistantAnswer ask(String threadId, String question) {
      int n = context.account().resources(ResourceFilter.ALL).size();
      return new AssistantAnswer(
          threadId, n + " resources", List.of(), app.cloudey.TokenUsage.NONE);
    }

    @Override
    public void stream(String threadId, String question, Consumer<? super AssistantEvent> events) {
      events.accept(new AssistantEvent.Token(ask(threadId, question).text()));
    }

    @Override
    public List<ChatThread> threads() {
      return context.conversations().threads(10);
    }

    @Override
    public Optional<ChatThread> findThread(String threadId) {
      return context.conversations().findThread(threadId);
    }

    @Override
    public List<ChatMessage> messages(String threadId) {
      return context.conversations().messages(threadId, 0, 0);
    }

    @Override
    public ChatThread rename(String threadId, String title) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(String threadId) {
      return context.conversations().delete(threadId);
    }
  }

  /**
   * A store that keeps no conversations: forwards every method but leaves {@code conversations()}
   * to the SPI's default (a proxy, so it follows the SPI as it grows).
   */
  private static CloudeyStore withoutConversations(CloudeyStore delegate) {
    return (CloudeyStore)
        Proxy.newProxyInstance(
            CloudeyStore.class.getClassLoader(),
            new Class<?>[] {CloudeyStore.class},
            (proxy, method, args) -> {
              if (method.getName().equals("conversations")) {
                return InvocationHandler.invokeDefault(proxy, method, args);
              }
              try {
                return method.invoke(delegate, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
