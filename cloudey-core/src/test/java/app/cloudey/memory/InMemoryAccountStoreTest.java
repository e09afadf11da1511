package app.cloudey.memory;

import static app.cloudey.memory.Data.ACME;
import static app.cloudey.memory.Data.ASHBURN;
import static app.cloudey.memory.Data.GLOBEX;
import static app.cloudey.memory.Data.T0;
import static app.cloudey.memory.Data.account;
import static app.cloudey.memory.Data.compartment;
import static app.cloudey.memory.Data.cpu;
import static app.cloudey.memory.Data.credentials;
import static app.cloudey.memory.Data.line;
import static app.cloudey.memory.Data.resource;
import static app.cloudey.memory.Data.run;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyNotFoundException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostQuery;
import app.cloudey.model.DataKind;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.AccountStore;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class InMemoryAccountStoreTest {
  private final InMemoryStore store = InMemoryStore.create();
  private final AccountStore accounts = store.accounts();

  @Test
  void registersFindsAndListsAccountsById() {
    AccountId zeta = AccountId.of("zeta");
    accounts.add(account(zeta), credentials("k1"));
    accounts.add(account(ACME), credentials("k2"));
    assertThat(accounts.find(ACME)).contains(account(ACME));
    assertThat(accounts.find(GLOBEX)).isEmpty();
    assertThat(accounts.list()).containsExactly(account(ACME), account(zeta));
  }

  @Test
  void refusesRegisteringAnIdTwice() {
    accounts.add(account(ACME), credentials("k1"));
    refused(
        () -> accounts.add(account(ACME), credentials("k2")),
        "account 'acme' is already registered");
    assertThat(accounts.credentials(ACME)).isEqualTo(credentials("k1"));
  }

  @Test
  void keepsCredentialsAsGivenAndReplacesThem() {
    accounts.add(account(ACME), credentials("k1"));
    assertThat(accounts.credentials(ACME).require("key")).isEqualTo("k1");
    accounts.updateCredentials(ACME, credentials("k2"));
    assertThat(accounts.credentials(ACME).require("key")).isEqualTo("k2");
    assertThat(accounts.find(ACME)).contains(account(ACME));
  }

  @Test
  void credentialsOfAnUnknownAccountAreNotFound() {
    assertThatThrownBy(() -> accounts.credentials(ACME))
        .isInstanceOf(CloudeyNotFoundException.class)
        .hasMessageContaining("account 'acme' is not registered");
    assertThatThrownBy(() -> accounts.updateCredentials(ACME, credentials("k")))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThat(accounts.find(ACME)).isEmpty(); // update did not register it
  }

  @Test
  void deletingAnAccountRemovesAllItsDataAndNothingElse() {
    Scope scope = new Scope(ASHBURN, "c-prod", ResourceType.INSTANCE);
    for (AccountId id : List.of(ACME, GLOBEX)) {
      accounts.add(account(id), credentials("k"));
      store
          .inventory()
          .replaceCompartments(id, List.of(compartment(id, "c-root", null, "root")), T0);
      store.inventory().replaceScope(id, scope, List.of(resource(id, scope, "i-1", "web")), T0);
      store
          .costs()
          .replaceCostLines(
              id,
              Period.month(2026, 10),
              Stream.of(line(id, "2026-10-01", "COMPUTE", "5").build()));
      store.costs().closeMonth(id, YearMonth.of(2026, 10), T0);
      store.metrics().upsert(id, List.of(cpu(id, "i-1", "2026-10-01", 3)));
      store.syncRuns().save(run(id, "r1", T0, T0));
    }

    assertThat(accounts.delete(ACME)).isTrue();

    assertThat(accounts.find(ACME)).isEmpty();
    assertThat(store.inventory().compartments(ACME)).isEmpty();
    assertThat(store.inventory().resources(ACME, ResourceFilter.ALL.withDeleted())).isEmpty();
    assertThat(store.inventory().findResource(ACME, "i-1")).isEmpty();
    assertThat(store.costs().lines(ACME, Period.month(2026, 10))).isEmpty();
    assertThat(store.costs().aggregate(ACME, CostQuery.of(Period.month(2026, 10)))).isEmpty();
    assertThat(store.costs().findClosedMonth(ACME, YearMonth.of(2026, 10))).isEmpty();
    assertThat(store.costs().lastIngestAt(ACME)).isEmpty();
    assertThat(store.metrics().daily(ACME, MetricQuery.of(Period.month(2026, 10)))).isEmpty();
    assertThat(store.syncRuns().recent(ACME, 10)).isEmpty();
    for (DataKind kind : DataKind.values()) {
      assertThat(store.dataVersion(ACME, kind)).as("%s", kind).isZero();
    }

    // globex keeps everything
    assertThat(accounts.find(GLOBEX)).isPresent();
    assertThat(store.inventory().resources(GLOBEX, ResourceFilter.ALL)).hasSize(1);
    assertThat(store.costs().lines(GLOBEX, Period.month(2026, 10))).hasSize(1);
    assertThat(store.costs().findClosedMonth(GLOBEX, YearMonth.of(2026, 10))).isPresent();
    assertThat(store.metrics().daily(GLOBEX, MetricQuery.of(Period.month(2026, 10)))).hasSize(1);
    assertThat(store.syncRuns().recent(GLOBEX, 10)).hasSize(1);

    assertThat(accounts.delete(ACME)).isFalse();
    // the id can be registered again, starting empty
    accounts.add(account(ACME), credentials("new"));
    assertThat(store.inventory().resources(ACME, ResourceFilter.ALL)).isEmpty();
  }
}
