package app.cloudey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.model.CostRow;
import app.cloudey.model.LabeledCost;
import app.cloudey.model.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule of what a top-N list leaves out ({@link ViewMath#rest}), by hand. */
class ViewMathTest {

  private static BigDecimal d(String amount) {
    return new BigDecimal(amount);
  }

  private static List<BigDecimal> amounts(String... amounts) {
    return java.util.Arrays.stream(amounts).map(BigDecimal::new).toList();
  }

  @Test
  void withoutNegativesLeftOutTheRestIsOneOthersRow() {
    // total 100, listed 90, left out 6 + 4: others 10, no credits row
    ViewMath.Rest rest = ViewMath.rest(d("100"), d("90"), amounts("6", "4"));
    assertThat(rest.others()).isEqualByComparingTo("10");
    assertThat(rest.credits()).isNull();
    assertThat(rest.rows().keySet()).containsExactly(LabeledCost.OTHERS);
  }

  @Test
  void negativesLeftOutAreACreditsRowAndOthersStaysPositive() {
    // total 57.08, listed 90, left out 7.08 and -40: the old single row read 57.08 - 90 = -32.92;
    // now others 57.08 - 90 - (-40) = 7.08 and credits -40: 90 + 7.08 - 40 = 57.08
    ViewMath.Rest rest = ViewMath.rest(d("57.08"), d("90"), amounts("7.08", "-40"));
    assertThat(rest.others()).isEqualByComparingTo("7.08");
    assertThat(rest.credits()).isEqualByComparingTo("-40");
    assertThat(rest.rows().keySet()).containsExactly(LabeledCost.OTHERS, LabeledCost.CREDITS);
    assertThat(d("90").add(rest.others()).add(rest.credits())).isEqualByComparingTo("57.08");
  }

  @Test
  void onlyNegativesLeftOutGiveOnlyACreditsRow() {
    // total 85, listed 90, left out -3 and -2: credits -5, no others row (nothing positive)
    ViewMath.Rest rest = ViewMath.rest(d("85"), d("90"), amounts("-3", "-2"));
    assertThat(rest.others()).isNull();
    assertThat(rest.credits()).isEqualByComparingTo("-5");
    assertThat(rest.rows().keySet()).containsExactly(LabeledCost.CREDITS);
  }

  /**
   * The rule from a store's sums ({@link app.cloudey.model.CostRest}) is the rule from the rows:
   * the same cases as above, each summed the way {@link app.cloudey.model.TopCostRows#of} does.
   */
  @Test
  void theRestFromAStoresSumsIsTheRestFromTheRows() {
    // (total, listed, left-out amounts) of the cases above, plus a zero row beside a credit
    List<List<String>> cases =
        List.of(
            List.of("100", "90", "6", "4"),
            List.of("57.08", "90", "7.08", "-40"),
            List.of("85", "90", "-3", "-2"),
            List.of("90", "90"),
            List.of("90", "90", "0.00"),
            List.of("89", "90", "0", "-1"));
    for (List<String> c : cases) {
      List<CostRow> leftOut =
          c.subList(2, c.size()).stream()
              .map(a -> new CostRow(List.of("k" + a), Money.of(a, "USD")))
              .toList();
      List<app.cloudey.model.CostRest> summed = restOf(leftOut);
      ViewMath.Rest fromRows =
          ViewMath.rest(
              d(c.get(0)), d(c.get(1)), amounts(c.subList(2, c.size()).toArray(String[]::new)));
      ViewMath.Rest fromSums =
          ViewMath.rest(d(c.get(0)), d(c.get(1)), summed.isEmpty() ? null : summed.get(0));
      assertThat(fromSums.rows()).as(c.toString()).isEqualTo(fromRows.rows());
    }
    // left out a zero row and a credit of -1: others 89 - 90 - (-1) = 0 (the zero row), credits -1
    ViewMath.Rest last =
        ViewMath.rest(d("89"), d("90"), restOf(List.of(row("0"), row("-1"))).get(0));
    assertThat(last.others()).isEqualByComparingTo("0");
    assertThat(last.credits()).isEqualByComparingTo("-1");
  }

  private static CostRow row(String usd) {
    return new CostRow(List.of("k" + usd), Money.of(usd, "USD"));
  }

  /** The sums of rows all left out: a listed first row of 1000 USD, cut after it. */
  private static List<app.cloudey.model.CostRest> restOf(List<CostRow> leftOut) {
    List<CostRow> all = new java.util.ArrayList<>();
    all.add(new CostRow(List.of("listed"), Money.of("1000", "USD")));
    all.addAll(leftOut);
    return app.cloudey.model.TopCostRows.of(all, 1).rest();
  }

  @Test
  void nothingLeftOutGivesNoRowAndAZeroRowLeftOutIsAnOthersRow() {
    assertThat(ViewMath.rest(d("90"), d("90"), List.of()).rows()).isEmpty();
    // a left-out row of 0.00 is not negative: an others row of 0
    ViewMath.Rest zero = ViewMath.rest(d("90"), d("90"), amounts("0.00"));
    assertThat(zero.rows().keySet()).containsExactly(LabeledCost.OTHERS);
    assertThat(zero.others()).isEqualByComparingTo("0");
  }

  @Test
  void topWithOthersAddsUpToTheTotalToTheCent() {
    // services 50, 30, 12.50 (top 2 listed), 7.08 and -40.00 left out; total 59.58
    List<CostRow> rows =
        List.of(
            row("A", "50"), row("B", "30"), row("C", "12.50"), row("D", "7.08"), row("E", "-40"));
    Money total = Money.of("59.58", "USD");
    List<LabeledCost> top = ViewMath.topWithOthers(rows, 2, total, k -> k);
    // others 12.50 + 7.08 = 19.58 (59.58 - 80 + 40), share 19.58 / 59.58 = 32.86 -> 32.9;
    // credits -40, share -67.14 -> -67.1
    assertThat(top)
        .containsExactly(
            new LabeledCost("A", "A", Money.of("50", "USD"), d("83.9")),
            new LabeledCost("B", "B", Money.of("30", "USD"), d("50.4")),
            new LabeledCost(
                LabeledCost.OTHERS, LabeledCost.OTHERS, Money.of("19.58", "USD"), d("32.9")),
            new LabeledCost(
                LabeledCost.CREDITS, LabeledCost.CREDITS, Money.of("-40", "USD"), d("-67.1")));
    BigDecimal sum = BigDecimal.ZERO;
    for (LabeledCost c : top) {
      sum = sum.add(c.cost().amount());
    }
    assertThat(sum).isEqualByComparingTo("59.58");
  }

  private static CostRow row(String key, String usd) {
    return new CostRow(List.of(key), Money.of(usd, "USD"));
  }

  @Test
  void dayKeysReadAsLocalDateParseReadsThem() {
    for (String key : new String[] {"2026-12-01", "2024-02-29", "0001-01-01", "9999-12-31"}) {
      assertThat(ViewMath.day(key)).isEqualTo(java.time.LocalDate.parse(key));
    }
    for (String bad : new String[] {"2026-02-30", "2026-13-01", "2026-1-01", "2026/12/01", ""}) {
      assertThatThrownBy(() -> ViewMath.day(bad))
          .as(bad)
          .isInstanceOf(java.time.format.DateTimeParseException.class);
    }
  }
}
