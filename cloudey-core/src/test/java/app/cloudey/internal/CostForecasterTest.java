package app.cloudey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.Forecast;
import app.cloudey.model.Period;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Golden forecasts, each computed by hand in its comment. November 2026 starts on a Sunday. */
class CostForecasterTest {
  static final LocalDate NOV_10 = LocalDate.of(2026, 11, 10);

  /** {@code days} days ending the day before {@code asOf}, cost by day. */
  private static Map<LocalDate, BigDecimal> history(
      LocalDate asOf, int days, Function<LocalDate, String> cost) {
    Map<LocalDate, BigDecimal> map = new TreeMap<>();
    for (LocalDate d = asOf.minusDays(days); d.isBefore(asOf); d = d.plusDays(1)) {
      map.put(d, new BigDecimal(cost.apply(d)));
    }
    return map;
  }

  private static void assertAmounts(
      Forecast f, String actual, String total, String low, String high) {
    assertThat(f.actualToDate()).isEqualByComparingTo(actual);
    assertThat(f.total()).isEqualByComparingTo(total);
    assertThat(f.low()).isEqualByComparingTo(low);
    assertThat(f.high()).isEqualByComparingTo(high);
    assertThat(f.total().scale()).isEqualTo(2);
  }

  @Test
  void flatHistoryRunsAtItsRate() {
    // 28 days of 100: factors 1, level 100, no trend. Nov 1-9 known: 900; Nov 10-30, 21 days:
    // 2,100; total 3,000. The residuals are 0, so is the range.
    Forecast f = CostForecaster.toMonthEnd(history(NOV_10, 28, d -> "100"), NOV_10, "usd");
    assertAmounts(f, "900", "3000", "3000", "3000");
    assertThat(f.horizon()).isEqualTo(Forecast.Horizon.MONTH);
    assertThat(f.period()).isEqualTo(Period.month(2026, 11));
    assertThat(f.asOf()).isEqualTo(NOV_10);
    assertThat(f.currency()).isEqualTo("USD");
    assertThat(f.method()).isEqualTo(CostForecaster.METHOD);
    assertThat(f.historyDays()).isEqualTo(28);
  }

  @Test
  void weekendsAreForecastAtTheirOwnRate() {
    // weekdays 100, weekends 50: each day / its centred week's mean (600/7) gives 7/6 on weekdays
    // and 7/12 on weekends, which average 1 over a week; deseasonalised every day is 600/7, so
    // the forecast is 100 per weekday and 50 per weekend day.
    // Known Nov 1-9: Sun 50, Mon-Fri 500, Sat 50, Sun 50, Mon 100 = 750.
    // Nov 10-30: 15 weekdays (Tue 10-Fri 13: 4, 16-20: 5, 23-27: 5, Mon 30: 1) = 1,500 and 6
    // weekend days = 300: 1,800. Total 2,550 (the naive run rate says 750 / 9 × 30 = 2,500).
    Forecast f =
        CostForecaster.toMonthEnd(
            history(NOV_10, 28, d -> weekend(d) ? "50" : "100"), NOV_10, "USD");
    assertAmounts(f, "750", "2550", "2550", "2550");
  }

  private static boolean weekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  @Test
  void aTrendIsExtrapolated() {
    // day t of the window (t = 0 on Oct 13 ... 27 on Nov 9) costs 100 + t. A centred week's mean
    // is its middle day's cost: factors 1. Level: the last 7 days (121-127) without the highest
    // and lowest: mean of 122-126 = 124, at t = 24. Theil-Sen slope 1. So day t costs 100 + t.
    // Known Nov 1-9 (t = 19-27): 9 × 100 + (19 + 27) × 9 / 2 = 1,107.
    // Nov 10-30 (t = 28-48): 21 × 100 + (28 + 48) × 21 / 2 = 2,898. Total 4,005.
    LocalDate first = NOV_10.minusDays(28);
    Forecast f =
        CostForecaster.toMonthEnd(
            history(NOV_10, 28, d -> String.valueOf(100 + d.toEpochDay() - first.toEpochDay())),
            NOV_10,
            "USD");
    assertAmounts(f, "1107", "4005", "4005", "4005");
  }

  @Test
  void theRangeComesFromBackForecastsOfTheHistory() {
    // 60 days (Sep 21-Nov 19) of 100, except 200 on Nov 19, the last known day (t = 59).
    // Now, Nov 20: factors 1 (the only week touching t = 59 gives one ratio 0.875, not the
    // median), level 100 (the 200 is trimmed), Theil-Sen slope 0 (27 positive pairs of 378):
    // Nov 20-30 = 11 × 100; known Nov 1-19 = 18 × 100 + 200 = 2,000; total 3,100.
    // Range: 14 back-forecasts of 11 days from t = 36 ... 49, each from the 28 days before it
    // (all 100): 1,100 each. Actual: 1,100, except from t = 49 (its days include t = 59):
    // 1,200. RMS error = sqrt(100² / 14) = 26.7261; half-range 1.645 × 26.7261 = 43.9645.
    LocalDate asOf = LocalDate.of(2026, 11, 20);
    Forecast f =
        CostForecaster.toMonthEnd(
            history(asOf, 60, d -> d.equals(asOf.minusDays(1)) ? "200" : "100"), asOf, "USD");
    assertAmounts(f, "2000", "3100", "3056.04", "3143.96");
  }

  @Test
  void shortHistoryUsesTheResidualsForTheRange() {
    // 5 days, Nov 1-5: 100, 110, 90, 100, 100. Too short for factors or a trend: level = mean
    // without the highest and lowest = 100. Nov 6-30, 25 days: 2,500; known 500; total 3,000.
    // Residuals 0, 10, -10, 0, 0: variance 200 / (5 - 2) = 66.67; half-range
    // 1.645 × sqrt(66.67 × (25 + 25² / 5)) = 1.645 × sqrt(10,000) = 164.5.
    LocalDate asOf = LocalDate.of(2026, 11, 6);
    String[] costs = {"100", "110", "90", "100", "100"};
    Forecast f =
        CostForecaster.toMonthEnd(history(asOf, 5, d -> costs[d.getDayOfMonth() - 1]), asOf, "USD");
    assertAmounts(f, "500", "3000", "2835.50", "3164.50");
    assertThat(f.historyDays()).isEqualTo(5);
  }

  @Test
  void firstAndSecondDayOfAMonth() {
    // December 1: nothing of December is known; 31 days × 100 = 3,100
    LocalDate dec1 = LocalDate.of(2026, 12, 1);
    Forecast first = CostForecaster.toMonthEnd(history(dec1, 28, d -> "100"), dec1, "USD");
    assertAmounts(first, "0", "3100", "3100", "3100");
    assertThat(first.period()).isEqualTo(Period.month(2026, 12));
    // December 2: Dec 1 known (100) + 30 × 100
    LocalDate dec2 = dec1.plusDays(1);
    Forecast second = CostForecaster.toMonthEnd(history(dec2, 28, d -> "100"), dec2, "USD");
    assertAmounts(second, "100", "3100", "3100", "3100");
  }

  @Test
  void leapFebruaryAndItsQuarter() {
    // 40 days of 50 (Jan 1-Feb 9, 2028). February 2028 has 29 days: 29 × 50 = 1,450.
    LocalDate asOf = LocalDate.of(2028, 2, 10);
    Map<LocalDate, BigDecimal> costs = history(asOf, 40, d -> "50");
    assertAmounts(CostForecaster.toMonthEnd(costs, asOf, "EUR"), "450", "1450", "1450", "1450");
    // Q1 2028: 31 + 29 + 31 = 91 days; known Jan 1-Feb 9 = 2,000; 51 more days = 2,550
    Forecast quarter = CostForecaster.toQuarterEnd(costs, asOf, "EUR");
    assertAmounts(quarter, "2000", "4550", "4550", "4550");
    assertThat(quarter.horizon()).isEqualTo(Forecast.Horizon.QUARTER);
    assertThat(quarter.period())
        .isEqualTo(Period.of(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 4, 1)));
  }

  @Test
  void noHistoryForecastsNothing() {
    Forecast f = CostForecaster.toMonthEnd(Map.of(), NOV_10, "USD");
    assertAmounts(f, "0", "0", "0", "0");
    assertThat(f.historyDays()).isZero();
  }

  @Test
  void monthsWithoutDataCountAsZeroCost() {
    // 100 a day in September only, then nothing until December 10: October, November and Dec
    // 1-9 are zero days. The window (Nov 12-Dec 9) is all zero, so are the run rate and the
    // 14 back-forecasts of 22 days (their windows start on Oct 8 or later, after September).
    LocalDate asOf = LocalDate.of(2026, 12, 10);
    Map<LocalDate, BigDecimal> september = history(LocalDate.of(2026, 10, 1), 30, d -> "100");
    Forecast f = CostForecaster.toMonthEnd(september, asOf, "USD");
    assertAmounts(f, "0", "0", "0", "0");
    assertThat(f.historyDays()).isEqualTo(28);
  }

  @Test
  void daysOnOrAfterAsOfAreIgnored() {
    Map<LocalDate, BigDecimal> costs = history(NOV_10, 28, d -> "100");
    costs.put(NOV_10, new BigDecimal("99999"));
    costs.put(NOV_10.plusDays(5), new BigDecimal("99999"));
    assertAmounts(CostForecaster.toMonthEnd(costs, NOV_10, "USD"), "900", "3000", "3000", "3000");
  }

  @Test
  void roundsOnlyTheResult() {
    // 28 days of 0.004: each day alone rounds to 0.00, but Nov 1-9 = 0.036 and the month
    // 30 × 0.004 = 0.12
    Forecast f = CostForecaster.toMonthEnd(history(NOV_10, 28, d -> "0.004"), NOV_10, "USD");
    assertAmounts(f, "0.04", "0.12", "0.12", "0.12");
  }

  @Test
  void badInputNamesWhatIsWrong() {
    assertThatThrownBy(() -> CostForecaster.toMonthEnd(Map.of(), NOV_10, "dollars"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("currency");
    Map<LocalDate, BigDecimal> withNull = new TreeMap<>();
    withNull.put(NOV_10.minusDays(1), null);
    assertThatThrownBy(() -> CostForecaster.toMonthEnd(withNull, NOV_10, "USD"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("dailyCosts");
  }

  @Test
  void theilSenSlopeIsTheMedianOfEveryPairsSlope() {
    // medianSlope divides only the pairs near the middle: it must give exactly what dividing and
    // sorting every pair gives, ties, near-ties, flat, tiny, huge and negative values included
    java.util.Random random = new java.util.Random(42);
    java.math.MathContext mc = java.math.MathContext.DECIMAL64;
    for (int round = 0; round < 20_000; round++) {
      int w = 14 + random.nextInt(15);
      BigDecimal[] z = new BigDecimal[w];
      int kind = round % 6;
      BigDecimal base = new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(8));
      for (int i = 0; i < w; i++) {
        BigDecimal cost =
            switch (kind) {
              case 0 -> new BigDecimal(random.nextInt(1_000_000_000)).movePointLeft(4);
              case 1 -> BigDecimal.valueOf(random.nextInt(4)); // many equal slopes
              case 2 -> base; // flat: every slope 0
              case 3 -> base.add(BigDecimal.valueOf(random.nextInt(3)).movePointLeft(12));
              case 4 -> new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(20));
              default ->
                  base.add(BigDecimal.valueOf(i * 7L))
                      .subtract(BigDecimal.valueOf(random.nextInt(9)));
            };
        BigDecimal factor = new BigDecimal(500 + random.nextInt(1000)).movePointLeft(3);
        z[i] = cost.divide(factor, mc);
      }
      double[] approx = new double[w];
      for (int i = 0; i < w; i++) {
        approx[i] = z[i].doubleValue();
      }
      java.util.List<BigDecimal> every = new java.util.ArrayList<>();
      for (int i = 0; i < w; i++) {
        for (int j = i + 1; j < w; j++) {
          every.add(z[j].subtract(z[i]).divide(BigDecimal.valueOf(j - i), mc));
        }
      }
      assertThat(CostForecaster.medianSlope(z, approx))
          .as("round %d, kind %d", round, kind)
          .isEqualByComparingTo(CostForecaster.median(every));
      if (round % 100 == 0) { // values beyond doubles: every pair is divided
        approx[random.nextInt(w)] = round % 200 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        assertThat(CostForecaster.medianSlope(z, approx))
            .isEqualByComparingTo(CostForecaster.median(every));
      }
    }
  }
}
