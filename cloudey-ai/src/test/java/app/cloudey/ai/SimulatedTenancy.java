package app.cloudey.ai;

import app.cloudey.Cloudey;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciConfig;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.SimulatorCredentials;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.AssistantFactory;
import app.cloudey.spi.CloudeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A small simulated OCI tenancy (one region, four compartments, a few of each resource type, 52
 * days of history from 2026-09-29, "today" 2026-11-20) synced once per JVM through the real OCI
 * adapter into an in-memory store: inventory, every cost of the history ({@link #COSTS}: the last
 * two days of September, October, November to date) and 14 days of metrics. Test classes build
 * assistants over that store with their own LLM, or copy the synced data into another store ({@link
 * #copyInto}) rather than sync again.
 */
final class SimulatedTenancy {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  static final Clock CLOCK =
      Clock.fixed(TODAY.atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  static final Period OCTOBER = Period.month(2026, 10);
  static final Period SEPTEMBER = Period.month(2026, 9);

  /** The days of November before today: the month to date with data. */
  static final Period NOVEMBER_TO_DATE = Period.of(LocalDate.of(2026, 11, 1), TODAY);

  /** Every cost of the 52 days of history, refreshed once: 2026-09-29 to 2026-11-19. */
  static final Period COSTS = Period.of(TODAY.minusDays(52), TODAY);

  static final Period METRIC_WINDOW = Period.lastDays(14, CLOCK);

  private static @Nullable SimulatedTenancy shared;

  final OciSimulator simulator;
  final CloudeyStore store;

  private SimulatedTenancy(OciSimulator simulator, CloudeyStore store) {
    this.simulator = simulator;
    this.store = store;
  }

  /** The tenancy of this JVM, synced on first use; the simulator stops at JVM exit. */
  static synchronized SimulatedTenancy shared() {
    if (shared == null) {
      OciSimulator simulator =
          OciSimulator.builder()
              .seed(11)
              .now(TODAY)
              .regions(1)
              .compartments(4)
              .compartmentDepth(2)
              .instances(4)
              .days(52)
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-stop"));
      SimulatedTenancy tenancy = new SimulatedTenancy(simulator, InMemoryStore.create(CLOCK));
      try (Cloudey cloudey = tenancy.cloudey(tenancy.store, null)) {
        cloudey.inventory().sync();
        cloudey.costs().refresh(COSTS);
        cloudey.metrics().sync(METRIC_WINDOW);
      }
      shared = tenancy;
    }
    return shared;
  }

  Truth truth() {
    return simulator.truth();
  }

  /** October's true total as the tools print it, e.g. {@code 1234.57 USD}. */
  String octoberTotal() {
    return truth().cost(OCTOBER).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()
        + " "
        + truth().currency();
  }

  /** A Cloudey over the synced store, its default account the simulated tenancy. */
  Cloudey cloudey(@Nullable AssistantFactory llm, AdvisorRule... rules) {
    return cloudey(store, llm, rules);
  }

  /** A Cloudey over another store holding a {@link #copyInto copy} of the data. */
  Cloudey cloudey(CloudeyStore over, @Nullable AssistantFactory llm, AdvisorRule... rules) {
    Cloudey.Builder builder =
        Cloudey.builder()
            .oci(config())
            .store(over)
            .clock(CLOCK)
            .priceBook(app.cloudey.oci.OciPriceBook.bundled());
    if (llm != null) {
      builder.llm(llm);
    }
    for (AdvisorRule rule : rules) {
      builder.rule(rule);
    }
    return builder.build();
  }

  /**
   * Writes the synced account, inventory (live resources), costs ({@link #COSTS}), metrics and sync
   * runs into {@code target}.
   */
  void copyInto(CloudeyStore target) {
    AccountId id = Cloudey.DEFAULT_ACCOUNT;
    target
        .accounts()
        .add(store.accounts().find(id).orElseThrow(), store.accounts().credentials(id));
    target.inventory().replaceCompartments(id, store.inventory().compartments(id), CLOCK.instant());
    Map<Scope, List<Resource>> byScope =
        store.inventory().resources(id, ResourceFilter.ALL).stream()
            .collect(Collectors.groupingBy(Resource::scope));
    byScope.forEach(
        (scope, resources) ->
            target.inventory().replaceScope(id, scope, resources, CLOCK.instant()));
    for (Period month : List.of(SEPTEMBER, OCTOBER, NOVEMBER_TO_DATE)) {
      try (Stream<CostLine> lines = store.costs().lines(id, month)) {
        target.costs().replaceCostLines(id, month, lines);
      }
    }
    target.metrics().upsert(id, store.metrics().daily(id, MetricQuery.of(METRIC_WINDOW)));
    store.syncRuns().recent(id, 10).forEach(target.syncRuns()::save);
  }

  OciConfig config() {
    SimulatorCredentials c = simulator.credentials();
    return OciConfig.builder()
        .tenancyId(c.tenancyId())
        .userId(c.userId())
        .fingerprint(c.fingerprint())
        .region(c.region())
        .privateKey(c.privateKeyPem())
        .endpoints(simulator::endpoint)
        .options(
            OciOptions.builder()
                .serviceRateLimit(500)
                .tenancyRateLimit(1000)
                .rateLimit(OciService.MONITORING, 500)
                .readTimeout(Duration.ofSeconds(5))
                .build())
        .build();
  }
}
