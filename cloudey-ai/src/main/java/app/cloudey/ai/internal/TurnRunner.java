package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.AssistantEvent;
import app.cloudey.ChatMessage;
import app.cloudey.TokenUsage;
import app.cloudey.ai.AssistantOptions;
import app.cloudey.spi.AccountConversations;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one question: system prompt, the thread's memory and the question go to the model; each
 * tool the model asks for runs (reported as a call and a result), up to the cap on tool rounds; the
 * final answer is stored with the question and every tool call and result in one append, then
 * reported. A failure anywhere stores nothing.
 */
final class TurnRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TurnRunner.class);

  private final AccountView account;
  private final AccountConversations conversations;
  private final ToolBox tools;
  private final Memory memory;
  private final Retrier retrier;
  private final AssistantOptions options;
  private final Clock clock;

  TurnRunner(
      AccountView account,
      AccountConversations conversations,
      ToolBox tools,
      AssistantOptions options,
      Clock clock) {
    this.account = account;
    this.conversations = conversations;
    this.tools = tools;
    this.options = options;
    this.clock = clock;
    this.memory = new Memory(conversations, options.memoryMessages(), clock);
    this.retrier = new Retrier(options.retries());
  }

  /** The stored answer. */
  record Answer(String text, List<ChatMessage.ToolCall> toolCalls, TokenUsage usage) {}

  /**
   * Runs the question; reports through {@code events}. The final-answer event is the caller's to
   * send (after this returns), so that {@code ask} and {@code stream} share everything else.
   *
   * @param summarizer the model used to summarise older turns (when enabled), after the answer
   * @throws AssistantFailure what failed, with its kind
   * @throws Events.ReceiverFailure the receiver of the events threw
   */
  Answer run(
      String threadId, String question, ModelCaller model, ModelCaller summarizer, Events events) {
    try {
      Memory.Recalled recalled = memory.recall(threadId);
      List<dev.langchain4j.data.message.ChatMessage> messages = new ArrayList<>();
      messages.add(SystemMessage.from(SystemPrompt.build(account, recalled.summary())));
      messages.addAll(Transcript.toModel(recalled.messages()));
      messages.add(UserMessage.from(question));
      List<ChatMessage> turn = new ArrayList<>();
      turn.add(ChatMessage.user(question, clock.instant()));
      List<ChatMessage.ToolCall> calls = new ArrayList<>();
      TokenUsage usage = TokenUsage.NONE;
      int rounds = 0;
      while (true) {
        checkCancelled();
        ChatResponse response =
            retrier.call(
                model,
                ChatRequest.builder()
                    .messages(messages)
                    .toolSpecifications(tools.specifications())
                    .build(),
                events);
        usage = usage.plus(usage(response));
        AiMessage ai = response.aiMessage();
        if (!ai.hasToolExecutionRequests()) {
          String text = ai.text() == null ? "" : ai.text().strip();
          if (text.isEmpty()) {
            throw Failures.emptyAnswer();
          }
          turn.add(ChatMessage.assistant(text, List.of(), clock.instant()));
          conversations.append(threadId, Titles.fromQuestion(question), turn, clock.instant());
          summarize(threadId, summarizer);
          return new Answer(text, calls, usage);
        }
        if (++rounds > options.maxToolRounds()) {
          throw Failures.tooManyToolRounds(options.maxToolRounds());
        }
        List<ChatMessage.ToolCall> requested =
            ai.toolExecutionRequests().stream().map(Transcript::call).toList();
        String said = ai.text() == null ? "" : ai.text();
        messages.add(Transcript.ai(said, Transcript.requests(requested)));
        turn.add(ChatMessage.assistant(said, requested, clock.instant()));
        for (ChatMessage.ToolCall call : requested) {
          checkCancelled();
          events.emit(new AssistantEvent.ToolCall(call.id(), call.name(), call.arguments()));
          ToolBox.Outcome outcome = tools.execute(Transcript.requests(List.of(call)).get(0));
          events.emit(
              new AssistantEvent.ToolResult(
                  call.id(), call.name(), outcome.headline(), outcome.error()));
          messages.add(ToolExecutionResultMessage.from(call.id(), call.name(), outcome.text()));
          turn.add(ChatMessage.toolResult(call.id(), call.name(), outcome.text(), clock.instant()));
          calls.add(call);
        }
      }
    } catch (Events.ReceiverFailure | AssistantFailure e) {
      throw e;
    } catch (RuntimeException e) {
      throw Failures.fromCloudey(e);
    }
  }

  private void summarize(String threadId, ModelCaller summarizer) {
    if (!options.summarizeOlderTurns()) {
      return;
    }
    try {
      memory.summarizeOverflow(threadId, summarizer, retrier);
    } catch (RuntimeException e) {
      // best effort: the answer is stored; the window still bounds what the model is given
      LOG.debug("summarising thread {} failed: {}", threadId, e.getMessage());
    }
  }

  private static void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw Failures.cancelled();
    }
  }

  private static TokenUsage usage(ChatResponse response) {
    dev.langchain4j.model.output.TokenUsage u = response.tokenUsage();
    if (u == null) {
      return TokenUsage.NONE;
    }
    return new TokenUsage(
        u.inputTokenCount() == null ? 0 : u.inputTokenCount(),
        u.outputTokenCount() == null ? 0 : u.outputTokenCount());
  }
}
