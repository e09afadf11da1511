package app.cloudey.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ForecastTest {
  private static Forecast forecast(LocalDate asOf, String low, String total, String high) {
    return new Forecast(
        Forecast.Horizon.MONTH,
        Period.month(2026, 11),
        asOf,
        "eur",
        new BigDecimal("10.00"),
        new BigDecimal(total),
        new BigDecimal(low),
        new BigDecimal(high),
        "m",
        28);
  }

  @Test
  void normalisesTheCurrencyCode() {
    assertThat(forecast(LocalDate.of(2026, 11, 10), "90", "100", "110").currency())
        .isEqualTo("EUR");
  }

  @Test
  void refusesAnAsOfOutsideThePeriodAndAnInvertedRange() {
    assertThatThrownBy(() -> forecast(LocalDate.of(2026, 12, 1), "90", "100", "110"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("asOf");
    assertThatThrownBy(() -> forecast(LocalDate.of(2026, 11, 10), "101", "100", "110"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("low");
  }
}
