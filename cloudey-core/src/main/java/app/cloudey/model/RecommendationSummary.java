package app.cloudey.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's summary of the account's saved recommendations: how many per severity, the
 * monthly savings they offer per currency, and the first few. {@link #empty()} until recommendation
 * snapshots are stored (the advisor issue fills it).
 *
 * @param total recommendations counted
 * @param bySeverity one count per {@link Severity}, most severe first (zeros included)
 * @param monthlySavings the sum of their monthly savings, one per currency, by currency code
 * @param top the first {@value #TOP} recommendations, most severe first, then largest saving
 */
public record RecommendationSummary(
    int total,
    List<RecommendationSummary.SeverityCount> bySeverity,
    List<Money> monthlySavings,
    List<RecommendationSummary.Brief> top) {
  /** How many recommendations {@link #top} lists. */
  public static final int TOP = 3;

  public RecommendationSummary {
    Checks.notNegative(total, "total");
    bySeverity = Checks.copy(bySeverity, "bySeverity");
    monthlySavings = Checks.copy(monthlySavings, "monthlySavings");
    top = Checks.copy(top, "top");
  }

  /** No recommendations: every severity counted 0, no savings. */
  public static RecommendationSummary empty() {
    return of(List.of());
  }

  /** The summary of these recommendations. */
  public static RecommendationSummary of(List<Recommendation> recommendations) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    Map<String, Money> savings = new TreeMap<>();
    for (Recommendation r : recommendations) {
      counts.merge(r.severity(), 1, Integer::sum);
      savings.merge(
          r.monthlySavings().currency().getCurrencyCode(), r.monthlySavings(), Money::plus);
    }
    List<SeverityCount> bySeverity = new ArrayList<>();
    counts.forEach((s, n) -> bySeverity.add(new SeverityCount(s, n)));
    List<Brief> top =
        recommendations.stream()
            .sorted(
                Comparator.comparing(Recommendation::severity)
                    .thenComparing(r -> r.monthlySavings().amount(), Comparator.reverseOrder()))
            .limit(TOP)
            .map(r -> new Brief(r.id(), r.title(), r.severity(), r.monthlySavings()))
            .toList();
    return new RecommendationSummary(
        recommendations.size(), bySeverity, List.copyOf(savings.values()), top);
  }

  /**
   * Recommendations of one severity.
   *
   * @param severity the severity
   * @param count how many
   */
  public record SeverityCount(Severity severity, int count) {
    public SeverityCount {
      Checks.notNull(severity, "severity");
      Checks.notNegative(count, "count");
    }
  }

  /**
   * One recommendation in brief.
   *
   * @param id its stable id
   * @param title its title
   * @param severity its severity
   * @param monthlySavings what it saves a month
   */
  public record Brief(String id, String title, Severity severity, Money monthlySavings) {
    public Brief {
      Checks.notBlank(id, "id");
      Checks.notBlank(title, "title");
      Checks.notNull(severity, "severity");
      Checks.notNull(monthlySavings, "monthlySavings");
    }
  }
}
