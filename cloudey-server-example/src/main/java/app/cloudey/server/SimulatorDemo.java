package app.cloudey.server;

import static app.cloudey.model.CostDimension.RESOURCE;
import static app.cloudey.model.CostDimension.SERVICE;

import app.cloudey.Cloudey;
import app.cloudey.MetricSyncResult;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Period;
import app.cloudey.model.SyncRun;
import app.cloudey.oci.OciConfig;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.SimulatorCredentials;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Cloudey end to end against a simulated OCI tenancy: the OCI simulator runs in this JVM on a
 * loopback port, and Cloudey talks to it through the real OCI Java SDK (signed HTTP requests,
 * paginated listings, the Usage API and Monitoring). Storage and cache are the in-memory defaults.
 *
 * <p>Run from the project root: {@code mvn -B -q -pl cloudey-server-example -am compile exec:java}
 */
public final class SimulatorDemo {
  private SimulatorDemo() {}

  public static void main(String[] args) {
    run(System.out, Clock.systemUTC());
  }

  static void run(PrintStream out, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    out.println(
        "Starting a simulated OCI tenancy (seed 42, 2 regions, 12 compartments, 60 instances)...");
    try (OciSimulator simulator =
            OciSimulator.builder()
                .seed(42)
                .now(today)
                .regions(2)
                .compartments(12)
                .instances(60)
                .days(100)
                .pageSize(25)
                .start();
        Cloudey cloudey = Cloudey.builder().oci(config(simulator)).clock(clock).build()) {
      SyncRun sync = cloudey.inventory().sync();
      out.printf(
          "Inventory: %d scopes in %d ms, %d failed; %d resources%n",
          sync.scopesCompleted(),
          sync.duration().toMillis(),
          sync.failures().size(),
          cloudey.inventory().resources().size());
      cloudey.inventory().counts().forEach((type, n) -> out.printf("  %-20s %4d%n", type.key(), n));

      YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
      Period period = Period.month(lastMonth);
      long lines = cloudey.costs().refresh(period).stream().mapToLong(IngestResult::lines).sum();
      out.printf("Costs: %d lines stored for %s through the Usage API%n", lines, lastMonth);
      CostQuery month = CostQuery.of(period);
      CostReport bySvc = cloudey.costs().query(month.groupBy(SERVICE));
      CostTable.print(out, "Cost by service, " + lastMonth, bySvc, 90, 14);
      CostTable.print(
          out,
          "Top 5 resources, " + lastMonth,
          cloudey.costs().query(month.groupBy(RESOURCE).top(5)),
          90,
          14);
      BigDecimal truth = simulator.truth().cost(period);
      out.printf(
          "Simulator ground truth for %s: %s %s (%s)%n",
          lastMonth,
          truth.setScale(2, java.math.RoundingMode.HALF_EVEN),
          simulator.truth().currency(),
          bySvc.total().map(t -> t.amount().compareTo(truth) == 0).orElse(false)
              ? "matches to the cent"
              : "DIFFERS");

      MetricSyncResult metrics = cloudey.metrics().sync();
      out.printf(
          "Metrics: %d daily values for %d resources over 14 days (%d without data, kept as missing;"
              + " %d failed requests)%n",
          metrics.stored(), metrics.resources(), metrics.missing(), metrics.failedRequests());
      out.printf("OCI API calls made: %d%n", simulator.totalRequests());
    }
  }

  /** The simulator's user as an OCI config, every call pointed at the simulator. */
  private static OciConfig config(OciSimulator simulator) {
    SimulatorCredentials c = simulator.credentials();
    return OciConfig.builder()
        .tenancyId(c.tenancyId())
        .userId(c.userId())
        .fingerprint(c.fingerprint())
        .region(c.region())
        .privateKey(c.privateKeyPem())
        .endpoints(simulator::endpoint)
        // the simulator is local: lift the defaults sized for a real tenancy
        .options(OciOptions.builder().serviceRateLimit(200).tenancyRateLimit(400).build())
        .build();
  }
}
