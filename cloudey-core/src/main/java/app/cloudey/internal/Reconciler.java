package app.cloudey.internal;

import app.cloudey.model.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link app.cloudey.model.RecommendationRun}'s reconciliation rule: largest saving first
 * (ties: rule id, then id), a recommendation counts when none of its resources is already claimed,
 * else it is superseded by the one that claimed it.
 */
final class Reconciler {
  private Reconciler() {}

  /** Recommendation id -> id of the counted recommendation that supersedes it. */
  static Map<String, String> supersededBy(List<Recommendation> recommendations) {
    List<Recommendation> withSavings = new ArrayList<>();
    for (Recommendation r : recommendations) {
      if (!r.monthlySavings().isZero() && !r.resourceIds().isEmpty()) {
        withSavings.add(r);
      }
    }
    // amounts of different currencies are compared by number: one account bills in one currency
    withSavings.sort(
        Comparator.comparing((Recommendation r) -> r.monthlySavings().amount())
            .reversed()
            .thenComparing(Recommendation::ruleId)
            .thenComparing(Recommendation::id));
    Map<String, String> claimedBy = new HashMap<>();
    Map<String, String> superseded = new LinkedHashMap<>();
    for (Recommendation r : withSavings) {
      String claimant = null;
      for (String resource : r.resourceIds()) {
        claimant = claimedBy.get(resource);
        if (claimant != null) {
          break;
        }
      }
      if (claimant != null) {
        superseded.put(r.id(), claimant);
      } else {
        r.resourceIds().forEach(resource -> claimedBy.put(resource, r.id()));
      }
    }
    return superseded;
  }
}
