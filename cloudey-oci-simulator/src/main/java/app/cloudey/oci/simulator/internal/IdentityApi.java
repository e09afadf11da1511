package app.cloudey.oci.simulator.internal;

import com.oracle.bmc.identity.model.AvailabilityDomain;
import com.oracle.bmc.identity.model.Compartment;
import com.oracle.bmc.identity.model.RegionSubscription;
import java.util.ArrayList;
import java.util.List;

/** Identity: region subscriptions, tenancy, compartments, availability domains. */
final class IdentityApi {
  private final Tenancy t;
  private final ApiSupport s;

  IdentityApi(Tenancy tenancy, ApiSupport support) {
    this.t = tenancy;
    this.s = support;
  }

  void register(Router router) {
    router
        .add(
            "identity",
            "GET",
            "20160918/tenancies/{}/regionSubscriptions",
            "ListRegionSubscriptions",
            this::regions)
        .add("identity", "GET", "20160918/tenancies/{}", "GetTenancy", this::tenancy)
        .add("identity", "GET", "20160918/compartments", "ListCompartments", this::compartments)
        .add(
            "identity",
            "GET",
            "20160918/availabilityDomains",
            "ListAvailabilityDomains",
            this::ads);
  }

  private void checkTenancy(String id) {
    if (!t.tenancyId.equals(id)) {
      throw ApiException.notFound(
          "Authorization failed or requested resource not found: tenancy " + id);
    }
  }

  private ApiResponse regions(ApiRequest req) {
    checkTenancy(req.segment(2));
    List<RegionSubscription> out = new ArrayList<>();
    for (int i = 0; i < t.regions.size(); i++) {
      Region r = t.regions.get(i);
      out.add(
          RegionSubscription.builder()
              .regionKey(r.key())
              .regionName(r.name())
              .status(RegionSubscription.Status.Ready)
              .isHomeRegion(i == 0)
              .build());
    }
    return ApiResponse.ok(out);
  }

  private ApiResponse tenancy(ApiRequest req) {
    checkTenancy(req.segment(2));
    return ApiResponse.ok(
        com.oracle.bmc.identity.model.Tenancy.builder()
            .id(t.tenancyId)
            .name(t.tenancyName)
            .description("Cloudey simulated tenancy (seed " + t.params.seed() + ")")
            .homeRegionKey(t.regions.get(0).key())
            .build());
  }

  private ApiResponse compartments(ApiRequest req) {
    String parentId = req.required("compartmentId");
    Integer parent = t.compartmentById.get(parentId);
    if (parent == null) {
      throw ApiException.notFound(
          "Authorization failed or requested resource not found: compartment " + parentId);
    }
    boolean subtree = req.flag("compartmentIdInSubtree");
    String access = req.param("accessLevel");
    if (access != null && !access.equals("ANY") && !access.equals("ACCESSIBLE")) {
      throw ApiException.invalid("accessLevel must be ANY or ACCESSIBLE, was " + access);
    }
    if (subtree && parent != 0) {
      throw ApiException.invalid(
          "compartmentIdInSubtree can only be true when compartmentId is the tenancy (root compartment)");
    }
    if (subtree && access == null) {
      throw ApiException.invalid("accessLevel is required when compartmentIdInSubtree is true");
    }
    String state = req.param("lifecycleState");
    int[] items =
        t.compartments.stream()
            .filter(c -> c.index() != 0)
            .filter(c -> subtree || c.parent() == parent)
            .filter(
                c -> state == null || (c.active() ? "ACTIVE" : "DELETED").equalsIgnoreCase(state))
            .mapToInt(SimCompartment::index)
            .toArray();
    return s.page(req, items, i -> model(t.compartments.get(i)));
  }

  private Compartment model(SimCompartment c) {
    return Compartment.builder()
        .id(c.id())
        .compartmentId(t.compartments.get(c.parent()).id())
        .name(c.name())
        .description("simulated compartment " + c.name())
        .timeCreated(ApiSupport.date(c.createdHour(), c.index()))
        .lifecycleState(
            c.active() ? Compartment.LifecycleState.Active : Compartment.LifecycleState.Deleted)
        .isAccessible(true)
        .freeformTags(java.util.Map.of())
        .definedTags(ApiSupport.noDefinedTags())
        .build();
  }

  private ApiResponse ads(ApiRequest req) {
    String compartmentId = req.required("compartmentId");
    if (!t.compartmentById.containsKey(compartmentId)) {
      throw ApiException.notFound(
          "Authorization failed or requested resource not found: compartment " + compartmentId);
    }
    Region region = t.regions.get(req.region());
    List<AvailabilityDomain> out = new ArrayList<>();
    for (int ad = 0; ad < region.availabilityDomains(); ad++) {
      out.add(
          AvailabilityDomain.builder()
              .name(region.adName(t.adPrefix, ad))
              .id(
                  "ocid1.availabilitydomain.oc1.."
                      + region.lowerKey()
                      + "ad"
                      + (ad + 1)
                      + t.adPrefix.toLowerCase(java.util.Locale.ROOT))
              .compartmentId(t.tenancyId)
              .build());
    }
    return ApiResponse.ok(out);
  }
}
