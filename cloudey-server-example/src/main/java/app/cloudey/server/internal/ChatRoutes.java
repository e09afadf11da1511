package app.cloudey.server.internal;

import app.cloudey.Assistant;
import app.cloudey.AssistantAnswer;
import app.cloudey.ChatMessage;
import app.cloudey.ChatThread;
import app.cloudey.server.internal.Api.Access;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The assistant: streamed chat (SSE over POST, written by hand), the non-streaming query, threads.
 */
public final class ChatRoutes {
  static final int MAX_MESSAGE_CHARS = 8_000;
  static final String DEFAULT_THREAD = "default";

  private ChatRoutes() {}

  record ChatBody(@Nullable String message, @Nullable String threadId) {}

  record QueryBody(
      @Nullable String question, @Nullable String threadId, @Nullable String modelProvider) {}

  record Answer(String answer, String threadId, List<ChatMessage.ToolCall> toolCalls) {}

  record ThreadView(String threadId, String title, Instant createdAt, Instant updatedAt) {
    static ThreadView of(ChatThread t) {
      return new ThreadView(t.id(), t.title(), t.createdAt(), t.updatedAt());
    }
  }

  record MessageView(
      String role,
      String text,
      List<ChatMessage.ToolCall> toolCalls,
      @Nullable String toolName,
      Instant createdAt) {
    static MessageView of(ChatMessage m) {
      return new MessageView(
          m.role().name().toLowerCase(Locale.ROOT),
          m.text(),
          m.toolCalls(),
          m.toolName(),
          m.createdAt());
    }
  }

  public static void register(Api api, Services s) {
    api.tag("chat");
    api.post(
        "/chat/stream/{user_id}",
        Access.OWNER,
        "Ask the assistant; the answer streams as server-sent events token, tool_call, tool_result,"
            + " then done or error",
        200,
        (ctx, user) -> {
          ChatBody body = Json.body(ctx, ChatBody.class);
          String message = text(body.message(), "message");
          String thread = thread(body.threadId());
          Assistant assistant = assistant(s, user);
          SseWriter sse = new SseWriter(ctx);
          try {
            assistant.stream(thread, message, event -> sse.send(event.type(), event));
          } catch (UncheckedIOException gone) {
            // the client went away: throwing from the consumer stopped the answer
          } catch (RuntimeException e) {
            // the stream has started: report in-band, never as a stack trace
            try {
              sse.send("error", Map.of("kind", "INVALID_REQUEST", "message", safe(e)));
            } catch (UncheckedIOException ignored) {
              // gone as well
            }
          }
        });
    api.post(
        "/query",
        Access.USER,
        "Ask the assistant and wait for the whole answer ({question, thread_id, model_provider})",
        200,
        (ctx, user) -> {
          QueryBody body = Json.body(ctx, QueryBody.class);
          String question = text(body.question(), "question");
          String thread = thread(body.threadId());
          Assistant assistant = assistant(s, user);
          if (body.modelProvider() != null
              && !body.modelProvider().equalsIgnoreCase(s.llmProvider().orElse(""))) {
            throw ApiException.badRequest(
                "invalid_model_provider",
                "model_provider '"
                    + Auth.clip(body.modelProvider())
                    + "' is not configured; this server uses "
                    + s.llmProvider().orElse("none"));
          }
          AssistantAnswer answer = assistant.ask(thread, question);
          ctx.json(new Answer(answer.text(), answer.threadId(), answer.toolCalls()));
        });
    api.get(
        "/chat/threads/{user_id}",
        Access.OWNER,
        "Your chat threads, most recent first",
        200,
        (ctx, user) ->
            ctx.json(
                Map.of(
                    "threads", threads(s, user).threads().stream().map(ThreadView::of).toList())));
    api.get(
        "/chat/threads/{user_id}/{thread_id}",
        Access.OWNER,
        "One thread with its messages",
        200,
        (ctx, user) -> {
          String id = checkedThread(ctx.pathParam("thread_id"));
          Assistant a = threads(s, user);
          ChatThread t =
              a.findThread(id)
                  .orElseThrow(() -> ApiException.notFound("no thread " + Auth.clip(id)));
          ctx.json(
              Map.of(
                  "thread", ThreadView.of(t),
                  "messages", a.messages(id).stream().map(MessageView::of).toList()));
        });
    api.delete(
        "/chat/threads/{user_id}/{thread_id}",
        Access.OWNER,
        "Delete a thread and its messages",
        204,
        (ctx, user) -> {
          String id = checkedThread(ctx.pathParam("thread_id"));
          if (!threads(s, user).delete(id)) {
            throw ApiException.notFound("no thread " + Auth.clip(id));
          }
          ctx.status(204);
        });
  }

  private static Assistant assistant(Services s, User user) {
    if (s.llmProvider().isEmpty()) {
      throw new ApiException(
          503,
          "llm_unavailable",
          "no LLM is configured: set OPENAI_API_KEY or ANTHROPIC_API_KEY, or OPENAI_BASE_URL to an"
              + " OpenAI-compatible server such as a local Ollama (http://localhost:11434/v1)");
    }
    return s.account(user).assistant();
  }

  /** Threads are readable without an LLM. */
  private static Assistant threads(Services s, User user) {
    return s.account(user).assistant();
  }

  private static String text(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("missing_field", field + " is required");
    }
    if (value.length() > MAX_MESSAGE_CHARS) {
      throw ApiException.badRequest(
          "message_too_long", field + " is over " + MAX_MESSAGE_CHARS + " characters");
    }
    return value;
  }

  private static String thread(@Nullable String threadId) {
    return threadId == null || threadId.isBlank() ? DEFAULT_THREAD : checkedThread(threadId);
  }

  private static String checkedThread(String threadId) {
    if (threadId.length() > ChatThread.MAX_ID_LENGTH || threadId.isBlank()) {
      throw ApiException.badRequest(
          "invalid_thread_id",
          "thread_id must be 1 to " + ChatThread.MAX_ID_LENGTH + " characters");
    }
    return threadId;
  }

  private static String safe(RuntimeException e) {
    return e instanceof app.cloudey.CloudeyException && e.getMessage() != null
        ? e.getMessage()
        : "the answer failed";
  }
}
