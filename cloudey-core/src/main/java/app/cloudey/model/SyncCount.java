package app.cloudey.model;

import java.util.Comparator;

/**
 * What one sync did to one resource type in one region.
 *
 * @param type resource type
 * @param region region
 * @param created resources seen for the first time (or again after being deleted)
 * @param updated resources whose stored state changed
 * @param deleted resources absent from a completed listing, now marked deleted
 * @param unchanged resources listed exactly as stored
 */
public record SyncCount(
    ResourceType type, String region, int created, int updated, int deleted, int unchanged) {
  /** The order of {@link SyncRun#counts()}: by type, then region. */
  public static final Comparator<SyncCount> BY_TYPE_AND_REGION =
      Comparator.comparing(SyncCount::type).thenComparing(SyncCount::region);

  public SyncCount {
    Checks.notNull(type, "type");
    Checks.notBlank(region, "region");
    Checks.notNegative(created, "created");
    Checks.notNegative(updated, "updated");
    Checks.notNegative(deleted, "deleted");
    Checks.notNegative(unchanged, "unchanged");
  }

  /** Resources present after the sync. */
  public int seen() {
    return created + updated + unchanged;
  }

  public SyncCount plus(SyncCount other) {
    Checks.require(
        type == other.type && region.equals(other.region),
        "cannot add counts of " + type + "@" + region + " and " + other.type + "@" + other.region);
    return new SyncCount(
        type,
        region,
        created + other.created,
        updated + other.updated,
        deleted + other.deleted,
        unchanged + other.unchanged);
  }
}
