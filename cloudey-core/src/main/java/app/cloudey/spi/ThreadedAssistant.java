package app.cloudey.spi;

import app.cloudey.Assistant;
import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.CloudeyNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The thread half of an {@link Assistant}, shared by every implementation: list, read, rename and
 * delete the threads of the one account its {@link AccountConversations} is bound to. Subclasses
 * answer questions ({@code ask}, {@code stream}).
 */
public abstract class ThreadedAssistant implements Assistant {
  protected final AccountConversations conversations;
  protected final Clock clock;

  protected ThreadedAssistant(AccountConversations conversations, Clock clock) {
    this.conversations = conversations;
    this.clock = clock;
  }

  @Override
  public final List<ChatThread> threads() {
    return conversations.threads(Integer.MAX_VALUE);
  }

  @Override
  public final Optional<ChatThread> findThread(String threadId) {
    return conversations.findThread(ChatThread.checkId(threadId));
  }

  @Override
  public final List<ChatMessage> messages(String threadId) {
    requireThread(threadId);
    return conversations.messages(threadId, 0, 0);
  }

  @Override
  public final ChatThread rename(String threadId, String title) {
    requireThread(threadId);
    if (!conversations.rename(threadId, title, clock.instant())) {
      throw notFound(threadId);
    }
    return requireThread(threadId);
  }

  @Override
  public final boolean delete(String threadId) {
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
