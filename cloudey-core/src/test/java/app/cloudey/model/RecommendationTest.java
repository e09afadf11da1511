package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final Evidence EVIDENCE =
      new Evidence(List.of("day", "p95 cpu %"), List.of(List.of("2026-11-01", "1.5")));

  private static Recommendation rec(Money savings, SavingsBasis basis, double confidence) {
    return new Recommendation(
        "idle-instance:web1",
        ACME,
        "idle-instance",
        Severity.HIGH,
        "Stop idle instance web1",
        "P95 CPU 1.5 % over 14 days",
        List.of("ocid1.instance.oc1..web1"),
        savings,
        basis,
        confidence,
        EVIDENCE,
        List.of(new Action("Stop the instance", "Console: Compute > Instances > Stop")));
  }

  @Test
  void acceptsAWellFormedRecommendation() {
    Recommendation r = rec(Money.of("42.10", "USD"), SavingsBasis.BILLED_COST, 0.9);
    assertThat(r.monthlySavings()).isEqualTo(Money.of("42.1", "USD"));
    assertThat(r.evidence().rows()).hasSize(1);
    // an insight: no money, basis NONE
    assertThat(rec(Money.of("0", "USD"), SavingsBasis.NONE, 1).basis())
        .isEqualTo(SavingsBasis.NONE);
    assertThat(rec(Money.of("0", "USD"), SavingsBasis.LIST_PRICE, 0).confidence()).isZero();
  }

  @Test
  void refusesNegativeSavings() {
    refused(
        () -> rec(Money.of("-1", "USD"), SavingsBasis.BILLED_COST, 0.9),
        "monthlySavings must not be negative, was -1.00 USD");
  }

  @Test
  void anInsightHasNoSavings() {
    refused(
        () -> rec(Money.of("5", "USD"), SavingsBasis.NONE, 0.9),
        "monthlySavings must be zero when basis is NONE");
  }

  @Test
  void confidenceIsBetweenZeroAndOne() {
    Money five = Money.of("5", "USD");
    refused(() -> rec(five, SavingsBasis.LIST_PRICE, 1.01), "confidence must be between 0 and 1");
    refused(() -> rec(five, SavingsBasis.LIST_PRICE, -0.1), "confidence must be between 0 and 1");
    refused(() -> rec(five, SavingsBasis.LIST_PRICE, Double.NaN), "confidence must be between");
  }

  @Test
  void namesTheMissingField() {
    Money m = Money.of("1", "USD");
    SavingsBasis b = SavingsBasis.BILLED_COST;
    refused(
        () ->
            new Recommendation(
                " ", ACME, "r", Severity.LOW, "t", "", List.of(), m, b, 1, null, null),
        "id must not be null or blank");
    refused(
        () ->
            new Recommendation(
                "i", null, "r", Severity.LOW, "t", "", List.of(), m, b, 1, null, null),
        "accountId must not be null");
    refused(
        () ->
            new Recommendation(
                "i", ACME, "", Severity.LOW, "t", "", List.of(), m, b, 1, null, null),
        "ruleId must not be null or blank");
    refused(
        () -> new Recommendation("i", ACME, "r", null, "t", "", List.of(), m, b, 1, null, null),
        "severity must not be null");
    refused(
        () ->
            new Recommendation(
                "i", ACME, "r", Severity.LOW, "", "", List.of(), m, b, 1, null, null),
        "title must not be null or blank");
    refused(
        () ->
            new Recommendation(
                "i", ACME, "r", Severity.LOW, "t", null, List.of(), m, b, 1, null, null),
        "summary must not be null");
    refused(
        () ->
            new Recommendation(
                "i", ACME, "r", Severity.LOW, "t", "", List.of(), null, b, 1, null, null),
        "monthlySavings must not be null");
    refused(
        () ->
            new Recommendation(
                "i", ACME, "r", Severity.LOW, "t", "", List.of(), m, null, 1, null, null),
        "basis must not be null");
    Recommendation defaults =
        new Recommendation("i", ACME, "r", Severity.LOW, "t", "", null, m, b, 1, null, null);
    assertThat(defaults.evidence()).isEqualTo(Evidence.NONE);
    assertThat(defaults.actions()).isEmpty();
    assertThat(defaults.resourceIds()).isEmpty();
  }

  @Test
  void evidenceRowsHaveOneCellPerColumn() {
    refused(
        () -> new Evidence(List.of("day", "cpu"), List.of(List.of("a", "b"), List.of("c"))),
        "evidence row 1 has 1 cells but there are 2 columns");
    refused(
        () -> new Evidence(List.of("day"), List.of(List.of("a", "b"))),
        "evidence row 0 has 2 cells but there are 1 columns");
    refused(
        () -> new Evidence(List.of("day"), Arrays.asList(List.of("a"), null)),
        "rows must not contain null");
    refused(
        () -> new Evidence(List.of("day"), List.of(Arrays.asList((String) null))),
        "row must not contain null");
    assertThat(Evidence.NONE.columns()).isEmpty();
  }

  @Test
  void actionsNeedATitle() {
    refused(() -> new Action(" ", "detail"), "title must not be null or blank");
    refused(() -> new Action("Stop", null), "detail must not be null");
    assertThat(new Action("Stop", "").detail()).isEmpty();
  }

  @Test
  void severitiesAreOrderedMostUrgentFirst() {
    assertThat(Severity.values())
        .containsExactly(
            Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO);
  }
}
