package app.cloudey.model;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Typed attributes of a resource that the engines and rules read. Every field is optional (null
 * when it does not apply to the resource's type or the provider did not report it).
 *
 * @param shape compute, DB or load-balancer shape, e.g. {@code VM.Standard.E4.Flex}
 * @param ocpus OCPUs of an instance or DB system
 * @param memoryGb memory of an instance in GB
 * @param sizeGb provisioned size of a volume, backup, or approximate size of a bucket or file
 *     system
 * @param vpusPerGb volume performance units per GB of a block or boot volume
 * @param attachedTo id of the instance a volume is attached to; null when it is unattached
 * @param sourceId the volume a backup was taken from, or the image of an instance
 * @param storageTier object storage tier, e.g. {@code Standard}, {@code Archive}
 * @param objectCount approximate object count of a bucket
 * @param bandwidthMinMbps minimum bandwidth of a flexible load balancer
 * @param bandwidthMaxMbps maximum bandwidth of a flexible load balancer
 * @param backendCount backends of a load balancer across all backend sets
 * @param healthyBackendCount backends reported healthy
 */
public record ResourceSpec(
    @Nullable String shape,
    @Nullable BigDecimal ocpus,
    @Nullable BigDecimal memoryGb,
    @Nullable BigDecimal sizeGb,
    @Nullable Integer vpusPerGb,
    @Nullable String attachedTo,
    @Nullable String sourceId,
    @Nullable String storageTier,
    @Nullable Long objectCount,
    @Nullable Integer bandwidthMinMbps,
    @Nullable Integer bandwidthMaxMbps,
    @Nullable Integer backendCount,
    @Nullable Integer healthyBackendCount) {

  public static final ResourceSpec EMPTY = builder().build();

  public ResourceSpec {
    shape = Checks.blankToNull(shape);
    attachedTo = Checks.blankToNull(attachedTo);
    sourceId = Checks.blankToNull(sourceId);
    storageTier = Checks.blankToNull(storageTier);
    ocpus = nonNegative(ocpus, "ocpus");
    memoryGb = nonNegative(memoryGb, "memoryGb");
    sizeGb = nonNegative(sizeGb, "sizeGb");
    nonNegative(vpusPerGb, "vpusPerGb");
    nonNegative(bandwidthMinMbps, "bandwidthMinMbps");
    nonNegative(bandwidthMaxMbps, "bandwidthMaxMbps");
    nonNegative(backendCount, "backendCount");
    nonNegative(healthyBackendCount, "healthyBackendCount");
    if (objectCount != null && objectCount < 0) {
      throw new app.cloudey.CloudeyConfigException("objectCount must not be negative");
    }
    if (bandwidthMinMbps != null && bandwidthMaxMbps != null) {
      Checks.require(
          bandwidthMinMbps <= bandwidthMaxMbps,
          () ->
              "bandwidthMinMbps ("
                  + bandwidthMinMbps
                  + ") exceeds bandwidthMaxMbps ("
                  + bandwidthMaxMbps
                  + ")");
    }
    if (backendCount != null && healthyBackendCount != null) {
      Checks.require(
          healthyBackendCount <= backendCount,
          () ->
              "healthyBackendCount ("
                  + healthyBackendCount
                  + ") exceeds backendCount ("
                  + backendCount
                  + ")");
    }
  }

  private static @Nullable BigDecimal nonNegative(@Nullable BigDecimal value, String field) {
    if (value == null) {
      return null;
    }
    Checks.require(value.signum() >= 0, () -> field + " must not be negative, was " + value);
    return Money.normalise(value); // 100.0 -> 100, not 1E+2
  }

  private static void nonNegative(@Nullable Integer value, String field) {
    if (value != null) {
      Checks.notNegative(value, field);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .shape(shape)
        .ocpus(ocpus)
        .memoryGb(memoryGb)
        .sizeGb(sizeGb)
        .vpusPerGb(vpusPerGb)
        .attachedTo(attachedTo)
        .sourceId(sourceId)
        .storageTier(storageTier)
        .objectCount(objectCount)
        .bandwidthMinMbps(bandwidthMinMbps)
        .bandwidthMaxMbps(bandwidthMaxMbps)
        .backendCount(backendCount)
        .healthyBackendCount(healthyBackendCount);
  }

  /** Builder for {@link ResourceSpec}; unset fields stay null. */
  public static final class Builder {
    private @Nullable String shape;
    private @Nullable BigDecimal ocpus;
    private @Nullable BigDecimal memoryGb;
    private @Nullable BigDecimal sizeGb;
    private @Nullable Integer vpusPerGb;
    private @Nullable String attachedTo;
    private @Nullable String sourceId;
    private @Nullable String storageTier;
    private @Nullable Long objectCount;
    private @Nullable Integer bandwidthMinMbps;
    private @Nullable Integer bandwidthMaxMbps;
    private @Nullable Integer backendCount;
    private @Nullable Integer healthyBackendCount;

    private Builder() {}

    public Builder shape(@Nullable String shape) {
      this.shape = shape;
      return this;
    }

    public Builder ocpus(@Nullable BigDecimal ocpus) {
      this.ocpus = ocpus;
      return this;
    }

    public Builder memoryGb(@Nullable BigDecimal memoryGb) {
      this.memoryGb = memoryGb;
      return this;
    }

    public Builder sizeGb(@Nullable BigDecimal sizeGb) {
      this.sizeGb = sizeGb;
      return this;
    }

    public Builder vpusPerGb(@Nullable Integer vpusPerGb) {
      this.vpusPerGb = vpusPerGb;
      return this;
    }

    public Builder attachedTo(@Nullable String attachedTo) {
      this.attachedTo = attachedTo;
      return this;
    }

    public Builder sourceId(@Nullable String sourceId) {
      this.sourceId = sourceId;
      return this;
    }

    public Builder storageTier(@Nullable String storageTier) {
      this.storageTier = storageTier;
      return this;
    }

    public Builder objectCount(@Nullable Long objectCount) {
      this.objectCount = objectCount;
      return this;
    }

    public Builder bandwidthMinMbps(@Nullable Integer bandwidthMinMbps) {
      this.bandwidthMinMbps = bandwidthMinMbps;
      return this;
    }

    public Builder bandwidthMaxMbps(@Nullable Integer bandwidthMaxMbps) {
      this.bandwidthMaxMbps = bandwidthMaxMbps;
      return this;
    }

    public Builder backendCount(@Nullable Integer backendCount) {
      this.backendCount = backendCount;
      return this;
    }

    public Builder healthyBackendCount(@Nullable Integer healthyBackendCount) {
      this.healthyBackendCount = healthyBackendCount;
      return this;
    }

    public ResourceSpec build() {
      return new ResourceSpec(
          shape,
          ocpus,
          memoryGb,
          sizeGb,
          vpusPerGb,
          attachedTo,
          sourceId,
          storageTier,
          objectCount,
          bandwidthMinMbps,
          bandwidthMaxMbps,
          backendCount,
          healthyBackendCount);
    }
  }
}
