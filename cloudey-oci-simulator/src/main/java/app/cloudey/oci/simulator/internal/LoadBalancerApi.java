package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import com.oracle.bmc.loadbalancer.model.Backend;
import com.oracle.bmc.loadbalancer.model.BackendSet;
import com.oracle.bmc.loadbalancer.model.BackendSetHealth;
import com.oracle.bmc.loadbalancer.model.HealthChecker;
import com.oracle.bmc.loadbalancer.model.IpAddress;
import com.oracle.bmc.loadbalancer.model.LoadBalancer;
import com.oracle.bmc.loadbalancer.model.LoadBalancerHealth;
import com.oracle.bmc.loadbalancer.model.ShapeDetails;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Load Balancer: ListLoadBalancers with backend sets, plus GetLoadBalancerHealth and
 * GetBackendSetHealth. One backend set {@code bs-app} per LB; one LB in ten has a critical backend.
 */
final class LoadBalancerApi {
  static final String BACKEND_SET = "bs-app";
  static final String SHAPE = "flexible";
  private final Tenancy t;
  private final ApiSupport s;

  LoadBalancerApi(Tenancy tenancy, ApiSupport support) {
    this.t = tenancy;
    this.s = support;
  }

  void register(Router router) {
    router
        .add("loadbalancer", "GET", "20170115/loadBalancers", "ListLoadBalancers", this::list)
        .add(
            "loadbalancer",
            "GET",
            "20170115/loadBalancers/{}/health",
            "GetLoadBalancerHealth",
            this::health)
        .add(
            "loadbalancer",
            "GET",
            "20170115/loadBalancers/{}/backendSets/{}/health",
            "GetBackendSetHealth",
            this::backendSetHealth);
  }

  private ApiResponse list(ApiRequest req) {
    return s.list(
        req, ResourceType.LOAD_BALANCER, ApiSupport.stateFilter(req, t), i -> model(t.res(i)));
  }

  private LoadBalancer model(Res lb) {
    List<Backend> backends = new ArrayList<>();
    for (int b = 0; b < lb.backends; b++) {
      String ip = "10." + (lb.index % 200) + "." + (b / 250) + "." + (b % 250 + 2);
      backends.add(
          Backend.builder()
              .name(ip + ":8080")
              .ipAddress(ip)
              .port(8080)
              .weight(1)
              .backup(false)
              .drain(false)
              .offline(false)
              .build());
    }
    BackendSet set =
        BackendSet.builder()
            .name(BACKEND_SET)
            .policy("ROUND_ROBIN")
            .backends(backends)
            .healthChecker(
                HealthChecker.builder()
                    .protocol("HTTP")
                    .port(8080)
                    .urlPath("/health")
                    .returnCode(200)
                    .build())
            .build();
    return LoadBalancer.builder()
        .id(lb.id)
        .compartmentId(t.compartment(lb).id())
        .displayName(lb.name)
        .lifecycleState(LoadBalancer.LifecycleState.Active)
        .timeCreated(ApiSupport.date(lb.createdHour, lb.index))
        .shapeName(SHAPE)
        .shapeDetails(
            ShapeDetails.builder()
                .minimumBandwidthInMbps(lb.minMbps)
                .maximumBandwidthInMbps(lb.maxMbps)
                .build())
        .isPrivate(false)
        .ipAddresses(
            List.of(
                IpAddress.builder()
                    .ipAddress("192.0.2." + (lb.index % 250 + 1))
                    .isPublic(true)
                    .build()))
        .backendSets(Map.of(BACKEND_SET, set))
        .freeformTags(lb.tags)
        .definedTags(ApiSupport.noDefinedTags())
        .build();
  }

  private Res find(String id) {
    Integer index = t.resourceById.get(id);
    if (index == null || t.res(index).type != ResourceType.LOAD_BALANCER) {
      throw ApiException.notFound("load balancer " + id + " not found");
    }
    return t.res(index);
  }

  /** Backends in CRITICAL state: one in ten LBs with backends has one failing. */
  static int critical(Res lb) {
    return lb.backends > 0 && lb.index % 10 == 3 ? 1 : 0;
  }

  private static BackendSetHealth.Status status(Res lb) {
    if (lb.backends == 0) {
      return BackendSetHealth.Status.Unknown;
    }
    int critical = critical(lb);
    return critical == 0
        ? BackendSetHealth.Status.Ok
        : critical == lb.backends
            ? BackendSetHealth.Status.Critical
            : BackendSetHealth.Status.Warning;
  }

  private ApiResponse health(ApiRequest req) {
    Res lb = find(req.segment(2));
    BackendSetHealth.Status set = status(lb);
    LoadBalancerHealth.Status status = LoadBalancerHealth.Status.create(set.getValue());
    return ApiResponse.ok(
        LoadBalancerHealth.builder()
            .status(status)
            .warningStateBackendSetNames(
                set == BackendSetHealth.Status.Warning ? List.of(BACKEND_SET) : List.of())
            .criticalStateBackendSetNames(
                set == BackendSetHealth.Status.Critical ? List.of(BACKEND_SET) : List.of())
            .unknownStateBackendSetNames(
                set == BackendSetHealth.Status.Unknown ? List.of(BACKEND_SET) : List.of())
            .totalBackendSetCount(1)
            .build());
  }

  private ApiResponse backendSetHealth(ApiRequest req) {
    Res lb = find(req.segment(2));
    if (!BACKEND_SET.equals(req.segment(4))) {
      throw ApiException.notFound("backend set " + req.segment(4) + " not found");
    }
    List<String> critical = new ArrayList<>();
    for (int b = 0; b < critical(lb); b++) {
      critical.add("10." + (lb.index % 200) + ".0." + (b + 2) + ":8080");
    }
    return ApiResponse.ok(
        BackendSetHealth.builder()
            .status(status(lb))
            .warningStateBackendNames(List.of())
            .criticalStateBackendNames(critical)
            .unknownStateBackendNames(List.of())
            .totalBackendCount(lb.backends)
            .build());
  }
}
