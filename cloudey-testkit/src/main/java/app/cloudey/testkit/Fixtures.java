package app.cloudey.testkit;

import app.cloudey.Credentials;
import app.cloudey.model.Account;
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
import app.cloudey.model.Scope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A small tenancy with numbers you can check by hand, used by the contracts, the fake provider and
 * the demos. Every factory takes the {@link AccountId} to stamp on the records, so two accounts can
 * hold identical data (the tenant-isolation scenarios).
 *
 * <p><b>Tenancy.</b> Regions {@code us-ashburn-1} (home) and {@code eu-frankfurt-1}; compartments
 * {@code root}, {@code root/dev}, {@code root/prod}, {@code root/prod/web}; six resources in five
 * scopes:
 *
 * <pre>
 * INSTANCE      us-ashburn-1   prod      web1 (RUNNING, E4.Flex 2 OCPU 32 GB), web2 (STOPPED, 1 OCPU 16 GB)
 * BOOT_VOLUME   us-ashburn-1   prod      boot1 (50 GB, 10 VPU/GB, attached to web1)
 * LOAD_BALANCER us-ashburn-1   prod      lb1 (10-100 Mbps)
 * BUCKET        us-ashburn-1   prod/web  bucket1 (Standard, 1234 objects)
 * BLOCK_VOLUME  eu-frankfurt-1 dev       vol1 (100 GB, 10 VPU/GB, unattached)
 * </pre>
 *
 * <p><b>Costs</b> ({@link #costLines}, USD, 12 lines on 2026-10-01..03):
 *
 * <pre>
 * #  day   service        sku     resource  region          compartment  cost
 * 1  10-01 COMPUTE        B97384  web1      us-ashburn-1    prod          3.00
 * 2  10-01 COMPUTE        B97385  web1      us-ashburn-1    prod          1.14
 * 3  10-01 BLOCK_STORAGE  B91961  boot1     us-ashburn-1    prod          1.70
 * 4  10-02 COMPUTE        B97384  web1      us-ashburn-1    prod          3.00
 * 5  10-02 COMPUTE        B97385  web1      us-ashburn-1    prod          1.14
 * 6  10-02 BLOCK_STORAGE  B91961  boot1     us-ashburn-1    prod          1.70
 * 7  10-02 NETWORK        B88327  (none)    us-ashburn-1    root          0.40
 * 8  10-03 COMPUTE        B97384  web1      us-ashburn-1    prod          3.00
 * 9  10-03 COMPUTE        B97385  web1      us-ashburn-1    prod          1.06
 * 10 10-03 BLOCK_STORAGE  B91961  boot1     us-ashburn-1    prod          1.70
 * 11 10-03 BLOCK_STORAGE  B91961  vol1      eu-frankfurt-1  dev           0.50
 * 12 10-03 NETWORK        B88327  (none)    us-ashburn-1    root         -0.10 (a credit)
 * </pre>
 *
 * Hand-computed sums: by service COMPUTE 3+1.14+3+1.14+3+1.06 = 12.34, BLOCK_STORAGE 1.70*3+0.50 =
 * 5.60, NETWORK 0.40-0.10 = 0.30; total 18.24. By day 10-01 5.84, 10-02 6.24, 10-03 6.16. By
 * resource web1 12.34, boot1 5.10, vol1 0.50, none 0.30. By region us-ashburn-1 17.74,
 * eu-frankfurt-1 0.50. By compartment prod 17.44, dev 0.50, root 0.30. By SKU B97384 9.00, B97385
 * 3.34, B91961 5.60, B88327 0.30. {@link #novemberLine} adds 3.00 on 2026-11-01 (outside October).
 *
 * <p><b>Metrics</b> ({@link #metrics}, window 2026-10-01..03): instances report CPU and memory,
 * load balancers peak bandwidth, block volumes IOPS. Data exists for web1 CPU on 10-01 and 10-03
 * (10-02 is missing), web1 memory on all three days, lb1 bandwidth on all three days and vol1 IOPS
 * on 10-02 only: 9 days with data. Fetching all six resources gives 18 entries (web1 6, web2 6, lb1
 * 3, vol1 3; boot volumes and buckets have no metrics), of which 9 are missing.
 *
 * <p>Stateless and thread-safe: every call returns new immutable records.
 */
public final class Fixtures {
  private Fixtures() {}

  public static final String PROVIDER = "fake";
  public static final String HOME_REGION = "us-ashburn-1";
  public static final String OTHER_REGION = "eu-frankfurt-1";
  public static final List<String> REGIONS = List.of(HOME_REGION, OTHER_REGION);

  public static final String ROOT = "ocid1.tenancy.oc1..fixture";
  public static final String DEV = "ocid1.compartment.oc1..dev";
  public static final String PROD = "ocid1.compartment.oc1..prod";
  public static final String PROD_WEB = "ocid1.compartment.oc1..prodweb";

  public static final String WEB1 = "ocid1.instance.oc1.iad.web1";
  public static final String WEB2 = "ocid1.instance.oc1.iad.web2";
  public static final String BOOT1 = "ocid1.bootvolume.oc1.iad.boot1";
  public static final String LB1 = "ocid1.loadbalancer.oc1.iad.lb1";
  public static final String BUCKET1 = "ocid1.bucket.oc1.iad.bucket1";
  public static final String VOL1 = "ocid1.volume.oc1.eu-frankfurt-1.vol1";

  public static final Scope INSTANCES = new Scope(HOME_REGION, PROD, ResourceType.INSTANCE);
  public static final Scope BOOT_VOLUMES = new Scope(HOME_REGION, PROD, ResourceType.BOOT_VOLUME);
  public static final Scope LOAD_BALANCERS =
      new Scope(HOME_REGION, PROD, ResourceType.LOAD_BALANCER);
  public static final Scope BUCKETS = new Scope(HOME_REGION, PROD_WEB, ResourceType.BUCKET);
  public static final Scope BLOCK_VOLUMES = new Scope(OTHER_REGION, DEV, ResourceType.BLOCK_VOLUME);

  /** The five scopes holding resources. */
  public static final List<Scope> POPULATED_SCOPES =
      List.of(INSTANCES, BOOT_VOLUMES, LOAD_BALANCERS, BUCKETS, BLOCK_VOLUMES);

  /** A scope without resources (instances in dev, Frankfurt). */
  public static final Scope EMPTY_SCOPE = new Scope(OTHER_REGION, DEV, ResourceType.INSTANCE);

  /** The resource types the fixture tenancy lists. */
  public static final Set<ResourceType> RESOURCE_TYPES =
      Set.of(
          ResourceType.INSTANCE,
          ResourceType.BOOT_VOLUME,
          ResourceType.BLOCK_VOLUME,
          ResourceType.BUCKET,
          ResourceType.LOAD_BALANCER);

  public static final LocalDate DAY1 = LocalDate.of(2026, 10, 1);
  public static final LocalDate DAY2 = LocalDate.of(2026, 10, 2);
  public static final LocalDate DAY3 = LocalDate.of(2026, 10, 3);
  public static final LocalDate NOVEMBER_FIRST = LocalDate.of(2026, 11, 1);
  public static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  /** The days of {@link #costLines}: {@code [2026-10-01, 2026-10-04)}. */
  public static final Period COST_PERIOD = Period.of(DAY1, DAY3.plusDays(1));

  /** The metric window of {@link #metrics}, the same three days. */
  public static final Period METRIC_WINDOW = COST_PERIOD;

  public static final int COST_LINE_COUNT = 12;

  /** When the fixture inventory was listed. */
  public static final Instant SEEN_AT = Instant.parse("2026-10-05T06:00:00Z");

  /** When fixture accounts were registered. */
  public static final Instant CREATED_AT = Instant.parse("2026-09-01T08:30:00Z");

  /** A fresh random account id such as {@code acct-3f2a...}; use one per test. */
  public static AccountId randomAccountId() {
    return AccountId.of("acct-" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** {@code Money.of(amount, "USD")}. */
  public static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  /** An account of the fake provider, registered at {@link #CREATED_AT}. */
  public static Account account(AccountId id) {
    return new Account(id, PROVIDER, "Fixture tenancy " + id, HOME_REGION, CREATED_AT);
  }

  /** Fake provider credentials with one secret property. */
  public static Credentials credentials() {
    return new Credentials(
        PROVIDER,
        Map.of("tenancy", ROOT, "user", "ocid1.user.oc1..fixture", "privateKey", "not-a-real-key"),
        Set.of("privateKey"));
  }

  /** The compartment tree, ordered by path: root, root/dev, root/prod, root/prod/web. */
  public static List<Compartment> compartments(AccountId id) {
    return List.of(
        new Compartment(id, ROOT, null, "root", "root", "ACTIVE"),
        new Compartment(id, DEV, ROOT, "dev", "root/dev", "ACTIVE"),
        new Compartment(id, PROD, ROOT, "prod", "root/prod", "ACTIVE"),
        new Compartment(id, PROD_WEB, PROD, "web", "root/prod/web", "ACTIVE"));
  }

  /** The six resources, ordered by id: boot1, bucket1, web1, web2, lb1, vol1. */
  public static List<Resource> resources(AccountId id) {
    return List.of(
        resource(id, ResourceType.BOOT_VOLUME, BOOT1, "web1 (Boot Volume)", HOME_REGION, PROD)
            .lifecycleState("AVAILABLE")
            .availabilityDomain("Uocm:US-ASHBURN-AD-1")
            .spec(
                ResourceSpec.builder()
                    .sizeGb(new BigDecimal("50"))
                    .vpusPerGb(10)
                    .attachedTo(WEB1)
                    .build())
            .build(),
        resource(id, ResourceType.BUCKET, BUCKET1, "web-assets", HOME_REGION, PROD_WEB)
            .lifecycleState("ACTIVE")
            .spec(ResourceSpec.builder().storageTier("Standard").objectCount(1234L).build())
            .build(),
        resource(id, ResourceType.INSTANCE, WEB1, "web1", HOME_REGION, PROD)
            .lifecycleState("RUNNING")
            .availabilityDomain("Uocm:US-ASHBURN-AD-1")
            .tags(Map.of("env", "prod", "Operations.CostCenter", "42"))
            .spec(
                ResourceSpec.builder()
                    .shape("VM.Standard.E4.Flex")
                    .ocpus(new BigDecimal("2"))
                    .memoryGb(new BigDecimal("32"))
                    .build())
            .attributes(Map.of("faultDomain", "FAULT-DOMAIN-1"))
            .build(),
        resource(id, ResourceType.INSTANCE, WEB2, "web2", HOME_REGION, PROD)
            .lifecycleState("STOPPED")
            .availabilityDomain("Uocm:US-ASHBURN-AD-2")
            .spec(
                ResourceSpec.builder()
                    .shape("VM.Standard.E4.Flex")
                    .ocpus(new BigDecimal("1"))
                    .memoryGb(new BigDecimal("16"))
                    .build())
            .build(),
        resource(id, ResourceType.LOAD_BALANCER, LB1, "lb-web", HOME_REGION, PROD)
            .lifecycleState("ACTIVE")
            .spec(
                ResourceSpec.builder()
                    .shape("flexible")
                    .bandwidthMinMbps(10)
                    .bandwidthMaxMbps(100)
                    .backendCount(2)
                    .healthyBackendCount(1)
                    .build())
            .build(),
        resource(id, ResourceType.BLOCK_VOLUME, VOL1, "scratch", OTHER_REGION, DEV)
            .lifecycleState("AVAILABLE")
            .availabilityDomain("Uocm:EU-FRANKFURT-1-AD-1")
            .spec(ResourceSpec.builder().sizeGb(new BigDecimal("100")).vpusPerGb(10).build())
            .build());
  }

  /** The fixture resources of one scope, ordered by id. */
  public static List<Resource> resources(AccountId id, Scope scope) {
    return resources(id).stream().filter(r -> r.scope().equals(scope)).toList();
  }

  private static Resource.Builder resource(
      AccountId id,
      ResourceType type,
      String resourceId,
      String name,
      String region,
      String compartmentId) {
    return Resource.builder()
        .accountId(id)
        .provider(PROVIDER)
        .type(type)
        .id(resourceId)
        .name(name)
        .region(region)
        .compartmentId(compartmentId)
        .timeCreated(Instant.parse("2026-03-14T15:09:26Z"));
  }

  /** The twelve October lines of the table above, in table order. */
  public static List<CostLine> costLines(AccountId id) {
    List<CostLine> lines = new ArrayList<>();
    for (LocalDate day : List.of(DAY1, DAY2, DAY3)) {
      lines.add(ocpu(id, day));
      lines.add(memory(id, day, day.equals(DAY3) ? "1.06" : "1.14"));
      lines.add(blockStorage(id, day, BOOT1, HOME_REGION, PROD, "root/prod", "1.70"));
      if (day.equals(DAY2)) {
        lines.add(egress(id, day, "0.40"));
      }
      if (day.equals(DAY3)) {
        lines.add(blockStorage(id, day, VOL1, OTHER_REGION, DEV, "root/dev", "0.50"));
        lines.add(egress(id, day, "-0.10"));
      }
    }
    return List.copyOf(lines);
  }

  /** The fixture lines of one day, in table order. */
  public static List<CostLine> costLines(AccountId id, LocalDate day) {
    return costLines(id).stream().filter(l -> l.day().equals(day)).toList();
  }

  /** One line on 2026-11-01 (web1 OCPU, 3.00 USD): data just outside October. */
  public static CostLine novemberLine(AccountId id) {
    return ocpu(id, NOVEMBER_FIRST);
  }

  private static CostLine ocpu(AccountId id, LocalDate day) {
    return compute(id, day, "B97384", "Compute - Standard - E4 - OCPU", "OCPU Per Hour", "48")
        .cost(usd("3.00"))
        .unitPrice(new BigDecimal("0.0625"))
        .listRate(new BigDecimal("0.0625"))
        .build();
  }

  private static CostLine memory(AccountId id, LocalDate day, String cost) {
    return compute(
            id, day, "B97385", "Compute - Standard - E4 - Memory", "Gigabyte Per Hour", "768")
        .cost(usd(cost))
        .build();
  }

  private static CostLine.Builder compute(
      AccountId id, LocalDate day, String sku, String skuName, String unit, String quantity) {
    return CostLine.builder()
        .accountId(id)
        .day(day)
        .service("COMPUTE")
        .skuPartNumber(sku)
        .skuName(skuName)
        .unit(unit)
        .quantity(new BigDecimal(quantity))
        .region(HOME_REGION)
        .compartmentId(PROD)
        .compartmentPath("root/prod")
        .resourceId(WEB1)
        .tags(Map.of("env", "prod"));
  }

  private static CostLine blockStorage(
      AccountId id,
      LocalDate day,
      String resourceId,
      String region,
      String compartmentId,
      String path,
      String cost) {
    return CostLine.builder()
        .accountId(id)
        .day(day)
        .service("BLOCK_STORAGE")
        .skuPartNumber("B91961")
        .skuName("Storage - Block Volume - Storage")
        .unit("Gigabyte Storage Capacity Per Month")
        .quantity(new BigDecimal("1.6129"))
        .cost(usd(cost))
        .region(region)
        .compartmentId(compartmentId)
        .compartmentPath(path)
        .resourceId(resourceId)
        .discount(new BigDecimal("0.1"))
        .build();
  }

  private static CostLine egress(AccountId id, LocalDate day, String cost) {
    return CostLine.builder()
        .accountId(id)
        .day(day)
        .service("NETWORK")
        .skuPartNumber("B88327")
        .skuName("Networking - Outbound Data Transfer")
        .unit("Gigabytes")
        .quantity(new BigDecimal("47.5"))
        .cost(usd(cost))
        .region(HOME_REGION)
        .compartmentId(ROOT)
        .compartmentPath("root")
        .build();
  }

  /** The metrics each resource type reports in the fixture tenancy (types absent: none). */
  public static Map<ResourceType, Set<MetricName>> metricNames() {
    return Map.of(
        ResourceType.INSTANCE,
        Set.of(MetricName.CPU_UTILIZATION, MetricName.MEMORY_UTILIZATION),
        ResourceType.LOAD_BALANCER,
        Set.of(MetricName.LB_PEAK_BANDWIDTH),
        ResourceType.BLOCK_VOLUME,
        Set.of(MetricName.VOLUME_IOPS));
  }

  /** The nine days with data, ordered by resource, metric, day. Every other day is missing. */
  public static List<MetricDaily> metrics(AccountId id) {
    return List.of(
        daily(id, WEB1, MetricName.CPU_UTILIZATION, DAY1, 12.5, 40.0, 35.0, 24),
        daily(id, WEB1, MetricName.CPU_UTILIZATION, DAY3, 10.0, 30.0, 25.0, 24),
        daily(id, WEB1, MetricName.MEMORY_UTILIZATION, DAY1, 50.0, 60.0, 58.0, 24),
        daily(id, WEB1, MetricName.MEMORY_UTILIZATION, DAY2, 50.0, 60.0, 58.0, 24),
        daily(id, WEB1, MetricName.MEMORY_UTILIZATION, DAY3, 50.0, 60.0, 58.0, 24),
        daily(id, LB1, MetricName.LB_PEAK_BANDWIDTH, DAY1, 5.0, 20.0, 18.0, 24),
        daily(id, LB1, MetricName.LB_PEAK_BANDWIDTH, DAY2, 5.0, 20.0, 18.0, 24),
        daily(id, LB1, MetricName.LB_PEAK_BANDWIDTH, DAY3, 5.0, 20.0, 18.0, 24),
        daily(id, VOL1, MetricName.VOLUME_IOPS, DAY2, 100.0, 250.0, 200.0, 12));
  }

  private static MetricDaily daily(
      AccountId id,
      String resourceId,
      MetricName metric,
      LocalDate day,
      double mean,
      double max,
      double p95,
      int samples) {
    return new MetricDaily(id, resourceId, metric, day, mean, max, p95, samples);
  }

  /**
   * A {@link FakeCloudProvider} serving this whole tenancy to every account it connects: cost pages
   * of 5 lines (12 lines = 3 pages), resource pages of 100.
   */
  public static FakeCloudProvider provider() {
    return providerBuilder().build();
  }

  /** The builder behind {@link #provider()}, to adjust page sizes or data before building. */
  public static FakeCloudProvider.Builder providerBuilder() {
    AccountId template = AccountId.of("fixture");
    return FakeCloudProvider.builder()
        .id(PROVIDER)
        .regions(REGIONS)
        .compartments(compartments(template))
        .resourceTypes(RESOURCE_TYPES)
        .resources(resources(template))
        .costLines(costLines(template))
        .costLines(List.of(novemberLine(template)))
        .metricNames(metricNames())
        .metrics(metrics(template))
        .costPageSize(5);
  }
}
