package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every planted case type has at least one resource, even in the smallest tenancies. */
class PlantedCasesTest {
  @Test
  void smallTenanciesHaveEveryCase() {
    for (long seed = 1; seed <= 8; seed++) {
      for (int regions = 1; regions <= 2; regions++) {
        try (OciSimulator sim =
            OciSimulator.builder()
                .seed(seed)
                .now(LocalDate.of(2026, 11, 26))
                .regions(regions)
                .compartments(2)
                .instances(5)
                .days(30)
                .pageSize(1)
                .port(0)
                .start()) {
          Map<PlantedCase, List<String>> cases = sim.truth().plantedCases();
          for (PlantedCase c : PlantedCase.values()) {
            assertThat(cases.get(c)).as("seed %d, %d region(s): %s", seed, regions, c).isNotEmpty();
          }
        }
      }
    }
  }
}
