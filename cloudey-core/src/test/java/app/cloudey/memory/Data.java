package app.cloudey.memory;

import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Money;
import app.cloudey.model.Resource;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small builders of test data for the in-memory store tests. */
final class Data {
  static final AccountId ACME = AccountId.of("acme");
  static final AccountId GLOBEX = AccountId.of("globex");
  static final String ASHBURN = "us-ashburn-1";
  static final String FRANKFURT = "eu-frankfurt-1";
  static final Instant T0 = Instant.parse("2026-11-26T02:00:00Z");

  private Data() {}

  static Account account(AccountId id) {
    return new Account(id, "oci", id.value() + " Inc.", ASHBURN, T0);
  }

  static Credentials credentials(String key) {
    return new Credentials(
        "oci", Map.of("tenancy", "ocid1.tenancy.oc1..t", "key", key), Set.of("key"));
  }

  static Resource resource(AccountId account, Scope scope, String id, String name) {
    return Resource.builder()
        .accountId(account)
        .provider("oci")
        .type(scope.type())
        .id(id)
        .name(name)
        .region(scope.region())
        .compartmentId(scope.compartmentId())
        .lifecycleState("RUNNING")
        .build();
  }

  static Compartment compartment(AccountId account, String id, String parentId, String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return new Compartment(account, id, parentId, name, path, "ACTIVE");
  }

  static CostLine.Builder line(AccountId account, String day, String service, String amount) {
    return CostLine.builder()
        .accountId(account)
        .day(LocalDate.parse(day))
        .service(service)
        .cost(Money.of(amount, "USD"))
        .region(ASHBURN)
        .quantity(BigDecimal.ONE);
  }

  static MetricDaily cpu(AccountId account, String resourceId, String day, double mean) {
    return new MetricDaily(
        account,
        resourceId,
        MetricName.CPU_UTILIZATION,
        LocalDate.parse(day),
        mean,
        mean * 2,
        mean,
        24);
  }

  static MetricDaily missingCpu(AccountId account, String resourceId, String day) {
    return MetricDaily.missing(
        account, resourceId, MetricName.CPU_UTILIZATION, LocalDate.parse(day));
  }

  static SyncRun run(AccountId account, String id, Instant startedAt, Instant finishedAt) {
    return new SyncRun(
        id,
        account,
        SyncKind.INVENTORY,
        finishedAt == null ? SyncState.RUNNING : SyncState.SUCCEEDED,
        startedAt,
        finishedAt,
        1,
        finishedAt == null ? 0 : 1,
        List.of(),
        0,
        0,
        List.of(),
        null);
  }
}
