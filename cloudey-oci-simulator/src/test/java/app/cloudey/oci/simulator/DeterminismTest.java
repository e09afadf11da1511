package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The same seed and now give the same truth.json; another seed does not. */
class DeterminismTest {
  private static String truth(long seed) {
    try (OciSimulator sim =
        OciSimulator.builder()
            .seed(seed)
            .now(LocalDate.of(2026, 11, 26))
            .regions(3)
            .compartments(12)
            .instances(80)
            .days(45)
            .pageSize(10)
            .start()) {
      return sim.truth().toJson();
    }
  }

  @Test
  void sameSeedSameBytes() {
    String a = truth(1234);
    assertThat(truth(1234)).isEqualTo(a);
    assertThat(truth(1235)).isNotEqualTo(a);
  }
}
