package app.cloudey.oci.simulator.internal;

import app.cloudey.oci.simulator.CostDynamics;
import java.time.Clock;
import java.time.LocalDate;

/** Everything {@link SimulatorServer} is started with (validated by the public builder). */
public record Settings(
    long seed,
    LocalDate now,
    int regions,
    int compartments,
    int compartmentDepth,
    int instances,
    int days,
    int pageSize,
    int usagePageSize,
    String currency,
    String host,
    int port,
    int maxDailyDays,
    int maxMonthlyDays,
    Clock clock,
    CostDynamics dynamics) {

  GeneratorParams generator() {
    return new GeneratorParams(
        seed,
        now,
        regions,
        compartments,
        compartmentDepth,
        instances,
        days,
        pageSize,
        currency,
        dynamics);
  }
}
