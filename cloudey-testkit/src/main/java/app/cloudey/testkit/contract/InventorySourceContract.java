package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.InventorySource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link InventorySource}: complete listings (every page, no duplicates, right account
 * and scope), a consistent compartment tree, and a failing listing that <em>throws</em> rather than
 * returning a partial or empty list (which would make a sync delete that scope's resources).
 *
 * <p>The contract cannot know an arbitrary source's data, so a subclass implements the factory
 * {@link #inventorySource()} and the oracle methods, answering from the tenancy it arranged (a
 * simulator, a fake): the expected regions, compartments, types and resource ids per scope, an
 * empty scope, and a scope it arranged to fail. For example, the fake provider:
 *
 * <pre>{@code
 * class FakeInventorySourceTest extends InventorySourceContract {
 *   final FakeCloudProvider fake = Fixtures.provider();
 *   { fake.failScope(FAILING); }
 *   protected InventorySource inventorySource() {
 *     return fake.connect(Fixtures.account(ACCOUNT), Fixtures.credentials()).inventory();
 *   }
 *   protected Set<String> expectedResourceIds(Scope scope) { ... from Fixtures ... }
 *   // ...
 * }
 * }</pre>
 */
public abstract class InventorySourceContract {

  private @Nullable InventorySource source;

  /** The source under test; called before each test. Close connections in your own hooks. */
  protected abstract InventorySource inventorySource();

  /** The account the source was connected for: every record must carry it. */
  protected abstract AccountId expectedAccountId();

  /** The subscribed regions, home region first. */
  protected abstract List<String> expectedRegions();

  /** The ids of the active compartments, root included. */
  protected abstract Set<String> expectedCompartmentIds();

  /** What {@link InventorySource#resourceTypes()} must report. */
  protected abstract Set<ResourceType> expectedResourceTypes();

  /** Scopes holding resources; each is listed and compared with {@link #expectedResourceIds}. */
  protected abstract List<Scope> populatedScopes();

  /** The ids of every resource of the scope (more than one page of them, ideally). */
  protected abstract Set<String> expectedResourceIds(Scope scope);

  /** A scope that exists and holds no resources: its listing is empty, not an error. */
  protected abstract Scope emptyScope();

  /** A scope the subclass arranged to fail on every listing (e.g. a 500 on its last page). */
  protected abstract Scope failingScope();

  @BeforeEach
  protected final void openSource() {
    source = inventorySource();
  }

  protected final InventorySource source() {
    if (source == null) {
      throw new IllegalStateException("the source is created before each test");
    }
    return source;
  }

  @Test
  public void regionsAreExactlyTheSubscribedOnesHomeFirst() {
    assertThat(source().regions()).containsExactlyElementsOf(expectedRegions());
  }

  @Test
  public void compartmentsFormOneTreeWithConsistentPaths() {
    List<Compartment> compartments = source().compartments();
    assertThat(compartments).extracting(Compartment::id).doesNotHaveDuplicates();
    assertThat(compartments)
        .extracting(Compartment::id)
        .containsExactlyInAnyOrderElementsOf(expectedCompartmentIds());
    assertThat(compartments).allMatch(c -> c.accountId().equals(expectedAccountId()));
    assertThat(compartments).filteredOn(Compartment::isRoot).hasSize(1);
    Map<String, Compartment> byId =
        compartments.stream().collect(Collectors.toMap(Compartment::id, Function.identity()));
    for (Compartment c : compartments) {
      if (c.isRoot()) {
        assertThat(c.path()).as("root path").isEqualTo(c.name());
      } else {
        Compartment parent = byId.get(c.parentId());
        assertThat(parent).as("parent of %s", c.id()).isNotNull();
        assertThat(c.path()).isEqualTo(parent.path() + "/" + c.name());
      }
    }
  }

  @Test
  public void resourceTypesAreExactlyTheExpected() {
    assertThat(source().resourceTypes()).isEqualTo(expectedResourceTypes());
    // the engine's waiting lane only ever holds types the source lists
    assertThat(source().resourceTypes()).containsAll(source().typesWithSharedLookups());
  }

  @Test
  public void everyScopeListsExactlyItsResourcesFromEveryPage() {
    for (Scope scope : populatedScopes()) {
      List<Resource> listed = source().list(scope);
      assertThat(listed).extracting(Resource::id).as("ids of %s", scope).doesNotHaveDuplicates();
      assertThat(listed)
          .extracting(Resource::id)
          .as("ids of %s", scope)
          .containsExactlyInAnyOrderElementsOf(expectedResourceIds(scope));
      assertThat(listed).allMatch(r -> r.scope().equals(scope), "resources of " + scope);
      assertThat(listed).allMatch(r -> r.accountId().equals(expectedAccountId()), "account");
      // what the sync observed over time is the store's to track, not the source's
      assertThat(listed).allMatch(r -> r.tracking() == null, "no tracking from a source");
    }
  }

  @Test
  public void anEmptyScopeListsNothing() {
    assertThat(source().list(emptyScope())).isEmpty();
  }

  @Test
  public void aFailingListingThrowsInsteadOfReturningAPartialOrEmptyList() {
    // twice: a source must not remember a failure as "no resources"
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThatThrownBy(() -> source().list(failingScope()))
          .as("attempt %d", attempt)
          .isInstanceOf(CloudeyException.class);
    }
  }

  @Test
  public void parallelListingsGiveTheSameResults() {
    Map<Scope, Set<String>> sequential = new HashMap<>();
    for (Scope scope : populatedScopes()) {
      sequential.put(scope, ids(source().list(scope)));
    }
    // own threads: the common pool has a single worker on a 2-core machine
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Map<Scope, CompletableFuture<Set<String>>> parallel = new HashMap<>();
      for (Scope scope : populatedScopes()) {
        parallel.put(
            scope, CompletableFuture.supplyAsync(() -> ids(source().list(scope)), threads));
      }
      parallel.forEach((scope, ids) -> assertThat(ids.join()).isEqualTo(sequential.get(scope)));
    } finally {
      threads.shutdown();
    }
  }

  private static Set<String> ids(List<Resource> resources) {
    return resources.stream().map(Resource::id).collect(Collectors.toSet());
  }
}
