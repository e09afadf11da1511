package app.cloudey.server.internal;

import app.cloudey.Cloudey;
import app.cloudey.Job;
import app.cloudey.model.JobState;
import app.cloudey.model.Period;
import app.cloudey.oci.OciConfig;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.simulator.CostDynamics;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.SimulatorCredentials;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The demo: a simulated OCI tenancy in this JVM (seeded, realistic cost dynamics: weekly
 * seasonality, growth, noise, spikes; 150 instances in 2 regions and 13 compartments with their
 * boot and block volumes, and a few load balancers, buckets, file systems and databases), a demo
 * user bound to it, and a first sync, cost refresh and metric sync shown with progress bars.
 */
public final class Demo implements AutoCloseable {
  public static final String EMAIL = "demo@cloudey.app";

  /** Seed of the demo tenancy: the same tenancy on every start. */
  public static final long SEED = 42;

  private final OciSimulator simulator;

  private Demo(OciSimulator simulator) {
    this.simulator = simulator;
  }

  /** Starts the simulated tenancy (a few seconds). */
  public static Demo startTenancy() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    OciSimulator simulator =
        OciSimulator.builder()
            .seed(SEED)
            .now(today)
            .regions(2)
            .compartments(12)
            .instances(150)
            // small pages: the generator gives every type at least 3 pages plus one per region, so
            // the default 25 would make ~80 load balancers, buckets and databases for 150
            // instances;
            // with 2 the mix is realistic (9-12 of each, most instances with only their volumes)
            .pageSize(2)
            .days(240)
            .dynamics(CostDynamics.realistic())
            .start();
    return new Demo(simulator);
  }

  /** Every account's OCI calls go to the simulator; its local limits are lifted. */
  public OciOptions ociOptions() {
    return OciOptions.builder()
        .endpoints(simulator::endpoint)
        .serviceRateLimit(200)
        .tenancyRateLimit(400)
        .build();
  }

  /** The demo user's configuration: the simulator's API user. */
  public OciConfig ociConfig() {
    SimulatorCredentials c = simulator.credentials();
    return OciConfig.builder()
        .tenancyId(c.tenancyId())
        .userId(c.userId())
        .fingerprint(c.fingerprint())
        .region(c.region())
        .privateKey(c.privateKeyPem())
        .build();
  }

  /**
   * Creates (or finds) the demo user, binds its account to the simulated tenancy, gives it a fresh
   * token, and runs the first sync, cost refresh (3 months) and metric sync with progress bars.
   *
   * @return the demo user's new API token
   */
  public String prepare(Services s, PrintStream out) {
    User user = s.users().byEmail(EMAIL).orElseGet(() -> s.users().create(EMAIL).user());
    Cloudey cloudey = s.cloudey();
    if (cloudey.accounts().find(user.accountId()).isPresent()) {
      cloudey
          .accounts()
          .updateCredentials(
              user.accountId(), ociConfig().credentials(), PricingRoutes::keepStoredPricing);
    } else {
      cloudey.accounts().add(user.accountId(), ociConfig());
    }
    s.forgetAccount(user.accountId());
    String token = s.users().rotateToken(user.id());
    var account = cloudey.account(user.accountId());
    run(s, out, account.inventory().syncAsync(new ProgressBar(out, "inventory", "scopes")));
    run(
        s,
        out,
        account
            .costs()
            .refreshAsync(Period.lastMonths(3), new ProgressBar(out, "costs", "months")));
    run(
        s,
        out,
        account
            .metrics()
            .syncAsync(Period.lastDays(14), new ProgressBar(out, "metrics", "batches")));
    s.scheduler().ifPresent(sch -> sch.scanAccounts());
    return token;
  }

  private static void run(Services s, PrintStream out, Job job) {
    var end = job.await(Duration.ofMinutes(10));
    if (end.state() != JobState.SUCCEEDED) {
      out.println("  " + end.kind() + " ended " + end.state() + ": " + end.error());
    }
  }

  @Override
  public void close() {
    simulator.close();
  }
}
