package app.cloudey.spi;

import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.model.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable assistant conversations: threads per account and their messages, tool calls and tool
 * results included. A thread is identified by (account, thread id): two accounts may use the same
 * thread id and never see each other's thread. Every method is scoped to the account it takes.
 * Thread-safe. Writes here do not change the account's data version (conversations are not data
 * that cached reports depend on).
 *
 * <p>Reference implementations: {@code InMemoryStore} (core) and {@code PostgresStore}
 * (cloudey-store); both pass the test kit's {@code ConversationStoreContract}. Deleting an account
 * deletes its conversations.
 */
public interface ConversationStore {

  /**
   * Appends messages to a thread in one atomic step, creating the thread (titled {@code
   * titleIfNew}, cleaned by {@link ChatThread#cleanTitle}) when the account has none of that id.
   * Messages get the next positions of the thread ({@code seq} 1, 2, ... in thread order), whatever
   * {@code seq} they carry; concurrent appends to one thread never interleave or reuse a position.
   *
   * @param messages at least one message
   * @return the messages as stored, with their positions
   * @throws app.cloudey.CloudeyConfigException for a blank thread id or title, or no messages;
   *     nothing is written
   */
  List<ChatMessage> append(
      AccountId accountId,
      String threadId,
      String titleIfNew,
      List<ChatMessage> messages,
      Instant at);

  /** The account's thread of that id. */
  Optional<ChatThread> findThread(AccountId accountId, String threadId);

  /** The account's threads, most recently updated first (then by id), at most {@code limit}. */
  List<ChatThread> threads(AccountId accountId, int limit);

  /**
   * Messages of the account's thread with {@code seq > afterSeq}, in order; when {@code limit} is
   * positive only the last {@code limit} of them. Empty for a thread the account does not have.
   */
  List<ChatMessage> messages(AccountId accountId, String threadId, long afterSeq, int limit);

  /**
   * Sets the thread's title ({@link ChatThread#cleanTitle cleaned}).
   *
   * @return false when the account has no such thread
   * @throws app.cloudey.CloudeyConfigException for a blank title
   */
  boolean rename(AccountId accountId, String threadId, String title, Instant at);

  /**
   * Records a summary of the thread's messages up to {@code throughSeq}. A summary never moves
   * backwards: one through an earlier message than the stored summary is ignored.
   *
   * @return false when the account has no such thread or the summary was older than the stored one
   * @throws app.cloudey.CloudeyConfigException when {@code throughSeq} is beyond the last message
   */
  boolean summarize(
      AccountId accountId, String threadId, String summary, long throughSeq, Instant at);

  /** Deletes the account's thread and its messages; false when there was none. */
  boolean delete(AccountId accountId, String threadId);
}
