package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CompartmentTreeTest {
  private static final String ROOT = "ocid1.tenancy.oc1..root";

  private static com.oracle.bmc.identity.model.Compartment c(
      String id, String parent, String name, boolean active) {
    return com.oracle.bmc.identity.model.Compartment.builder()
        .id(id)
        .compartmentId(parent)
        .name(name)
        .lifecycleState(
            active
                ? com.oracle.bmc.identity.model.Compartment.LifecycleState.Active
                : com.oracle.bmc.identity.model.Compartment.LifecycleState.Deleted)
        .build();
  }

  @Test
  void buildsRootDownPathsAndDropsInactiveBranches() {
    List<Compartment> tree =
        OciInventorySource.CompartmentTree.build(
            AccountId.of("acme"),
            ROOT,
            "acme",
            List.of(
                c("web", "prod", "web", true), // listed before its parent
                c("prod", ROOT, "prod", true),
                c("old", ROOT, "old", false),
                c("orphan", "old", "orphan", true), // its parent is deleted
                c("dev", ROOT, "dev", true)));
    Map<String, String> paths =
        tree.stream().collect(Collectors.toMap(Compartment::id, Compartment::path));
    assertThat(paths)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(ROOT, "acme", "prod", "acme/prod", "web", "acme/prod/web", "dev", "acme/dev"));
    assertThat(tree.get(0).isRoot()).isTrue();
    assertThat(tree)
        .filteredOn(x -> x.id().equals("web"))
        .first()
        .extracting(Compartment::parentId)
        .isEqualTo("prod");
  }
}
