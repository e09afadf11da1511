package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.CloudeyNotFoundException;
import app.cloudey.CloudeyProviderException;
import com.oracle.bmc.loadbalancer.model.Backend;
import com.oracle.bmc.loadbalancer.model.BackendSet;
import com.oracle.bmc.loadbalancer.model.LoadBalancer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Which load balancers cost a health call, and what an unanswerable health call maps to. */
class LoadBalancerListerTest {
  private final List<String> asked = new ArrayList<>();

  private static LoadBalancer lb(LoadBalancer.LifecycleState state, int... backendsPerSet) {
    Map<String, BackendSet> sets = new LinkedHashMap<>();
    for (int s = 0; s < backendsPerSet.length; s++) {
      List<Backend> backends = new ArrayList<>();
      for (int b = 0; b < backendsPerSet[s]; b++) {
        backends.add(Backend.builder().name("10.0.0." + b + ":80").build());
      }
      sets.put("set" + s, BackendSet.builder().name("set" + s).backends(backends).build());
    }
    return LoadBalancer.builder()
        .id("ocid1.loadbalancer.oc1..lb")
        .lifecycleState(state)
        .backendSets(sets)
        .build();
  }

  private BiFunction<String, Integer, Integer> allHealthy() {
    return (set, n) -> {
      asked.add(set);
      return n;
    };
  }

  @Test
  void activeLoadBalancerSumsHealthOfSetsWithBackends() {
    LoadBalancer lb = lb(LoadBalancer.LifecycleState.Active, 2, 0, 3);
    assertThat(LoadBalancerLister.healthyBackendCount(lb, allHealthy())).isEqualTo(5);
    assertThat(asked).containsExactly("set0", "set2");
    assertThat(LoadBalancerLister.backendCount(lb)).isEqualTo(5);
  }

  @Test
  void loadBalancerThatIsNotActiveCostsNoHealthCallAndHasUnknownHealth() {
    for (LoadBalancer.LifecycleState state :
        List.of(
            LoadBalancer.LifecycleState.Failed,
            LoadBalancer.LifecycleState.Deleting,
            LoadBalancer.LifecycleState.Creating,
            LoadBalancer.LifecycleState.Deleted)) {
      LoadBalancer lb = lb(state, 2);
      assertThat(LoadBalancerLister.healthyBackendCount(lb, allHealthy())).as("%s", state).isNull();
      assertThat(LoadBalancerLister.backendCount(lb)).isEqualTo(2);
    }
    assertThat(asked).isEmpty();
  }

  @Test
  void notFoundFromTheHealthCallLeavesHealthUnknown() {
    LoadBalancer lb = lb(LoadBalancer.LifecycleState.Active, 2, 1);
    Integer healthy =
        LoadBalancerLister.healthyBackendCount(
            lb,
            (set, n) -> {
              if (set.equals("set1")) {
                throw new CloudeyNotFoundException("GetBackendSetHealth: 404", null, "r");
              }
              return n;
            });
    assertThat(healthy).isNull();
  }

  @Test
  void otherHealthCallFailuresStillFail() {
    LoadBalancer lb = lb(LoadBalancer.LifecycleState.Active, 1);
    Assertions.assertThatThrownBy(
            () ->
                LoadBalancerLister.healthyBackendCount(
                    lb,
                    (set, n) -> {
                      throw new CloudeyProviderException("boom", 500, null, null);
                    }))
        .isInstanceOf(CloudeyProviderException.class);
  }
}
