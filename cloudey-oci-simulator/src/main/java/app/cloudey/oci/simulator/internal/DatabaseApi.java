package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import com.oracle.bmc.database.model.AutonomousDatabaseSummary;
import com.oracle.bmc.database.model.DbSystemSummary;
import java.util.List;

/** Database: DB systems and autonomous databases. */
final class DatabaseApi {
  private final Tenancy t;
  private final ApiSupport s;

  DatabaseApi(Tenancy tenancy, ApiSupport support) {
    this.t = tenancy;
    this.s = support;
  }

  void register(Router router) {
    router
        .add("database", "GET", "20160918/dbSystems", "ListDbSystems", this::dbSystems)
        .add(
            "database",
            "GET",
            "20160918/autonomousDatabases",
            "ListAutonomousDatabases",
            this::autonomous);
  }

  private ApiResponse dbSystems(ApiRequest req) {
    int ad = s.ad(req, false);
    return s.list(
        req,
        ResourceType.DB_SYSTEM,
        i -> ad < 0 || t.res(i).ad == ad,
        i -> {
          Res d = t.res(i);
          return DbSystemSummary.builder()
              .id(d.id)
              .compartmentId(t.compartment(d).id())
              .displayName(d.name)
              .availabilityDomain(t.adName(d.region, d.ad))
              .subnetId(
                  Ids.ocid("subnet", t.region(d).lowerKey(), t.params.seed(), 5, d.compartment))
              .shape(Shape.ALL.get(d.shape).name())
              .cpuCoreCount(d.ocpus)
              .nodeCount(1)
              .dataStorageSizeInGBs((int) d.sizeGb)
              .databaseEdition(DbSystemSummary.DatabaseEdition.create(d.variant))
              .licenseModel(DbSystemSummary.LicenseModel.LicenseIncluded)
              .hostname("db" + d.index)
              .domain("sub" + d.compartment + ".vcn.oraclevcn.com")
              .sshPublicKeys(List.of())
              .lifecycleState(DbSystemSummary.LifecycleState.Available)
              .timeCreated(ApiSupport.date(d.createdHour, d.index))
              .freeformTags(d.tags)
              .definedTags(ApiSupport.noDefinedTags())
              .build();
        });
  }

  private ApiResponse autonomous(ApiRequest req) {
    return s.list(
        req,
        ResourceType.AUTONOMOUS_DATABASE,
        ApiSupport.stateFilter(req, t),
        i -> {
          Res a = t.res(i);
          return AutonomousDatabaseSummary.builder()
              .id(a.id)
              .compartmentId(t.compartment(a).id())
              .displayName(a.name)
              .dbName(a.name.replaceAll("[^A-Za-z0-9]", ""))
              .lifecycleState(AutonomousDatabaseSummary.LifecycleState.create(a.state))
              .dbWorkload(AutonomousDatabaseSummary.DbWorkload.create(a.variant))
              .computeModel(AutonomousDatabaseSummary.ComputeModel.Ecpu)
              .computeCount((float) a.ocpus)
              .dataStorageSizeInTBs((int) (a.sizeGb / 1024))
              .dataStorageSizeInGBs((int) a.sizeGb)
              .isFreeTier(false)
              .licenseModel(AutonomousDatabaseSummary.LicenseModel.LicenseIncluded)
              .timeCreated(ApiSupport.date(a.createdHour, a.index))
              .freeformTags(a.tags)
              .definedTags(ApiSupport.noDefinedTags())
              .build();
        });
  }
}
