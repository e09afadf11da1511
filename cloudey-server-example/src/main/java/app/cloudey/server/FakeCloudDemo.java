package app.cloudey.server;

import static app.cloudey.model.CostDimension.RESOURCE;
import static app.cloudey.model.CostDimension.SERVICE;

import app.cloudey.Cloudey;
import app.cloudey.MetricSyncResult;
import app.cloudey.model.CostQuery;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Period;
import app.cloudey.model.SyncRun;
import app.cloudey.testkit.Fixtures;
import java.io.PrintStream;
import java.time.YearMonth;

/**
 * Cloudey end to end on its defaults (in-memory store, in-process cache) and the test kit's fake
 * cloud: sync the inventory, refresh October's costs, print a cost summary, close the month.
 *
 * <p>Run from the project root: {@code mvn -B -q -pl cloudey-server-example -am compile exec:java
 * -Dexec.mainClass=app.cloudey.server.FakeCloudDemo}
 */
public final class FakeCloudDemo {
  private FakeCloudDemo() {}

  public static void main(String[] args) {
    run(System.out);
  }

  static void run(PrintStream out) {
    YearMonth october = Fixtures.OCTOBER;
    try (Cloudey cloudey =
        Cloudey.builder().cloud(Fixtures.provider(), Fixtures.credentials()).build()) {
      SyncRun sync = cloudey.inventory().sync();
      out.printf(
          "Inventory: %d scopes synced in %d ms, %d resources%n",
          sync.scopesCompleted(),
          sync.duration().toMillis(),
          cloudey.inventory().resources().size());
      cloudey.inventory().counts().forEach((type, n) -> out.printf("  %-20s %3d%n", type.key(), n));

      for (IngestResult ingest : cloudey.costs().refresh(Period.month(october))) {
        out.printf("Costs: %d lines stored for %s%n", ingest.lines(), ingest.period());
      }
      CostQuery month = CostQuery.of(Period.month(october));
      CostTable.print(
          out,
          "Cost by service, " + october,
          cloudey.costs().query(month.groupBy(SERVICE)),
          40,
          12);
      CostTable.print(
          out,
          "Top 3 resources, " + october,
          cloudey.costs().query(month.groupBy(RESOURCE).top(3)),
          40,
          12);

      MetricSyncResult metrics = cloudey.metrics().sync(Fixtures.METRIC_WINDOW);
      out.printf(
          "Metrics: %d daily values for %d resources (%d days without data kept as missing)%n",
          metrics.stored(), metrics.resources(), metrics.missing());

      var closed = cloudey.costs().closeMonth(october);
      out.printf(
          "Month %s is now %s: %d lines, total %s%n",
          october, cloudey.costs().monthStatus(october), closed.lines(), closed.totals().get(0));
    }
  }
}
