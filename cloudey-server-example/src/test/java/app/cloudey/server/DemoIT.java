package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The README's demos run and print what they promise. */
class DemoIT {

  @Test
  void simulatorDemoSyncsWithoutFailuresAndItsCostsMatchTheGroundTruth() {
    String output =
        run(
            out ->
                SimulatorDemo.run(
                    out, Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC)));

    assertThat(output)
        .contains("Inventory: 260 scopes in") // 2 regions x 13 compartments x 10 types
        .contains(", 0 failed;")
        .contains("Costs: ")
        .contains("matches to the cent")
        .doesNotContain("DIFFERS");
  }

  private static String run(java.util.function.Consumer<PrintStream> demo) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      demo.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
