package app.cloudey.internal;

import app.cloudey.model.Recommendation;
import app.cloudey.model.SavingsBasis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link app.cloudey.model.RecommendationRun}'s reconciliation rule: largest saving first
 * (ties: rule id, then id), then the savings priced at zero (free resources) by rule id and id; a
 * recommendation counts when none of its resources is already claimed, else it is superseded by the
 * one that claimed it.
 */
final class Reconciler {
  private Reconciler() {}

  /** Recommendation id -> id of the counted recommendation that supersedes it. */
  static Map<String, String> supersededBy(List<Recommendation> recommendations) {
    List<Recommendation> withSavings = new ArrayList<>();
    List<Recommendation> free = new ArrayList<>();
    for (Recommendation r : recommendations) {
      if (r.resourceIds().isEmpty()) {
        continue;
      }
      if (!r.monthlySavings().isZero()) {
        withSavings.add(r);
      } else if (r.basis() != SavingsBasis.NONE) {
        free.add(r); // priced at zero: the resource costs nothing today
      }
    }
    // amounts of different currencies are compared by number: one account bills in one currency
    withSavings.sort(
        Comparator.comparing((Recommendation r) -> r.monthlySavings().amount())
            .reversed()
            .thenComparing(Recommendation::ruleId)
            .thenComparing(Recommendation::id));
    // then the zero savings, so one free resource found by several rules counts once
    free.sort(Comparator.comparing(Recommendation::ruleId).thenComparing(Recommendation::id));
    withSavings.addAll(free);
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
