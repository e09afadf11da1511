package app.cloudey.oci.internal;

import app.cloudey.model.Resource;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciService;
import com.oracle.bmc.core.model.Instance;
import com.oracle.bmc.core.model.InstanceShapeConfig;
import com.oracle.bmc.core.requests.ListInstancesRequest;
import com.oracle.bmc.core.responses.ListInstancesResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists compute instances of one scope (every page). Terminated instances are kept as OCI lists
 * them (state TERMINATED) until OCI stops listing them; engines read the state.
 */
final class ComputeLister {
  private final ListContext ctx;

  ComputeLister(ListContext ctx) {
    this.ctx = ctx;
  }

  List<Resource> instances(Scope scope) {
    List<Instance> items =
        Pages.all(
            ctx.calls(),
            OciService.COMPUTE,
            "ListInstances",
            page ->
                ctx.clients()
                    .compute(scope.region())
                    .listInstances(
                        ListInstancesRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListInstancesResponse::getItems,
            ListInstancesResponse::getOpcNextPage);
    List<Resource> resources = new ArrayList<>(items.size());
    for (Instance i : items) {
      InstanceShapeConfig shape = i.getShapeConfig();
      Map<String, String> attributes = new HashMap<>();
      Mapping.put(attributes, "faultDomain", i.getFaultDomain());
      Mapping.put(attributes, "imageId", i.getImageId());
      if (shape != null) {
        Mapping.put(attributes, "vcpus", shape.getVcpus());
        Mapping.put(attributes, "gpus", shape.getGpus());
      }
      resources.add(
          ctx.resource(scope, ResourceType.INSTANCE)
              .id(i.getId())
              .name(Mapping.text(i.getDisplayName()))
              .availabilityDomain(i.getAvailabilityDomain())
              .lifecycleState(ListContext.state(i.getLifecycleState()))
              .timeCreated(Mapping.instant(i.getTimeCreated()))
              .tags(Mapping.tags(i.getFreeformTags(), i.getDefinedTags()))
              .spec(
                  ResourceSpec.builder()
                      .shape(i.getShape())
                      .ocpus(shape == null ? null : Mapping.decimal(shape.getOcpus()))
                      .memoryGb(shape == null ? null : Mapping.decimal(shape.getMemoryInGBs()))
                      .sourceId(i.getImageId())
                      .build())
              .attributes(attributes)
              .build());
    }
    return resources;
  }
}
