package app.cloudey.store.postgres.internal;

import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.ConversationStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Assistant threads and messages. An append locks the thread's row ({@code for update}) and numbers
 * its messages from the row's count in the same transaction, so concurrent appends from any number
 * of processes never interleave or reuse a position. Tool calls are JSONB.
 */
public final class PgConversationStore implements ConversationStore {
  private static final TypeReference<List<ChatMessage.ToolCall>> TOOL_CALLS =
      new TypeReference<>() {};
  private static final String THREAD_COLUMNS =
      "thread_id, title, created_at, updated_at, message_count, summary, summarized_through";

  private final Db db;

  public PgConversationStore(Db db) {
    this.db = db;
  }

  @Override
  public List<ChatMessage> append(
      AccountId accountId,
      String threadId,
      String titleIfNew,
      List<ChatMessage> messages,
      Instant at) {
    String id = ChatThread.checkId(threadId);
    String title = ChatThread.cleanTitle(titleIfNew);
    if (messages == null || messages.isEmpty()) {
      throw new CloudeyConfigException("append needs at least one message");
    }
    List<ChatMessage> given = List.copyOf(messages);
    return db.inTransaction(
        "append to thread " + id,
        accountId,
        h -> {
          h.createUpdate(
                  db.sql(
                      "insert into {s}.chat_thread (account_id, thread_id, title, created_at,"
                          + " updated_at) values (:account_id, :thread_id, :title, :at, :at)"
                          + " on conflict (account_id, thread_id) do nothing"))
              .bind("account_id", accountId.value())
              .bind("thread_id", id)
              .bind("title", title)
              .bind("at", PgAccountStore.utc(at))
              .execute();
          long last =
              h.createQuery(
                      db.sql(
                          "select message_count from {s}.chat_thread where account_id ="
                              + " :account_id and thread_id = :thread_id for update"))
                  .bind("account_id", accountId.value())
                  .bind("thread_id", id)
                  .mapTo(Long.class)
                  .one();
          List<ChatMessage> stored = new ArrayList<>();
          PreparedBatch batch =
              h.prepareBatch(
                  db.sql(
                      "insert into {s}.chat_message (account_id, thread_id, seq, role, text,"
                          + " tool_calls, tool_call_id, tool_name, created_at) values"
                          + " (:account_id, :thread_id, :seq, :role, :text, cast(:tool_calls as"
                          + " jsonb), :tool_call_id, :tool_name, :created_at)"));
          for (ChatMessage message : given) {
            ChatMessage positioned = message.withSeq(++last);
            stored.add(positioned);
            batch
                .bind("account_id", accountId.value())
                .bind("thread_id", id)
                .bind("seq", positioned.seq())
                .bind("role", positioned.role().name())
                .bind("text", positioned.text())
                .bind("tool_calls", Json.write(positioned.toolCalls()))
                .bind("tool_call_id", positioned.toolCallId())
                .bind("tool_name", positioned.toolName())
                .bind("created_at", PgAccountStore.utc(positioned.createdAt()))
                .add();
          }
          batch.execute();
          h.createUpdate(
                  db.sql(
                      "update {s}.chat_thread set message_count = :count, updated_at = :at where"
                          + " account_id = :account_id and thread_id = :thread_id"))
              .bind("count", last)
              .bind("at", PgAccountStore.utc(at))
              .bind("account_id", accountId.value())
              .bind("thread_id", id)
              .execute();
          return List.copyOf(stored);
        });
  }

  @Override
  public Optional<ChatThread> findThread(AccountId accountId, String threadId) {
    String id = ChatThread.checkId(threadId);
    return db.read(
        "read thread " + id,
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + THREAD_COLUMNS
                            + " from {s}.chat_thread where account_id = :account_id and"
                            + " thread_id = :thread_id"))
                .bind("account_id", accountId.value())
                .bind("thread_id", id)
                .map((rs, ctx) -> thread(accountId, rs))
                .findOne());
  }

  @Override
  public List<ChatThread> threads(AccountId accountId, int limit) {
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    return db.read(
        "list threads",
        accountId,
        h ->
            h.createQuery(
                    db.sql(
                        "select "
                            + THREAD_COLUMNS
                            + " from {s}.chat_thread where account_id = :account_id order by"
                            + " updated_at desc, thread_id collate \"C\" limit :limit"))
                .bind("account_id", accountId.value())
                .bind("limit", limit)
                .map((rs, ctx) -> thread(accountId, rs))
                .list());
  }

  @Override
  public List<ChatMessage> messages(
      AccountId accountId, String threadId, long afterSeq, int limit) {
    String id = ChatThread.checkId(threadId);
    if (afterSeq < 0 || limit < 0) {
      throw new CloudeyConfigException("afterSeq and limit must not be negative");
    }
    // the last `limit` after afterSeq: newest first with a limit, then back in order
    String newest =
        "select seq, role, text, tool_calls::text as tool_calls, tool_call_id, tool_name,"
            + " created_at from {s}.chat_message where account_id = :account_id and thread_id ="
            + " :thread_id and seq > :after order by seq desc"
            + (limit > 0 ? " limit :limit" : "");
    return db.read(
        "read thread " + id,
        accountId,
        h ->
            h.createQuery(db.sql("select * from (" + newest + ") m order by seq"))
                .bind("account_id", accountId.value())
                .bind("thread_id", id)
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> message(rs))
                .list());
  }

  @Override
  public boolean rename(AccountId accountId, String threadId, String title, Instant at) {
    String id = ChatThread.checkId(threadId);
    String clean = ChatThread.cleanTitle(title);
    return db.inTransaction(
        "rename thread " + id,
        accountId,
        h ->
            h.createUpdate(
                        db.sql(
                            "update {s}.chat_thread set title = :title, updated_at = :at where"
                                + " account_id = :account_id and thread_id = :thread_id"))
                    .bind("title", clean)
                    .bind("at", PgAccountStore.utc(at))
                    .bind("account_id", accountId.value())
                    .bind("thread_id", id)
                    .execute()
                > 0);
  }

  @Override
  public boolean summarize(
      AccountId accountId, String threadId, String summary, long throughSeq, Instant at) {
    String id = ChatThread.checkId(threadId);
    if (summary == null) {
      throw new CloudeyConfigException("summary must not be null");
    }
    return db.inTransaction(
        "summarize thread " + id,
        accountId,
        h -> {
          Optional<Long> count =
              h.createQuery(
                      db.sql(
                          "select message_count from {s}.chat_thread where account_id ="
                              + " :account_id and thread_id = :thread_id for update"))
                  .bind("account_id", accountId.value())
                  .bind("thread_id", id)
                  .mapTo(Long.class)
                  .findOne();
          if (count.isEmpty()) {
            return false;
          }
          if (throughSeq < 0 || throughSeq > count.get()) {
            throw new CloudeyConfigException(
                "throughSeq must be between 0 and the thread's last message ("
                    + count.get()
                    + "), was "
                    + throughSeq);
          }
          return h.createUpdate(
                      db.sql(
                          "update {s}.chat_thread set summary = :summary, summarized_through ="
                              + " :through where account_id = :account_id and thread_id ="
                              + " :thread_id and summarized_through <= :through"))
                  .bind("summary", summary)
                  .bind("through", throughSeq)
                  .bind("account_id", accountId.value())
                  .bind("thread_id", id)
                  .execute()
              > 0;
        });
  }

  @Override
  public boolean delete(AccountId accountId, String threadId) {
    String id = ChatThread.checkId(threadId);
    return db.inTransaction(
        "delete thread " + id,
        accountId,
        h -> {
          deleteMessages(h, accountId, id);
          return h.createUpdate(
                      db.sql(
                          "delete from {s}.chat_thread where account_id = :account_id and"
                              + " thread_id = :thread_id"))
                  .bind("account_id", accountId.value())
                  .bind("thread_id", id)
                  .execute()
              > 0;
        });
  }

  private void deleteMessages(Handle h, AccountId accountId, String threadId) {
    h.createUpdate(
            db.sql(
                "delete from {s}.chat_message where account_id = :account_id and thread_id ="
                    + " :thread_id"))
        .bind("account_id", accountId.value())
        .bind("thread_id", threadId)
        .execute();
  }

  private static ChatThread thread(AccountId accountId, ResultSet rs) throws SQLException {
    return new ChatThread(
        accountId,
        rs.getString("thread_id"),
        rs.getString("title"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        rs.getLong("message_count"),
        rs.getString("summary"),
        rs.getLong("summarized_through"));
  }

  private static ChatMessage message(ResultSet rs) throws SQLException {
    return new ChatMessage(
        rs.getLong("seq"),
        ChatMessage.Role.valueOf(rs.getString("role")),
        rs.getString("text"),
        Json.read(rs.getString("tool_calls"), TOOL_CALLS),
        rs.getString("tool_call_id"),
        rs.getString("tool_name"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
