package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.BLOCK_VOLUMES;
import static app.cloudey.testkit.Fixtures.BUCKETS;
import static app.cloudey.testkit.Fixtures.EMPTY_SCOPE;
import static app.cloudey.testkit.Fixtures.HOME_REGION;
import static app.cloudey.testkit.Fixtures.INSTANCES;
import static app.cloudey.testkit.Fixtures.OTHER_REGION;
import static app.cloudey.testkit.Fixtures.POPULATED_SCOPES;
import static app.cloudey.testkit.Fixtures.PROD;
import static app.cloudey.testkit.Fixtures.SEEN_AT;
import static app.cloudey.testkit.Fixtures.WEB1;
import static app.cloudey.testkit.Fixtures.WEB2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.spi.InventoryStore;
import app.cloudey.testkit.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link InventoryStore}: the compartment tree, atomic replace-a-scope with exact
 * created/updated/deleted/unchanged counts, soft deletion limited to the listed scope, resources
 * deleted with their compartment, the store's {@link Resource.Tracking} (first seen, state since,
 * unattached since), filters and tenant isolation, on the six resources of {@link
 * Fixtures#resources}.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class InventoryStoreContract extends StoreContract {
  /** Explicit times of successive listings, for the tracking cases. */
  private static final Instant T1 = SEEN_AT;

  private static final Instant T2 = SEEN_AT.plus(Duration.ofHours(1));
  private static final Instant T3 = SEEN_AT.plus(Duration.ofHours(2));

  private InventoryStore inventory() {
    return store().inventory();
  }

  private SyncCount replace(AccountId id, Scope scope, List<Resource> listed) {
    return replace(id, scope, listed, SEEN_AT);
  }

  private SyncCount replace(AccountId id, Scope scope, List<Resource> listed, Instant seenAt) {
    return inventory().replaceScope(id, scope, listed, seenAt);
  }

  private void writeFixture(AccountId id) {
    inventory().replaceCompartments(id, Fixtures.compartments(id), SEEN_AT);
    for (Scope scope : POPULATED_SCOPES) {
      replace(id, scope, Fixtures.resources(id, scope));
    }
  }

  private Resource resource(AccountId id, String resourceId) {
    return Fixtures.resources(id).stream()
        .filter(r -> r.id().equals(resourceId))
        .findFirst()
        .orElseThrow();
  }

  /** Stored resources as their source listed them: the store's tracking left out. */
  private List<Resource> asListed(AccountId id, ResourceFilter filter) {
    return inventory().resources(id, filter).stream().map(Resource::asListed).toList();
  }

  private Optional<Resource> findAsListed(AccountId id, String resourceId) {
    return inventory().findResource(id, resourceId).map(Resource::asListed);
  }

  private List<String> ids(AccountId id, ResourceFilter filter) {
    return inventory().resources(id, filter).stream().map(Resource::id).toList();
  }

  private static SyncCount count(Scope scope, int created, int updated, int deleted, int same) {
    return new SyncCount(scope.type(), scope.region(), created, updated, deleted, same);
  }

  @Test
  public void compartmentsComeBackOrderedByPath() {
    AccountId id = newAccount();
    inventory().replaceCompartments(id, Fixtures.compartments(id), SEEN_AT);
    // root, root/dev, root/prod, root/prod/web
    assertThat(inventory().compartments(id)).containsExactlyElementsOf(Fixtures.compartments(id));
  }

  @Test
  public void aCompartmentAbsentFromTheListingIsNoLongerLiveAndCanComeBack() {
    AccountId id = newAccount();
    List<Compartment> all = Fixtures.compartments(id);
    inventory().replaceCompartments(id, all, SEEN_AT);
    List<Compartment> withoutDev = List.of(all.get(0), all.get(2), all.get(3));
    inventory().replaceCompartments(id, withoutDev, SEEN_AT.plusSeconds(60));
    assertThat(inventory().compartments(id)).containsExactlyElementsOf(withoutDev);
    inventory().replaceCompartments(id, all, SEEN_AT.plusSeconds(120));
    assertThat(inventory().compartments(id)).containsExactlyElementsOf(all);
  }

  @Test
  public void aFirstListingCreatesEveryResourceExactlyAsListed() {
    AccountId id = newAccount();
    List<Resource> listed = Fixtures.resources(id, INSTANCES);
    assertThat(replace(id, INSTANCES, listed)).isEqualTo(count(INSTANCES, 2, 0, 0, 0));
    assertThat(asListed(id, ResourceFilter.ALL)).containsExactlyElementsOf(listed);
  }

  @Test
  public void theSameListingAgainCountsUnchanged() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    assertThat(replace(id, INSTANCES, Fixtures.resources(id, INSTANCES)))
        .isEqualTo(count(INSTANCES, 0, 0, 0, 2));
  }

  @Test
  public void aChangedResourceIsUpdated() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    Resource started = resource(id, WEB2).toBuilder().lifecycleState("RUNNING").build();
    assertThat(replace(id, INSTANCES, List.of(resource(id, WEB1), started)))
        .isEqualTo(count(INSTANCES, 0, 1, 0, 1));
    assertThat(findAsListed(id, WEB2)).contains(started);
  }

  @Test
  public void aResourceAbsentFromACompletedListingIsMarkedDeleted() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    assertThat(replace(id, INSTANCES, List.of(resource(id, WEB1))))
        .isEqualTo(count(INSTANCES, 0, 0, 1, 1));
    assertThat(ids(id, ResourceFilter.ALL)).containsExactly(WEB1);
    assertThat(ids(id, ResourceFilter.ALL.withDeleted())).containsExactly(WEB1, WEB2);
    assertThat(inventory().findResource(id, WEB2)).isPresent();
  }

  @Test
  public void resourceLabelsNameEveryStoredResourceLiveOrDeletedOrderedById() {
    AccountId id = newAccount();
    assertThat(inventory().resourceLabels(id)).isEmpty();
    writeFixture(id);
    writeFixture(newAccount());
    replace(id, INSTANCES, List.of(resource(id, WEB1)), T2); // web2 deleted
    List<app.cloudey.model.ResourceLabel> expected = new ArrayList<>();
    for (Resource r : asListed(id, ResourceFilter.ALL.withDeleted())) {
      boolean deleted = r.id().equals(WEB2);
      expected.add(
          new app.cloudey.model.ResourceLabel(
              r.id(),
              deleted ? r.name() + " (deleted)" : r.name(),
              r.type(),
              r.lifecycleState(),
              deleted));
    }
    assertThat(inventory().resourceLabels(id))
        .containsExactlyElementsOf(expected)
        .hasSize(Fixtures.resources(id).size())
        .isSortedAccordingTo(java.util.Comparator.comparing(app.cloudey.model.ResourceLabel::id));
    assertThat(inventory().resourceLabels(id))
        .filteredOn(l -> l.id().equals(WEB2))
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.deleted()).isTrue();
              assertThat(l.name()).endsWith(" (deleted)");
              assertThat(l.lifecycleState()).isEqualTo("STOPPED");
            });
  }

  @Test
  public void liveResourceCountsCountTheLiveResourcesByTypeAndState() {
    AccountId id = newAccount();
    assertThat(inventory().liveResourceCounts(id)).isEmpty();
    writeFixture(id);
    AccountId other = newAccount();
    writeFixture(other);
    // web2 (STOPPED) is deleted: no longer counted; web1 stays RUNNING
    replace(id, INSTANCES, List.of(resource(id, WEB1)), T2);
    java.util.Map<ResourceType, java.util.Map<String, Integer>> expected =
        new java.util.EnumMap<>(ResourceType.class);
    for (Resource r : inventory().resources(id, ResourceFilter.ALL)) {
      expected
          .computeIfAbsent(r.type(), t -> new java.util.TreeMap<>())
          .merge(r.lifecycleState(), 1, Integer::sum);
    }
    assertThat(inventory().liveResourceCounts(id)).isEqualTo(expected);
    assertThat(expected.get(ResourceType.INSTANCE))
        .containsExactly(java.util.Map.entry("RUNNING", 1));
    assertThat(
            inventory().liveResourceCounts(id).values().stream()
                .flatMap(m -> m.values().stream())
                .mapToInt(Integer::intValue)
                .sum())
        .isEqualTo(inventory().resources(id, ResourceFilter.ALL).size())
        .isEqualTo(Fixtures.resources(id).size() - 1);
    // the other account still has both instances, as listed
    assertThat(inventory().liveResourceCounts(other).get(ResourceType.INSTANCE))
        .containsOnly(java.util.Map.entry("RUNNING", 1), java.util.Map.entry("STOPPED", 1));
  }

  @Test
  public void aDeletedResourceThatReappearsIsLiveAgain() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    replace(id, INSTANCES, List.of(resource(id, WEB1)));
    assertThat(replace(id, INSTANCES, Fixtures.resources(id, INSTANCES)))
        .isEqualTo(count(INSTANCES, 1, 0, 0, 1));
    assertThat(ids(id, ResourceFilter.ALL)).containsExactly(WEB1, WEB2);
  }

  @Test
  public void replacingAScopeNeverTouchesOtherScopes() {
    AccountId id = newAccount();
    writeFixture(id);
    assertThat(replace(id, INSTANCES, List.of())).isEqualTo(count(INSTANCES, 0, 0, 2, 0));
    assertThat(ids(id, ResourceFilter.ALL))
        .containsExactly(Fixtures.BOOT1, Fixtures.BUCKET1, Fixtures.LB1, Fixtures.VOL1); // by id
  }

  @Test
  public void anEmptyListingOfANewScopeChangesNothing() {
    AccountId id = newAccount();
    writeFixture(id);
    assertThat(replace(id, EMPTY_SCOPE, List.of())).isEqualTo(count(EMPTY_SCOPE, 0, 0, 0, 0));
    assertThat(inventory().resources(id, ResourceFilter.ALL)).hasSize(6);
  }

  @Test
  public void aResourceOfAnotherScopeIsRejectedAndNothingIsWritten() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    List<Resource> bad = new ArrayList<>(List.of(resource(id, WEB1)));
    bad.add(resource(id, Fixtures.BOOT1)); // a boot volume in the instance scope
    assertThatThrownBy(() -> replace(id, INSTANCES, bad))
        .isInstanceOf(CloudeyConfigException.class);
    // web2 was not marked deleted and boot1 was not written
    assertThat(ids(id, ResourceFilter.ALL.withDeleted())).containsExactly(WEB1, WEB2);
  }

  @Test
  public void aResourceListedTwiceIsRejectedAndNothingIsWritten() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    // web1 twice and web2 absent: accepted, this would mark web2 deleted
    List<Resource> twice = List.of(resource(id, WEB1), resource(id, WEB1));
    assertThatThrownBy(() -> replace(id, INSTANCES, twice))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("listed twice");
    assertThat(asListed(id, ResourceFilter.ALL))
        .containsExactlyElementsOf(Fixtures.resources(id, INSTANCES));
  }

  @Test
  public void aResourceOfAnotherAccountIsRejectedAndNothingIsWritten() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    List<Resource> bad = List.of(resource(id, WEB1), resource(other, WEB2));
    assertThatThrownBy(() -> replace(id, INSTANCES, bad))
        .isInstanceOf(CloudeyConfigException.class);
    assertThat(asListed(id, ResourceFilter.ALL))
        .containsExactlyElementsOf(Fixtures.resources(id, INSTANCES));
    assertThat(inventory().resources(other, ResourceFilter.ALL.withDeleted())).isEmpty();
  }

  @Test
  public void resourcesOfDeletedCompartmentsAreDeletedWhateverTheirTypeAndRegion() {
    AccountId id = newAccount();
    writeFixture(id);
    List<Compartment> all = Fixtures.compartments(id);
    // dev (vol1, a Frankfurt block volume) and prod/web (bucket1) are deleted
    inventory().replaceCompartments(id, List.of(all.get(0), all.get(2)), SEEN_AT.plusSeconds(60));

    assertThat(inventory().deleteResourcesOfDeletedCompartments(id, SEEN_AT.plusSeconds(60)))
        .containsExactly(
            new SyncCount(ResourceType.BLOCK_VOLUME, OTHER_REGION, 0, 0, 1, 0),
            new SyncCount(ResourceType.BUCKET, HOME_REGION, 0, 0, 1, 0));
    assertThat(ids(id, ResourceFilter.ALL))
        .containsExactly(Fixtures.BOOT1, WEB1, WEB2, Fixtures.LB1);
    assertThat(ids(id, ResourceFilter.ALL.withDeleted())).hasSize(6);
    // already deleted: nothing more to do
    assertThat(inventory().deleteResourcesOfDeletedCompartments(id, SEEN_AT.plusSeconds(120)))
        .isEmpty();
  }

  @Test
  public void resourcesOfLiveOrUnknownCompartmentsAreNotDeletedWithCompartments() {
    AccountId id = newAccount();
    // instances of prod, whose compartment was never stored; the rest with a live tree
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES));
    assertThat(inventory().deleteResourcesOfDeletedCompartments(id, SEEN_AT)).isEmpty();
    writeFixture(id);
    assertThat(inventory().deleteResourcesOfDeletedCompartments(id, SEEN_AT)).isEmpty();
    assertThat(asListed(id, ResourceFilter.ALL)).containsExactlyElementsOf(Fixtures.resources(id));
  }

  @Test
  public void deletingWithCompartmentsNeverTouchesAnotherAccount() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    writeFixture(a);
    writeFixture(b);
    inventory().replaceCompartments(b, Fixtures.compartments(b).subList(0, 1), SEEN_AT);

    // instances (2), boot volumes, block volumes, buckets, load balancers
    assertThat(inventory().deleteResourcesOfDeletedCompartments(b, SEEN_AT))
        .extracting(SyncCount::deleted)
        .containsExactly(2, 1, 1, 1, 1);
    assertThat(inventory().deleteResourcesOfDeletedCompartments(a, SEEN_AT)).isEmpty();
    assertThat(asListed(a, ResourceFilter.ALL)).containsExactlyElementsOf(Fixtures.resources(a));
    assertThat(inventory().resources(b, ResourceFilter.ALL)).isEmpty();
  }

  @Test
  public void everyResourceRoundTripsExactlyOrderedById() {
    AccountId id = newAccount();
    writeFixture(id);
    assertThat(asListed(id, ResourceFilter.ALL)).containsExactlyElementsOf(Fixtures.resources(id));
    for (Resource r : Fixtures.resources(id)) {
      assertThat(findAsListed(id, r.id())).contains(r);
    }
    assertThat(inventory().findResource(id, "ocid1.instance.oc1.iad.unknown")).isEmpty();
  }

  private Resource.Tracking tracking(AccountId id, String resourceId) {
    Resource stored = inventory().findResource(id, resourceId).orElseThrow();
    assertThat(stored.tracking()).as("tracking of %s", resourceId).isNotNull();
    return stored.tracking();
  }

  private static Resource.Tracking tracked(
      Instant firstSeenAt, Instant stateSince, @Nullable Instant unattachedSince) {
    return new Resource.Tracking(firstSeenAt, stateSince, unattachedSince);
  }

  @Test
  public void everyStoredResourceIsTrackedFromItsFirstListing() {
    AccountId id = newAccount();
    writeFixture(id);
    for (Resource r : inventory().resources(id, ResourceFilter.ALL)) {
      // vol1 is the one volume without an attachment; boot1 is attached to web1
      Instant unattached = r.id().equals(Fixtures.VOL1) ? T1 : null;
      assertThat(r.tracking()).as(r.id()).isEqualTo(tracked(T1, T1, unattached));
    }
  }

  @Test
  public void anUnchangedListingKeepsTheTracking() {
    AccountId id = newAccount();
    writeFixture(id);
    for (Scope scope : POPULATED_SCOPES) {
      replace(id, scope, Fixtures.resources(id, scope), T2);
    }
    assertThat(tracking(id, WEB1)).isEqualTo(tracked(T1, T1, null));
    assertThat(tracking(id, Fixtures.VOL1)).isEqualTo(tracked(T1, T1, T1));
  }

  @Test
  public void aLifecycleStateChangeRestartsStateSinceAndOtherChangesDoNot() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES), T1);
    Resource started = resource(id, WEB2).toBuilder().lifecycleState("RUNNING").build();
    replace(id, INSTANCES, List.of(resource(id, WEB1), started), T2);
    assertThat(tracking(id, WEB2)).isEqualTo(tracked(T1, T2, null));
    assertThat(tracking(id, WEB1)).isEqualTo(tracked(T1, T1, null));

    Resource renamed = started.toBuilder().name("web2-renamed").build();
    assertThat(replace(id, INSTANCES, List.of(resource(id, WEB1), renamed), T3))
        .isEqualTo(count(INSTANCES, 0, 1, 0, 1));
    assertThat(tracking(id, WEB2)).isEqualTo(tracked(T1, T2, null));
  }

  @Test
  public void unattachedSinceFollowsTheVolumesAttachment() {
    AccountId id = newAccount();
    Resource vol1 = resource(id, Fixtures.VOL1);
    Resource boot1 = resource(id, Fixtures.BOOT1);
    replace(id, BLOCK_VOLUMES, List.of(vol1), T1);
    replace(id, Fixtures.BOOT_VOLUMES, List.of(boot1), T1);
    assertThat(tracking(id, Fixtures.VOL1).unattachedSince()).isEqualTo(T1);
    assertThat(tracking(id, Fixtures.BOOT1).unattachedSince()).isNull();

    Resource attached =
        vol1.toBuilder().spec(vol1.spec().toBuilder().attachedTo(WEB1).build()).build();
    Resource detachedBoot =
        boot1.toBuilder().spec(boot1.spec().toBuilder().attachedTo(null).build()).build();
    replace(id, BLOCK_VOLUMES, List.of(attached), T2);
    replace(id, Fixtures.BOOT_VOLUMES, List.of(detachedBoot), T2);
    assertThat(tracking(id, Fixtures.VOL1)).isEqualTo(tracked(T1, T1, null));
    assertThat(tracking(id, Fixtures.BOOT1)).isEqualTo(tracked(T1, T1, T2));

    replace(id, BLOCK_VOLUMES, List.of(vol1), T3);
    replace(id, Fixtures.BOOT_VOLUMES, List.of(detachedBoot), T3);
    assertThat(tracking(id, Fixtures.VOL1).unattachedSince()).isEqualTo(T3);
    assertThat(tracking(id, Fixtures.BOOT1).unattachedSince()).isEqualTo(T2);
  }

  @Test
  public void aResourceThatComesBackKeepsWhenItWasFirstSeenAndRestartsItsState() {
    AccountId id = newAccount();
    replace(id, BLOCK_VOLUMES, List.of(resource(id, Fixtures.VOL1)), T1);
    replace(id, BLOCK_VOLUMES, List.of(), T2);
    // deleted: its tracking is what it was when last listed
    assertThat(tracking(id, Fixtures.VOL1)).isEqualTo(tracked(T1, T1, T1));
    replace(id, BLOCK_VOLUMES, List.of(resource(id, Fixtures.VOL1)), T3);
    assertThat(tracking(id, Fixtures.VOL1)).isEqualTo(tracked(T1, T3, T3));
  }

  @Test
  public void theTrackingOfAListedResourceIsIgnored() {
    AccountId id = newAccount();
    replace(id, INSTANCES, Fixtures.resources(id, INSTANCES), T1);
    // written back as read, with a made-up tracking: the store keeps its own
    List<Resource> readBack =
        inventory().resources(id, ResourceFilter.scope(INSTANCES)).stream()
            .map(r -> r.toBuilder().tracking(tracked(T3, T3, null)).build())
            .toList();
    assertThat(replace(id, INSTANCES, readBack, T2)).isEqualTo(count(INSTANCES, 0, 0, 0, 2));
    assertThat(tracking(id, WEB1)).isEqualTo(tracked(T1, T1, null));
  }

  @Test
  public void filtersSelectByTypeRegionAndCompartment() {
    AccountId id = newAccount();
    writeFixture(id);
    assertThat(ids(id, ResourceFilter.of(ResourceType.BLOCK_VOLUME)))
        .containsExactly(Fixtures.VOL1);
    assertThat(ids(id, new ResourceFilter(Set.of(), Set.of(OTHER_REGION), Set.of(), false)))
        .containsExactly(Fixtures.VOL1);
    assertThat(ids(id, new ResourceFilter(Set.of(), Set.of(), Set.of(PROD), false)))
        .containsExactly(Fixtures.BOOT1, WEB1, WEB2, Fixtures.LB1);
    assertThat(
            ids(
                id,
                new ResourceFilter(
                    Set.of(ResourceType.INSTANCE, ResourceType.BUCKET),
                    Set.of(HOME_REGION),
                    Set.of(),
                    false)))
        .containsExactly(Fixtures.BUCKET1, WEB1, WEB2);
    assertThat(ids(id, ResourceFilter.scope(BUCKETS))).containsExactly(Fixtures.BUCKET1);
    assertThat(ids(id, ResourceFilter.scope(BLOCK_VOLUMES))).containsExactly(Fixtures.VOL1);
  }

  @Test
  public void tenantsWithIdenticalResourceIdsNeverSeeEachOthersRows() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    writeFixture(a);
    writeFixture(b);
    // b loses its instances and every compartment but the root; a must not notice
    assertThat(replace(b, INSTANCES, List.of())).isEqualTo(count(INSTANCES, 0, 0, 2, 0));
    inventory().replaceCompartments(b, Fixtures.compartments(b).subList(0, 1), SEEN_AT);

    assertThat(asListed(a, ResourceFilter.ALL)).containsExactlyElementsOf(Fixtures.resources(a));
    assertThat(findAsListed(a, WEB2)).contains(resource(a, WEB2));
    assertThat(inventory().compartments(a)).containsExactlyElementsOf(Fixtures.compartments(a));
    assertThat(inventory().resources(b, ResourceFilter.ALL))
        .hasSize(4)
        .allMatch(r -> r.accountId().equals(b));
    assertThat(findAsListed(b, WEB1)).contains(resource(b, WEB1));
    assertThat(inventory().compartments(b)).containsExactly(Fixtures.compartments(b).get(0));
    // a's listing of the same scope counts only a's rows
    assertThat(replace(a, INSTANCES, Fixtures.resources(a, INSTANCES)))
        .isEqualTo(count(INSTANCES, 0, 0, 0, 2));

    AccountId stranger = Fixtures.randomAccountId();
    assertThat(inventory().resources(stranger, ResourceFilter.ALL.withDeleted())).isEmpty();
    assertThat(inventory().findResource(stranger, WEB1)).isEmpty();
    assertThat(inventory().compartments(stranger)).isEmpty();
  }
}
