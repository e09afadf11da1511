package app.cloudey.oci;

import app.cloudey.model.AccountId;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.internal.OciConnection;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.spi.InventorySource;
import app.cloudey.testkit.contract.InventorySourceContract;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test kit's inventory contract against the simulator (page size 4, so the busy scope of each
 * type spans four pages). The failing scope is the buckets of a compartment whose every Object
 * Storage call answers 500.
 */
class OciInventorySourceIT extends InventorySourceContract {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(OciSimulator.builder().seed(11).instances(40).pageSize(4));

  private static OciConnection connection;

  @Override
  protected InventorySource inventorySource() {
    if (connection == null) {
      connection = SimulatorSupport.connect(SIM.simulator(), SimulatorSupport.options().build());
    }
    return connection.inventory();
  }

  @AfterAll
  static void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private static Truth truth() {
    return SIM.simulator().truth();
  }

  @BeforeEach
  void failTheFailingScope() {
    SIM.simulator().faults().failScope("objectstorage", failingScope().compartmentId(), 500);
  }

  @Override
  protected AccountId expectedAccountId() {
    return SimulatorSupport.ACCOUNT;
  }

  @Override
  protected List<String> expectedRegions() {
    return truth().regions();
  }

  @Override
  protected Set<String> expectedCompartmentIds() {
    return new HashSet<>(truth().compartmentIds());
  }

  @Override
  protected Set<ResourceType> expectedResourceTypes() {
    return EnumSet.allOf(ResourceType.class);
  }

  /** For every type, its fullest scope (the busy one, several pages) and one other with data. */
  @Override
  protected List<Scope> populatedScopes() {
    List<Scope> scopes = new ArrayList<>();
    for (ResourceType type : ResourceType.values()) {
      List<Scope> withData = new ArrayList<>();
      for (String region : truth().regions()) {
        for (String compartment : truth().compartmentIds()) {
          if (!compartment.equals(failingScope().compartmentId())
              && truth().count(type, region, compartment) > 0) {
            withData.add(new Scope(region, compartment, type));
          }
        }
      }
      withData.sort(
          (a, b) ->
              truth().count(type, b.region(), b.compartmentId())
                  - truth().count(type, a.region(), a.compartmentId()));
      scopes.addAll(withData.subList(0, Math.min(2, withData.size())));
    }
    return scopes;
  }

  @Override
  protected Set<String> expectedResourceIds(Scope scope) {
    return new HashSet<>(truth().resourceIds(scope.type(), scope.region(), scope.compartmentId()));
  }

  @Override
  protected Scope emptyScope() {
    for (String compartment : truth().compartmentIds()) {
      if (truth().count(ResourceType.LOAD_BALANCER, truth().homeRegion(), compartment) == 0) {
        return new Scope(truth().homeRegion(), compartment, ResourceType.LOAD_BALANCER);
      }
    }
    throw new IllegalStateException("every compartment has a load balancer");
  }

  /**
   * The last compartment's buckets in the last region. (Not a compute scope: a compartment whose
   * compute calls fail also hides its volume attachments, which fails other compartments' volume
   * scopes too, as {@link AbstractOciSyncIT} shows.)
   */
  @Override
  protected Scope failingScope() {
    List<String> compartments = truth().compartmentIds();
    return new Scope(
        truth().regions().get(truth().regions().size() - 1),
        compartments.get(compartments.size() - 1),
        ResourceType.BUCKET);
  }
}
