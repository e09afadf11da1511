package app.cloudey.memory;

import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.ConversationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Threads and messages per account. Each account's threads sit behind one monitor, so an append is
 * atomic and positions are never reused; accounts never block each other. Conversation writes do
 * not bump the data version (no cached report depends on them).
 */
final class InMemoryConversationStore
    implements ConversationStore, InMemoryAccountStore.AccountDataOwner {
  private static final Comparator<ChatThread> NEWEST_FIRST =
      Comparator.comparing(ChatThread::updatedAt)
          .reversed()
          .thenComparing(ChatThread::id, Comparator.naturalOrder());

  private final ConcurrentMap<AccountId, Map<String, StoredThread>> accounts =
      new ConcurrentHashMap<>();

  /** A thread and its messages; guarded by the account's map. */
  private static final class StoredThread {
    ChatThread thread;
    final List<ChatMessage> messages = new ArrayList<>();

    StoredThread(ChatThread thread) {
      this.thread = thread;
    }
  }

  private Map<String, StoredThread> threadsOf(AccountId accountId) {
    return accounts.computeIfAbsent(Check.notNull(accountId, "accountId"), id -> new HashMap<>());
  }

  @Override
  public List<ChatMessage> append(
      @Nullable AccountId accountId,
      @Nullable String threadId,
      @Nullable String titleIfNew,
      @Nullable List<ChatMessage> messages,
      @Nullable Instant at) {
    Map<String, StoredThread> threads = threadsOf(Check.notNull(accountId, "accountId"));
    String id = ChatThread.checkId(threadId);
    String title = ChatThread.cleanTitle(titleIfNew);
    Check.notNull(at, "at");
    if (messages == null || messages.isEmpty()) {
      throw new CloudeyConfigException("append needs at least one message");
    }
    List<ChatMessage> given = List.copyOf(messages);
    synchronized (threads) {
      StoredThread stored =
          threads.computeIfAbsent(
              id, key -> new StoredThread(new ChatThread(accountId, key, title, at, at, 0, "", 0)));
      List<ChatMessage> appended = new ArrayList<>();
      long seq = stored.thread.messageCount();
      for (ChatMessage message : given) {
        ChatMessage positioned = message.withSeq(++seq);
        stored.messages.add(positioned);
        appended.add(positioned);
      }
      ChatThread t = stored.thread;
      stored.thread =
          new ChatThread(
              accountId,
              t.id(),
              t.title(),
              t.createdAt(),
              at,
              seq,
              t.summary(),
              t.summarizedThrough());
      return List.copyOf(appended);
    }
  }

  @Override
  public Optional<ChatThread> findThread(@Nullable AccountId accountId, @Nullable String threadId) {
    Map<String, StoredThread> threads = threadsOf(Check.notNull(accountId, "accountId"));
    String id = ChatThread.checkId(threadId);
    synchronized (threads) {
      return Optional.ofNullable(threads.get(id)).map(s -> s.thread);
    }
  }

  @Override
  public List<ChatThread> threads(@Nullable AccountId accountId, int limit) {
    Map<String, StoredThread> threads = threadsOf(Check.notNull(accountId, "accountId"));
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    synchronized (threads) {
      return threads.values().stream()
          .map(s -> s.thread)
          .sorted(NEWEST_FIRST)
          .limit(limit)
          .toList();
    }
  }

  @Override
  public List<ChatMessage> messages(
      @Nullable AccountId accountId, @Nullable String threadId, long afterSeq, int limit) {
    Map<String, StoredThread> threads = threadsOf(Check.notNull(accountId, "accountId"));
    String id = ChatThread.checkId(threadId);
    if (afterSeq < 0 || limit < 0) {
      throw new CloudeyConfigException("afterSeq and limit must not be negative");
    }
    synchronized (threads) {
      StoredThread stored = threads.get(id);
      if (stored == null) {
        return List.of();
      }
      List<ChatMessage> after = stored.messages.stream().filter(m -> m.seq() > afterSeq).toList();
      return limit == 0 || after.size() <= limit
          ? after
          : List.copyOf(after.subList(after.size() - limit, after.size()));
    }
  }

  @Override
  public boolean rename(
      @Nullable AccountId accountId,
      @Nullable String threadId,
      @Nullable String title,
      @Nullable Instant at) {
    Map<String, StoredThread> threads = threadsOf(Check.notNull(accountId, "accountId"));
    String id = ChatThread.checkId(threadId);
    String clean = ChatThread.cleanTitle(title);
    Check.notNull(at, "at");
    synchronized (threads) {
      StoredThread stored = threads.get(id);
      if (stored == null) {
        return false;
      }
      ChatThread t = stored.thread;
      stored.thread =
          new ChatThread(
              accountId,
              t.id(),
              clean,
              t.createdAt(),
              at,
              t.messageCount(),
              t.summary(),
              t.summarizedThrough());
      return true;
    }
  }

  @Override
  public boolean summarize(
      @Nullable AccountId accountId,
      @Nullable String threadId,
      @Nullable String summary,
      long throughSeq,
      @Nullable Instant at) {
    Map<String, StoredThread> threads = threadsOf(Check.notNull(accountId, "accountId"));
    String id = ChatThread.checkId(threadId);
    Check.notNull(summary, "summary");
    Check.notNull(at, "at");
    synchronized (threads) {
      StoredThread stored = threads.get(id);
      if (stored == null) {
        return false;
      }
      ChatThread t = stored.thread;
      if (throughSeq < 0 || throughSeq > t.messageCount()) {
        throw new CloudeyConfigException(
            "throughSeq must be between 0 and the thread's last message ("
                + t.messageCount()
                + "), was "
                + throughSeq);
      }
      if (throughSeq < t.summarizedThrough()) {
        return false;
      }
      stored.thread =
          new ChatThread(
              accountId,
              t.id(),
              t.title(),
              t.createdAt(),
              t.updatedAt(),
              t.messageCount(),
              summary,
              throughSeq);
      return true;
    }
  }

  @Override
  public boolean delete(@Nullable AccountId accountId, @Nullable String threadId) {
    Map<String, StoredThread> threads = threadsOf(Check.notNull(accountId, "accountId"));
    String id = ChatThread.checkId(threadId);
    synchronized (threads) {
      return threads.remove(id) != null;
    }
  }

  @Override
  public void clear(AccountId accountId) {
    accounts.remove(accountId);
  }
}
