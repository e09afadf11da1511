package app.cloudey.spi;

import app.cloudey.CloudeyException;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import java.util.List;
import java.util.Set;

/**
 * Reads one account's inventory. Every method returns a <em>complete</em> listing (all pages) or
 * throws; it never returns a partial or empty list on failure, because the sync engine marks
 * resources absent from a returned listing as deleted. Thread-safe: the engine lists scopes in
 * parallel.
 */
public interface InventorySource {

  /** Subscribed regions, e.g. {@code [us-ashburn-1, eu-frankfurt-1]}, home region first. */
  List<String> regions();

  /**
   * The active compartment tree, root included. The sync engine calls this once at the start of
   * every sync, before any {@link #list(Scope)}: a source may take it as the start of a new pass
   * and keep lookups that span scopes (e.g. OCI volume attachments, which live in the instance's
   * compartment) until the next call.
   */
  List<Compartment> compartments();

  /** The resource types this source can list. */
  Set<ResourceType> resourceTypes();

  /**
   * Types whose scopes wait on lookups shared by many scopes (OCI volumes: their attachments are
   * read in every compartment of the region, once per sync). The sync engine lists these in a lane
   * of their own with its own concurrency, so while they wait the other scopes go on. Empty by
   * default.
   */
  default Set<ResourceType> typesWithSharedLookups() {
    return Set.of();
  }

  /**
   * Lists every resource of one scope, following every page.
   *
   * @throws CloudeyException when any page fails after retries; nothing is returned
   */
  List<Resource> list(Scope scope);
}
