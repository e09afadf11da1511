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

  @Test
  void fakeCloudDemoPrintsTheFixtureTotals() {
    String output = run(FakeCloudDemo::run);

    // Fixtures: COMPUTE 12.34 + BLOCK_STORAGE 5.60 + NETWORK 0.30 = 18.24 USD
    assertThat(output)
        .contains("Inventory: 40 scopes synced")
        .contains("COMPUTE                                     12.34 USD")
        .contains("Month 2026-10 is now CLOSED: 12 lines, total 18.24 USD");
  }

  private static String run(java.util.function.Consumer<PrintStream> demo) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      demo.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
