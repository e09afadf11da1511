package app.cloudey.spi;

import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.model.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ConversationStore} bound to one account: the only conversation access an {@link
 * AssistantFactory}'s assistant gets, so no code path of it can name another account's thread.
 * Thread-safe.
 */
public final class AccountConversations {
  private final ConversationStore store;
  private final AccountId accountId;

  public AccountConversations(ConversationStore store, AccountId accountId) {
    this.store = store;
    this.accountId = accountId;
  }

  public AccountId accountId() {
    return accountId;
  }

  /** See {@link ConversationStore#append}. */
  public List<ChatMessage> append(
      String threadId, String titleIfNew, List<ChatMessage> messages, Instant at) {
    return store.append(accountId, threadId, titleIfNew, messages, at);
  }

  public Optional<ChatThread> findThread(String threadId) {
    return store.findThread(accountId, threadId);
  }

  public List<ChatThread> threads(int limit) {
    return store.threads(accountId, limit);
  }

  /** See {@link ConversationStore#messages}. */
  public List<ChatMessage> messages(String threadId, long afterSeq, int limit) {
    return store.messages(accountId, threadId, afterSeq, limit);
  }

  public boolean rename(String threadId, String title, Instant at) {
    return store.rename(accountId, threadId, title, at);
  }

  public boolean summarize(String threadId, String summary, long throughSeq, Instant at) {
    return store.summarize(accountId, threadId, summary, throughSeq, at);
  }

  public boolean delete(String threadId) {
    return store.delete(accountId, threadId);
  }
}
