package app.cloudey.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A savings recommendation or cost insight produced by one advisor rule.
 *
 * @param id stable id: the same finding on the same resources keeps its id across runs
 * @param accountId owning account
 * @param ruleId id of the rule that produced it, e.g. {@code idle-instance}
 * @param severity urgency
 * @param title one line
 * @param summary markdown explanation
 * @param resourceIds affected resources (may be empty for account-wide insights)
 * @param monthlySavings estimated saving per month; zero for insights
 * @param basis what the estimate was computed from
 * @param confidence 0 to 1
 * @param evidence the data behind it
 * @param actions what to do
 * @param resourceNames display names of the affected resources by id (those the inventory knows)
 */
public record Recommendation(
    String id,
    AccountId accountId,
    String ruleId,
    Severity severity,
    String title,
    String summary,
    List<String> resourceIds,
    Money monthlySavings,
    SavingsBasis basis,
    double confidence,
    Evidence evidence,
    List<Action> actions,
    Map<String, String> resourceNames) {

  public Recommendation {
    Checks.notBlank(id, "id");
    Checks.notNull(accountId, "accountId");
    Checks.notBlank(ruleId, "ruleId");
    Checks.notNull(severity, "severity");
    Checks.notBlank(title, "title");
    Checks.notNull(summary, "summary");
    resourceIds = Checks.copy(resourceIds, "resourceIds");
    Checks.notNull(monthlySavings, "monthlySavings");
    Checks.require(
        !monthlySavings.isNegative(),
        () -> "monthlySavings must not be negative, was " + monthlySavings);
    Checks.notNull(basis, "basis");
    Checks.require(
        basis != SavingsBasis.NONE || monthlySavings.isZero(),
        "monthlySavings must be zero when basis is NONE");
    Checks.require(
        confidence >= 0 && confidence <= 1,
        () -> "confidence must be between 0 and 1, was " + confidence);
    evidence = evidence == null ? Evidence.NONE : evidence;
    actions = Checks.copy(actions, "actions");
    resourceNames = resourceNames == null ? Map.of() : Map.copyOf(resourceNames);
  }

  /** A recommendation without resource names. */
  public Recommendation(
      String id,
      AccountId accountId,
      String ruleId,
      Severity severity,
      String title,
      String summary,
      List<String> resourceIds,
      Money monthlySavings,
      SavingsBasis basis,
      double confidence,
      Evidence evidence,
      List<Action> actions) {
    this(
        id,
        accountId,
        ruleId,
        severity,
        title,
        summary,
        resourceIds,
        monthlySavings,
        basis,
        confidence,
        evidence,
        actions,
        Map.of());
  }

  /**
   * The stable id of a rule's finding about some resources (or an account-wide key such as a
   * service name): the rule id and a hash of the sorted keys, so the same finding keeps its id
   * across runs whatever order the rule listed them in.
   */
  public static String stableId(String ruleId, Collection<String> keys) {
    Checks.notBlank(ruleId, "ruleId");
    List<String> sorted = new ArrayList<>(Checks.notNull(keys, "keys"));
    Collections.sort(sorted);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(String.join("\n", sorted).getBytes(StandardCharsets.UTF_8));
      return ruleId + ":" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The display name of an affected resource, or its id when unknown. */
  public String resourceName(String resourceId) {
    return resourceNames.getOrDefault(resourceId, resourceId);
  }
}
