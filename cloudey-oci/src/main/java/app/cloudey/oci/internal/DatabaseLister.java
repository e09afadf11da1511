package app.cloudey.oci.internal;

import app.cloudey.model.Resource;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciService;
import com.oracle.bmc.database.model.AutonomousDatabaseSummary;
import com.oracle.bmc.database.model.DbSystemSummary;
import com.oracle.bmc.database.requests.ListAutonomousDatabasesRequest;
import com.oracle.bmc.database.requests.ListDbSystemsRequest;
import com.oracle.bmc.database.responses.ListAutonomousDatabasesResponse;
import com.oracle.bmc.database.responses.ListDbSystemsResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lists DB systems and autonomous databases, in every state OCI lists. */
final class DatabaseLister {
  private final ListContext ctx;

  DatabaseLister(ListContext ctx) {
    this.ctx = ctx;
  }

  List<Resource> dbSystems(Scope scope) {
    List<DbSystemSummary> items =
        Pages.all(
            ctx.calls(),
            OciService.DATABASE,
            "ListDbSystems",
            page ->
                ctx.clients()
                    .database(scope.region())
                    .listDbSystems(
                        ListDbSystemsRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListDbSystemsResponse::getItems,
            ListDbSystemsResponse::getOpcNextPage);
    List<Resource> resources = new ArrayList<>(items.size());
    for (DbSystemSummary d : items) {
      Map<String, String> attributes = new HashMap<>();
      Mapping.put(attributes, "databaseEdition", ListContext.stateOrNull(d.getDatabaseEdition()));
      Mapping.put(attributes, "licenseModel", ListContext.stateOrNull(d.getLicenseModel()));
      Mapping.put(attributes, "nodeCount", d.getNodeCount());
      Mapping.put(attributes, "version", d.getVersion());
      resources.add(
          ctx.resource(scope, ResourceType.DB_SYSTEM)
              .id(d.getId())
              .name(Mapping.text(d.getDisplayName()))
              .availabilityDomain(d.getAvailabilityDomain())
              .lifecycleState(ListContext.state(d.getLifecycleState()))
              .timeCreated(Mapping.instant(d.getTimeCreated()))
              .tags(Mapping.tags(d.getFreeformTags(), d.getDefinedTags()))
              .spec(
                  ResourceSpec.builder()
                      .shape(d.getShape())
                      .ocpus(Mapping.decimal(d.getCpuCoreCount()))
                      .memoryGb(Mapping.decimal(d.getMemorySizeInGBs()))
                      .sizeGb(Mapping.decimal(d.getDataStorageSizeInGBs()))
                      .build())
              .attributes(attributes)
              .build());
    }
    return resources;
  }

  List<Resource> autonomousDatabases(Scope scope) {
    List<AutonomousDatabaseSummary> items =
        Pages.all(
            ctx.calls(),
            OciService.DATABASE,
            "ListAutonomousDatabases",
            page ->
                ctx.clients()
                    .database(scope.region())
                    .listAutonomousDatabases(
                        ListAutonomousDatabasesRequest.builder()
                            .compartmentId(scope.compartmentId())
                            .limit(ctx.pageLimit())
                            .page(page)
                            .build()),
            ListAutonomousDatabasesResponse::getItems,
            ListAutonomousDatabasesResponse::getOpcNextPage);
    List<Resource> resources = new ArrayList<>(items.size());
    for (AutonomousDatabaseSummary a : items) {
      Map<String, String> attributes = new HashMap<>();
      Mapping.put(attributes, "dbWorkload", ListContext.stateOrNull(a.getDbWorkload()));
      Mapping.put(attributes, "computeModel", ListContext.stateOrNull(a.getComputeModel()));
      Mapping.put(attributes, "licenseModel", ListContext.stateOrNull(a.getLicenseModel()));
      Mapping.put(attributes, "isFreeTier", a.getIsFreeTier());
      Mapping.put(attributes, "isAutoScalingEnabled", a.getIsAutoScalingEnabled());
      BigDecimal compute =
          a.getComputeCount() != null
              ? Mapping.decimal(a.getComputeCount())
              : a.getOcpuCount() != null
                  ? Mapping.decimal(a.getOcpuCount())
                  : Mapping.decimal(a.getCpuCoreCount());
      BigDecimal sizeGb =
          a.getDataStorageSizeInGBs() != null
              ? Mapping.decimal(a.getDataStorageSizeInGBs())
              : a.getDataStorageSizeInTBs() == null
                  ? null
                  : BigDecimal.valueOf(a.getDataStorageSizeInTBs())
                      .multiply(BigDecimal.valueOf(1024));
      resources.add(
          ctx.resource(scope, ResourceType.AUTONOMOUS_DATABASE)
              .id(a.getId())
              .name(Mapping.text(a.getDisplayName()))
              .lifecycleState(ListContext.state(a.getLifecycleState()))
              .timeCreated(Mapping.instant(a.getTimeCreated()))
              .tags(Mapping.tags(a.getFreeformTags(), a.getDefinedTags()))
              .spec(ResourceSpec.builder().ocpus(compute).sizeGb(sizeGb).build())
              .attributes(attributes)
              .build());
    }
    return resources;
  }
}
