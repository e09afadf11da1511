package app.cloudey.testkit;

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
 * Runs the README's JShell example ({@code scripts/cloudey.jsh}) snippet by snippet through the
 * JShell API, on this module's class path, so the example cannot rot unnoticed.
 */
class JShellScriptTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "cloudey.jsh");

  @Test
  void theReadmesJShellExampleRunsAndPrintsTheFixturesTotals() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> problems = new ArrayList<>();
    PrintStream console = System.out;
    // the local engine runs snippets in this JVM: their System.out is ours
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
    console.print(out.toString(StandardCharsets.UTF_8));
    assertThat(problems).isEmpty();
    // Fixtures' October 2026 numbers, worked out by hand in its Javadoc
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("synced ")
        .contains("total 18.24 USD");
  }

  /** The script's Java snippets in order; JShell commands such as {@code /exit} are skipped. */
  private static List<String> snippets(JShell shell, String script) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    List<String> snippets = new ArrayList<>();
    StringBuilder java = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("/") || line.strip().startsWith("//")) {
        java.append(line).append('\n');
      }
    }
    String rest = java.toString();
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      if (info.source() == null || info.source().isBlank()) {
        break;
      }
      snippets.add(info.source());
      rest = info.remaining();
    }
    return snippets;
  }
}
