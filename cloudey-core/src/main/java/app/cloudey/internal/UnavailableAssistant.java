package app.cloudey.internal;

import app.cloudey.AssistantAnswer;
import app.cloudey.AssistantEvent;
import app.cloudey.CloudeyConfigException;
import app.cloudey.spi.AccountConversations;
import app.cloudey.spi.ThreadedAssistant;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The assistant of a Cloudey built without {@code .llm(...)}: questions fail with a message that
 * says how to configure one; the account's stored threads can still be listed, read, renamed and
 * deleted.
 */
public final class UnavailableAssistant extends ThreadedAssistant {
  static final String NO_LLM =
      "no LLM is configured, so the assistant cannot answer: build Cloudey with"
          + " .llm(CloudeyAi.of(chatModel, streamingChatModel)) from cloudey-ai (OpenAI, Anthropic"
          + " or any OpenAI-compatible endpoint)";

  public UnavailableAssistant(AccountConversations conversations, Clock clock) {
    super(conversations, clock);
  }

  @Override
  public AssistantAnswer ask(String threadId, String question) {
    throw new CloudeyConfigException(NO_LLM);
  }

  @Override
  public void stream(String threadId, String question, Consumer<? super AssistantEvent> events) {
    throw new CloudeyConfigException(NO_LLM);
  }
}
