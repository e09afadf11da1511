package app.cloudey.ai.internal;

import app.cloudey.ai.AssistantOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Calls the model, retrying 429, 5xx, timeouts and an unreachable provider per {@link
 * AssistantOptions.Retries}, unless part of the answer was already streamed. The final failure is
 * mapped to a clear {@link AssistantFailure} that says how many attempts were made.
 */
final class Retrier {
  private final AssistantOptions.Retries retries;

  Retrier(AssistantOptions.Retries retries) {
    this.retries = retries;
  }

  ChatResponse call(ModelCaller caller, ChatRequest request, Events events) {
    for (int attempt = 1; ; attempt++) {
      AtomicBoolean streamed = new AtomicBoolean();
      Events watched =
          new Events(
              event -> {
                streamed.set(true);
                events.emit(event);
              });
      AssistantFailure failure;
      try {
        return caller.call(request, watched);
      } catch (Events.ReceiverFailure e) {
        // the receiver's own exception, wrapped once by `watched`: pass on the original wrapper
        throw e.original() instanceof Events.ReceiverFailure inner ? inner : e;
      } catch (ModelCaller.ModelCallFailed e) {
        failure = Failures.fromModel(e.getCause(), attempt);
      } catch (AssistantFailure e) {
        failure = e;
      }
      if (!failure.isRetriable() || streamed.get() || attempt > retries.maxRetries()) {
        throw failure;
      }
      sleep(retries.backoff(attempt));
    }
  }

  private static void sleep(Duration wait) {
    if (wait.isZero()) {
      return;
    }
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Failures.cancelled();
    }
  }
}
