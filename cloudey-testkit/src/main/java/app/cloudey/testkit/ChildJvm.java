package app.cloudey.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class's {@code main} in a second JVM on the test's own class path, for tests that kill a
 * process mid-task (a job owner, a scheduler) and check what the survivors do.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * A process builder for {@code java -Xmx256m -cp <the test's class path> mainClass args...}, with
   * the JIT kept at C1 because the child lives seconds. The caller sets its output redirection.
   */
  public static ProcessBuilder of(Class<?> mainClass, String... args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // failsafe runs tests from a manifest-only jar; this property holds the real class path
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath,
                mainClass.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
