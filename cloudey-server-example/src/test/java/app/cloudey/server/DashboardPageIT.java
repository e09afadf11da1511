package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.server.TestServer.Account;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.llm.OpenAiStubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard page in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs; Selenium is pinned to {@code /usr/bin/chromedriver} and never
 * runs Selenium Manager). It logs in through the page's form, then holds the charts' points and the
 * tables' cells equal to the JSON of {@code /dashboard}, {@code /costs} and {@code
 * /recommendations}, and saves a screenshot to {@code target/ui-dashboard.png}. A second user saves
 * pricing through the page's form, read back with {@code GET /pricing}.
 */
class DashboardPageIT {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  static OpenAiStubServer llm;
  static TestServer t;
  static Account alice;
  static WebDriver browser;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMEDRIVER),
        "skipped: no "
            + CHROMEDRIVER
            + " (install Debian's chromium and chromium-driver, as .ci/run does)");
    llm = OpenAiStubServer.start();
    t = TestServer.start(PG.database(), 100_000, llm);
    alice = t.newConfiguredUser("page@example.com");
    for (String start : List.of("/sync/", "/costs/refresh/")) {
      String job =
          t.send(
                  "POST",
                  start + alice.id() + (start.contains("costs") ? "?months=3" : ""),
                  alice.token(),
                  null)
              .json()
              .get("job_id")
              .asText();
      assertThat(t.awaitJob(job, alice.token()).get("state").asText()).isEqualTo("SUCCEEDED");
    }
    browser = chromium();
  }

  /** Debian's Chromium through its driver, both named explicitly: Selenium Manager never runs. */
  static WebDriver chromium() {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--window-size=1280,1500");
    return new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (t != null) {
      t.close();
    }
    if (llm != null) {
      llm.close();
    }
  }

  @Test
  void theLoggedInPageShowsTheDashboardRecommendationsAndCostsJson() throws IOException {
    browser.get(t.url("/ui/"));
    browser.findElement(By.name("api_token")).sendKeys(alice.token());
    browser.findElement(By.cssSelector("#login button")).click();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recommendations")));
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return typeof echarts !== 'undefined'"
                            + " && echarts.getInstanceByDom(document.getElementById('trend')) != null"));

    // the session is the page's cookie: HttpOnly, so the page's script cannot read it
    assertThat(browser.manage().getCookieNamed("cloudey_session")).isNotNull();
    assertThat((String) js("return document.cookie")).doesNotContain("cloudey_session");

    JsonNode dashboard = t.send("GET", "/dashboard/" + alice.id(), alice.token(), null).json();
    JsonNode usd = dashboard.get("currencies").get(0);
    String currency = usd.get("currency").asText();
    assertThat(currency).isEqualTo("USD");

    // the monthly chart: the three complete months and this month so far, then the forecast
    List<Object> series =
        js(
            "const o = echarts.getInstanceByDom(document.getElementById('monthly-"
                + currency
                + "')).getOption(); return [o.xAxis[0].data, o.series[0].data, o.series[1].data];");
    List<String> months = new ArrayList<>();
    List<BigDecimal> totals = new ArrayList<>();
    for (JsonNode m : usd.get("complete_months")) {
      months.add(m.get("month").asText());
      totals.add(new BigDecimal(m.get("total").get("amount").asText()).stripTrailingZeros());
    }
    // this month (the month to date's period is null before the month's first billed day)
    months.add(YearMonth.from(LocalDate.parse(dashboard.get("as_of").asText())).toString());
    totals.add(
        new BigDecimal(usd.get("month_to_date").get("cost").get("amount").asText())
            .stripTrailingZeros());
    assertThat(strings(series.get(0))).isEqualTo(months);
    assertThat(decimals(series.get(1))).isEqualTo(totals);
    List<?> forecast = (List<?>) series.get(2);
    assertThat(forecast.subList(0, 3)).containsOnlyNulls();
    assertThat(((Number) forecast.get(3)).doubleValue())
        .isEqualTo(usd.get("forecast").get("total").decimalValue().doubleValue());
    assertThat(totals.get(3)).isPositive(); // this month's simulated costs were refreshed

    // the tables: name, cost and share of every row, "others" included
    assertTable("top-services-" + currency, usd.get("top_services"));
    assertTable("top-compartments-" + currency, usd.get("top_compartments"));
    assertThat(rows("top-services-" + currency)).isNotEmpty();

    // the daily chart equals GET /costs grouped by day over the same period
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String from = YearMonth.from(today).minusMonths(3).atDay(1).toString();
    JsonNode daily =
        t.send(
                "GET",
                "/costs/"
                    + alice.id()
                    + "?from="
                    + from
                    + "&to="
                    + today.plusDays(1)
                    + "&group_by=day",
                alice.token(),
                null)
            .json();
    List<String> days = new ArrayList<>();
    List<BigDecimal> amounts = new ArrayList<>();
    List<JsonNode> dailyRows = new ArrayList<>();
    daily.get("rows").forEach(dailyRows::add);
    dailyRows.sort((a, b) -> a.get("key").get(0).asText().compareTo(b.get("key").get(0).asText()));
    for (JsonNode row : dailyRows) {
      days.add(row.get("key").get(0).asText());
      amounts.add(new BigDecimal(row.get("cost").get("amount").asText()).stripTrailingZeros());
    }
    List<Object> trend =
        js(
            "const o = echarts.getInstanceByDom(document.getElementById('trend')).getOption();"
                + " return [o.xAxis[0].data, o.series[0].data];");
    assertThat(days).hasSizeGreaterThan(28);
    assertThat(strings(trend.get(0))).isEqualTo(days);
    assertThat(decimals(trend.get(1))).isEqualTo(amounts);

    // the recommendations table equals GET /recommendations (possibly empty: then one empty row)
    JsonNode recs = t.send("GET", "/recommendations/" + alice.id(), alice.token(), null).json();
    List<List<String>> expected = new ArrayList<>();
    java.util.Map<String, String> ruleOf = new java.util.HashMap<>();
    recs.get("recommendations")
        .forEach(r -> ruleOf.put(r.get("id").asText(), r.get("rule_id").asText()));
    for (JsonNode r : recs.get("recommendations")) {
      JsonNode coveredBy = recs.get("superseded_by").get(r.get("id").asText());
      expected.add(
          List.of(
              r.get("severity").asText(),
              r.get("title").asText(),
              r.get("rule_id").asText(),
              String.valueOf(r.get("resource_ids").size()),
              money(r.get("monthly_savings")),
              r.get("basis").asText(),
              coveredBy == null ? "" : ruleOf.get(coveredBy.asText())));
    }
    List<List<String>> shown = rows("recommendations");
    if (expected.isEmpty()) {
      assertThat(shown).hasSize(1);
      assertThat(shown.get(0).get(0)).isEqualTo("No recommendations in this run.");
    } else {
      assertThat(shown).isEqualTo(expected);
    }

    // the chat panel (an LLM is configured here: the stub)
    assertThat(browser.findElements(By.id("chat"))).hasSize(1);

    byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
    Path out = Path.of("target", "ui-dashboard.png");
    Files.createDirectories(out.getParent());
    Files.write(out, png);
    assertThat(png.length).isGreaterThan(10_000);
  }

  @Test
  void thePricingFormShowsTheApisErrorThenStoresThePricing() {
    // a user of its own, so alice's recommendations do not move under the first test
    Account bob = t.newConfiguredUser("pricing-page@example.com");
    try {
      // log out of another test's session (cookies are deleted for the page's host)
      browser.get(t.url("/ui/"));
      browser.manage().deleteAllCookies();
      browser.get(t.url("/ui/"));
      browser.findElement(By.name("api_token")).sendKeys(bob.token());
      browser.findElement(By.cssSelector("#login button")).click();
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
      awaitPricingForm(wait);
      assertThat(browser.findElement(By.id("pricing-currency")).getText()).isEqualTo("USD");
      assertThat(rows("pricing-prices")).containsExactly(List.of("No contract prices."));

      WebElement form = browser.findElement(By.id("pricing-form"));
      WebElement discount = form.findElement(By.name("discount_percent"));
      WebElement currency = form.findElement(By.name("currency"));
      WebElement prices = form.findElement(By.name("contract_prices"));
      discount.clear();
      discount.sendKeys("12.50");
      currency.clear();
      currency.sendKeys("EURO");
      prices.sendKeys("B93113=0.0214\n B91962 = 0.0012 \n");
      form.findElement(By.tagName("button")).click();
      // the API's 400 message, shown as it is; nothing stored
      WebElement err = browser.findElement(By.id("pricing-err"));
      wait.until(d -> !err.getText().isBlank());
      assertThat(err.getText()).contains("currency").contains("'EURO'");
      JsonNode before = t.send("GET", "/pricing/" + bob.id(), bob.token(), null).json();
      assertThat(before.get("currency").asText()).isEqualTo("USD");
      assertThat(before.get("discount_percent").asText()).isEqualTo("0");

      currency.clear();
      currency.sendKeys("EUR");
      form.findElement(By.tagName("button")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pricing-job")));
      assertThat(err.getText()).isEmpty();
      String job = browser.findElement(By.id("pricing-job")).getText();
      assertThat(t.awaitJob(job, bob.token()).get("state").asText()).isEqualTo("SUCCEEDED");

      JsonNode stored = t.send("GET", "/pricing/" + bob.id(), bob.token(), null).json();
      assertThat(stored.get("discount_percent").asText()).isEqualTo("12.5");
      assertThat(stored.get("currency").asText()).isEqualTo("EUR");
      assertThat(stored.get("contract_prices").get("B93113").asText()).isEqualTo("0.0214");
      assertThat(stored.get("contract_prices").get("B91962").asText()).isEqualTo("0.0012");
      assertThat(stored.get("contract_prices").size()).isEqualTo(2);
      // the page shows what was stored, sorted, as a reload renders it
      List<List<String>> expected =
          List.of(List.of("B91962", "0.0012"), List.of("B93113", "0.0214"));
      assertThat(browser.findElement(By.id("pricing-discount")).getText()).isEqualTo("12.5");
      assertThat(browser.findElement(By.id("pricing-currency")).getText()).isEqualTo("EUR");
      assertThat(rows("pricing-prices")).isEqualTo(expected);
      browser.navigate().refresh();
      awaitPricingForm(wait);
      assertThat(browser.findElement(By.id("pricing-currency")).getText()).isEqualTo("EUR");
      assertThat(rows("pricing-prices")).isEqualTo(expected);
      assertThat(browser.findElement(By.name("contract_prices")).getAttribute("value"))
          .isEqualTo("B91962=0.0012\nB93113=0.0214\n");
    } finally {
      // the other test logs in through the form, which a session would skip
      browser.manage().deleteAllCookies();
    }
  }

  /** The form is in the page before its script (after echarts') gives it its submit handler. */
  private static void awaitPricingForm(WebDriverWait wait) {
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pricing-form")));
    wait.until(
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return document.getElementById('pricing-form').onsubmit !== null"));
  }

  private void assertTable(String id, JsonNode rows) {
    List<List<String>> expected = new ArrayList<>();
    for (JsonNode r : rows) {
      expected.add(
          List.of(
              r.get("name").asText(),
              money(r.get("cost")),
              new BigDecimal(r.get("share_percent").asText()).toPlainString() + "%"));
    }
    assertThat(rows(id)).as(id).isEqualTo(expected);
  }

  private static String money(JsonNode m) {
    return m.get("amount").asText() + " " + m.get("currency").asText();
  }

  private List<List<String>> rows(String tableId) {
    List<List<String>> rows = new ArrayList<>();
    for (WebElement tr : browser.findElements(By.cssSelector("#" + tableId + " tbody tr"))) {
      List<String> cells = new ArrayList<>();
      for (WebElement td : tr.findElements(By.tagName("td"))) {
        cells.add(td.getText().strip());
      }
      rows.add(cells);
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private static <T> T js(String script) {
    return (T) ((JavascriptExecutor) browser).executeScript(script);
  }

  private static List<String> strings(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  /** Chart values (JavaScript numbers) as decimals, compared by value with the JSON's amounts. */
  private static List<BigDecimal> decimals(Object list) {
    return ((List<?>) list)
        .stream().map(v -> new BigDecimal(String.valueOf(v)).stripTrailingZeros()).toList();
  }
}
