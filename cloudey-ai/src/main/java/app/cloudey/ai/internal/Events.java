package app.cloudey.ai.internal;

import app.cloudey.AssistantEvent;
import java.util.function.Consumer;

/**
 * The caller's event consumer. What it throws is wrapped in {@link ReceiverFailure} so that the
 * answer stops and the caller's own exception reaches it unchanged (never mistaken for a model or
 * tool failure).
 */
final class Events {
  static final Events IGNORED = new Events(event -> {});

  private final Consumer<? super AssistantEvent> receiver;

  Events(Consumer<? super AssistantEvent> receiver) {
    this.receiver = receiver;
  }

  void emit(AssistantEvent event) {
    try {
      receiver.accept(event);
    } catch (RuntimeException e) {
      throw new ReceiverFailure(e);
    }
  }

  void token(String text) {
    if (!text.isEmpty()) {
      emit(new AssistantEvent.Token(text));
    }
  }

  /** The receiver threw: the answer stops and {@link #getCause()} is rethrown to the caller. */
  static final class ReceiverFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReceiverFailure(RuntimeException cause) {
      super(cause.getMessage(), cause, false, false);
    }

    RuntimeException original() {
      return (RuntimeException) getCause();
    }
  }
}
