package app.cloudey.oci.internal;

import app.cloudey.CloudeyNotFoundException;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciService;
import com.oracle.bmc.loadbalancer.model.BackendSet;
import com.oracle.bmc.loadbalancer.model.BackendSetHealth;
import com.oracle.bmc.loadbalancer.model.LoadBalancer;
import com.oracle.bmc.loadbalancer.model.ShapeDetails;
import com.oracle.bmc.loadbalancer.requests.GetBackendSetHealthRequest;
import com.oracle.bmc.loadbalancer.requests.ListLoadBalancersRequest;
import com.oracle.bmc.loadbalancer.responses.ListLoadBalancersResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Lists load balancers with shape, flexible bandwidth and backend sets: the backend count from the
 * listing, and the healthy backends from one GetBackendSetHealth per backend set that has backends
 * (backends in OK state: the total minus those reported critical, warning or unknown). A load
 * balancer without backends costs no extra call and has 0 healthy backends; one that is not ACTIVE,
 * or whose health call answers 404, has unknown (null) healthy backends.
 */
final class LoadBalancerLister {
  private final ListContext ctx;

  LoadBalancerLister(ListContext ctx) {
    this.ctx = ctx;
  }

  List<Resource> loadBalancers(Scope scope) {
    List<LoadBalancer> items =
        Pages.all(
            ctx.calls(),
            OciService.LOAD_BALANCER,
            "ListLoadBalancers",
            page ->
                ctx.clients()
                    .loadBalancer(scope.region())
                    .listLoadBalancers(
                        ListLoadBalancersRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit() == null ? null : ctx.pageLimit().longValue())
                            .page(page)
                            .build()),
            ListLoadBalancersResponse::getItems,
            ListLoadBalancersResponse::getOpcNextPage);
    List<Resource> resources = new ArrayList<>(items.size());
    for (LoadBalancer lb : items) {
      int backends = backendCount(lb);
      int sets = lb.getBackendSets() == null ? 0 : lb.getBackendSets().size();
      Integer healthy =
          healthyBackendCount(lb, (set, inSet) -> healthy(scope, lb.getId(), set, inSet));
      ShapeDetails shape = lb.getShapeDetails();
      Map<String, String> attributes = new HashMap<>();
      attributes.put("backendSetCount", Integer.toString(sets));

      Mapping.put(attributes, "isPrivate", lb.getIsPrivate());
      resources.add(
          ctx.resource(scope, ResourceType.LOAD_BALANCER)
              .id(lb.getId())
              .name(Mapping.text(lb.getDisplayName()))
              .lifecycleState(ListContext.state(lb.getLifecycleState()))
              .timeCreated(Mapping.instant(lb.getTimeCreated()))
              .tags(Mapping.tags(lb.getFreeformTags(), lb.getDefinedTags()))
              .spec(
                  ResourceSpec.builder()
                      .shape(lb.getShapeName())
                      .bandwidthMinMbps(shape == null ? null : shape.getMinimumBandwidthInMbps())
                      .bandwidthMaxMbps(shape == null ? null : shape.getMaximumBandwidthInMbps())
                      .backendCount(backends)
                      .healthyBackendCount(healthy == null ? null : Math.min(healthy, backends))
                      .build())
              .attributes(attributes)
              .build());
    }
    return resources;
  }

  /** Backends of every backend set, from the listing. */
  static int backendCount(LoadBalancer lb) {
    int backends = 0;
    if (lb.getBackendSets() != null) {
      for (BackendSet set : lb.getBackendSets().values()) {
        backends += set.getBackends() == null ? 0 : set.getBackends().size();
      }
    }
    return backends;
  }

  /**
   * Healthy backends of a load balancer, or null when unknown: a load balancer that is not ACTIVE
   * (its backend health cannot be asked: OCI answers 404 or 409) costs no health call, and a 404
   * from a health call (the load balancer or backend set went away since the listing) leaves the
   * health unknown rather than failing the scope. Backend sets without backends cost no call.
   *
   * @param healthOfSet healthy backends of the named backend set that has the given backend count
   */
  static @Nullable Integer healthyBackendCount(
      LoadBalancer lb, BiFunction<String, Integer, Integer> healthOfSet) {
    if (lb.getLifecycleState() != LoadBalancer.LifecycleState.Active) {
      return null;
    }
    int healthy = 0;
    if (lb.getBackendSets() != null) {
      for (Map.Entry<String, BackendSet> set : lb.getBackendSets().entrySet()) {
        int inSet = set.getValue().getBackends() == null ? 0 : set.getValue().getBackends().size();
        if (inSet > 0) {
          try {
            healthy += healthOfSet.apply(set.getKey(), inSet);
          } catch (CloudeyNotFoundException e) {
            return null;
          }
        }
      }
    }
    return healthy;
  }

  private int healthy(Scope scope, String loadBalancerId, String backendSet, int backends) {
    BackendSetHealth health =
        ctx.calls()
            .call(
                OciService.LOAD_BALANCER,
                "GetBackendSetHealth",
                () ->
                    ctx.clients()
                        .loadBalancer(scope.region())
                        .getBackendSetHealth(
                            GetBackendSetHealthRequest.builder()
                                .loadBalancerId(loadBalancerId)
                                .backendSetName(backendSet)
                                .build()))
            .getBackendSetHealth();
    int total = health.getTotalBackendCount() == null ? backends : health.getTotalBackendCount();
    int unhealthy =
        size(health.getCriticalStateBackendNames())
            + size(health.getWarningStateBackendNames())
            + size(health.getUnknownStateBackendNames());
    return Math.max(0, total - unhealthy);
  }

  private static int size(java.util.@org.jspecify.annotations.Nullable List<String> names) {
    return names == null ? 0 : names.size();
  }
}
