package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's JShell example ({@code scripts/cloudey.jsh}) in the {@code jshell} tool on this
 * module's class path, as {@code scripts/jshell.sh} does, so the example cannot rot unnoticed.
 */
class JShellScriptTest {

  @Test
  void theReadmesJShellExampleRunsAndPrintsTheFixturesTotals() {
    JShellScripts.Run run =
        JShellScripts.run(
            Path.of("..", "scripts", "cloudey.jsh"),
            System.getProperty("java.class.path"),
            Duration.ofMinutes(3));
    System.out.print(run.output());

    assertThat(run.succeeded())
        .as("the script ran cleanly; it printed:%n%s", run.output())
        .isTrue();
    // Fixtures' October 2026 numbers, worked out by hand in its Javadoc
    assertThat(run.output()).contains("synced ").contains("total 18.24 USD");
  }

  @Test
  void aSnippetThatIsRejectedOrThrowsIsReported() throws Exception {
    Path script = Files.createTempFile("broken", ".jsh");
    Files.writeString(
        script, "int x = \"a\";\nthrow new IllegalStateException(\"boom\");\n/exit\n");
    JShellScripts.Run run = JShellScripts.run(script, "", Duration.ofMinutes(1));
    Files.delete(script);

    assertThat(run.finished()).isTrue();
    assertThat(run.succeeded()).isFalse();
    assertThat(run.problems())
        .hasSize(2)
        .anyMatch(line -> line.startsWith("Error:"))
        .anyMatch(line -> line.contains("IllegalStateException: boom"));
  }
}
