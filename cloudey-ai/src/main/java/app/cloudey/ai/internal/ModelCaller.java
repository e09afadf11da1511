package app.cloudey.ai.internal;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * One call of the model, blocking the calling thread until the response is complete. Text is
 * reported to {@code events} as tokens on the calling thread while it arrives.
 *
 * <p>Throws {@link ModelCallFailed} for what the provider or client threw (mapped, with the attempt
 * count, by {@link Retrier}), {@link AssistantFailure} for cancellation and silence, and {@link
 * Events.ReceiverFailure} when the receiver of the events threw.
 */
interface ModelCaller {

  ChatResponse call(ChatRequest request, Events events);

  /** What the provider or its client threw. */
  final class ModelCallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ModelCallFailed(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
