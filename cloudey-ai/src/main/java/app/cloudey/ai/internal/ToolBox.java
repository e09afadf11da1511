package app.cloudey.ai.internal;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools the model may call: every {@link Tool}-annotated method of the tool objects given
 * (adding a tool is adding one such method). Executes a call by name and never throws for a tool's
 * failure: a bad argument, an unknown tool or an exception becomes an error result the model reads.
 * Arguments the method does not declare (such as an {@code account_id}) are ignored.
 */
final class ToolBox {
  /** A result longer than this is cut (rows are capped before; this is the last guard). */
  static final int MAX_RESULT_CHARS = 12_000;

  private final List<ToolSpecification> specifications = new ArrayList<>();
  private final Map<String, DefaultToolExecutor> executors = new LinkedHashMap<>();

  ToolBox(List<Object> toolObjects) {
    for (Object tools : toolObjects) {
      for (Method method : tools.getClass().getDeclaredMethods()) {
        if (method.isAnnotationPresent(Tool.class)) {
          ToolSpecification spec = ToolSpecifications.toolSpecificationFrom(method);
          if (executors.putIfAbsent(spec.name(), new DefaultToolExecutor(tools, method)) != null) {
            throw new IllegalStateException("two tools are named " + spec.name());
          }
          specifications.add(spec);
        }
      }
    }
    specifications.sort(java.util.Comparator.comparing(ToolSpecification::name));
  }

  List<ToolSpecification> specifications() {
    return List.copyOf(specifications);
  }

  /** What a tool returned to the model. */
  record Outcome(String text, boolean error) {
    /** The first line: each tool starts with a one-line summary of its result. */
    String headline() {
      int newline = text.indexOf('\n');
      String first = newline < 0 ? text : text.substring(0, newline);
      return first.length() <= 300 ? first : first.substring(0, 300) + "…";
    }
  }

  Outcome execute(ToolExecutionRequest request) {
    DefaultToolExecutor executor = executors.get(request.name());
    if (executor == null) {
      return new Outcome(
          "error: there is no tool named '"
              + request.name()
              + "'; the tools are "
              + executors.keySet(),
          true);
    }
    try {
      ToolExecutionResult result =
          executor.executeWithContext(request, InvocationContext.builder().build());
      String text = cut(result.resultText());
      return result.isError() ? new Outcome("error: " + text, true) : new Outcome(text, false);
    } catch (RuntimeException e) {
      return new Outcome(
          "error: the arguments of " + request.name() + " are invalid: " + Failures.describe(e),
          true);
    }
  }

  private static String cut(String text) {
    return text.length() <= MAX_RESULT_CHARS
        ? text
        : text.substring(0, MAX_RESULT_CHARS) + "\n… (cut at " + MAX_RESULT_CHARS + " characters)";
  }
}
