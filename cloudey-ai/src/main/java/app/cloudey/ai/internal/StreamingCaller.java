package app.cloudey.ai.internal;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls a {@link StreamingChatModel}. The client's callbacks (on its own threads) only queue what
 * arrives; the calling thread takes it off the queue and reports it, so events reach the receiver
 * in order and on the caller's thread, and the caller going away (interrupt, or the receiver
 * throwing) cancels the provider's stream.
 */
final class StreamingCaller implements ModelCaller {
  private final StreamingChatModel model;
  private final Duration idleTimeout;

  StreamingCaller(StreamingChatModel model, Duration idleTimeout) {
    this.model = model;
    this.idleTimeout = idleTimeout;
  }

  /** What the callbacks queue: a piece of text, the complete response, or an error. */
  private record Piece(String text) {}

  @Override
  public ChatResponse call(ChatRequest request, Events events) {
    BlockingQueue<Object> arrived = new LinkedBlockingQueue<>();
    AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    AtomicBoolean abandoned = new AtomicBoolean();
    StreamingChatResponseHandler handler =
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle.set(context.streamingHandle());
            if (abandoned.get()) {
              context.streamingHandle().cancel();
            } else {
              arrived.add(new Piece(partial.text()));
            }
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            arrived.add(response);
          }

          @Override
          public void onError(Throwable error) {
            arrived.add(error);
          }
        };
    try {
      model.chat(request, handler);
    } catch (RuntimeException e) {
      throw new ModelCallFailed(e);
    }
    try {
      while (true) {
        Object next = arrived.poll(idleTimeout.toMillis(), TimeUnit.MILLISECONDS);
        if (next == null) {
          throw Failures.timeout(
              "the LLM provider sent nothing for " + idleTimeout.toSeconds() + " s", null);
        }
        if (next instanceof Piece piece) {
          events.token(piece.text());
        } else if (next instanceof ChatResponse response) {
          return response;
        } else {
          throw new ModelCallFailed((Throwable) next);
        }
      }
    } catch (InterruptedException e) {
      abandon(abandoned, handle);
      Thread.currentThread().interrupt();
      throw Failures.cancelled();
    } catch (RuntimeException e) {
      abandon(abandoned, handle);
      throw e;
    }
  }

  /** Stops the provider's stream now if it has begun, else at its first piece. */
  private static void abandon(AtomicBoolean abandoned, AtomicReference<StreamingHandle> handle) {
    abandoned.set(true);
    StreamingHandle h = handle.get();
    if (h != null && !h.isCancelled()) {
      h.cancel();
    }
  }
}
