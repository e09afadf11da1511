package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.COST_PERIOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostQuery;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.Scope;
import app.cloudey.spi.AccountStore;
import app.cloudey.testkit.Fixtures;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link AccountStore}: registration, credentials kept whole (secret keys included),
 * ordering, deletion of the account with all its data, and tenant isolation.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class AccountStoreContract extends StoreContract {

  private AccountStore accounts() {
    return store().accounts();
  }

  private static Credentials credentials(String tenancy, String key) {
    return new Credentials(
        Fixtures.PROVIDER,
        Map.of("tenancy", tenancy, "privateKey", key, "fingerprint", "aa:bb"),
        Set.of("privateKey"));
  }

  @Test
  public void anAddedAccountIsFoundWithItsCredentials() {
    AccountId id = Fixtures.randomAccountId();
    Account account = Fixtures.account(id);
    accounts().add(account, Fixtures.credentials());
    assertThat(accounts().find(id)).contains(account);
    assertThat(accounts().credentials(id)).isEqualTo(Fixtures.credentials());
    assertThat(accounts().credentials(id).secretKeys()).containsExactly("privateKey");
  }

  @Test
  public void anUnknownAccountIsNotFound() {
    AccountId id = Fixtures.randomAccountId();
    assertThat(accounts().find(id)).isEmpty();
    assertThatThrownBy(() -> accounts().credentials(id))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThatThrownBy(() -> accounts().updateCredentials(id, Fixtures.credentials()))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThat(accounts().delete(id)).isFalse();
  }

  @Test
  public void addingAnIdTwiceIsRefusedAndKeepsTheFirst() {
    AccountId id = Fixtures.randomAccountId();
    Account first = Fixtures.account(id);
    accounts().add(first, credentials("tenancy-1", "key-1"));
    Account second =
        new Account(id, Fixtures.PROVIDER, "Impostor", "eu-frankfurt-1", Fixtures.CREATED_AT);
    assertThatThrownBy(() -> accounts().add(second, credentials("tenancy-2", "key-2")))
        .isInstanceOf(CloudeyConfigException.class);
    assertThat(accounts().find(id)).contains(first);
    assertThat(accounts().credentials(id)).isEqualTo(credentials("tenancy-1", "key-1"));
  }

  @Test
  public void listHoldsEveryAccountOrderedById() {
    List<AccountId> added =
        List.of(Fixtures.randomAccountId(), Fixtures.randomAccountId(), Fixtures.randomAccountId());
    added.forEach(id -> accounts().add(Fixtures.account(id), Fixtures.credentials()));
    List<Account> listed = accounts().list();
    assertThat(listed).extracting(Account::id).containsAll(added);
    assertThat(listed).isSortedAccordingTo(Comparator.comparing(Account::id));
    assertThat(listed.stream().filter(a -> added.contains(a.id())))
        .containsExactlyElementsOf(added.stream().sorted().map(Fixtures::account).toList());
  }

  @Test
  public void updatedCredentialsReplaceTheOldOnes() {
    AccountId id = newAccount();
    Credentials rotated = credentials(Fixtures.ROOT, "rotated-key");
    accounts().updateCredentials(id, rotated);
    assertThat(accounts().credentials(id)).isEqualTo(rotated);
    assertThat(accounts().find(id)).contains(Fixtures.account(id));
  }

  @Test
  public void aChangeOfTheStoredCredentialsIsAtomic() throws Exception {
    AccountId id = newAccount();
    // eight writers each add one property to what is stored, at once: a read-then-write would
    // lose some of them to the others' writes
    int writers = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(writers);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    try {
      List<java.util.concurrent.Future<Credentials>> done = new java.util.ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String name = "p" + i;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  return accounts().updateCredentials(id, c -> withProperty(c, name));
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<Credentials> f : done) {
        assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS).properties())
            .containsKey("privateKey");
      }
    } finally {
      pool.shutdownNow();
    }
    Credentials stored = accounts().credentials(id);
    assertThat(stored.properties())
        .containsKeys("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7")
        .containsAllEntriesOf(Fixtures.credentials().properties());
    // the secret stays secret (encrypted at rest where the store encrypts)
    assertThat(stored.secretKeys()).containsExactly("privateKey");
    assertThatThrownBy(() -> accounts().updateCredentials(Fixtures.randomAccountId(), c -> c))
        .isInstanceOf(CloudeyNotFoundException.class);
    // a change that returns nothing is refused and writes nothing
    assertThatThrownBy(() -> accounts().updateCredentials(id, c -> null))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("changed credentials must not be null");
    assertThat(accounts().credentials(id)).isEqualTo(stored);
  }

  private static Credentials withProperty(Credentials c, String name) {
    Map<String, String> properties = new java.util.HashMap<>(c.properties());
    properties.put(name, "x");
    return new Credentials(c.provider(), properties, c.secretKeys());
  }

  @Test
  public void anUpdatedProfileKeepsTheIdProviderCredentialsAndCreationTime() {
    AccountId id = newAccount();
    Account before = accounts().find(id).orElseThrow();

    accounts().updateProfile(id, "Acme Corp", "eu-frankfurt-1");

    assertThat(accounts().find(id))
        .contains(
            new Account(id, before.provider(), "Acme Corp", "eu-frankfurt-1", before.createdAt()));
    assertThat(accounts().credentials(id)).isEqualTo(Fixtures.credentials());
    assertThatThrownBy(() -> accounts().updateProfile(id, " ", "eu-frankfurt-1"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("displayName");
    assertThatThrownBy(() -> accounts().updateProfile(Fixtures.randomAccountId(), "x", "y"))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThat(accounts().find(id).orElseThrow().displayName()).isEqualTo("Acme Corp");
  }

  @Test
  public void deletingAnAccountDeletesItAndAllItsData() {
    AccountId id = newAccount();
    writeEveryKindOfData(id);
    assertThat(accounts().delete(id)).isTrue();

    assertThat(accounts().find(id)).isEmpty();
    assertThat(accounts().list()).extracting(Account::id).doesNotContain(id);
    assertThatThrownBy(() -> accounts().credentials(id))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThat(store().costs().aggregate(id, CostQuery.of(COST_PERIOD))).isEmpty();
    assertThat(store().inventory().resources(id, ResourceFilter.ALL.withDeleted())).isEmpty();
    assertThat(store().inventory().compartments(id)).isEmpty();
    assertThat(store().metrics().daily(id, MetricQuery.of(Fixtures.METRIC_WINDOW))).isEmpty();
    assertThat(store().syncRuns().recent(id, 10)).isEmpty();
    assertThat(accounts().delete(id)).isFalse();
  }

  @Test
  public void tenantsKeepTheirOwnCredentialsAndData() {
    AccountId a = Fixtures.randomAccountId();
    AccountId b = Fixtures.randomAccountId();
    accounts().add(Fixtures.account(a), credentials("tenancy-a", "key-a"));
    accounts().add(Fixtures.account(b), credentials("tenancy-b", "key-b"));
    writeEveryKindOfData(a);
    writeEveryKindOfData(b);
    accounts().updateCredentials(b, credentials("tenancy-b", "key-b2"));
    assertThat(accounts().delete(b)).isTrue();

    assertThat(accounts().credentials(a)).isEqualTo(credentials("tenancy-a", "key-a"));
    assertThat(store().costs().aggregate(a, CostQuery.of(COST_PERIOD)))
        .containsExactly(row("18.24"));
    assertThat(store().inventory().resources(a, ResourceFilter.ALL)).hasSize(6);
    assertThat(store().inventory().compartments(a)).hasSize(4);
    assertThat(store().metrics().daily(a, MetricQuery.of(Fixtures.METRIC_WINDOW))).hasSize(9);
    assertThat(store().syncRuns().recent(a, 10)).hasSize(1);
  }

  private void writeEveryKindOfData(AccountId id) {
    store().inventory().replaceCompartments(id, Fixtures.compartments(id), Fixtures.SEEN_AT);
    for (Scope scope : Fixtures.POPULATED_SCOPES) {
      store().inventory().replaceScope(id, scope, Fixtures.resources(id, scope), Fixtures.SEEN_AT);
    }
    store().costs().replaceCostLines(id, COST_PERIOD, Fixtures.costLines(id).stream());
    store().metrics().upsert(id, Fixtures.metrics(id));
    store()
        .syncRuns()
        .save(
            new app.cloudey.model.SyncRun(
                "run-" + id,
                id,
                app.cloudey.model.SyncKind.INVENTORY,
                app.cloudey.model.SyncState.SUCCEEDED,
                Fixtures.SEEN_AT,
                Fixtures.SEEN_AT.plusSeconds(5),
                5,
                5,
                List.of(),
                0,
                0,
                List.of(),
                null));
  }
}
