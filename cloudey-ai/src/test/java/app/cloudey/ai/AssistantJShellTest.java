package app.cloudey.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's assistant JShell session ({@code scripts/assistant.jsh}) snippet by snippet,
 * split as the jshell tool splits it, through the JShell API on this module's class path: one
 * question to the stub LLM, answered with the fixture tenancy's October total, so the example
 * cannot rot unnoticed.
 */
class AssistantJShellTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "assistant.jsh");

  @Test
  void theReadmesAssistantSessionAsksOneQuestionOfTheStub() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> problems = new ArrayList<>();
    PrintStream console = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      shell.addToClasspath(System.getProperty("java.class.path"));
      for (String snippet : snippets(shell, Files.readString(SCRIPT))) {
        for (SnippetEvent event : shell.eval(snippet)) {
          if (event.exception() != null) {
            problems.add(snippet + " threw " + event.exception());
          } else if (event.status() == Snippet.Status.REJECTED) {
            problems.add(
                snippet
                    + " was rejected: "
                    + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
          }
        }
      }
    } finally {
      System.setOut(console);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    console.print(printed);
    assertThat(problems).isEmpty();
    // the fixture tenancy's October 2026: COMPUTE 12.34 + BLOCK_STORAGE 5.60 + NETWORK 0.30
    assertThat(printed)
        .contains(
            "tools: [ToolCall[id=call_1, name=query_costs,"
                + " arguments={\"period\":\"2026-10\",\"group_by\":\"service\"}]]")
        .contains(
            "answer: The tool says: Costs for 2026-10 (2026-10-01 to 2026-10-31) by service: total"
                + " 18.24 USD, 3 rows.")
        .contains("system prompt sent: You are Cloudey");
  }

  /**
   * The script's snippets as the jshell tool reads them: line by line, each evaluated as soon as it
   * is complete (so a line that is complete on its own is not joined with the next one, as in the
   * real tool); commands such as {@code /exit} are skipped.
   */
  private static List<String> snippets(JShell shell, String script) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    List<String> snippets = new ArrayList<>();
    String pending = "";
    for (String line : script.split("\n")) {
      if (pending.isBlank() && line.strip().startsWith("/") && !line.strip().startsWith("//")) {
        continue;
      }
      pending = pending + line + "\n";
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
      while (info.completeness().isComplete()) {
        snippets.add(info.source());
        pending = info.remaining();
        info = analysis.analyzeCompletion(pending);
      }
      if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
        pending = "";
      }
    }
    return snippets;
  }
}
