package app.cloudey.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a JShell script in the JDK's own {@code jshell} tool, as a user would, so tests can keep the
 * README's JShell examples from rotting.
 *
 * <p>It runs the tool in a child process rather than the JShell API's in-process "local" engine on
 * purpose: that engine joins every thread of the snippet's thread group after each snippet, so a
 * snippet that starts a long-lived thread (a built {@code Cloudey} has a heartbeat thread, a stub
 * server has its own) can hang it, depending on timing. The tool's default engine has no such join.
 */
public final class JShellScripts {
  private JShellScripts() {}

  /** What one run printed, and how it ended. */
  public record Run(boolean finished, int exitCode, String output) {
    /**
     * The lines by which the tool reports a rejected snippet ({@code Error:}) or one that threw
     * ({@code Exception <type>: <message>}); neither stops a script or changes its exit code.
     */
    public List<String> problems() {
      return output
          .lines()
          .filter(line -> line.startsWith("Error:") || line.startsWith("Exception "))
          .toList();
    }

    /** Whether it finished in time, exited 0 and reported no {@link #problems()}. */
    public boolean succeeded() {
      return finished && exitCode == 0 && problems().isEmpty();
    }
  }

  /**
   * Runs {@code script} in {@code jshell} with {@code classPath}, killing it after {@code timeout}.
   * Its standard input is closed, so the script must end with {@code /exit}.
   */
  public static Run run(Path script, String classPath, Duration timeout) {
    Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
    Path log = null;
    try {
      log = Files.createTempFile("cloudey-jshell", ".log");
      Process process =
          new ProcessBuilder(
                  jshell.toString(),
                  // keeps the tool's preferences out of the user's home
                  "-J-Djava.util.prefs.userRoot=target/jshell-prefs",
                  "--class-path",
                  classPath,
                  script.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      process.getOutputStream().close();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.destroyForcibly().waitFor();
      }
      return new Run(
          finished,
          finished ? process.exitValue() : -1,
          Files.readString(log, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + jshell + " on " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + script, e);
    } finally {
      if (log != null) {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
