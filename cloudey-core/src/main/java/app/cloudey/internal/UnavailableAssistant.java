package app.cloudey.internal;

import app.cloudey.Assistant;
import app.cloudey.AssistantAnswer;
import app.cloudey.AssistantEvent;
import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.spi.AccountConversations;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The assistant of a Cloudey built without {@code .llm(...)}: questions fail with a message that
 * says how to configure one; the account's stored threads can still be listed, read, renamed and
 * deleted.
 */
public final class UnavailableAssistant implements Assistant {
  static final String NO_LLM =
      "no LLM is configured, so the assistant cannot answer: build Cloudey with"
          + " .llm(CloudeyAi.of(chatModel, streamingChatModel)) from cloudey-ai (OpenAI, Anthropic"
          + " or any OpenAI-compatible endpoint)";

  private final AccountConversations conversations;
  private final Clock clock;

  public UnavailableAssistant(AccountConversations conversations, Clock clock) {
    this.conversations = conversations;
    this.clock = clock;
  }

  @Override
  public AssistantAnswer ask(String threadId, String question) {
    throw new CloudeyConfigException(NO_LLM);
  }

  @Override
  public void stream(String threadId, String question, Consumer<? super AssistantEvent> events) {
    throw new CloudeyConfigException(NO_LLM);
  }

  @Override
  public List<ChatThread> threads() {
    return conversations.threads(Integer.MAX_VALUE);
  }

  @Override
  public Optional<ChatThread> findThread(String threadId) {
    return conversations.findThread(ChatThread.checkId(threadId));
  }

  @Override
  public List<ChatMessage> messages(String threadId) {
    requireThread(threadId);
    return conversations.messages(threadId, 0, 0);
  }

  @Override
  public ChatThread rename(String threadId, String title) {
    requireThread(threadId);
    if (!conversations.rename(threadId, title, clock.instant())) {
      throw notFound(threadId);
    }
    return requireThread(threadId);
  }

  @Override
  public boolean delete(String threadId) {
    return conversations.delete(ChatThread.checkId(threadId));
  }

  private ChatThread requireThread(String threadId) {
    return findThread(threadId).orElseThrow(() -> notFound(threadId));
  }

  private CloudeyNotFoundException notFound(String threadId) {
    return new CloudeyNotFoundException(
        "account '" + conversations.accountId() + "' has no thread '" + threadId + "'");
  }
}
