package app.cloudey.store.postgres;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static app.cloudey.testkit.Fixtures.OCTOBER;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.DataKind;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tenant scoping, checked over every SQL statement the store runs: a workload calls every method of
 * every store while a hook records the SQL, then each statement must filter (or write) by the bound
 * {@code :account_id}. The few statements that legitimately span accounts are listed below with the
 * reason.
 */
class StatementScopingIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final Pattern SCOPED_READ_OR_WRITE =
      Pattern.compile("account_id = :account_id\\b");
  private static final Pattern SCOPED_INSERT =
      Pattern.compile("(values \\(:account_id\\b|select :account_id\\b)");

  /** Statements that do not touch account rows, or are the account registry itself. */
  private static final List<Pattern> ALLOWED =
      List.of(
          // per-account advisory locks: the key is derived from the account id in Java
          Pattern.compile("^select pg_try_advisory_lock\\(:namespace, :key\\)$"),
          Pattern.compile("^select pg_advisory_unlock\\(:namespace, :key\\)$"),
          Pattern.compile("^COMMIT$"),
          // transaction-local planner and memory settings (LocalSettings), which read no row
          Pattern.compile(
              "^select set_config\\('\\w+', '[\\w.]+', true\\)"
                  + "(, set_config\\('\\w+', '[\\w.]+', true\\))*$"),
          // storeId(): the store's own identity, one row for the whole schema
          Pattern.compile("^select store_id from \\w+\\.store_identity$"),
          // delete(account) discovers every table of the schema that has an account_id column
          Pattern.compile("^select table_name from information_schema.columns where .*"),
          // accounts().list(): the registry of accounts is the one read meant to span them
          Pattern.compile(
              "^select account_id, provider, display_name, home_region, created_at from"
                  + " \\w+\\.account order by account_id collate \"C\"$"),
          // reencryptCredentials(): finds stale ciphertexts of every account, then re-seals
          // each one in its own transaction scoped by account_id (checked like any other)
          Pattern.compile(
              "^select account_id from \\w+\\.account_credentials where key_id <> :key_id order"
                  + " by account_id$"));

  @Test
  void everyStatementOfTheStoreIsScopedToOneAccount() {
    KillSwitch recorder = new KillSwitch();
    TestDatabase.of(PG).store().close();
    try (PostgresStore store = TestDatabase.of(PG).builder().statementHook(recorder).build()) {
      runEveryMethod(store, Fixtures.randomAccountId());
    }
    rotateCredentialKeys(recorder, Fixtures.randomAccountId());
    Set<String> distinct = new TreeSet<>(recorder.statements());
    // statements only some paths reach: the workload must have run (and so checked) them
    assertThat(distinct)
        .as("closed-month digest, compartment subtree, reopen deletes and re-encryption")
        .anyMatch(sql -> sql.contains("hashtextextended"))
        .anyMatch(sql -> sql.startsWith("with recursive subtree"))
        // the per-resource costs, read from the rollups' running sums
        .anyMatch(sql -> sql.contains("from cloudey.cost_resource_month r join (values"))
        .anyMatch(sql -> sql.startsWith("delete from cloudey.month_rollup where"))
        .anyMatch(sql -> sql.startsWith("delete from cloudey.month_status where"))
        .anyMatch(
            sql ->
                sql.startsWith("update cloudey.account_credentials set secret_ciphertext")
                    && sql.contains(":old_key_id"));
    Set<String> tables = new TreeSet<>();
    for (String sql : distinct) {
      boolean allowed = ALLOWED.stream().anyMatch(p -> p.matcher(sql).matches());
      String lower = sql.toLowerCase(Locale.ROOT);
      if (allowed) {
        continue;
      }
      if (lower.startsWith("copy ")) {
        // COPY rows carry the account id of each line, checked in Java before it is sent
        assertThat(lower).as(sql).startsWith("copy cloudey.cost_line (account_id,");
      } else if (lower.startsWith("insert ")) {
        assertThat(SCOPED_INSERT.matcher(sql).find()).as("insert scoped: %s", sql).isTrue();
      } else {
        assertThat(SCOPED_READ_OR_WRITE.matcher(sql).find()).as("scoped: %s", sql).isTrue();
      }
      var m = Pattern.compile("cloudey\\.(\\w+)").matcher(sql);
      while (m.find()) {
        tables.add(m.group(1));
      }
    }
    // the workload reached every table of the schema
    assertThat(tables)
        .contains(
            "account",
            "account_credentials",
            "account_state",
            "compartment",
            "resource",
            "cost_line",
            "month_status",
            "month_rollup",
            "month_refresh",
            "metric_daily",
            "sync_run");
    assertThat(distinct).hasSizeGreaterThan(40);
  }

  /** The fixture lines with the first one's cost raised by one cent. */
  private static List<CostLine> changedCostLines(AccountId id) {
    List<CostLine> lines = new ArrayList<>(Fixtures.costLines(id));
    CostLine l = lines.get(0);
    lines.set(
        0,
        new CostLine(
            l.accountId(),
            l.day(),
            l.service(),
            l.skuPartNumber(),
            l.skuName(),
            l.unit(),
            l.quantity(),
            l.cost().plus(Money.of("0.01", l.cost().currency().getCurrencyCode())),
            l.region(),
            l.compartmentId(),
            l.compartmentPath(),
            l.resourceId(),
            l.tags(),
            l.unitPrice(),
            l.listRate(),
            l.discount()));
    return lines;
  }

  /**
   * Stores credentials under key k1, then re-encrypts them with a store whose primary key is k2 (k1
   * previous), recording the re-encrypt select and update.
   */
  private static void rotateCredentialKeys(KillSwitch recorder, AccountId id) {
    try (PostgresStore old = TestDatabase.of(PG).builder().statementHook(recorder).build()) {
      old.accounts().add(Fixtures.account(id), Fixtures.credentials());
    }
    CredentialKeys rotated =
        CredentialKeys.builder()
            .primary("k2", TestDatabase.KEY_2)
            .previous("k1", TestDatabase.KEY_1)
            .build();
    try (PostgresStore store =
        TestDatabase.of(PG).builder().credentialKeys(rotated).statementHook(recorder).build()) {
      assertThat(store.reencryptCredentials()).isGreaterThanOrEqualTo(1);
      assertThat(store.accounts().credentials(id)).isEqualTo(Fixtures.credentials());
      store.accounts().delete(id);
    }
  }

  /** Calls every method of every store once or more. */
  static void runEveryMethod(PostgresStore store, AccountId id) {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    store.accounts().add(Fixtures.account(id), Fixtures.credentials());
    store.accounts().find(id);
    store.accounts().list();
    store.accounts().credentials(id);
    store.accounts().updateCredentials(id, Fixtures.credentials());
    store.reencryptCredentials();

    store.inventory().replaceCompartments(id, Fixtures.compartments(id), now);
    store.inventory().compartments(id);
    for (Scope scope : Fixtures.POPULATED_SCOPES) {
      store.inventory().replaceScope(id, scope, Fixtures.resources(id, scope), now);
      store.inventory().replaceScope(id, scope, Fixtures.resources(id, scope), now);
    }
    store.inventory().replaceScope(id, Fixtures.EMPTY_SCOPE, List.of(), now);
    store
        .inventory()
        .replaceCompartments(id, Fixtures.compartments(id).subList(0, 3), now.plusSeconds(1));
    store.inventory().deleteResourcesOfDeletedCompartments(id, now.plusSeconds(1));
    store.inventory().resources(id, ResourceFilter.ALL);
    store.inventory().resources(id, ResourceFilter.ALL.withDeleted());
    store
        .inventory()
        .resources(
            id,
            new ResourceFilter(
                Set.of(app.cloudey.model.ResourceType.INSTANCE),
                Set.of(Fixtures.HOME_REGION),
                Set.of(Fixtures.PROD),
                false));
    store.inventory().findResource(id, Fixtures.WEB1);

    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    store
        .costs()
        .aggregate(
            id,
            CostQuery.of(COST_PERIOD)
                .groupBy(CostDimension.values())
                .services("COMPUTE")
                .regions(Fixtures.HOME_REGION)
                .resources(Fixtures.WEB1)
                .compartments(Set.of(Fixtures.PROD))
                .top(3));
    store
        .costs()
        .aggregate(
            id,
            CostQuery.of(COST_PERIOD)
                .compartmentSubtree(Fixtures.ROOT)
                .groupBy(CostDimension.COMPARTMENT));
    try (Stream<?> lines = store.costs().lines(id, COST_PERIOD)) {
      lines.count();
    }
    store.costs().lastIngestAt(id);
    // per-resource costs: October minus its first day (rollups minus lines), and one day's lines
    store.costs().resourceCosts(id, Period.of(Fixtures.DAY2, Fixtures.NOVEMBER_FIRST));
    store.costs().resourceCosts(id, Period.day(Fixtures.DAY2));
    store.costs().closeMonth(id, OCTOBER, now);
    store.costs().findClosedMonth(id, OCTOBER);
    store.costs().rollups(id, OCTOBER, CostDimension.SERVICE);
    // from rollups (October closed), with tags (the resource join), and freshness
    store.costs().aggregate(id, CostQuery.of(Period.month(OCTOBER)).services("COMPUTE"));
    // from the detail rollups (several dimensions, resource included) and the day rollups
    store
        .costs()
        .aggregate(
            id,
            CostQuery.of(Period.month(OCTOBER))
                .groupBy(
                    CostDimension.MONTH,
                    CostDimension.COMPARTMENT,
                    CostDimension.SERVICE,
                    CostDimension.RESOURCE)
                .compartmentSubtree(Fixtures.ROOT));
    store
        .costs()
        .aggregate(id, CostQuery.of(COST_PERIOD).groupBy(CostDimension.DAY, CostDimension.SERVICE));
    store
        .costs()
        .aggregate(
            id,
            CostQuery.of(COST_PERIOD).groupBy("sku", "tag:env").tag("Operations.CostCenter", "42"));
    store.costs().freshness(id, Period.month(OCTOBER), OCTOBER.plusMonths(1));
    // re-ingesting the closed month: identical lines keep it closed (digest only), a changed
    // line reopens it (digest, then the reopen deletes)
    store.costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    assertThat(store.costs().findClosedMonth(id, OCTOBER)).isPresent();
    store.costs().replaceCostLines(id, COST_PERIOD, changedCostLines(id).stream());
    assertThat(store.costs().findClosedMonth(id, OCTOBER)).isEmpty();

    store.metrics().upsert(id, Fixtures.metrics(id));
    store.metrics().daily(id, MetricQuery.of(Fixtures.METRIC_WINDOW));
    store
        .metrics()
        .daily(
            id,
            MetricQuery.of(Fixtures.METRIC_WINDOW)
                .resources(Set.of(Fixtures.WEB1))
                .metrics(app.cloudey.model.MetricName.CPU_UTILIZATION));
    store.metrics().deleteBefore(id, Fixtures.DAY2);

    SyncRun run =
        new SyncRun(
            "run-1",
            id,
            SyncKind.INVENTORY,
            app.cloudey.model.SyncState.SUCCEEDED,
            now,
            now,
            1,
            1,
            List.of(),
            0,
            0,
            List.of(),
            null);
    store.syncRuns().save(run);
    store.syncRuns().find(id, "run-1");
    store.syncRuns().recent(id, 5);
    store.syncRuns().abandonUnfinished(id, now, "its process stopped");
    store.syncRuns().deleteBefore(id, now.plusSeconds(1));

    try (var lock = store.lock(id, Duration.ofSeconds(1))) {
      store.dataVersion(id, DataKind.COSTS);
      store.dataVersions(id, Set.of(DataKind.values()));
    }
    store.storeId();
    store.accounts().delete(id);
  }
}
