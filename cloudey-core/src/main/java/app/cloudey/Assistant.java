package app.cloudey;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A chat assistant that answers questions about one account's costs, inventory, utilisation and
 * recommendations, reading them through read-only tools bound to that account. Obtain it from
 * {@code cloudey.assistant()} (the default account) or {@code cloudey.account(id).assistant()}; it
 * needs an LLM given to {@code Cloudey.builder().llm(...)} (e.g. {@code CloudeyAi.of(chatModel,
 * streamingChatModel)} from cloudey-ai), and the store's conversation store.
 *
 * <pre>{@code
 * Assistant assistant = cloudey.account("acme").assistant();
 * AssistantAnswer answer = assistant.ask("t-42", "What did we spend on compute last month?");
 * assistant.stream("t-42", "And the month before?", event -> sse.send(event.type(), event));
 * }</pre>
 *
 * <p><b>Threads.</b> A thread id is chosen by the caller and belongs to the account: the first
 * question creates the thread (titled from the question), later questions continue it with a
 * bounded window of earlier messages (including tool calls and results, so another process resumes
 * it exactly). Threads of other accounts are invisible: reading, continuing or deleting through
 * this assistant never touches them. A question and its answer are stored together once the answer
 * is complete; a failed or cancelled answer stores nothing.
 *
 * <p><b>Blocking, thread-safe.</b> Both {@link #ask} and {@link #stream} block the calling thread
 * until the answer is complete. Interrupting that thread cancels the answer (the provider request
 * is cancelled). Instances are cheap and may be shared.
 *
 * <p><b>Errors.</b> Without an LLM, {@link #ask} and {@link #stream} throw {@link
 * CloudeyConfigException}. Provider failures become {@link CloudeyAuthException} (401/403), {@link
 * CloudeyRateLimitedException} (429, after retries), {@link CloudeyProviderException} (5xx,
 * timeouts) from {@link #ask}, and an {@link AssistantEvent.Error} event from {@link #stream}.
 */
public interface Assistant {

  /**
   * Answers a question in a thread, creating the thread when the account has none of that id.
   *
   * @throws CloudeyConfigException without an LLM, or for a blank question or thread id
   * @throws CloudeyException a subclass saying what failed (see the class documentation)
   */
  AssistantAnswer ask(String threadId, String question);

  /**
   * Answers a question in a thread, reporting the answer's progress to {@code events} on the
   * calling thread, in order, and ending with one {@link AssistantEvent.FinalAnswer} or one {@link
   * AssistantEvent.Error} (a provider failure is reported, not thrown).
   *
   * <p>If {@code events} throws, the answer stops there (the provider request is cancelled and
   * nothing is stored) and the exception propagates: throw from it when the receiver has gone away.
   *
   * @throws CloudeyConfigException without an LLM, or for a blank question or thread id
   */
  void stream(String threadId, String question, Consumer<? super AssistantEvent> events);

  /** The account's threads, most recently updated first. */
  List<ChatThread> threads();

  /** A thread of the account. */
  Optional<ChatThread> findThread(String threadId);

  /**
   * Every message of a thread of the account, in order.
   *
   * @throws CloudeyNotFoundException when the account has no such thread
   */
  List<ChatMessage> messages(String threadId);

  /**
   * Renames a thread of the account.
   *
   * @throws CloudeyNotFoundException when the account has no such thread
   */
  ChatThread rename(String threadId, String title);

  /**
   * Deletes a thread of the account and its messages; false when the account has none of that id.
   */
  boolean delete(String threadId);
}
