package app.cloudey.ai.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Calls a {@link ChatModel}; its whole text is one token. */
final class BlockingCaller implements ModelCaller {
  private final ChatModel model;

  BlockingCaller(ChatModel model) {
    this.model = model;
  }

  @Override
  public ChatResponse call(ChatRequest request, Events events) {
    ChatResponse response;
    try {
      response = model.chat(request);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw Failures.cancelled();
      }
      throw new ModelCallFailed(e);
    }
    if (Thread.currentThread().isInterrupted()) {
      throw Failures.cancelled();
    }
    String text = response.aiMessage().text();
    if (text != null) {
      events.token(text);
    }
    return response;
  }
}
