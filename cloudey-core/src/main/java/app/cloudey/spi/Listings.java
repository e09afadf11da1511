package app.cloudey.spi;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks an {@link InventoryStore} runs on a listing before writing any of it, so every store
 * refuses the same bad input with the same message and writes nothing; and the {@link
 * Resource.Tracking} it writes, so every store tracks resources the same way.
 */
public final class Listings {
  private Listings() {}

  /**
   * Every compartment belongs to the account and appears once.
   *
   * @return the compartments by id, in listing order
   * @throws CloudeyConfigException naming the first offending compartment
   */
  public static Map<String, Compartment> compartments(
      AccountId accountId, List<Compartment> compartments) {
    Map<String, Compartment> byId = new LinkedHashMap<>();
    for (Compartment compartment : compartments) {
      if (compartment == null) {
        throw new CloudeyConfigException("compartments must not contain null; nothing was written");
      }
      if (!compartment.accountId().equals(accountId)) {
        throw foreign("compartment " + compartment.id(), compartment.accountId(), accountId);
      }
      if (byId.putIfAbsent(compartment.id(), compartment) != null) {
        throw new CloudeyConfigException(
            "compartment "
                + compartment.id()
                + " is listed twice: each id may appear once; nothing was written");
      }
    }
    return Collections.unmodifiableMap(byId);
  }

  /**
   * Every resource belongs to the account and to the scope being replaced, and appears once.
   *
   * @return the resources by id, in listing order
   * @throws CloudeyConfigException naming the first offending resource
   */
  public static Map<String, Resource> scope(
      AccountId accountId, Scope scope, List<Resource> listed) {
    Map<String, Resource> byId = new LinkedHashMap<>();
    for (Resource resource : listed) {
      if (resource == null) {
        throw new CloudeyConfigException("listed must not contain null; nothing was written");
      }
      if (!resource.accountId().equals(accountId)) {
        throw foreign("resource " + resource.id(), resource.accountId(), accountId);
      }
      if (!resource.scope().equals(scope)) {
        throw new CloudeyConfigException(
            "resource "
                + resource.id()
                + " is in scope "
                + resource.scope()
                + ", not in the scope being replaced ("
                + scope
                + "); nothing was written");
      }
      if (byId.putIfAbsent(resource.id(), resource) != null) {
        throw new CloudeyConfigException(
            "resource "
                + resource.id()
                + " is listed twice in scope "
                + scope
                + ": each id may appear once; nothing was written");
      }
    }
    return Collections.unmodifiableMap(byId);
  }

  /**
   * A listed resource as a store writes it: the listing's own tracking replaced by the store's.
   *
   * @param listed the resource as listed (any tracking it carries is ignored)
   * @param stored the stored resource with that id, live or deleted; null if there is none
   * @param storedDeleted whether {@code stored} is marked deleted
   * @param seenAt when the listing was made
   */
  public static Resource tracked(
      Resource listed, @Nullable Resource stored, boolean storedDeleted, Instant seenAt) {
    Resource.Tracking before = stored == null ? null : stored.tracking();
    Instant firstSeenAt = before == null ? seenAt : before.firstSeenAt();
    // back after a deletion: whatever happened meanwhile was not seen, so its state starts now
    boolean continuous = before != null && !storedDeleted;
    Instant stateSince =
        continuous && stored.lifecycleState().equals(listed.lifecycleState())
            ? before.stateSince()
            : seenAt;
    Instant unattachedSince = null;
    boolean volume =
        listed.type() == ResourceType.BLOCK_VOLUME || listed.type() == ResourceType.BOOT_VOLUME;
    if (volume && listed.spec().attachedTo() == null) {
      unattachedSince =
          continuous && before.unattachedSince() != null ? before.unattachedSince() : seenAt;
    }
    return listed.toBuilder()
        .tracking(new Resource.Tracking(firstSeenAt, stateSince, unattachedSince))
        .build();
  }

  private static CloudeyConfigException foreign(String what, AccountId actual, AccountId expected) {
    return new CloudeyConfigException(
        what
            + " belongs to account '"
            + actual
            + "', not '"
            + expected
            + "': a listing may only hold the account's own records; nothing was written");
  }
}
