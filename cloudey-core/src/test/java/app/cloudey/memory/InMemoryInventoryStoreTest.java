package app.cloudey.memory;

import static app.cloudey.memory.Data.ACME;
import static app.cloudey.memory.Data.ASHBURN;
import static app.cloudey.memory.Data.FRANKFURT;
import static app.cloudey.memory.Data.GLOBEX;
import static app.cloudey.memory.Data.T0;
import static app.cloudey.memory.Data.compartment;
import static app.cloudey.memory.Data.resource;
import static app.cloudey.model.ResourceType.BLOCK_VOLUME;
import static app.cloudey.model.ResourceType.INSTANCE;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.Compartment;
import app.cloudey.model.DataKind;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.spi.InventoryStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryInventoryStoreTest {
  private static final Scope PROD = new Scope(ASHBURN, "c-prod", INSTANCE);
  private static final Scope DEV = new Scope(ASHBURN, "c-dev", INSTANCE);
  private static final Scope PROD_VOLUMES = new Scope(ASHBURN, "c-prod", BLOCK_VOLUME);
  private static final Scope PROD_FRANKFURT = new Scope(FRANKFURT, "c-prod", INSTANCE);
  private static final Instant T1 = T0.plusSeconds(3600);

  private final InMemoryStore store = InMemoryStore.create();
  private final InventoryStore inventory = store.inventory();

  private List<String> liveIds(ResourceFilter filter) {
    return inventory.resources(ACME, filter).stream().map(Resource::id).toList();
  }

  @Test
  void countsCreatedUpdatedDeletedAndUnchanged() {
    Resource a = resource(ACME, PROD, "i-a", "a");
    Resource b = resource(ACME, PROD, "i-b", "b");
    Resource c = resource(ACME, PROD, "i-c", "c");
    assertThat(inventory.replaceScope(ACME, PROD, List.of(a, b, c), T0))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 3, 0, 0, 0));

    // a as before, b renamed, c gone, d new
    Resource b2 = resource(ACME, PROD, "i-b", "b-renamed");
    Resource d = resource(ACME, PROD, "i-d", "d");
    assertThat(inventory.replaceScope(ACME, PROD, List.of(d, a, b2), T1))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 1, 1, 1, 1));

    assertThat(liveIds(ResourceFilter.ALL)).containsExactly("i-a", "i-b", "i-d"); // ordered by id
    assertThat(liveIds(ResourceFilter.ALL.withDeleted()))
        .containsExactly("i-a", "i-b", "i-c", "i-d");
    assertThat(inventory.findResource(ACME, "i-b").map(Resource::asListed)).contains(b2);
    // deleted, still findable
    assertThat(inventory.findResource(ACME, "i-c").map(Resource::asListed)).contains(c);
    assertThat(inventory.findResource(ACME, "i-zzz")).isEmpty();
  }

  @Test
  void aDeletedResourceThatReappearsCountsAsCreated() {
    Resource a = resource(ACME, PROD, "i-a", "a");
    inventory.replaceScope(ACME, PROD, List.of(a), T0);
    assertThat(inventory.replaceScope(ACME, PROD, List.of(), T1))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 0, 0, 1, 0));
    // a second empty listing does not delete it again
    assertThat(inventory.replaceScope(ACME, PROD, List.of(), T1))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 0, 0, 0, 0));
    assertThat(inventory.replaceScope(ACME, PROD, List.of(a), T1))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 1, 0, 0, 0));
    assertThat(liveIds(ResourceFilter.ALL)).containsExactly("i-a");
  }

  @Test
  void replacingAScopeLeavesEveryOtherScopeAlone() {
    inventory.replaceScope(ACME, PROD, List.of(resource(ACME, PROD, "i-prod", "p")), T0);
    inventory.replaceScope(ACME, DEV, List.of(resource(ACME, DEV, "i-dev", "d")), T0);
    inventory.replaceScope(
        ACME, PROD_VOLUMES, List.of(resource(ACME, PROD_VOLUMES, "v-prod", "v")), T0);
    inventory.replaceScope(
        ACME, PROD_FRANKFURT, List.of(resource(ACME, PROD_FRANKFURT, "i-fra", "f")), T0);

    // same compartment, other type / same type, other compartment / same type, other region
    assertThat(inventory.replaceScope(ACME, PROD, List.of(), T1))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 0, 0, 1, 0));

    assertThat(liveIds(ResourceFilter.ALL)).containsExactly("i-dev", "i-fra", "v-prod");
    assertThat(liveIds(ResourceFilter.scope(PROD))).isEmpty();
    assertThat(liveIds(ResourceFilter.of(INSTANCE))).containsExactly("i-dev", "i-fra");
    assertThat(liveIds(new ResourceFilter(Set.of(), Set.of(FRANKFURT), Set.of(), false)))
        .containsExactly("i-fra");
  }

  @Test
  void aResourceMovedToAnotherCompartmentBelongsToItsNewScope() {
    inventory.replaceScope(ACME, PROD, List.of(resource(ACME, PROD, "i-a", "a")), T0);
    // the next sync lists it in dev (moved) before prod is listed again
    assertThat(inventory.replaceScope(ACME, DEV, List.of(resource(ACME, DEV, "i-a", "a")), T1))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 0, 1, 0, 0));
    // prod's listing no longer has it, but it is not prod's to delete
    assertThat(inventory.replaceScope(ACME, PROD, List.of(), T1))
        .isEqualTo(new SyncCount(INSTANCE, ASHBURN, 0, 0, 0, 0));
    assertThat(inventory.findResource(ACME, "i-a").orElseThrow().compartmentId())
        .isEqualTo("c-dev");
    assertThat(liveIds(ResourceFilter.ALL)).containsExactly("i-a");
  }

  @Test
  void refusesAListingWithAResourceOfAnotherScopeAndWritesNothing() {
    inventory.replaceScope(ACME, PROD, List.of(resource(ACME, PROD, "i-a", "a")), T0);
    long version = store.dataVersion(ACME, DataKind.INVENTORY);
    List<Resource> mixed =
        List.of(resource(ACME, PROD, "i-new", "n"), resource(ACME, DEV, "i-dev", "d"));
    refused(
        () -> inventory.replaceScope(ACME, PROD, mixed, T1),
        "resource i-dev is in scope instance@us-ashburn-1/c-dev",
        "nothing was written");
    assertThat(liveIds(ResourceFilter.ALL))
        .containsExactly("i-a"); // i-a not deleted, i-new not added
    assertThat(store.dataVersion(ACME, DataKind.INVENTORY)).isEqualTo(version);
  }

  @Test
  void refusesAListingWithAnotherAccountsResourceOrADuplicate() {
    refused(
        () -> inventory.replaceScope(ACME, PROD, List.of(resource(GLOBEX, PROD, "i-g", "g")), T0),
        "resource i-g belongs to account 'globex', not 'acme'");
    Resource a = resource(ACME, PROD, "i-a", "a");
    refused(
        () -> inventory.replaceScope(ACME, PROD, List.of(a, a), T0),
        "resource i-a is listed twice");
    assertThat(inventory.resources(ACME, ResourceFilter.ALL.withDeleted())).isEmpty();
    assertThat(inventory.resources(GLOBEX, ResourceFilter.ALL.withDeleted())).isEmpty();
    assertThat(store.dataVersion(ACME, DataKind.INVENTORY)).isZero();
  }

  @Test
  void twoAccountsWithTheSameResourceIdsNeverSeeEachOther() {
    Scope shared = PROD; // same region, compartment id and type in both tenancies (e.g. clones)
    inventory.replaceScope(ACME, shared, List.of(resource(ACME, shared, "i-1", "acme-web")), T0);
    inventory.replaceScope(
        GLOBEX, shared, List.of(resource(GLOBEX, shared, "i-1", "globex-web")), T0);

    assertThat(inventory.findResource(ACME, "i-1").orElseThrow().name()).isEqualTo("acme-web");
    assertThat(inventory.findResource(GLOBEX, "i-1").orElseThrow().name()).isEqualTo("globex-web");

    // emptying acme's scope deletes acme's i-1 only
    assertThat(inventory.replaceScope(ACME, shared, List.of(), T1).deleted()).isEqualTo(1);
    assertThat(inventory.resources(ACME, ResourceFilter.ALL)).isEmpty();
    assertThat(inventory.resources(GLOBEX, ResourceFilter.ALL))
        .extracting(Resource::name)
        .containsExactly("globex-web");
  }

  @Test
  void replacesTheCompartmentTree() {
    Compartment root = compartment(ACME, "c-root", null, "root");
    Compartment prod = compartment(ACME, "c-prod", "c-root", "root/prod");
    Compartment web = compartment(ACME, "c-web", "c-prod", "root/prod/web");
    Compartment dev = compartment(ACME, "c-dev", "c-root", "root/dev");
    inventory.replaceCompartments(ACME, List.of(web, root, prod, dev), T0);
    // ordered by path
    assertThat(inventory.compartments(ACME)).containsExactly(root, dev, prod, web);

    // dev deleted, web renamed
    Compartment web2 = compartment(ACME, "c-web", "c-prod", "root/prod/www");
    inventory.replaceCompartments(ACME, List.of(root, prod, web2), T1);
    assertThat(inventory.compartments(ACME)).containsExactly(root, prod, web2);

    // dev comes back
    inventory.replaceCompartments(ACME, List.of(root, prod, web2, dev), T1);
    assertThat(inventory.compartments(ACME)).containsExactly(root, dev, prod, web2);
    assertThat(inventory.compartments(GLOBEX)).isEmpty();
  }

  @Test
  void refusesACompartmentListingOfAnotherAccountOrWithDuplicates() {
    Compartment root = compartment(ACME, "c-root", null, "root");
    inventory.replaceCompartments(ACME, List.of(root), T0);
    refused(
        () -> inventory.replaceCompartments(ACME, List.of(compartment(GLOBEX, "g", null, "g")), T1),
        "compartment g belongs to account 'globex', not 'acme'");
    refused(() -> inventory.replaceCompartments(ACME, List.of(root, root), T1), "listed twice");
    assertThat(inventory.compartments(ACME)).containsExactly(root);
  }

  @Test
  void refusesNullArguments() {
    refused(() -> inventory.replaceScope(null, PROD, List.of(), T0), "accountId must not be null");
    refused(() -> inventory.replaceScope(ACME, null, List.of(), T0), "scope must not be null");
    refused(() -> inventory.replaceScope(ACME, PROD, null, T0), "listed must not be null");
    refused(() -> inventory.replaceScope(ACME, PROD, List.of(), null), "seenAt must not be null");
    refused(() -> inventory.resources(ACME, null), "filter must not be null");
  }
}
