package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.AssistantAnswer;
import app.cloudey.AssistantEvent;
import app.cloudey.ChatThread;
import app.cloudey.CloudeyConfigException;
import app.cloudey.ai.AssistantOptions;
import app.cloudey.spi.AssistantContext;
import app.cloudey.spi.ThreadedAssistant;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One account's assistant on LangChain4j models: {@link #ask} on the chat model, {@link #stream} on
 * the streaming one (each falling back on the other), tools over the account's read-only view,
 * threads in the account's conversations.
 */
public final class LangChainAssistant extends ThreadedAssistant {
  private final TurnRunner runner;
  private final ModelCaller blocking;
  private final ModelCaller streaming;

  public LangChainAssistant(
      AssistantContext context,
      @Nullable ChatModel chatModel,
      @Nullable StreamingChatModel streamingModel,
      AssistantOptions options) {
    super(context.conversations(), context.clock());
    AccountView account = context.account();
    ToolBox tools =
        new ToolBox(
            List.of(
                new CostTools(account, options.maxToolRows()),
                new AnalyticsTools(account, options.maxToolRows()),
                new PriceTools(account, options.maxToolRows()),
                new InventoryTools(account, options.maxToolRows()),
                new RecommendationTools(account, options.maxToolRows())));
    this.runner = new TurnRunner(account, conversations, tools, options, clock);
    ModelCaller fromChat = chatModel == null ? null : new BlockingCaller(chatModel);
    ModelCaller fromStreaming =
        streamingModel == null
            ? null
            : new StreamingCaller(streamingModel, options.streamIdleTimeout());
    this.blocking = fromChat != null ? fromChat : fromStreaming;
    this.streaming = fromStreaming != null ? fromStreaming : fromChat;
  }

  @Override
  public AssistantAnswer ask(String threadId, String question) {
    String id = ChatThread.checkId(threadId);
    String q = checkQuestion(question);
    try {
      TurnRunner.Answer answer = runner.run(id, q, blocking, blocking, Events.IGNORED);
      return new AssistantAnswer(id, answer.text(), answer.toolCalls(), answer.usage());
    } catch (AssistantFailure failure) {
      throw failure.exception();
    }
  }

  @Override
  public void stream(String threadId, String question, Consumer<? super AssistantEvent> receiver) {
    String id = ChatThread.checkId(threadId);
    String q = checkQuestion(question);
    if (receiver == null) {
      throw new CloudeyConfigException("events must not be null");
    }
    Events events = new Events(receiver);
    try {
      TurnRunner.Answer answer = runner.run(id, q, streaming, blocking, events);
      events.emit(
          new AssistantEvent.FinalAnswer(
              id, answer.text(), answer.usage(), answer.toolCalls().size()));
    } catch (AssistantFailure failure) {
      try {
        events.emit(new AssistantEvent.Error(failure.kind(), failure.getMessage()));
      } catch (Events.ReceiverFailure gone) {
        throw gone.original();
      }
    } catch (Events.ReceiverFailure gone) {
      throw gone.original();
    }
  }

  private static String checkQuestion(@Nullable String question) {
    if (question == null || question.isBlank()) {
      throw new CloudeyConfigException("the question must not be blank");
    }
    return question.strip();
  }
}
