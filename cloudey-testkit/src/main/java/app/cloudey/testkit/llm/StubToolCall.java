package app.cloudey.testkit.llm;

/**
 * A tool call: scripted for the stub to request, or seen in a recorded request.
 *
 * @param id the call's id (the stub numbers the calls it requests; empty when scripted)
 * @param name the tool
 * @param arguments the arguments as a JSON object, e.g. {@code {"period":"last_month"}}
 */
public record StubToolCall(String id, String name, String arguments) {
  public StubToolCall {
    if (id == null || name == null || name.isBlank() || arguments == null) {
      throw new IllegalArgumentException(
          "a tool call needs an id (may be empty), a name and arguments");
    }
  }

  /** A call to script: the stub gives it an id. */
  public static StubToolCall of(String name, String argumentsJson) {
    return new StubToolCall("", name, argumentsJson);
  }
}
