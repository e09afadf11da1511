package app.cloudey.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.Forecast;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Forecasts the total cost of the month (or quarter) of an as-of date from daily cost history: a
 * pure function, thread-safe, no I/O.
 *
 * <p><b>Method {@value #METHOD}.</b> The days before {@code asOf} are known; {@code asOf} and the
 * days after it are forecast. Days missing between the first day of history and {@code asOf} count
 * as zero (a cost source reports no row for a day without cost); entries on or after {@code asOf}
 * are ignored. Over the trailing window of the last {@value #WINDOW_DAYS} known days (fewer when
 * the history is shorter):
 *
 * <ol>
 *   <li><b>Day-of-week factors</b>: each day's cost divided by the centred 7-day moving average
 *       around it (one of each weekday, so growth does not leak into the factors); per weekday the
 *       median of those ratios (so one spike does not make its weekday expensive), normalised to
 *       average 1. Weeks without a positive cost are skipped. Flat (all 1) with fewer than {@value
 *       #MIN_SEASONAL_DAYS} days of history, or when a weekday has no ratio or a median that is not
 *       positive.
 *   <li><b>Level</b>: the deseasonalised cost (cost ÷ its weekday's factor) of the last {@value
 *       #LEVEL_DAYS} days, averaged without the highest and the lowest (so a spike or a credit day
 *       in the last week does not carry into the run rate).
 *   <li><b>Trend</b>: the Theil–Sen slope (median of the slopes between every pair of days) of the
 *       deseasonalised window, extrapolated from the middle of the level's days; 0 with fewer than
 *       {@value #MIN_SEASONAL_DAYS} days.
 *   <li><b>Forecast</b>: each remaining day costs {@code (level + trend × days from the level's
 *       middle) × its weekday's factor}; the total is the known period-to-date cost plus their sum.
 *   <li><b>Range</b>: the method forecasts itself on the known history: for {@value #RANGE_ORIGINS}
 *       earlier as-of days, as many days ahead as remain now, each with only the days before it.
 *       {@code low}/{@code high} are the total ∓ {@value #RANGE_Z} × the root mean square of those
 *       errors. When fewer than {@value #MIN_RANGE_ORIGINS} such back-forecasts fit in the history,
 *       {@value #RANGE_Z} × σ × √(n + n²/k) instead, with σ the standard deviation of the window's
 *       residuals around the fitted level, trend and factors, n the remaining days and k the
 *       level's days (daily noise plus the level's uncertainty).
 * </ol>
 *
 * <p>Its backtest against the naive run rate (month-to-date ÷ days elapsed × days in month, blind
 * to weekly seasonality and growth) is in docs/benchmarks.md ({@code forecast.*}). Known period
 * days before the first day of history are not known: they add nothing to {@code actualToDate}.
 * Intermediate values carry 16 significant digits; amounts are rounded to the cent (half even) only
 * at the end.
 *
 * <pre>{@code
 * Forecast f = CostForecaster.toMonthEnd(costByDay, LocalDate.of(2026, 11, 10), "USD");
 * f.actualToDate(); f.total(); f.low(); f.high();
 * }</pre>
 */
public final class CostForecaster {
  /** The method's name in {@link Forecast#method()}. */
  public static final String METHOD = "dow-trend-run-rate-28d";

  static final int WINDOW_DAYS = 28;
  static final int LEVEL_DAYS = 7;
  static final int MIN_SEASONAL_DAYS = 14;
  static final int RANGE_ORIGINS = 14;
  static final int MIN_RANGE_ORIGINS = 7;

  /**
   * The normal 90 % quantile, not the 80 % one: the back-forecasts overlap, so their RMS
   * understates the spread. With it the range held 68 % (day 10) and 79 % (day 20) of the actual
   * month totals in the simulator backtest (docs/benchmarks.md).
   */
  static final String RANGE_Z = "1.645";

  private static final BigDecimal Z = new BigDecimal(RANGE_Z);
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal SEVEN = BigDecimal.valueOf(7);
  private static final MathContext MC = MathContext.DECIMAL64;

  /**
   * {@link Fit#predict}'s offsets with a full level ({@value #LEVEL_DAYS} days), for the days from
   * {@value #WINDOW_DAYS} before a fit's end (its residuals) to {@code OFFSETS_AHEAD} after it (a
   * quarter's remaining days): the same values, divided once rather than per predicted day.
   */
  private static final int OFFSETS_AHEAD = 100;

  private static final BigDecimal[] OFFSETS = new BigDecimal[WINDOW_DAYS + OFFSETS_AHEAD];

  static {
    for (int i = 0; i < OFFSETS.length; i++) {
      OFFSETS[i] = Fit.offset(i - WINDOW_DAYS, LEVEL_DAYS);
    }
  }

  private CostForecaster() {}

  /** The forecast to the end of {@code asOf}'s month; see the class documentation. */
  public static Forecast toMonthEnd(
      Map<LocalDate, BigDecimal> dailyCosts, LocalDate asOf, String currency) {
    return forecast(dailyCosts, asOf, currency, Forecast.Horizon.MONTH);
  }

  /** The forecast to the end of {@code asOf}'s calendar quarter; see the class documentation. */
  public static Forecast toQuarterEnd(
      Map<LocalDate, BigDecimal> dailyCosts, LocalDate asOf, String currency) {
    return forecast(dailyCosts, asOf, currency, Forecast.Horizon.QUARTER);
  }

  /**
   * The forecast of {@code asOf}'s month or quarter.
   *
   * @param dailyCosts cost per UTC day, one currency (e.g. a store's daily rollup); days on or
   *     after {@code asOf} are ignored
   * @param asOf the first day not known (today): the period's days before it are actuals
   * @param currency ISO 4217 code of the amounts
   * @throws CloudeyConfigException for a null argument or null amount, or an unknown currency
   */
  public static Forecast forecast(
      Map<LocalDate, BigDecimal> dailyCosts,
      LocalDate asOf,
      String currency,
      Forecast.Horizon horizon) {
    if (dailyCosts == null || asOf == null || horizon == null) {
      throw new CloudeyConfigException("dailyCosts, asOf and horizon must not be null");
    }
    String code = Money.currency(currency).getCurrencyCode();
    Period period =
        horizon == Forecast.Horizon.MONTH ? Period.month(YearMonth.from(asOf)) : quarter(asOf);
    History history = History.of(dailyCosts, asOf);
    int end = history.days();
    int remaining = (int) ChronoUnit.DAYS.between(asOf, period.end());

    BigDecimal actual = BigDecimal.ZERO;
    for (int t = Math.max(0, history.index(period.start())); t < end; t++) {
      actual = actual.add(history.cost(t));
    }
    Fit fit = Fit.of(history, end);
    BigDecimal rest = fit.sum(history, end, end + remaining);
    BigDecimal half = halfRange(history, fit, end, remaining);
    BigDecimal total = actual.add(rest);
    return new Forecast(
        horizon,
        period,
        asOf,
        code,
        cents(actual),
        cents(total),
        cents(total.subtract(half)),
        cents(total.add(half)),
        METHOD,
        fit.windowDays());
  }

  private static Period quarter(LocalDate day) {
    YearMonth first = YearMonth.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1);
    return Period.of(first.atDay(1), first.plusMonths(3).atDay(1));
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** Half the width of the range; see the class documentation. */
  private static BigDecimal halfRange(History history, Fit fit, int end, int remaining) {
    if (fit.windowDays() == 0) {
      return BigDecimal.ZERO; // no history: nothing to measure a spread on
    }
    BigDecimal squares = BigDecimal.ZERO;
    int origins = 0;
    for (int j = 0; j < RANGE_ORIGINS; j++) {
      int origin = end - remaining - j;
      if (origin < MIN_SEASONAL_DAYS) {
        break;
      }
      BigDecimal actual = BigDecimal.ZERO;
      for (int t = origin; t < origin + remaining; t++) {
        actual = actual.add(history.cost(t));
      }
      BigDecimal error =
          actual.subtract(Fit.of(history, origin).sum(history, origin, origin + remaining));
      squares = squares.add(error.multiply(error, MC), MC);
      origins++;
    }
    if (origins >= MIN_RANGE_ORIGINS) {
      return Z.multiply(squares.divide(BigDecimal.valueOf(origins), MC).sqrt(MC), MC);
    }
    BigDecimal variance = fit.residualVariance(history, end);
    long n = remaining;
    BigDecimal days =
        BigDecimal.valueOf(n)
            .add(BigDecimal.valueOf(n * n).divide(BigDecimal.valueOf(fit.levelDays()), MC), MC);
    return Z.multiply(variance.multiply(days, MC).sqrt(MC), MC);
  }

  /**
   * The Theil–Sen slope of {@code z}: the {@link #median} of the slopes {@code (z[j] − z[i]) ÷ (j −
   * i)} of every pair {@code i < j}, each divided to {@link #MC}. The same value as dividing all
   * w(w − 1)/2 pairs and sorting them, for a few divisions: the pairs are ranked by their slope in
   * {@code double} ({@code approx[i]} within a relative 1e-15 of {@code z[i]}), and only those
   * whose {@code double} slope lies within a safe error bound of the middle ones are divided. The
   * middle of the exact slopes is among them, and rounding to {@link #MC} keeps the order (it never
   * swaps two values), so the middle of the rounded slopes is the middle ones rounded. Pairs of
   * equal values (days of a flat cost, often many) have the slope 0 without a division.
   */
  static BigDecimal medianSlope(BigDecimal[] z, double[] approx) {
    int w = z.length;
    int n = w * (w - 1) / 2;
    int lowRank = (n - 1) / 2; // the middle one, or the lower of the middle two
    int highRank = n / 2;
    double[] slopes = new double[n];
    double largest = 0;
    for (double v : approx) {
      largest = Math.max(largest, Math.abs(v));
    }
    int p = 0;
    for (int i = 0; i < w; i++) {
      for (int j = i + 1; j < w; j++) {
        slopes[p++] = (approx[j] - approx[i]) / (j - i);
      }
    }
    // every double slope is within 2.5e-15 × largest of its exact value (z within 1e-15, three
    // roundings of 1.1e-16); a wide margin on top
    double bound = largest * 1e-13 + Double.MIN_NORMAL;
    double from = 0;
    double to = 0;
    boolean every = !(largest < 1e300); // beyond doubles (or NaN): every pair divided, as before
    if (!every) {
      double[] ranked = slopes.clone();
      select(ranked, lowRank);
      double high = ranked[lowRank];
      if (highRank > lowRank) { // the next one up: the least of those selected above
        high = ranked[highRank];
        for (int k = highRank + 1; k < n; k++) {
          high = Math.min(high, ranked[k]);
        }
      }
      from = ranked[lowRank] - 2 * bound;
      to = high + 2 * bound;
    }
    // a pair below from is exactly below at least n - lowRank others (those ranked from lowRank
    // on in double are above ranked[lowRank] - bound), so it ranks below lowRank; likewise above
    int below = 0;
    int zeros = 0;
    List<BigDecimal> negative = new ArrayList<>();
    List<BigDecimal> positive = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < w; i++) {
      for (int j = i + 1; j < w; j++) {
        double slope = slopes[k++];
        if (!every && slope < from) {
          below++;
        } else if (every || slope <= to) {
          int sign = z[j].compareTo(z[i]);
          if (sign == 0) {
            zeros++;
          } else { // a nonzero quotient rounds to a nonzero value of the same sign
            (sign < 0 ? negative : positive)
                .add(z[j].subtract(z[i]).divide(BigDecimal.valueOf(j - i), MC));
          }
        }
      }
    }
    negative.sort(null);
    positive.sort(null);
    BigDecimal low = ranked(negative, zeros, positive, lowRank - below);
    return lowRank == highRank
        ? low
        : low.add(ranked(negative, zeros, positive, highRank - below)).divide(TWO, MC);
  }

  /**
   * The value at {@code rank} of the sorted negative values, then {@code zeros} zeros, then the
   * sorted positive ones.
   */
  private static BigDecimal ranked(
      List<BigDecimal> negative, int zeros, List<BigDecimal> positive, int rank) {
    if (rank < negative.size()) {
      return negative.get(rank);
    }
    return rank < negative.size() + zeros
        ? BigDecimal.ZERO
        : positive.get(rank - negative.size() - zeros);
  }

  /**
   * Reorders {@code values} so that {@code values[rank]} is the value a sort would put there, those
   * before it no greater and those after it no less (Hoare's selection; linear on average, where
   * the sort it replaces cost a quarter of a forecast).
   */
  private static void select(double[] values, int rank) {
    int left = 0;
    int right = values.length - 1;
    while (left < right) {
      double pivot = values[(left + right) >>> 1];
      int i = left;
      int j = right;
      while (i <= j) {
        while (values[i] < pivot) {
          i++;
        }
        while (values[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = values[i];
          values[i++] = values[j];
          values[j--] = swap;
        }
      }
      if (rank <= j) {
        right = j;
      } else if (rank >= i) {
        left = i;
      } else {
        return;
      }
    }
  }

  static BigDecimal median(List<BigDecimal> values) {
    BigDecimal[] sorted = values.toArray(new BigDecimal[0]);
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : sorted[n / 2 - 1].add(sorted[n / 2]).divide(TWO, MC);
  }

  /**
   * Known daily costs from the first day of history to the day before {@code asOf}, gaps = 0; each
   * also as the nearest {@code double} (to rank slopes, see {@link #medianSlope}), the first day's
   * weekday (0 = Monday), and each day's ratio to its centred week once asked for (every fit of a
   * forecast asks for the same days' ratios).
   */
  private static final class History {
    private final LocalDate first;
    private final BigDecimal[] costs;
    private final double[] approx;
    private final int firstWeekday;
    private final BigDecimal[] ratios;
    private final boolean[] ratioKnown;

    History(LocalDate first, BigDecimal[] costs) {
      this.first = first;
      this.costs = costs;
      this.approx = new double[costs.length];
      for (int t = 0; t < costs.length; t++) {
        approx[t] = costs[t].doubleValue();
      }
      this.firstWeekday = first.getDayOfWeek().getValue() - 1;
      this.ratios = new BigDecimal[costs.length];
      this.ratioKnown = new boolean[costs.length];
    }

    static History of(Map<LocalDate, BigDecimal> dailyCosts, LocalDate asOf) {
      LocalDate first = null;
      for (Map.Entry<LocalDate, BigDecimal> e : dailyCosts.entrySet()) {
        if (e.getKey() == null || e.getValue() == null) {
          throw new CloudeyConfigException("dailyCosts must not contain null days or amounts");
        }
        if (e.getKey().isBefore(asOf) && (first == null || e.getKey().isBefore(first))) {
          first = e.getKey();
        }
      }
      if (first == null) {
        return new History(asOf, new BigDecimal[0]);
      }
      BigDecimal[] costs = new BigDecimal[(int) ChronoUnit.DAYS.between(first, asOf)];
      Arrays.fill(costs, BigDecimal.ZERO);
      for (Map.Entry<LocalDate, BigDecimal> e : dailyCosts.entrySet()) {
        if (e.getKey().isBefore(asOf)) {
          costs[(int) ChronoUnit.DAYS.between(first, e.getKey())] = e.getValue();
        }
      }
      return new History(first, costs);
    }

    int days() {
      return costs.length;
    }

    BigDecimal cost(int t) {
      return costs[t];
    }

    /** Index of a day (negative before the first day). */
    int index(LocalDate day) {
      return (int) ChronoUnit.DAYS.between(first, day);
    }

    double approxCost(int t) {
      return approx[t];
    }

    /**
     * Day {@code t}'s cost ÷ the mean of the 7 days centred on it ({@code t - 3} to {@code t + 3},
     * all in the history), or null when their sum is not positive.
     */
    @Nullable BigDecimal weekRatio(int t) {
      if (!ratioKnown[t]) {
        BigDecimal week = BigDecimal.ZERO;
        for (int u = t - 3; u <= t + 3; u++) {
          week = week.add(costs[u]);
        }
        ratios[t] = week.signum() > 0 ? costs[t].multiply(SEVEN).divide(week, MC) : null;
        ratioKnown[t] = true;
      }
      return ratios[t];
    }

    /** 0 = Monday. */
    int weekday(int t) {
      return Math.floorMod(firstWeekday + t, 7);
    }
  }

  /**
   * The fitted run rate on the window ending before day index {@code end}: weekday factors, level
   * (at the middle of its days), trend per day.
   */
  private record Fit(
      int windowDays, int levelDays, BigDecimal[] factors, BigDecimal level, BigDecimal slope) {

    static Fit of(History h, int end) {
      int w = Math.min(WINDOW_DAYS, end);
      BigDecimal[] factors = factors(h, end, w);
      BigDecimal[] z = new BigDecimal[w];
      for (int i = 0; i < w; i++) {
        int t = end - w + i;
        z[i] = h.cost(t).divide(factors[h.weekday(t)], MC);
      }
      int k = Math.min(LEVEL_DAYS, w);
      BigDecimal level = BigDecimal.ZERO;
      if (k > 0) {
        BigDecimal[] last = Arrays.copyOfRange(z, w - k, w);
        Arrays.sort(last);
        // without the highest and lowest once there are enough days to spare them
        int from = k >= 5 ? 1 : 0;
        int to = k >= 5 ? k - 1 : k;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
          sum = sum.add(last[i]);
        }
        level = sum.divide(BigDecimal.valueOf(to - from), MC);
      }
      BigDecimal slope = BigDecimal.ZERO;
      if (w >= MIN_SEASONAL_DAYS) {
        double[] approx = new double[w];
        double[] factorValues = new double[7];
        for (int d = 0; d < 7; d++) {
          factorValues[d] = factors[d].doubleValue();
        }
        for (int i = 0; i < w; i++) {
          int t = end - w + i;
          approx[i] = h.approxCost(t) / factorValues[h.weekday(t)];
        }
        slope = medianSlope(z, approx);
      }
      return new Fit(w, k, factors, level, slope);
    }

    /**
     * Ratio to the centred 7-day moving average, per weekday: the median ratio, normalised to a
     * mean of 1. The moving average holds one of each weekday, so a trend does not leak into the
     * factors.
     */
    private static BigDecimal[] factors(History h, int end, int w) {
      BigDecimal[] flat = new BigDecimal[7];
      Arrays.fill(flat, BigDecimal.ONE);
      if (w < MIN_SEASONAL_DAYS) {
        return flat;
      }
      List<List<BigDecimal>> byWeekday = new ArrayList<>();
      for (int d = 0; d < 7; d++) {
        byWeekday.add(new ArrayList<>());
      }
      for (int t = end - w + 3; t < end - 3; t++) {
        BigDecimal ratio = h.weekRatio(t);
        if (ratio != null) {
          byWeekday.get(h.weekday(t)).add(ratio);
        }
      }
      BigDecimal[] medians = new BigDecimal[7];
      BigDecimal sum = BigDecimal.ZERO;
      for (int d = 0; d < 7; d++) {
        if (byWeekday.get(d).isEmpty()) {
          return flat;
        }
        medians[d] = median(byWeekday.get(d));
        if (medians[d].signum() <= 0) {
          return flat;
        }
        sum = sum.add(medians[d]);
      }
      BigDecimal mean = sum.divide(SEVEN, MC);
      BigDecimal[] factors = new BigDecimal[7];
      for (int d = 0; d < 7; d++) {
        factors[d] = medians[d].divide(mean, MC);
      }
      return factors;
    }

    /** The fitted cost of day index {@code t} for a window that ended before {@code end}. */
    BigDecimal predict(History h, int end, int t) {
      // days from the middle of the level's days [end - k, end): t - end + (k + 1) / 2
      int days = t - end;
      BigDecimal offset =
          levelDays == LEVEL_DAYS && days >= -WINDOW_DAYS && days < OFFSETS_AHEAD
              ? OFFSETS[days + WINDOW_DAYS]
              : offset(days, levelDays);
      BigDecimal weekday = factors[h.weekday(t)];
      return level.add(slope.multiply(offset, MC), MC).multiply(weekday, MC);
    }

    private static BigDecimal offset(int days, int levelDays) {
      return BigDecimal.valueOf(2L * days + levelDays + 1).divide(TWO, MC);
    }

    /** The forecast of the days {@code [from, to)}. */
    BigDecimal sum(History h, int from, int to) {
      BigDecimal sum = BigDecimal.ZERO;
      for (int t = from; t < to; t++) {
        sum = sum.add(predict(h, from, t), MC);
      }
      return sum;
    }

    /** Variance of the window's residuals around the fit (n − 2 degrees of freedom), 0 if few. */
    BigDecimal residualVariance(History h, int end) {
      if (windowDays <= 2) {
        return BigDecimal.ZERO;
      }
      BigDecimal squares = BigDecimal.ZERO;
      for (int t = end - windowDays; t < end; t++) {
        BigDecimal r = h.cost(t).subtract(predict(h, end, t), MC);
        squares = squares.add(r.multiply(r, MC), MC);
      }
      return squares.divide(BigDecimal.valueOf(windowDays - 2L), MC);
    }
  }
}
