package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.ConversationStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ConversationStore}: threads created by their first append and titled, messages
 * (tool calls and results included) kept whole and numbered 1, 2, ... without gaps or reuse even
 * under concurrent appends, windows by position, listing newest first, rename, summaries that only
 * move forward, delete, and tenant isolation (the same thread id in two accounts names two
 * threads).
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class ConversationStoreContract extends StoreContract {

  private static final Instant T1 = Instant.parse("2026-11-20T09:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-20T09:05:00Z");
  private static final Instant T3 = Instant.parse("2026-11-20T09:10:00Z");

  private ConversationStore conversations() {
    return store().conversations();
  }

  /** A whole turn: question, a tool call, its result, the answer. */
  private static List<ChatMessage> turn(String question, Instant at) {
    ChatMessage.ToolCall call =
        new ChatMessage.ToolCall(
            "call_1", "query_costs", "{\"period\":\"2026-10\",\"note\":\"é \\\"quoted\\\"\"}");
    return List.of(
        ChatMessage.user(question, at),
        ChatMessage.assistant("", List.of(call), at),
        ChatMessage.toolResult("call_1", "query_costs", "Costs 2026-10: total 18.24 USD", at),
        ChatMessage.assistant("You spent 18.24 USD.", List.of(), at));
  }

  private static List<ChatMessage> numbered(List<ChatMessage> messages, long first) {
    List<ChatMessage> out = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      out.add(messages.get(i).withSeq(first + i));
    }
    return out;
  }

  @Test
  public void theFirstAppendCreatesATitledThreadAndNumbersItsMessages() {
    AccountId id = newAccount();
    List<ChatMessage> stored =
        conversations()
            .append(id, "t1", "  What did we\n spend?  ", turn("What did we spend?", T1), T1);
    assertThat(stored).isEqualTo(numbered(turn("What did we spend?", T1), 1));
    assertThat(conversations().findThread(id, "t1"))
        .contains(new ChatThread(id, "t1", "What did we spend?", T1, T1, 4, "", 0));
    assertThat(conversations().messages(id, "t1", 0, 0)).isEqualTo(stored);
  }

  @Test
  public void laterAppendsContinueTheNumberingAndKeepTheTitle() {
    AccountId id = newAccount();
    conversations().append(id, "t1", "first", turn("first", T1), T1);
    List<ChatMessage> second = conversations().append(id, "t1", "ignored", turn("second", T2), T2);
    assertThat(second).extracting(ChatMessage::seq).containsExactly(5L, 6L, 7L, 8L);
    ChatThread thread = conversations().findThread(id, "t1").orElseThrow();
    assertThat(thread.title()).isEqualTo("first");
    assertThat(thread.createdAt()).isEqualTo(T1);
    assertThat(thread.updatedAt()).isEqualTo(T2);
    assertThat(thread.messageCount()).isEqualTo(8);
    assertThat(conversations().messages(id, "t1", 0, 0))
        .extracting(ChatMessage::text)
        .containsExactly(
            "first",
            "",
            "Costs 2026-10: total 18.24 USD",
            "You spent 18.24 USD.",
            "second",
            "",
            "Costs 2026-10: total 18.24 USD",
            "You spent 18.24 USD.");
  }

  @Test
  public void messagesAfterAPositionAndTheLastNOfThem() {
    AccountId id = newAccount();
    conversations().append(id, "t1", "first", turn("first", T1), T1);
    conversations().append(id, "t1", "first", turn("second", T2), T2);
    assertThat(conversations().messages(id, "t1", 4, 0))
        .extracting(ChatMessage::seq)
        .containsExactly(5L, 6L, 7L, 8L);
    assertThat(conversations().messages(id, "t1", 0, 3))
        .extracting(ChatMessage::seq)
        .containsExactly(6L, 7L, 8L);
    assertThat(conversations().messages(id, "t1", 6, 5))
        .extracting(ChatMessage::seq)
        .containsExactly(7L, 8L);
    assertThat(conversations().messages(id, "t1", 8, 0)).isEmpty();
    assertThat(conversations().messages(id, "unknown", 0, 0)).isEmpty();
  }

  @Test
  public void threadsAreListedMostRecentlyUpdatedFirst() {
    AccountId id = newAccount();
    conversations().append(id, "a", "a", turn("a", T1), T1);
    conversations().append(id, "b", "b", turn("b", T2), T2);
    conversations().append(id, "c", "c", turn("c", T1), T1);
    conversations().append(id, "a", "a", turn("a again", T3), T3);
    assertThat(conversations().threads(id, 10))
        .extracting(ChatThread::id)
        .containsExactly("a", "b", "c");
    assertThat(conversations().threads(id, 2)).extracting(ChatThread::id).containsExactly("a", "b");
  }

  @Test
  public void renameSetsACleanTitle() {
    AccountId id = newAccount();
    conversations().append(id, "t1", "first", turn("first", T1), T1);
    assertThat(conversations().rename(id, "t1", "  Compute\tcosts ", T2)).isTrue();
    ChatThread thread = conversations().findThread(id, "t1").orElseThrow();
    assertThat(thread.title()).isEqualTo("Compute costs");
    assertThat(thread.updatedAt()).isEqualTo(T2);
    assertThat(conversations().rename(id, "unknown", "x", T2)).isFalse();
    assertThatThrownBy(() -> conversations().rename(id, "t1", " ", T2))
        .isInstanceOf(CloudeyConfigException.class);
    String longTitle = "x".repeat(ChatThread.MAX_TITLE_LENGTH + 50);
    conversations().rename(id, "t1", longTitle, T3);
    assertThat(conversations().findThread(id, "t1").orElseThrow().title())
        .hasSize(ChatThread.MAX_TITLE_LENGTH);
  }

  @Test
  public void aSummaryOnlyMovesForward() {
    AccountId id = newAccount();
    conversations().append(id, "t1", "first", turn("first", T1), T1);
    conversations().append(id, "t1", "first", turn("second", T2), T2);
    assertThat(conversations().summarize(id, "t1", "they asked twice", 4, T3)).isTrue();
    ChatThread thread = conversations().findThread(id, "t1").orElseThrow();
    assertThat(thread.summary()).isEqualTo("they asked twice");
    assertThat(thread.summarizedThrough()).isEqualTo(4);
    assertThat(conversations().summarize(id, "t1", "older", 2, T3)).isFalse();
    assertThat(conversations().findThread(id, "t1").orElseThrow().summary())
        .isEqualTo("they asked twice");
    assertThatThrownBy(() -> conversations().summarize(id, "t1", "too far", 9, T3))
        .isInstanceOf(CloudeyConfigException.class);
    assertThat(conversations().summarize(id, "unknown", "x", 0, T3)).isFalse();
  }

  @Test
  public void deleteRemovesTheThreadAndItsMessages() {
    AccountId id = newAccount();
    conversations().append(id, "t1", "first", turn("first", T1), T1);
    conversations().append(id, "t2", "other", turn("other", T1), T1);
    assertThat(conversations().delete(id, "t1")).isTrue();
    assertThat(conversations().delete(id, "t1")).isFalse();
    assertThat(conversations().findThread(id, "t1")).isEmpty();
    assertThat(conversations().messages(id, "t1", 0, 0)).isEmpty();
    assertThat(conversations().threads(id, 10)).extracting(ChatThread::id).containsExactly("t2");
    // a thread created again under the same id starts afresh
    conversations().append(id, "t1", "again", turn("again", T2), T2);
    assertThat(conversations().messages(id, "t1", 0, 0))
        .extracting(ChatMessage::seq)
        .containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  public void refusedAppendsWriteNothing() {
    AccountId id = newAccount();
    assertThatThrownBy(() -> conversations().append(id, "t1", "title", List.of(), T1))
        .isInstanceOf(CloudeyConfigException.class);
    assertThatThrownBy(() -> conversations().append(id, " ", "title", turn("q", T1), T1))
        .isInstanceOf(CloudeyConfigException.class);
    assertThatThrownBy(() -> conversations().append(id, "t1", " ", turn("q", T1), T1))
        .isInstanceOf(CloudeyConfigException.class);
    String tooLong = "t".repeat(ChatThread.MAX_ID_LENGTH + 1);
    assertThatThrownBy(() -> conversations().append(id, tooLong, "title", turn("q", T1), T1))
        .isInstanceOf(CloudeyConfigException.class);
    assertThat(conversations().threads(id, 10)).isEmpty();
  }

  @Test
  public void tenantsNeverSeeEachOthersThreads() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    conversations().append(a, "shared-id", "A's question", turn("A's question", T1), T1);
    assertThat(conversations().findThread(b, "shared-id")).isEmpty();
    assertThat(conversations().messages(b, "shared-id", 0, 0)).isEmpty();
    assertThat(conversations().threads(b, 10)).isEmpty();
    assertThat(conversations().rename(b, "shared-id", "taken", T2)).isFalse();
    assertThat(conversations().summarize(b, "shared-id", "taken", 0, T2)).isFalse();
    assertThat(conversations().delete(b, "shared-id")).isFalse();
    // B's thread of the same id is B's own, numbered from 1
    List<ChatMessage> ofB =
        conversations().append(b, "shared-id", "B's question", turn("B's question", T2), T2);
    assertThat(ofB).extracting(ChatMessage::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(conversations().findThread(a, "shared-id").orElseThrow())
        .isEqualTo(new ChatThread(a, "shared-id", "A's question", T1, T1, 4, "", 0));
    assertThat(conversations().messages(a, "shared-id", 0, 0))
        .isEqualTo(numbered(turn("A's question", T1), 1));
    assertThat(conversations().delete(b, "shared-id")).isTrue();
    assertThat(conversations().findThread(a, "shared-id")).isPresent();
  }

  @Test
  public void deletingTheAccountDeletesItsConversations() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    conversations().append(a, "t1", "first", turn("first", T1), T1);
    conversations().append(b, "t1", "first", turn("first", T1), T1);
    assertThat(store().accounts().delete(a)).isTrue();
    assertThat(conversations().threads(a, 10)).isEmpty();
    assertThat(conversations().messages(a, "t1", 0, 0)).isEmpty();
    assertThat(conversations().threads(b, 10)).hasSize(1);
  }

  @Test
  public void concurrentAppendsToOneThreadNeverReuseAPosition() throws Exception {
    AccountId id = newAccount();
    conversations().append(id, "t1", "first", turn("first", T1), T1);
    int writers = 4;
    int appendsEach = 10;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < appendsEach; i++) {
                    conversations()
                        .append(
                            id,
                            "t1",
                            "first",
                            List.of(
                                ChatMessage.user("q" + writer + "-" + i, T2),
                                ChatMessage.assistant("a" + writer + "-" + i, List.of(), T2)),
                            T2);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<ChatMessage> all = conversations().messages(id, "t1", 0, 0);
    long expected = 4 + 2L * writers * appendsEach;
    assertThat(all).extracting(ChatMessage::seq).containsExactlyElementsOf(seqs(expected));
    // each append stayed together: a question is always followed by its own answer
    Set<String> questions = new HashSet<>();
    for (int i = 4; i < all.size(); i += 2) {
      String question = all.get(i).text();
      assertThat(all.get(i + 1).text()).isEqualTo("a" + question.substring(1));
      questions.add(question);
    }
    assertThat(questions).hasSize(writers * appendsEach);
    assertThat(conversations().findThread(id, "t1").orElseThrow().messageCount())
        .isEqualTo(expected);
  }

  private static List<Long> seqs(long last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }
}
