package app.cloudey.model;

import org.jspecify.annotations.Nullable;

/**
 * A node of the account's compartment tree. The tenancy root is a compartment whose {@code
 * parentId} is null.
 *
 * @param accountId owning account
 * @param id provider id (an OCID for OCI)
 * @param parentId parent compartment id, null for the root
 * @param name compartment name
 * @param path names from the root down, separated by {@code /}, e.g. {@code root/prod/web}
 * @param lifecycleState provider lifecycle state, e.g. {@code ACTIVE}
 */
public record Compartment(
    AccountId accountId,
    String id,
    @Nullable String parentId,
    String name,
    String path,
    String lifecycleState) {
  public Compartment {
    Checks.notNull(accountId, "accountId");
    Checks.notBlank(id, "id");
    parentId = Checks.blankToNull(parentId);
    Checks.notBlank(name, "name");
    Checks.notBlank(path, "path");
    Checks.notBlank(lifecycleState, "lifecycleState");
    Checks.require(!id.equals(parentId), () -> "compartment " + id + " cannot be its own parent");
  }

  public boolean isRoot() {
    return parentId == null;
  }
}
