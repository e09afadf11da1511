package app.cloudey.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.Change;
import app.cloudey.model.Dashboard;
import app.cloudey.model.Direction;
import app.cloudey.model.Forecast;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's summary line and the dashboard's JSON before and after the month's first billed day.
 */
class UiPageTest {
  private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

  private static Dashboard.CurrencyDashboard usd(Dashboard.MonthToDate mtd) {
    BigDecimal f = new BigDecimal("310.00");
    return new Dashboard.CurrencyDashboard(
        "USD",
        mtd,
        List.of(),
        new Change(null, Direction.STABLE),
        new Forecast(
            Forecast.Horizon.MONTH,
            Period.month(YearMonth.of(2026, 12)),
            DEC_1,
            "USD",
            new BigDecimal("0.00"),
            f,
            f,
            f,
            "dow-trend-run-rate-28d",
            28),
        List.of(),
        List.of());
  }

  @Test
  void beforeTheFirstBilledDayTheSummaryShowsADashNotMinus100() throws Exception {
    Dashboard.CurrencyDashboard c = usd(Dashboard.MonthToDate.notBilledYet("USD"));
    String html = UiPage.summary(c);
    assertThat(html)
        .contains("<span class=\"mtd-change\">&mdash;</span>: no day of this month is billed yet")
        .doesNotContain("-100")
        .doesNotContain("null");

    // the JSON writes the empty state as nulls and zeros, without custom code
    JsonNode mtd = Json.MAPPER.readTree(Json.write(c)).get("month_to_date");
    assertThat(mtd.get("period").isNull()).isTrue();
    assertThat(mtd.get("last_month_period").isNull()).isTrue();
    assertThat(mtd.get("change").isNull()).isTrue();
    assertThat(mtd.get("cost").get("amount").decimalValue()).isZero();
    assertThat(mtd.get("last_month_cost").get("amount").decimalValue()).isZero();
    // hasBilledDays() is a convenience, not a property
    assertThat(mtd.has("has_billed_days")).isFalse();
    assertThat(mtd.size()).isEqualTo(5);
  }

  @Test
  void onceBilledTheSummaryShowsTheChange() {
    Dashboard.CurrencyDashboard c =
        usd(
            new Dashboard.MonthToDate(
                Period.day(DEC_1),
                Money.of("11", "USD"),
                Period.day(LocalDate.of(2026, 11, 1)),
                Money.of("10", "USD"),
                Change.of(new BigDecimal("10"), new BigDecimal("11"))));
    // (11 - 10) / 10 = +10.0 %
    assertThat(UiPage.summary(c))
        .contains("<span class=\"mtd-change\">+10.0%</span> against 10.00 USD on the same days");
  }
}
