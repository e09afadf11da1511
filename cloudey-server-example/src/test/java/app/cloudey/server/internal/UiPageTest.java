package app.cloudey.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.Change;
import app.cloudey.model.Dashboard;
import app.cloudey.model.Direction;
import app.cloudey.model.Forecast;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.oci.AccountPricing;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The page's summary line and the dashboard's JSON before and after the month's first billed day;
 * the pricing section.
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

  @Test
  void thePricingSectionShowsTheStoredValuesAndFillsTheFormWithThem() {
    AccountPricing pricing =
        AccountPricing.builder()
            .currency("EUR")
            .discountPercent(new BigDecimal("12.5"))
            .contractUnitPrice("B93113", new BigDecimal("0.0214"))
            .contractUnitPrice("B91962", new BigDecimal("0.0012"))
            .build();
    String html = UiPage.pricing(7, pricing);
    assertThat(html)
        .contains("<b id=\"pricing-discount\">12.5</b>%")
        .contains("<b id=\"pricing-currency\">EUR</b>")
        // sorted by SKU, in the table and in the form's lines
        .contains(
            "<tbody><tr><td>B91962</td><td class=\"num\">0.0012</td></tr>"
                + "<tr><td>B93113</td><td class=\"num\">0.0214</td></tr></tbody>")
        .contains("<form id=\"pricing-form\" data-url=\"/pricing/7\">")
        .contains("<input name=\"discount_percent\" size=\"8\" value=\"12.5\">")
        .contains("<input name=\"currency\" size=\"5\" value=\"EUR\">")
        .contains(">B91962=0.0012\nB93113=0.0214\n</textarea>")
        .contains("<p id=\"pricing-err\" class=\"err\"></p>")
        .doesNotContain("No contract prices.");

    // list prices: USD, 0 %, an empty table row and an empty text area
    String none = UiPage.pricing(8, AccountPricing.listPrices());
    assertThat(none)
        .contains("<b id=\"pricing-discount\">0</b>%")
        .contains("<b id=\"pricing-currency\">USD</b>")
        .contains("<tr class=\"empty\"><td colspan=\"2\">No contract prices.</td></tr>")
        .contains("placeholder=\"B93113=0.0214\"></textarea>");
  }

  @Test
  void thePricingSectionEscapesWhatItRenders() {
    // the API refuses such a SKU, but the page must not trust what the store holds
    AccountPricing odd =
        AccountPricing.builder()
            .contractUnitPrice("<script>x</script>\"'&", new BigDecimal("1"))
            .build();
    String html = UiPage.pricing(9, odd);
    assertThat(html)
        .doesNotContain("<script>")
        .contains("<td>&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;</td>")
        .contains(">&lt;script&gt;x&lt;/script&gt;&quot;&#39;&amp;=1\n</textarea>");
  }
}
