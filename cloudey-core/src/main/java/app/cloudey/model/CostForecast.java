package app.cloudey.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Forecasts of the month's or the quarter's total, one per billing currency, made on {@code asOf}
 * from the stored daily costs before it (see {@link Forecast} and the method it names).
 *
 * @param asOf today on Cloudey's clock (UTC): the days before it are known
 * @param horizon month end or quarter end
 * @param forecasts one per currency with cost history, by currency code
 */
public record CostForecast(LocalDate asOf, Forecast.Horizon horizon, List<Forecast> forecasts) {
  public CostForecast {
    Checks.notNull(asOf, "asOf");
    Checks.notNull(horizon, "horizon");
    forecasts = Checks.copy(forecasts, "forecasts");
  }
}
