package app.cloudey.bench.advisor;

import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.testkit.Fixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic tenancy of N resources (N a multiple of 10) for {@link AdvisorBench}: its
 * inventory, its daily cost lines from {@link #FIRST_DAY} to yesterday and its daily metrics over
 * the advisor's 14-day look-back. Every 10 resources are one group: 4 instances, their 3 boot
 * volumes (the fourth instance's boot volume is not modelled), a block volume, a load balancer or a
 * bucket, and a backup. A share of each type is planted to be found (per-resource uniform draws,
 * not exact counts):
 *
 * <ul>
 *   <li>instances: 4 % stopped 20 days ago (found), 1 % stopped 3 days ago (too recent); of the
 *       running ones 7 % idle (CPU P95 2 %, memory max 6 %), 18 % at CPU P95 15 % (rightsizing when
 *       flex with more than 1 OCPU), the rest busy; 10 % without a memory metric, 5 % with every
 *       other day missing, 8 % created 6 days ago (too young to be idle); names "dev-…" (6 %) and
 *       "test-…" (2 %) are non-production, "latest-build-…" (2 %) is the trap that is not;
 *   <li>boot volumes: 3 % attached to nothing (orphaned);
 *   <li>block volumes: 20 % attached to nothing; 30 % at 20 VPUs/GB, half of them with low IOPS;
 *   <li>load balancers: 4 % without backends, 3 % with none healthy, 5 % with almost no traffic, 30
 *       % reserving 100 Mbps of which half peak at 8 Mbps (oversized);
 *   <li>buckets: half on the Standard tier; backups: 20 % older than 90 days, 15 % of boot-volume
 *       backups with their source gone.
 * </ul>
 *
 * Account-wide: two main regions and a third with a few egress lines (region insight), compute
 * above 60 % (concentration, commitment), and an egress spike two days ago (anomaly).
 */
final class AdvisorTenancy {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
  static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
  static final Instant FIRST_SYNC = Instant.parse("2026-09-01T02:00:00Z");
  static final Instant LAST_SYNC = Instant.parse("2026-12-04T02:00:00Z");
  static final List<String> REGIONS = List.of("us-ashburn-1", "eu-frankfurt-1");
  static final String SMALL_REGION = "ap-tokyo-1";
  static final int METRIC_DAYS = 14;
  private static final int COMPARTMENTS = 40;
  private static final Instant OLD = Instant.parse("2026-06-01T00:00:00Z");

  private final AccountId account;
  private final int resources;
  private final String prefix;

  AdvisorTenancy(AccountId account, int resources) {
    if (resources % 10 != 0) {
      throw new IllegalArgumentException("resources must be a multiple of 10");
    }
    this.account = account;
    this.resources = resources;
    this.prefix = account.value();
  }

  @Override
  public String toString() {
    return prefix + " (" + resources + " resources)";
  }

  int size() {
    return resources;
  }

  List<Compartment> compartments() {
    String root = "ocid1.tenancy.oc1.." + prefix;
    List<Compartment> list = new ArrayList<>();
    list.add(new Compartment(account, root, null, prefix, prefix, "ACTIVE"));
    for (int c = 0; c < COMPARTMENTS; c++) {
      list.add(
          new Compartment(account, compartment(c), root, "c" + c, prefix + "/c" + c, "ACTIVE"));
    }
    return list;
  }

  private String compartment(int c) {
    return "ocid1.compartment.oc1.." + prefix + "-c" + c;
  }

  // ---- per-resource draws ----

  /** A uniform draw in [0, 1) for resource {@code i} and a salt (SplitMix64). */
  static double u(long i, int salt) {
    long z = i * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  private static ResourceType type(int i) {
    int k = i % 10;
    if (k <= 3) {
      return ResourceType.INSTANCE;
    }
    if (k <= 6) {
      return ResourceType.BOOT_VOLUME;
    }
    if (k == 7) {
      return ResourceType.BLOCK_VOLUME;
    }
    if (k == 8) {
      return (i / 10) % 2 == 0 ? ResourceType.LOAD_BALANCER : ResourceType.BUCKET;
    }
    return (i / 10) % 2 == 0 ? ResourceType.BOOT_VOLUME_BACKUP : ResourceType.VOLUME_BACKUP;
  }

  private String id(int i) {
    return "ocid1."
        + type(i).key().toLowerCase(Locale.ROOT).replace("_", "")
        + ".oc1.."
        + prefix
        + "-"
        + i;
  }

  private static boolean flex(int i) {
    return u(i, 7) < 0.7;
  }

  private static BigDecimal ocpus(int i) {
    return flex(i)
        ? BigDecimal.valueOf(new int[] {1, 2, 4, 8}[(int) (u(i, 8) * 4)])
        : BigDecimal.valueOf(4);
  }

  private static BigDecimal memoryGb(int i) {
    return flex(i) ? ocpus(i).multiply(BigDecimal.valueOf(16)) : BigDecimal.valueOf(60);
  }

  /** For a stopped instance, the first day it no longer ran; null when running. */
  private static @Nullable LocalDate stoppedOn(int i) {
    double s = u(i, 1);
    return s < 0.04 ? TODAY.minusDays(20) : s < 0.05 ? TODAY.minusDays(3) : null;
  }

  private static boolean recent(int i) {
    return u(i, 2) < 0.08;
  }

  private static LocalDate created(int i) {
    if (type(i) == ResourceType.INSTANCE && recent(i)) {
      return TODAY.minusDays(6);
    }
    if (type(i) == ResourceType.BOOT_VOLUME_BACKUP || type(i) == ResourceType.VOLUME_BACKUP) {
      return u(i, 2) < 0.2 ? LocalDate.of(2026, 7, 1) : LocalDate.of(2026, 11, 15);
    }
    return LocalDate.ofInstant(OLD, ZoneOffset.UTC);
  }

  private static int sizeGb(int i) {
    return switch (type(i)) {
      case BOOT_VOLUME -> 50 + 50 * (int) (u(i, 3) * 4);
      case BLOCK_VOLUME -> 500 + 500 * (int) (u(i, 3) * 4);
      case BUCKET -> 100 + (int) (u(i, 3) * 4000);
      default -> 50 + 50 * (int) (u(i, 3) * 4);
    };
  }

  private static int vpus(int i) {
    return type(i) == ResourceType.BLOCK_VOLUME && u(i, 2) < 0.3 ? 20 : 10;
  }

  private static int lbMinMbps(int i) {
    return u(i, 2) < 0.3 ? 100 : 10;
  }

  Resource resource(int i) {
    ResourceType type = type(i);
    int g = i / 10;
    String region = REGIONS.get(g % REGIONS.size());
    Resource.Builder b =
        Resource.builder()
            .accountId(account)
            .provider(Fixtures.PROVIDER)
            .type(type)
            .id(id(i))
            .region(region)
            .availabilityDomain(region + "-AD-1")
            .compartmentId(compartment(g % COMPARTMENTS))
            .timeCreated(created(i).atStartOfDay().toInstant(ZoneOffset.UTC));
    ResourceSpec.Builder spec = ResourceSpec.builder();
    String state;
    String name;
    switch (type) {
      case INSTANCE -> {
        state = stoppedOn(i) == null ? "RUNNING" : "STOPPED";
        double n = u(i, 6);
        name =
            (n < 0.06
                    ? "dev-api-"
                    : n < 0.08 ? "test-runner-" : n < 0.10 ? "latest-build-" : "app-")
                + i;
        spec.shape(flex(i) ? "VM.Standard.E4.Flex" : "VM.Standard2.4")
            .ocpus(ocpus(i))
            .memoryGb(memoryGb(i));
        b.tags(Map.of("team", "t" + (g % 7), "env", n < 0.06 ? "dev" : "prod"));
      }
      case BOOT_VOLUME -> {
        state = "AVAILABLE";
        name = "boot-" + i;
        spec.sizeGb(BigDecimal.valueOf(sizeGb(i)))
            .vpusPerGb(vpus(i))
            .attachedTo(u(i, 1) < 0.03 ? null : id(g * 10 + (i % 10) - 4));
      }
      case BLOCK_VOLUME -> {
        state = "AVAILABLE";
        name = "data-" + i;
        spec.sizeGb(BigDecimal.valueOf(sizeGb(i)))
            .vpusPerGb(vpus(i))
            .attachedTo(u(i, 1) < 0.2 ? null : id(g * 10 + 3));
      }
      case LOAD_BALANCER -> {
        state = "ACTIVE";
        name = "lb-" + i;
        double s = u(i, 1);
        int backends = s < 0.04 ? 0 : 2;
        int healthy = s < 0.04 ? 0 : s < 0.07 ? 0 : 2;
        spec.shape("flexible")
            .bandwidthMinMbps(lbMinMbps(i))
            .bandwidthMaxMbps(400)
            .backendCount(backends)
            .healthyBackendCount(healthy);
      }
      case BUCKET -> {
        state = "ACTIVE";
        name = "bucket-" + i;
        spec.storageTier(u(i, 1) < 0.5 ? "Standard" : "Archive").objectCount(1000L + i);
      }
      default -> { // backups
        state = "AVAILABLE";
        name = "backup-" + i;
        String source =
            type == ResourceType.BOOT_VOLUME_BACKUP
                ? (u(i, 1) < 0.15
                    ? "ocid1.bootvolume.oc1.." + prefix + "-gone-" + i
                    : id(g * 10 + 4))
                : id(g * 10 + 7);
        spec.sizeGb(BigDecimal.valueOf(sizeGb(i))).sourceId(source);
      }
    }
    return b.name(name).lifecycleState(state).spec(spec.build()).build();
  }

  // ---- costs ----

  /** One billed SKU of a resource: its daily cost and quantity. */
  private record Sku(
      String service, String part, String name, String unit, BigDecimal daily, BigDecimal qty) {}

  private static BigDecimal money(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN);
  }

  private static List<Sku> skus(int i) {
    int size = sizeGb(i);
    return switch (type(i)) {
      case INSTANCE -> {
        double ocpus = ocpus(i).doubleValue();
        double mem = memoryGb(i).doubleValue();
        yield flex(i)
            ? List.of(
                new Sku(
                    "COMPUTE",
                    "B93113",
                    "Compute - Standard - E4 - OCPU",
                    "OCPU Per Hour",
                    money(ocpus * 24 * 0.025),
                    money(ocpus * 24)),
                new Sku(
                    "COMPUTE",
                    "B93114",
                    "Compute - Standard - E4 - Memory",
                    "Gigabyte Per Hour",
                    money(mem * 24 * 0.0015),
                    money(mem * 24)))
            : List.of(
                new Sku(
                    "COMPUTE",
                    "B88317",
                    "Compute - Standard - X7 - OCPU",
                    "OCPU Per Hour",
                    money(ocpus * 24 * 0.0638),
                    money(ocpus * 24)));
      }
      case BOOT_VOLUME, BLOCK_VOLUME ->
          List.of(
              new Sku(
                  "BLOCK_STORAGE",
                  "B91961",
                  "Block Volume - Storage",
                  "Gigabyte Storage Capacity Per Month",
                  money(size * 0.0255 / 30),
                  money(size / 30.0)),
              new Sku(
                  "BLOCK_STORAGE",
                  "B91962",
                  "Block Volume - Performance Units",
                  "Performance Units Per Gigabyte Per Month",
                  money(size * vpus(i) * 0.0017 / 30),
                  money(size * vpus(i) / 30.0)));
      case LOAD_BALANCER ->
          List.of(
              new Sku(
                  "LOAD_BALANCER",
                  "B93030",
                  "Load Balancer Base",
                  "Load Balancer Hour",
                  money(24 * 0.0113),
                  money(24)),
              new Sku(
                  "LOAD_BALANCER",
                  "B93031",
                  "Load Balancer Bandwidth",
                  "Mbps Per Hour",
                  money(lbMinMbps(i) * 24 * 0.0001),
                  money(lbMinMbps(i) * 24)));
      case BUCKET ->
          List.of(
              new Sku(
                  "OBJECT_STORAGE",
                  "B91628",
                  "Object Storage - Storage",
                  "Gigabyte Storage Capacity Per Month",
                  money(size * 0.0255 / 30),
                  money(size / 30.0)));
      default ->
          List.of(
              new Sku(
                  "BLOCK_STORAGE",
                  "B91963",
                  "Block Volume - Backup Storage",
                  "Gigabyte Storage Capacity Per Month",
                  money(size * 0.0255 / 30),
                  money(size / 30.0)));
    };
  }

  /** The resource's billed days: [first, end). */
  private static LocalDate billedFrom(int i) {
    LocalDate c = created(i);
    return c.isAfter(FIRST_DAY) ? c : FIRST_DAY;
  }

  private static LocalDate billedUntil(int i) {
    LocalDate stopped = type(i) == ResourceType.INSTANCE ? stoppedOn(i) : null;
    return stopped == null ? TODAY : stopped;
  }

  /** Every line of the period (within [FIRST_DAY, TODAY)), generated day by day, nothing held. */
  Stream<CostLine> lines(Period period) {
    List<List<Sku>> skus = IntStream.range(0, resources).mapToObj(AdvisorTenancy::skus).toList();
    return period
        .dayStream()
        .flatMap(
            day ->
                Stream.concat(
                    IntStream.range(0, resources)
                        .filter(i -> !day.isBefore(billedFrom(i)) && day.isBefore(billedUntil(i)))
                        .boxed()
                        .flatMap(i -> skus.get(i).stream().map(s -> line(day, i, s))),
                    egress(day)));
  }

  private CostLine line(LocalDate day, int i, Sku sku) {
    int g = i / 10;
    return CostLine.builder()
        .accountId(account)
        .day(day)
        .service(sku.service())
        .skuPartNumber(sku.part())
        .skuName(sku.name())
        .unit(sku.unit())
        .quantity(sku.qty())
        .cost(Money.of(sku.daily(), "USD"))
        .region(REGIONS.get(g % REGIONS.size()))
        .compartmentId(compartment(g % COMPARTMENTS))
        .resourceId(id(i))
        .build();
  }

  /**
   * Egress without a resource: per main region 0.1 USD per 100 resources a day, 20× two days ago.
   */
  private Stream<CostLine> egress(LocalDate day) {
    List<CostLine> out = new ArrayList<>();
    for (String region : REGIONS) {
      double amount = resources / 1000.0 * (day.equals(TODAY.minusDays(2)) ? 20 : 1);
      out.add(egressLine(day, region, amount));
    }
    out.add(egressLine(day, SMALL_REGION, 0.5));
    return out.stream();
  }

  private CostLine egressLine(LocalDate day, String region, double amount) {
    return CostLine.builder()
        .accountId(account)
        .day(day)
        .service("NETWORK")
        .skuPartNumber("B88327")
        .skuName("Outbound Data Transfer")
        .unit("GB")
        .quantity(money(amount * 100))
        .cost(Money.of(money(amount), "USD"))
        .region(region)
        .compartmentId("ocid1.tenancy.oc1.." + prefix)
        .build();
  }

  // ---- metrics ----

  /** The resource's daily metrics over the 14 days before {@link #TODAY}, to {@code sink}. */
  void metrics(int i, Consumer<MetricDaily> sink) {
    LocalDate from = TODAY.minusDays(METRIC_DAYS);
    ResourceType type = type(i);
    for (LocalDate day = from; day.isBefore(TODAY); day = day.plusDays(1)) {
      switch (type) {
        case INSTANCE -> {
          if (day.isBefore(billedFrom(i)) || !day.isBefore(billedUntil(i))) {
            continue;
          }
          boolean gap = u(i, 5) < 0.05 && day.getDayOfMonth() % 2 == 0;
          double p = u(i, 3);
          double cpuMean = p < 0.07 ? 1 : p < 0.25 ? 8 : 40;
          double cpuP95 = p < 0.07 ? 2 : p < 0.25 ? 15 : 70;
          double cpuMax = p < 0.07 ? 4 : p < 0.25 ? 25 : 90;
          sink.accept(daily(i, MetricName.CPU_UTILIZATION, day, gap, cpuMean, cpuMax, cpuP95));
          if (u(i, 4) >= 0.10) {
            double mem = p < 0.07 ? 5 : 50;
            sink.accept(daily(i, MetricName.MEMORY_UTILIZATION, day, gap, mem, mem + 1, mem + 0.5));
          }
        }
        case BOOT_VOLUME, BLOCK_VOLUME -> {
          boolean low = type == ResourceType.BOOT_VOLUME || u(i, 4) < 0.5;
          double max = low ? 200 : 0.8 * 60 * sizeGb(i);
          sink.accept(daily(i, MetricName.VOLUME_IOPS, day, false, max / 4, max, max / 2));
        }
        case LOAD_BALANCER -> {
          double s = u(i, 1);
          boolean quiet = s >= 0.07 && s < 0.12;
          double peak = quiet ? 0.3 : u(i, 3) < 0.5 ? 8 : 60;
          double requests = quiet ? 2 : 5000;
          sink.accept(
              daily(i, MetricName.LB_PEAK_BANDWIDTH, day, false, peak / 2, peak, peak * 0.9));
          sink.accept(
              daily(i, MetricName.LB_REQUESTS, day, false, requests, requests * 3, requests * 2));
        }
        default -> {}
      }
    }
  }

  private MetricDaily daily(
      int i,
      MetricName metric,
      LocalDate day,
      boolean missing,
      double mean,
      double max,
      double p95) {
    return missing
        ? MetricDaily.missing(account, id(i), metric, day)
        : new MetricDaily(account, id(i), metric, day, mean, max, p95, 24);
  }
}
