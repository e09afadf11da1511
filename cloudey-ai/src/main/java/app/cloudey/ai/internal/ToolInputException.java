package app.cloudey.ai.internal;

/** A tool argument the tool cannot use; the message tells the model what to send instead. */
final class ToolInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ToolInputException(String message) {
    super(message, null, false, false);
  }
}
