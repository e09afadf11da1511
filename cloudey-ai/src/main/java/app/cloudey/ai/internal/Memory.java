package app.cloudey.ai.internal;

import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.spi.AccountConversations;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A thread's memory: the bounded window of stored messages given with a question (starting at a
 * question, so tool calls keep their results), the stored summary of what came before, and the
 * summarising of older messages once a thread outgrows the window.
 */
final class Memory {
  private final AccountConversations conversations;
  private final int window;
  private final Clock clock;

  Memory(AccountConversations conversations, int window, Clock clock) {
    this.conversations = conversations;
    this.window = window;
    this.clock = clock;
  }

  /** What the model is given of a thread before a new question. */
  record Recalled(List<ChatMessage> messages, String summary) {}

  Recalled recall(String threadId) {
    Optional<ChatThread> thread = conversations.findThread(threadId);
    if (thread.isEmpty()) {
      return new Recalled(List.of(), "");
    }
    List<ChatMessage> recent =
        conversations.messages(threadId, thread.get().summarizedThrough(), window);
    return new Recalled(Transcript.fromQuestion(recent), thread.get().summary());
  }

  /**
   * Once the messages after the summary reach twice the window, summarises all but the last window
   * of them (with the earlier summary), so a long thread costs one extra model call every window's
   * worth of messages rather than every turn. Best effort: a failure leaves the thread as it was
   * (the window still bounds what the model is given).
   */
  void summarizeOverflow(String threadId, ModelCaller model, Retrier retrier) {
    Optional<ChatThread> found = conversations.findThread(threadId);
    if (found.isEmpty()) {
      return;
    }
    ChatThread thread = found.get();
    if (thread.messageCount() - thread.summarizedThrough() <= 2L * window) {
      return;
    }
    List<ChatMessage> unsummarized =
        conversations.messages(threadId, thread.summarizedThrough(), 0);
    List<ChatMessage> kept =
        Transcript.fromQuestion(
            unsummarized.subList(unsummarized.size() - window, unsummarized.size()));
    long keptFrom = kept.isEmpty() ? thread.messageCount() + 1 : kept.get(0).seq();
    List<ChatMessage> older = unsummarized.stream().filter(m -> m.seq() < keptFrom).toList();
    if (older.isEmpty()) {
      return;
    }
    String prompt =
        (thread.summary().isBlank() ? "" : "Earlier summary:\n" + thread.summary() + "\n\n")
            + "Conversation:\n"
            + Transcript.plain(older);
    ChatRequest request =
        ChatRequest.builder()
            .messages(
                SystemMessage.from(
                    "Summarise this conversation between a user and a cloud cost assistant in at"
                        + " most 12 short lines. Keep the questions asked, the facts found (amounts"
                        + " with currency, dates and periods, resource and compartment names) and"
                        + " anything the user asked to remember. Plain text."),
                UserMessage.from(prompt))
            .build();
    String summary = retrier.call(model, request, Events.IGNORED).aiMessage().text();
    if (summary != null && !summary.isBlank()) {
      conversations.summarize(
          threadId, summary.strip(), older.get(older.size() - 1).seq(), clock.instant());
    }
  }
}
