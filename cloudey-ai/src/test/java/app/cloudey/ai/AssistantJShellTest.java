package app.cloudey.ai;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.testkit.JShellScripts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's assistant JShell session ({@code scripts/assistant.jsh}) in the {@code jshell}
 * tool on this module's class path: one question to the stub LLM, answered with the fixture
 * tenancy's October total, so the example cannot rot unnoticed.
 */
class AssistantJShellTest {

  @Test
  void theReadmesAssistantSessionAsksOneQuestionOfTheStub() {
    JShellScripts.Run run =
        JShellScripts.run(
            Path.of("..", "scripts", "assistant.jsh"),
            System.getProperty("java.class.path"),
            Duration.ofMinutes(3));
    String printed = run.output();
    System.out.print(printed);

    assertThat(run.succeeded()).as("the script ran cleanly; it printed:%n%s", printed).isTrue();
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
}
