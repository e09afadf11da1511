package app.cloudey.testkit.contract;

import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostLine;
import app.cloudey.model.Money;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-built tenancy of {@link CostViewsContract}: 4 compartments (one nested), 6 resources
 * (one deleted after the first sync), two currencies, 432 cost lines built day by day.
 *
 * <pre>
 * compartments  golden (root) ─ prod ─ web        (path golden/prod/web: nested)
 *                             └ dev
 * resources     web1 "web-1"    INSTANCE      golden/prod/web  RUNNING
 *               web2 "web-2"    INSTANCE      golden/prod/web  STOPPED
 *               db1  "db-1"     DB_SYSTEM     golden/prod      AVAILABLE
 *               vol1 "dev-vol"  BLOCK_VOLUME  golden/dev       AVAILABLE
 *               eu1  "eu-app"   INSTANCE      golden/dev       RUNNING   (billed in EUR)
 *               old1 "old-box"  INSTANCE      golden/dev       deleted after the first sync
 *
 * daily lines (amounts per day)             July   August  September  October  November 1
 *   web1  COMPUTE        golden/prod/web   10.00     -      10.00      10.00     10.00
 *   web2  COMPUTE        golden/prod/web     -       -       4.00        -         -
 *   db1   DATABASE       golden/prod        6.00     -       6.00      12.00     12.00
 *   old1  COMPUTE        golden/dev          -       -       2.00        -         -
 *   vol1  BLOCK_STORAGE  golden/dev          -       -       1.50       1.50      1.50
 *   (none) NETWORK       golden (egress)     -       -       0.125      0.125     0.125
 *   eu1   COMPUTE (EUR)  golden/dev          -       -       3.00       3.00      3.00
 * USD per day                              16.00     0      23.625     23.625    23.625
 * lines                                     62       0       210        155        5   = 432
 * </pre>
 *
 * August has no line at all (an empty month). USD costs 23.625 every day of September and October
 * and EUR 3.00, so a run-rate forecast on November 1 is exact: no trend, no weekday pattern, no
 * spread.
 */
public final class GoldenCostData {
  public static final String ROOT = "ocid1.tenancy.oc1..golden";
  public static final String PROD = "ocid1.compartment.oc1..prod";
  public static final String PROD_WEB = "ocid1.compartment.oc1..prodweb";
  public static final String DEV = "ocid1.compartment.oc1..dev";
  public static final String WEB1 = "ocid1.instance.oc1.iad.web1";
  public static final String WEB2 = "ocid1.instance.oc1.iad.web2";
  public static final String DB1 = "ocid1.dbsystem.oc1.iad.db1";
  public static final String VOL1 = "ocid1.volume.oc1.iad.vol1";
  public static final String EU1 = "ocid1.instance.oc1.iad.eu1";
  public static final String OLD1 = "ocid1.instance.oc1.iad.old1";

  /** Today in the golden tests: the first day of a month. */
  public static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

  private static final String REGION = Fixtures.HOME_REGION;
  private static final AccountId STAMP = AccountId.of("golden"); // the fake re-stamps it

  private final List<CostLine> lines = new ArrayList<>();

  private GoldenCostData() {}

  /** The fake provider holding the golden tenancy, {@code old1} still listed. */
  public static FakeCloudProvider provider() {
    return FakeCloudProvider.builder()
        .compartments(compartments())
        .resources(resources())
        .costLines(lines())
        .build();
  }

  /** The 432 cost lines of the table, day by day. */
  public static List<CostLine> lines() {
    return new GoldenCostData().build();
  }

  static List<Compartment> compartments() {
    return List.of(
        new Compartment(STAMP, ROOT, null, "golden", "golden", "ACTIVE"),
        new Compartment(STAMP, DEV, ROOT, "dev", "golden/dev", "ACTIVE"),
        new Compartment(STAMP, PROD, ROOT, "prod", "golden/prod", "ACTIVE"),
        new Compartment(STAMP, PROD_WEB, PROD, "web", "golden/prod/web", "ACTIVE"));
  }

  static List<Resource> resources() {
    return List.of(
        resource(WEB1, "web-1", ResourceType.INSTANCE, PROD_WEB, "RUNNING"),
        resource(WEB2, "web-2", ResourceType.INSTANCE, PROD_WEB, "STOPPED"),
        resource(DB1, "db-1", ResourceType.DB_SYSTEM, PROD, "AVAILABLE"),
        resource(VOL1, "dev-vol", ResourceType.BLOCK_VOLUME, DEV, "AVAILABLE"),
        resource(EU1, "eu-app", ResourceType.INSTANCE, DEV, "RUNNING"),
        resource(OLD1, "old-box", ResourceType.INSTANCE, DEV, "RUNNING"));
  }

  /** The 432 lines of the table in the class documentation. */
  private List<CostLine> build() {
    for (LocalDate day = LocalDate.of(2026, 7, 1);
        day.isBefore(LocalDate.of(2026, 8, 1));
        day = day.plusDays(1)) {
      usd(day, WEB1, "COMPUTE", PROD_WEB, "10.00");
      usd(day, DB1, "DATABASE", PROD, "6.00");
    }
    for (LocalDate day = LocalDate.of(2026, 9, 1);
        day.isBefore(LocalDate.of(2026, 10, 1));
        day = day.plusDays(1)) {
      usd(day, WEB1, "COMPUTE", PROD_WEB, "10.00");
      usd(day, WEB2, "COMPUTE", PROD_WEB, "4.00");
      usd(day, DB1, "DATABASE", PROD, "6.00");
      usd(day, OLD1, "COMPUTE", DEV, "2.00");
      commonLines(day);
    }
    for (LocalDate day = LocalDate.of(2026, 10, 1);
        !day.isAfter(LocalDate.of(2026, 11, 1));
        day = day.plusDays(1)) {
      usd(day, WEB1, "COMPUTE", PROD_WEB, "10.00");
      usd(day, DB1, "DATABASE", PROD, "12.00");
      commonLines(day);
    }
    return List.copyOf(lines);
  }

  /** vol1, egress and eu1: every day from September 1 on. */
  private void commonLines(LocalDate day) {
    usd(day, VOL1, "BLOCK_STORAGE", DEV, "1.50");
    usd(day, "", "NETWORK", ROOT, "0.125");
    add(day, EU1, "COMPUTE", DEV, Money.of("3.00", "EUR"));
  }

  private void usd(LocalDate day, String resourceId, String service, String compartment, String c) {
    add(day, resourceId, service, compartment, Money.of(c, "USD"));
  }

  private void add(
      LocalDate day, String resourceId, String service, String compartment, Money cost) {
    lines.add(
        CostLine.builder()
            .accountId(STAMP)
            .day(day)
            .service(service)
            .skuPartNumber("B" + Math.abs(service.hashCode() % 100000))
            .skuName(service + " usage")
            .unit("Hours")
            .quantity(BigDecimal.ONE)
            .cost(cost)
            .region(REGION)
            .compartmentId(compartment)
            .compartmentPath(path(compartment))
            .resourceId(resourceId)
            .build());
  }

  private static String path(String compartment) {
    return compartments().stream()
        .filter(c -> c.id().equals(compartment))
        .findFirst()
        .orElseThrow()
        .path();
  }

  private static Resource resource(
      String id, String name, ResourceType type, String compartment, String state) {
    return Resource.builder()
        .accountId(STAMP)
        .provider(Fixtures.PROVIDER)
        .type(type)
        .id(id)
        .name(name)
        .region(REGION)
        .compartmentId(compartment)
        .lifecycleState(state)
        .timeCreated(Instant.parse("2026-06-01T00:00:00Z"))
        .build();
  }
}
