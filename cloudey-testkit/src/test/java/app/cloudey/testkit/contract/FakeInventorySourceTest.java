package app.cloudey.testkit.contract;

import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.InventorySource;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link FakeCloudProvider} honours the {@link InventorySourceContract}: resources in pages of 1
 * (so every scope with two resources needs two pages), buckets arranged to fail.
 */
class FakeInventorySourceTest extends InventorySourceContract {
  static final AccountId ACCOUNT = AccountId.of("fake-inventory");

  /** Its last page fails on every listing. */
  static final Scope FAILING = Fixtures.BUCKETS;

  final FakeCloudProvider fake = Fixtures.providerBuilder().resourcePageSize(1).build();

  @Override
  protected InventorySource inventorySource() {
    fake.failScope(FAILING);
    return fake.connect(Fixtures.account(ACCOUNT), Fixtures.credentials()).inventory();
  }

  @Override
  protected AccountId expectedAccountId() {
    return ACCOUNT;
  }

  @Override
  protected List<String> expectedRegions() {
    return List.of("us-ashburn-1", "eu-frankfurt-1");
  }

  @Override
  protected Set<String> expectedCompartmentIds() {
    return Fixtures.compartments(ACCOUNT).stream().map(Compartment::id).collect(Collectors.toSet());
  }

  @Override
  protected Set<ResourceType> expectedResourceTypes() {
    return Fixtures.RESOURCE_TYPES;
  }

  @Override
  protected List<Scope> populatedScopes() {
    return List.of(
        Fixtures.INSTANCES, Fixtures.BOOT_VOLUMES, Fixtures.LOAD_BALANCERS, Fixtures.BLOCK_VOLUMES);
  }

  @Override
  protected Set<String> expectedResourceIds(Scope scope) {
    return Fixtures.resources(ACCOUNT, scope).stream()
        .map(Resource::id)
        .collect(Collectors.toSet());
  }

  @Override
  protected Scope emptyScope() {
    return Fixtures.EMPTY_SCOPE;
  }

  @Override
  protected Scope failingScope() {
    return FAILING;
  }
}
