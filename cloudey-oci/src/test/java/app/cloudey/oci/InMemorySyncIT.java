package app.cloudey.oci;

import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.spi.CloudeyStore;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sync ITs on Cloudey's default in-memory store: 3 regions, 12 compartments, page size 5. */
class InMemorySyncIT extends AbstractOciSyncIT {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(5)
              .regions(3)
              .compartments(12)
              .instances(50)
              .days(20)
              .pageSize(5)
              .usagePageSize(200)
              .now(LocalDate.of(2026, 11, 20)));

  @Override
  protected @Nullable CloudeyStore store() {
    return null; // Cloudey's default, a new one per Cloudey
  }

  @Override
  protected OciSimulator simulator() {
    return SIM.simulator();
  }
}
