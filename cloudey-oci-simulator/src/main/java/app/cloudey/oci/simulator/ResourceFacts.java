package app.cloudey.oci.simulator;

import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the simulator's list and get APIs show of one resource, so a test can compare a client's
 * inventory with {@link Truth#findResource(String)} field by field. Every value is the one the OCI
 * SDK model carries (numbers as exact decimals); a field no API serves for the type is null.
 *
 * <p>The {@link ResourceSpec} fields per type, with the SDK getter they come from:
 *
 * <ul>
 *   <li>{@code INSTANCE} (ListInstances): {@code shape}; {@code ocpus}, {@code memoryGb} from
 *       {@code shapeConfig.ocpus} and {@code shapeConfig.memoryInGBs}. No image is served, so
 *       {@code sourceId} is null.
 *   <li>{@code BOOT_VOLUME}, {@code BLOCK_VOLUME} (ListBootVolumes, ListVolumes): {@code sizeGb} =
 *       {@code sizeInGBs}, {@code vpusPerGb} = {@code vpusPerGB}; {@code attachedTo} = the {@code
 *       instanceId} of its ListBootVolumeAttachments / ListVolumeAttachments entry, which is served
 *       in the <em>instance's</em> compartment (see {@link Truth#crossCompartmentAttachments()}),
 *       null when unattached. Boot volumes serve no image id: {@code sourceId} is null.
 *   <li>{@code VOLUME_BACKUP}, {@code BOOT_VOLUME_BACKUP}: {@code sizeGb} = {@code sizeInGBs},
 *       {@code sourceId} = {@code volumeId} / {@code bootVolumeId} (possibly a deleted volume's).
 *   <li>{@code BUCKET} (GetBucket with {@code fields=approximateSize,approximateCount}; ListBuckets
 *       serves no id): {@code storageTier} ({@code Standard} or {@code Archive}), {@code sizeGb} =
 *       {@code approximateSize} bytes / 2<sup>30</sup> (GiB, exact: the simulator serves whole
 *       GiB), {@code objectCount} = {@code approximateCount}. Buckets have no lifecycle state in
 *       the API; their {@link #lifecycleState()} is {@code ACTIVE}.
 *   <li>{@code FILE_SYSTEM} (ListFileSystems): {@code sizeGb} = {@code meteredBytes} /
 *       2<sup>30</sup> (exact, as for buckets).
 *   <li>{@code DB_SYSTEM} (ListDbSystems): {@code shape}, {@code ocpus} = {@code cpuCoreCount},
 *       {@code sizeGb} = {@code dataStorageSizeInGBs}; no memory is served.
 *   <li>{@code AUTONOMOUS_DATABASE} (ListAutonomousDatabases): {@code ocpus} = {@code computeCount}
 *       (ECPUs), {@code sizeGb} = {@code dataStorageSizeInGBs}.
 *   <li>{@code LOAD_BALANCER} (ListLoadBalancers): {@code shape} = {@code shapeName}, {@code
 *       bandwidthMinMbps} / {@code bandwidthMaxMbps} from {@code shapeDetails}, {@code
 *       backendCount} = backends over all backend sets, {@code healthyBackendCount} =
 *       GetBackendSetHealth's {@code totalBackendCount} minus the backends it names critical,
 *       warning or unknown, summed over the backend sets (0 without backends).
 * </ul>
 *
 * @param type the resource type
 * @param id the OCID ({@code GetBucket} for buckets)
 * @param region the region name, e.g. {@code us-ashburn-1}
 * @param compartmentId the resource's own compartment
 * @param name the display name (a bucket's or autonomous database's {@code name}/{@code
 *     displayName})
 * @param lifecycleState the lifecycle state's wire value, e.g. {@code RUNNING}
 * @param availabilityDomain the AD name for AD-scoped types (instances, volumes, file systems, DB
 *     systems), null for regional ones
 * @param spec the typed attributes above
 */
public record ResourceFacts(
    ResourceType type,
    String id,
    String region,
    String compartmentId,
    String name,
    String lifecycleState,
    @Nullable String availabilityDomain,
    ResourceSpec spec) {

  public ResourceFacts {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(compartmentId, "compartmentId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lifecycleState, "lifecycleState");
    Objects.requireNonNull(spec, "spec");
  }
}
