package app.cloudey.testkit.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.advisor.CostAnomalyRule;
import app.cloudey.advisor.CostTrendRule;
import app.cloudey.advisor.ServiceConcentrationRule;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Golden scenarios of the account-wide insights (no savings). Today is 2026-11-15. */
class InsightRulesGoldenTest {
  private GoldenTenancy t;

  @BeforeEach
  void open() {
    t = new GoldenTenancy();
  }

  @AfterEach
  void close() {
    t.close();
  }

  private RecommendationRun run() {
    return t.cloudey(
            List.of(new CostAnomalyRule(), new CostTrendRule(), new ServiceConcentrationRule()))
        .recommendations()
        .run();
  }

  private List<Recommendation> of(RecommendationRun run, String rule) {
    return run.recommendations().stream().filter(r -> r.ruleId().equals(rule)).toList();
  }

  @Test
  void aDailySpikeAboveMeanPlusThreeSigmaIsAnAnomaly() {
    // COMPUTE: 10.00 a day for 29 days (10-16..11-13), then 40.00 on 11-14: the 28-day baseline
    // before 11-14 is 10.00 with sigma 0, and 40 > 10 + 3 x 0 and 40 - 10 >= 10 -> anomaly.
    // STORAGE: 1.00 a day, then 5.00 on 11-14: above 3 sigma but only 4.00 more: no anomaly.
    t.bill("x", "COMPUTE", "A", "h", GoldenTenancy.COST_START, 29, "10.00");
    t.bill("x", "COMPUTE", "A", "h", LocalDate.of(2026, 11, 14), 1, "40.00");
    t.bill("y", "STORAGE", "B", "h", GoldenTenancy.COST_START, 29, "1.00");
    t.bill("y", "STORAGE", "B", "h", LocalDate.of(2026, 11, 14), 1, "5.00");
    RecommendationRun run = run();
    List<Recommendation> anomalies = of(run, CostAnomalyRule.ID);
    assertThat(anomalies)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.title()).isEqualTo("COMPUTE cost spiked on 2026-11-14");
              assertThat(a.basis()).isEqualTo(SavingsBasis.NONE);
              assertThat(a.monthlySavings().isZero()).isTrue();
              assertThat(a.evidence().rows())
                  .containsExactly(List.of("COMPUTE", "2026-11-14", "40.00", "10.00", "0"));
            });
    assertThat(run.totalMonthlySavings()).isEmpty();
  }

  @Test
  void monthOverMonthChangeAbove20PercentIsATrendAndAServiceAbove60PercentIsConcentrated() {
    // September: COMPUTE 30 x 2.00 = 60.00, STORAGE 30 x 1.00 = 30.00 -> 90.00
    // October: COMPUTE 31 x 3.00 = 93.00, STORAGE 31 x 1.00 = 31.00 -> 124.00
    // change = (124 - 90) / 90 = 37.8 % > 20 %; COMPUTE share of October = 93 / 124 = 75.0 % > 60 %
    t.bill("x", "COMPUTE", "A", "h", LocalDate.of(2026, 9, 1), 30, "2.00");
    t.bill("y", "STORAGE", "B", "h", LocalDate.of(2026, 9, 1), 30, "1.00");
    t.bill("x", "COMPUTE", "A", "h", LocalDate.of(2026, 10, 1), 31, "3.00");
    t.bill("y", "STORAGE", "B", "h", LocalDate.of(2026, 10, 1), 31, "1.00");
    RecommendationRun run = run();
    assertThat(of(run, CostTrendRule.ID))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.title()).isEqualTo("Costs rose 37.8 % in 2026-10");
              assertThat(r.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(r.evidence().rows().get(0))
                  .containsExactly("COMPUTE", "60.00", "93.00", "33.00");
            });
    assertThat(of(run, ServiceConcentrationRule.ID))
        .singleElement()
        .satisfies(r -> assertThat(r.title()).isEqualTo("COMPUTE is 75.0 % of 2026-10's cost"));
  }

  @Test
  void steadyCostsGiveNoInsight() {
    // 1.00 a day on two services from 09-01 to 11-14: no spike, ~3 % change, 50 % shares
    t.bill("x", "COMPUTE", "A", "h", LocalDate.of(2026, 9, 1), 75, "1.00");
    t.bill("y", "STORAGE", "B", "h", LocalDate.of(2026, 9, 1), 75, "1.00");
    assertThat(run().recommendations()).isEmpty();
  }
}
