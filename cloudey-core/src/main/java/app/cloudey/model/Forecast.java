package app.cloudey.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A forecast of one month's or one quarter's total cost, made on {@code asOf} from the daily costs
 * before it. Amounts are in {@code currency}, rounded to the cent; {@code low <= total <= high}.
 *
 * @param horizon whether {@code period} is the month or the quarter of {@code asOf}
 * @param period the calendar month or quarter forecast, {@code [start, end)}
 * @param asOf the day the forecast was made: the days before it are known, it and the days after it
 *     are forecast
 * @param currency ISO 4217 code of every amount
 * @param actualToDate the known cost of {@code [period.start, asOf)} (0 on the period's first day)
 * @param total {@code actualToDate} plus the forecast of {@code [asOf, period.end)}
 * @param low lower end of the likely range of the total (from the method's measured spread, e.g. of
 *     its own back-forecasts on the history)
 * @param high upper end of the range for the total
 * @param method name of the forecasting method, e.g. {@code dow-trend-run-rate-28d}
 * @param historyDays days of history the run rate was estimated from (at most the method's window;
 *     0 when there was none)
 */
public record Forecast(
    Horizon horizon,
    Period period,
    LocalDate asOf,
    String currency,
    BigDecimal actualToDate,
    BigDecimal total,
    BigDecimal low,
    BigDecimal high,
    String method,
    int historyDays) {

  /** What a forecast runs to: the end of the month or of the quarter of its as-of date. */
  public enum Horizon {
    MONTH,
    QUARTER
  }

  public Forecast {
    Checks.notNull(horizon, "horizon");
    Checks.notNull(period, "period");
    Checks.notNull(asOf, "asOf");
    currency = Money.currency(currency).getCurrencyCode();
    Checks.notNull(actualToDate, "actualToDate");
    Checks.notNull(total, "total");
    Checks.notNull(low, "low");
    Checks.notNull(high, "high");
    Checks.notBlank(method, "method");
    Checks.notNegative(historyDays, "historyDays");
    Checks.require(
        period.contains(asOf), "asOf (" + asOf + ") must lie in the forecast period " + period);
    Checks.require(
        low.compareTo(total) <= 0 && total.compareTo(high) <= 0,
        "low (" + low + ") <= total (" + total + ") <= high (" + high + ") must hold");
  }
}
