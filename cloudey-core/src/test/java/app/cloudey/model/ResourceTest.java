package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceTest {
  private static final AccountId ACME = AccountId.of("acme");

  private static Resource.Builder instance() {
    return Resource.builder()
        .accountId(ACME)
        .provider("oci")
        .type(ResourceType.INSTANCE)
        .id("ocid1.instance.oc1..web1")
        .name("web1")
        .region("us-ashburn-1")
        .availabilityDomain("AD-1")
        .compartmentId("ocid1.compartment.oc1..prod")
        .lifecycleState("RUNNING")
        .timeCreated(Instant.parse("2026-01-01T00:00:00Z"))
        .tags(Map.of("env", "prod"))
        .spec(
            ResourceSpec.builder()
                .shape("VM.Standard.E4.Flex")
                .ocpus(new BigDecimal("2.0"))
                .memoryGb(new BigDecimal("16"))
                .build())
        .attributes(Map.of("faultDomain", "FAULT-DOMAIN-1"));
  }

  @Test
  void namesTheMissingField() {
    refused(() -> instance().accountId(null).build(), "accountId must not be null");
    refused(() -> instance().provider(" ").build(), "provider must not be null or blank");
    refused(() -> instance().type(null).build(), "type must not be null");
    refused(() -> instance().id("").build(), "id must not be null or blank");
    refused(() -> instance().name(null).build(), "name must not be null");
    refused(() -> instance().region(null).build(), "region must not be null or blank");
    refused(() -> instance().compartmentId(" ").build(), "compartmentId must not be null or blank");
    refused(() -> instance().lifecycleState(null).build(), "lifecycleState must not be null");
  }

  @Test
  void trackingIsTheStoresAndAsListedLeavesItOut() {
    Instant first = Instant.parse("2026-10-05T06:00:00Z");
    Resource.Tracking tracking = new Resource.Tracking(first, first.plusSeconds(60), null);
    Resource listed = instance().build();
    Resource stored = instance().tracking(tracking).build();

    assertThat(listed.tracking()).isNull(); // as a source builds it
    assertThat(stored.tracking()).isEqualTo(tracking);
    assertThat(stored.toBuilder().name("web1b").build().tracking()).isEqualTo(tracking);
    assertThat(stored.asListed()).isEqualTo(listed);
    assertThat(listed.asListed()).isSameAs(listed);
  }

  @Test
  void trackingNeverStartsBeforeTheFirstSighting() {
    Instant first = Instant.parse("2026-10-05T06:00:00Z");
    refused(() -> new Resource.Tracking(null, first, null), "firstSeenAt must not be null");
    refused(() -> new Resource.Tracking(first, null, null), "stateSince must not be null");
    refused(
        () -> new Resource.Tracking(first, first.minusSeconds(1), null),
        "stateSince (2026-10-05T05:59:59Z) is before firstSeenAt (2026-10-05T06:00:00Z)");
    refused(
        () -> new Resource.Tracking(first, first, first.minusSeconds(1)),
        "unattachedSince (2026-10-05T05:59:59Z) is before firstSeenAt");
  }

  @Test
  void optionalPartsHaveDefaults() {
    Resource r = instance().name("").availabilityDomain(" ").spec(null).tags(null).build();
    assertThat(r.name()).isEmpty(); // OCI allows unnamed resources
    assertThat(r.availabilityDomain()).isNull();
    assertThat(r.spec()).isEqualTo(ResourceSpec.EMPTY);
    assertThat(r.tags()).isEmpty();
  }

  @Test
  void knowsItsScopeAndRoundTrips() {
    Resource r = instance().build();
    assertThat(r.scope())
        .isEqualTo(new Scope("us-ashburn-1", "ocid1.compartment.oc1..prod", ResourceType.INSTANCE));
    assertThat(r.scope()).hasToString("instance@us-ashburn-1/ocid1.compartment.oc1..prod");
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(r.spec().ocpus()).isEqualTo(new BigDecimal("2"));
  }

  @Test
  void scopeNamesItsMissingField() {
    refused(() -> new Scope(" ", "c", ResourceType.INSTANCE), "region must not be");
    refused(() -> new Scope("r", null, ResourceType.INSTANCE), "compartmentId must not be");
    refused(() -> new Scope("r", "c", null), "type must not be null");
  }

  @Test
  void specRefusesNegativeAndInconsistentValues() {
    refused(
        () -> ResourceSpec.builder().ocpus(new BigDecimal("-1")).build(),
        "ocpus must not be negative");
    refused(() -> ResourceSpec.builder().memoryGb(new BigDecimal("-0.5")).build(), "memoryGb");
    refused(() -> ResourceSpec.builder().sizeGb(new BigDecimal("-50")).build(), "sizeGb");
    refused(() -> ResourceSpec.builder().vpusPerGb(-10).build(), "vpusPerGb must not be negative");
    refused(
        () -> ResourceSpec.builder().objectCount(-1L).build(), "objectCount must not be negative");
    refused(() -> ResourceSpec.builder().backendCount(-1).build(), "backendCount");
    refused(
        () -> ResourceSpec.builder().bandwidthMinMbps(100).bandwidthMaxMbps(10).build(),
        "bandwidthMinMbps (100) exceeds bandwidthMaxMbps (10)");
    refused(
        () -> ResourceSpec.builder().backendCount(2).healthyBackendCount(3).build(),
        "healthyBackendCount (3) exceeds backendCount (2)");
  }

  @Test
  void specNormalisesNumbersAndBlankText() {
    ResourceSpec spec =
        ResourceSpec.builder()
            .sizeGb(new BigDecimal("100.0"))
            .ocpus(new BigDecimal("0.00"))
            .shape(" ")
            .attachedTo("")
            .build();
    // 100.0 becomes 100, not 1E+2
    assertThat(spec.sizeGb()).isEqualTo(new BigDecimal("100"));
    assertThat(spec.sizeGb().toString()).isEqualTo("100");
    assertThat(spec.ocpus()).isSameAs(BigDecimal.ZERO);
    assertThat(spec.shape()).isNull();
    assertThat(spec.attachedTo()).isNull();
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }

  @ParameterizedTest
  @CsvSource({
    "INSTANCE, instance",
    "BOOT_VOLUME, bootVolume",
    "BOOT_VOLUME_BACKUP, bootVolumeBackup",
    "AUTONOMOUS_DATABASE, autonomousDatabase",
    "LOAD_BALANCER, loadBalancer",
  })
  void resourceTypesHaveStableKeys(ResourceType type, String key) {
    assertThat(type.key()).isEqualTo(key);
    assertThat(ResourceType.parse(key)).isEqualTo(type);
    assertThat(ResourceType.parse(type.name())).isEqualTo(type);
    assertThat(ResourceType.parse(type.name().toLowerCase())).isEqualTo(type);
  }

  @Test
  void unknownResourceTypesAreRefusedWithTheChoices() {
    refused(() -> ResourceType.parse("vm"), "resourceType 'vm' is unknown", "INSTANCE");
    refused(() -> ResourceType.parse(" "), "resourceType must not be null or blank");
  }

  @Test
  void filtersMatchTypeRegionAndCompartment() {
    Resource r = instance().build();
    assertThat(ResourceFilter.ALL.matches(r)).isTrue();
    assertThat(ResourceFilter.ALL.includeDeleted()).isFalse();
    assertThat(ResourceFilter.of(ResourceType.INSTANCE).matches(r)).isTrue();
    assertThat(ResourceFilter.of(ResourceType.BUCKET, ResourceType.BLOCK_VOLUME).matches(r))
        .isFalse();
    assertThat(ResourceFilter.scope(r.scope()).matches(r)).isTrue();
    assertThat(
            ResourceFilter.scope(new Scope("us-ashburn-1", "other", ResourceType.INSTANCE))
                .matches(r))
        .isFalse();
    assertThat(new ResourceFilter(Set.of(), Set.of("eu-frankfurt-1"), Set.of(), false).matches(r))
        .isFalse();
    assertThat(ResourceFilter.ALL.withDeleted().includeDeleted()).isTrue();
    // a repeated type is one type, as for the other varargs factories
    assertThat(ResourceFilter.of(ResourceType.INSTANCE, ResourceType.INSTANCE).types())
        .containsExactly(ResourceType.INSTANCE);
  }
}
