package app.cloudey.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The summary's counts agree with its total: a recommendation the reconciliation supersedes is not
 * counted by severity (its saving is not in the total either), and is counted apart.
 */
class RecommendationSummaryTest {
  private static final AccountId ACME = AccountId.of("acme");

  private static Recommendation rec(String rule, Severity severity, String resource, String usd) {
    return new Recommendation(
        Recommendation.stableId(rule, List.of(resource)),
        ACME,
        rule,
        severity,
        rule + " " + resource,
        "",
        List.of(resource),
        Money.of(usd, "USD"),
        SavingsBasis.BILLED_COST,
        0.9,
        new Evidence(List.of(), List.of()),
        List.of());
  }

  @Test
  void countsOnlyTheRecommendationsThatStandAsTheTotalDoes() {
    // i1: idle (HIGH, 100.00) supersedes scheduling (HIGH, 65.00) and rightsizing (MEDIUM,
    // 40.00); v1: unattached volume (LOW, 5.25). Total = 100.00 + 5.25 = 105.25: it counts
    // idle and the volume, so the counts are HIGH 1, LOW 1 (not HIGH 2, MEDIUM 1, LOW 1) and
    // 2 superseded; 2 standing + 2 superseded = the run's 4 recommendations
    Recommendation idle = rec("idle", Severity.HIGH, "i1", "100.00");
    Recommendation schedule = rec("schedule", Severity.HIGH, "i1", "65.00");
    Recommendation rightsize = rec("rightsize", Severity.MEDIUM, "i1", "40.00");
    Recommendation volume = rec("volume", Severity.LOW, "v1", "5.25");
    RecommendationRun run =
        new RecommendationRun(
            "run-1",
            ACME,
            Instant.parse("2026-11-15T12:00:00Z"),
            List.of(idle, schedule, volume, rightsize),
            List.of(),
            Map.of(schedule.id(), idle.id(), rightsize.id(), idle.id()));

    RecommendationSummary s = RecommendationSummary.of(ACME, run, List.of());

    assertThat(s.monthlySavings()).containsExactly(Money.of("105.25", "USD"));
    assertThat(s.countBySeverity())
        .containsEntry(Severity.HIGH, 1)
        .containsEntry(Severity.MEDIUM, 0)
        .containsEntry(Severity.LOW, 1)
        .containsEntry(Severity.CRITICAL, 0)
        .containsEntry(Severity.INFO, 0);
    assertThat(s.total()).isEqualTo(2);
    assertThat(s.supersededCount()).isEqualTo(2);
    assertThat(s.total() + s.supersededCount()).isEqualTo(run.recommendations().size());
  }

  @Test
  void withoutARunEveryCountIsZero() {
    RecommendationSummary s = RecommendationSummary.none(ACME);
    assertThat(s.total()).isZero();
    assertThat(s.supersededCount()).isZero();
    assertThat(s.countBySeverity()).hasSize(Severity.values().length);
  }
}
