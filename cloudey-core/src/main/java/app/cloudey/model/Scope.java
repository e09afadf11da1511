package app.cloudey.model;

/**
 * The unit of inventory sync: one resource type in one compartment of one region. A scope is listed
 * completely or not at all; only a completed listing may mark absent resources deleted.
 */
public record Scope(String region, String compartmentId, ResourceType type) {
  public Scope {
    Checks.notBlank(region, "region");
    Checks.notBlank(compartmentId, "compartmentId");
    Checks.notNull(type, "type");
  }

  @Override
  public String toString() {
    return type.key() + "@" + region + "/" + compartmentId;
  }
}
