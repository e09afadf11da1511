package app.cloudey.model;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One cloud resource as last listed by an inventory sync.
 *
 * @param accountId owning account
 * @param provider provider id, e.g. {@code oci}
 * @param type resource type
 * @param id provider id (an OCID for OCI); unique within the account
 * @param name display name
 * @param region region the resource lives in
 * @param availabilityDomain availability domain, null for regional resources
 * @param compartmentId compartment holding the resource
 * @param lifecycleState provider lifecycle state, e.g. {@code RUNNING}, {@code STOPPED}
 * @param timeCreated when the provider created it, if reported
 * @param tags freeform and defined tags flattened to {@code key -> value} ({@code ns.key} for
 *     defined)
 * @param spec typed attributes read by engines and rules
 * @param attributes further provider attributes kept verbatim (e.g. fault domain)
 * @param tracking what the inventory sync observed over time; filled by the store on write and
 *     returned on read, null on a resource built by a source (sources cannot know it)
 */
public record Resource(
    AccountId accountId,
    String provider,
    ResourceType type,
    String id,
    String name,
    String region,
    @Nullable String availabilityDomain,
    String compartmentId,
    String lifecycleState,
    @Nullable Instant timeCreated,
    Map<String, String> tags,
    ResourceSpec spec,
    Map<String, String> attributes,
    @Nullable Tracking tracking) {

  public Resource {
    Checks.notNull(accountId, "accountId");
    Checks.notBlank(provider, "provider");
    Checks.notNull(type, "type");
    Checks.notBlank(id, "id");
    Checks.notNull(name, "name");
    Checks.notBlank(region, "region");
    availabilityDomain = Checks.blankToNull(availabilityDomain);
    Checks.notBlank(compartmentId, "compartmentId");
    Checks.notBlank(lifecycleState, "lifecycleState");
    tags = Checks.copy(tags, "tags");
    spec = spec == null ? ResourceSpec.EMPTY : spec;
    attributes = Checks.copy(attributes, "attributes");
  }

  /**
   * What the inventory sync observed about a resource over time, as a store records it. Sources do
   * not know it: a store ignores the tracking of the resources it is given and computes its own.
   *
   * @param firstSeenAt when a sync first listed the resource (kept if it is deleted and comes back)
   * @param stateSince since when syncs have listed it in its current {@link #lifecycleState()}: its
   *     first listing, the listing that saw the state change, or the one that saw it come back
   *     after it was deleted
   * @param unattachedSince for block and boot volumes without an attachment ({@link
   *     ResourceSpec#attachedTo()} null), since when syncs have listed it so; null otherwise
   */
  public record Tracking(
      Instant firstSeenAt, Instant stateSince, @Nullable Instant unattachedSince) {
    public Tracking {
      Checks.notNull(firstSeenAt, "firstSeenAt");
      Checks.notNull(stateSince, "stateSince");
      Checks.require(
          !stateSince.isBefore(firstSeenAt),
          () -> "stateSince (" + stateSince + ") is before firstSeenAt (" + firstSeenAt + ")");
      Checks.require(
          unattachedSince == null || !unattachedSince.isBefore(firstSeenAt),
          () ->
              "unattachedSince ("
                  + unattachedSince
                  + ") is before firstSeenAt ("
                  + firstSeenAt
                  + ")");
    }
  }

  /** This resource as a source lists it: without the store's {@link #tracking()}. */
  public Resource asListed() {
    return tracking == null ? this : toBuilder().tracking(null).build();
  }

  /** The sync scope this resource belongs to. */
  public Scope scope() {
    return new Scope(region, compartmentId, type);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .accountId(accountId)
        .provider(provider)
        .type(type)
        .id(id)
        .name(name)
        .region(region)
        .availabilityDomain(availabilityDomain)
        .compartmentId(compartmentId)
        .lifecycleState(lifecycleState)
        .timeCreated(timeCreated)
        .tags(tags)
        .spec(spec)
        .attributes(attributes)
        .tracking(tracking);
  }

  /** Builder for {@link Resource}; validation happens in {@link #build()}. */
  public static final class Builder {
    private @Nullable AccountId accountId;
    private @Nullable String provider;
    private @Nullable ResourceType type;
    private @Nullable String id;
    private String name = "";
    private @Nullable String region;
    private @Nullable String availabilityDomain;
    private @Nullable String compartmentId;
    private @Nullable String lifecycleState;
    private @Nullable Instant timeCreated;
    private Map<String, String> tags = Map.of();
    private ResourceSpec spec = ResourceSpec.EMPTY;
    private Map<String, String> attributes = Map.of();
    private @Nullable Tracking tracking;

    private Builder() {}

    public Builder accountId(AccountId accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder provider(String provider) {
      this.provider = provider;
      return this;
    }

    public Builder type(ResourceType type) {
      this.type = type;
      return this;
    }

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder availabilityDomain(@Nullable String availabilityDomain) {
      this.availabilityDomain = availabilityDomain;
      return this;
    }

    public Builder compartmentId(String compartmentId) {
      this.compartmentId = compartmentId;
      return this;
    }

    public Builder lifecycleState(String lifecycleState) {
      this.lifecycleState = lifecycleState;
      return this;
    }

    public Builder timeCreated(@Nullable Instant timeCreated) {
      this.timeCreated = timeCreated;
      return this;
    }

    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder spec(ResourceSpec spec) {
      this.spec = spec;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    /** Set by stores only; sources leave it null. */
    public Builder tracking(@Nullable Tracking tracking) {
      this.tracking = tracking;
      return this;
    }

    @SuppressWarnings("NullAway") // the record constructor reports missing fields by name
    public Resource build() {
      return new Resource(
          accountId,
          provider,
          type,
          id,
          name,
          region,
          availabilityDomain,
          compartmentId,
          lifecycleState,
          timeCreated,
          tags,
          spec,
          attributes,
          tracking);
    }
  }
}
