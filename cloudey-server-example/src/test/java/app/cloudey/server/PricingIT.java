package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.server.TestServer.Account;
import app.cloudey.server.TestServer.Response;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.llm.OpenAiStubServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code PUT/GET /pricing/{user_id}} over real HTTP, PostgreSQL and the OCI simulator: stored with
 * the encrypted credentials, checked field by field, owner-only, and used by the next
 * recommendation run.
 */
class PricingIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  static OpenAiStubServer llm;
  static TestServer t;

  /** Inventory synced but no costs refreshed: nothing is billed, so estimates are list prices. */
  static Account payer;

  static Account reader;

  @BeforeAll
  static void start() {
    llm = OpenAiStubServer.start();
    t = TestServer.start(PG.database(), 100_000, llm);
    payer = t.newConfiguredUser("payer@example.com");
    reader = t.newConfiguredUser("reader@example.com");
    String sync =
        t.send("POST", "/sync/" + payer.id(), payer.token(), null).json().get("job_id").asText();
    assertThat(t.awaitJob(sync, payer.token()).get("state").asText()).isEqualTo("SUCCEEDED");
  }

  @AfterAll
  static void stop() {
    t.close();
    llm.close();
  }

  @Test
  void pricingIsStoredReadBackAndKeptWhenTheKeyIsPostedAgain() {
    Response none = t.send("GET", "/pricing/" + reader.id(), reader.token(), null);
    assertThat(none.status()).as(none.body()).isEqualTo(200);
    assertThat(none.json().get("discount_percent").asText()).isEqualTo("0");
    assertThat(none.json().get("contract_prices").size()).isZero();
    assertThat(none.json().get("currency").asText()).isEqualTo("USD");

    // a string and a number, a padded SKU and trailing zeros: stored as plain decimals
    Response put =
        t.send(
            "PUT",
            "/pricing/" + reader.id(),
            reader.token(),
            "{\"discount_percent\": \"12.50\", \"contract_prices\":"
                + " {\"B93113\": \"0.0214\", \" B91962 \": 0.0012}}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(put.json().get("discount_percent").asText()).isEqualTo("12.5");
    assertThat(put.json().get("contract_prices").get("B93113").asText()).isEqualTo("0.0214");
    assertThat(put.json().get("contract_prices").get("B91962").asText()).isEqualTo("0.0012");
    assertThat(put.json().get("recommendations_job_id").asText()).isNotBlank();
    assertThat(put.body()).doesNotContain("PRIVATE KEY").doesNotContain("private_key");

    Response get = t.send("GET", "/pricing/" + reader.id(), reader.token(), null);
    assertThat(get.json().get("discount_percent").asText()).isEqualTo("12.5");
    assertThat(get.json().get("contract_prices").size()).isEqualTo(2);
    assertThat(get.body()).doesNotContain("PRIVATE KEY");

    // the same pricing again changes nothing, so no run is started
    Response same =
        t.send(
            "PUT",
            "/pricing/" + reader.id(),
            reader.token(),
            "{\"discount_percent\": 12.5, \"contract_prices\":"
                + " {\"B93113\": \"0.02140\", \"B91962\": \"0.0012\"}}");
    assertThat(same.status()).as(same.body()).isEqualTo(200);
    assertThat(same.json().get("recommendations_job_id").isNull()).isTrue();

    // posting the OCI configuration again (validated, re-encrypted) keeps the pricing
    Response repost =
        t.send("POST", "/oci-config/" + reader.id(), reader.token(), TestServer.ociConfigJson());
    assertThat(repost.status()).as(repost.body()).isEqualTo(200);
    Response kept = t.send("GET", "/pricing/" + reader.id(), reader.token(), null);
    assertThat(kept.json().get("discount_percent").asText()).isEqualTo("12.5");
    assertThat(kept.json().get("contract_prices").get("B93113").asText()).isEqualTo("0.0214");
    // the OCI configuration is the one posted; its key is still never returned
    Response config = t.send("GET", "/oci-config/" + reader.id(), reader.token(), null);
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).doesNotContain("PRIVATE KEY");

    // an empty body object is list prices again
    Response reset = t.send("PUT", "/pricing/" + reader.id(), reader.token(), "{}");
    assertThat(reset.status()).as(reset.body()).isEqualTo(200);
    assertThat(reset.json().get("discount_percent").asText()).isEqualTo("0");
    assertThat(reset.json().get("contract_prices").size()).isZero();
  }

  @Test
  void badValuesAre400NamingTheFieldAndChangeNothing() {
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put("{\"discount_percent\": \"100\"}", "discount_percent");
    cases.put("{\"discount_percent\": -0.5}", "discount_percent");
    cases.put("{\"discount_percent\": \"ten\"}", "discount_percent");
    cases.put("{\"discount_percent\": true}", "discount_percent");
    cases.put("{\"discount_percent\": \"1e-40\"}", "discount_percent");
    cases.put("{\"contract_prices\": {\"B93113\": \"-0.01\"}}", "contract_prices.B93113");
    cases.put("{\"contract_prices\": {\"B93113\": null}}", "contract_prices.B93113");
    cases.put("{\"contract_prices\": {\"B93113\": \"1e400\"}}", "contract_prices.B93113");
    cases.put("{\"contract_prices\": {\"  \": \"0.01\"}}", "contract_prices");
    cases.put("{\"contract_prices\": {\"B9 3113\": \"0.01\"}}", "contract_prices");
    cases.put("{\"contract_prices\": [\"B93113\"]}", "contract_prices");
    cases.put("{\"discount\": \"12.5\"}", "discount");
    cases.put("{\"currency\": \"EURO\"}", "'EURO'");
    cases.put("{\"currency\": \"XXX\"}", "'XXX'");
    cases.put("{\"currency\": 978}", "currency");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Response r = t.send("PUT", "/pricing/" + payer.id(), payer.token(), c.getKey());
      assertThat(r.status()).as(c.getKey() + " -> " + r.body()).isEqualTo(400);
      assertThat(r.json().get("error").asText()).startsWith("invalid_");
      assertThat(r.json().get("message").asText()).as(c.getKey()).contains(c.getValue());
    }
    Response d =
        t.send("PUT", "/pricing/" + payer.id(), payer.token(), "{\"discount_percent\":100}");
    assertThat(d.json().get("error").asText()).isEqualTo("invalid_discount_percent");
    assertThat(t.send("PUT", "/pricing/" + payer.id(), payer.token(), "").status()).isEqualTo(400);
  }

  @Test
  void theCurrencyIsStoredReturnedKeptWhenAbsentAndAloneStartsARun() {
    // an account of its own: the other tests hold their accounts' pricing
    Account euro = t.newConfiguredUser("euro@example.com");
    String path = "/pricing/" + euro.id();
    Response set =
        t.send(
            "PUT",
            path,
            euro.token(),
            "{\"discount_percent\": \"5\", \"contract_prices\": {\"B93113\": \"0.02\"}}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("currency").asText()).isEqualTo("USD");
    String first = set.json().get("recommendations_job_id").asText();
    assertThat(t.awaitJob(first, euro.token()).get("state").asText()).isEqualTo("SUCCEEDED");

    // the same discount and prices, only the currency differs (lower case and blanks are read):
    // a change, so a run starts
    Response eur =
        t.send(
            "PUT",
            path,
            euro.token(),
            "{\"discount_percent\": \"5\", \"contract_prices\": {\"B93113\": \"0.02\"},"
                + " \"currency\": \" eur \"}");
    assertThat(eur.status()).as(eur.body()).isEqualTo(200);
    assertThat(eur.json().get("currency").asText()).isEqualTo("EUR");
    assertThat(eur.json().get("discount_percent").asText()).isEqualTo("5");
    assertThat(eur.json().get("contract_prices").get("B93113").asText()).isEqualTo("0.02");
    String run = eur.json().get("recommendations_job_id").asText();
    assertThat(run).isNotBlank().isNotEqualTo(first);
    assertThat(t.awaitJob(run, euro.token()).get("state").asText()).isEqualTo("SUCCEEDED");
    assertThat(t.send("GET", path, euro.token(), null).json().get("currency").asText())
        .isEqualTo("EUR");

    // a bad code: 400 naming it and giving an example, and nothing changes
    Response bad =
        t.send("PUT", path, euro.token(), "{\"discount_percent\": \"7\", \"currency\": \"EURO\"}");
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).isEqualTo("invalid_currency");
    assertThat(bad.json().get("message").asText()).contains("'EURO'").contains("\"EUR\"");
    JsonNode unchanged = t.send("GET", path, euro.token(), null).json();
    assertThat(unchanged.get("currency").asText()).isEqualTo("EUR");
    assertThat(unchanged.get("discount_percent").asText()).isEqualTo("5");
    assertThat(unchanged.get("contract_prices").get("B93113").asText()).isEqualTo("0.02");

    // absent (or null) keeps the stored currency while the rest is replaced
    Response absent =
        t.send("PUT", path, euro.token(), "{\"discount_percent\": \"7\", \"currency\": null}");
    assertThat(absent.status()).as(absent.body()).isEqualTo(200);
    assertThat(absent.json().get("currency").asText()).isEqualTo("EUR");
    assertThat(absent.json().get("discount_percent").asText()).isEqualTo("7");
    assertThat(absent.json().get("contract_prices").size()).isZero();
    Response empty = t.send("PUT", path, euro.token(), "{}");
    assertThat(empty.json().get("currency").asText()).isEqualTo("EUR");
    assertThat(empty.json().get("discount_percent").asText()).isEqualTo("0");
    // posting the OCI configuration again keeps it too (it travels with the pricing)
    Response repost =
        t.send("POST", "/oci-config/" + euro.id(), euro.token(), TestServer.ociConfigJson());
    assertThat(repost.status()).as(repost.body()).isEqualTo(200);
    assertThat(t.send("GET", path, euro.token(), null).json().get("currency").asText())
        .isEqualTo("EUR");

    // back to the default: USD is stored as no currency at all, and is a change again
    Response usd = t.send("PUT", path, euro.token(), "{\"currency\": \"USD\"}");
    assertThat(usd.json().get("currency").asText()).isEqualTo("USD");
    assertThat(usd.json().get("recommendations_job_id").isNull()).isFalse();
    Response same = t.send("PUT", path, euro.token(), "{\"currency\": \"USD\"}");
    assertThat(same.json().get("recommendations_job_id").isNull()).isTrue();
  }

  @Test
  void anotherUsersPricingIs403AndBeforeAnOciConfigurationIs409() {
    String body = "{\"discount_percent\": \"5\"}";
    Response put = t.send("PUT", "/pricing/" + reader.id(), payer.token(), body);
    assertThat(put.status()).isEqualTo(403);
    assertThat(put.json().get("error").asText()).isEqualTo("forbidden");
    assertThat(t.send("GET", "/pricing/" + reader.id(), payer.token(), null).status())
        .isEqualTo(403);
    assertThat(t.send("PUT", "/pricing/999999", payer.token(), body).status()).isEqualTo(403);
    assertThat(t.send("PUT", "/pricing/" + reader.id(), null, body).status()).isEqualTo(401);

    Account fresh = t.newUser("fresh@example.com");
    Response early = t.send("PUT", "/pricing/" + fresh.id(), fresh.token(), body);
    assertThat(early.status()).as(early.body()).isEqualTo(409);
    assertThat(early.json().get("error").asText()).isEqualTo("oci_config_missing");
    assertThat(early.json().get("message").asText()).contains("POST /oci-config/" + fresh.id());
    assertThat(t.send("GET", "/pricing/" + fresh.id(), fresh.token(), null).status())
        .isEqualTo(409);
  }

  @Test
  void aDiscountRepricesTheListPriceRecommendationsAtTheNextRun() throws Exception {
    // the payer's costs were never refreshed, so every priced finding is a list-price estimate
    JsonNode before = t.send("GET", "/recommendations/" + payer.id(), payer.token(), null).json();
    Map<String, BigDecimal> listPriced = listPriced(before);
    assertThat(listPriced).as("the fixture has list-price findings").isNotEmpty();
    JsonNode dashboardBefore =
        t.send("GET", "/dashboard/" + payer.id(), payer.token(), null).json();
    assertThat(dashboardBefore.get("recommendations").get("generated_at").asText())
        .isEqualTo(before.get("generated_at").asText());

    Response put =
        t.send("PUT", "/pricing/" + payer.id(), payer.token(), "{\"discount_percent\":\"12.5\"}");
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    JsonNode job = t.awaitJob(put.json().get("recommendations_job_id").asText(), payer.token());
    assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");

    JsonNode after = t.send("GET", "/recommendations/" + payer.id(), payer.token(), null).json();
    assertThat(after.get("run_id").asText()).isNotEqualTo(before.get("run_id").asText());
    Map<String, BigDecimal> repriced = listPriced(after);
    assertThat(repriced.keySet()).isEqualTo(listPriced.keySet());
    // 12.5 % off list: each amount is 0.875 of the old one. The amounts are shown rounded to the
    // cent, so the old unrounded amount is within 0.005 of its shown value and the new one within
    // 0.005 of 0.875 x that: |new - 0.875 x old shown| <= 0.875 x 0.005 + 0.005 < 0.01.
    // E.g. a backup at 100.00 a month is 87.50 now; one at 43.60 is 38.15 (43.60 x 0.875 = 38.15).
    BigDecimal factor = new BigDecimal("0.875");
    listPriced.forEach(
        (id, old) -> {
          BigDecimal expected = old.multiply(factor);
          assertThat(repriced.get(id).subtract(expected).abs())
              .as("%s: %s -> %s, expected about %s", id, old, repriced.get(id), expected)
              .isLessThan(new BigDecimal("0.01"));
        });
    BigDecimal largest = listPriced.values().stream().max(BigDecimal::compareTo).orElseThrow();
    assertThat(largest).as("large enough that 12.5 %% is visible").isGreaterThan(BigDecimal.ONE);

    // the dashboard's cached summary follows the new run (its key has the recommendations
    // version, which the stored run moved); wait out the server's one-second JSON reuse
    Thread.sleep(1_100);
    JsonNode dashboardAfter = t.send("GET", "/dashboard/" + payer.id(), payer.token(), null).json();
    assertThat(dashboardAfter.get("recommendations").get("generated_at").asText())
        .isEqualTo(after.get("generated_at").asText());
  }

  /** Recommendation id to its monthly saving, for the list-price ones with a saving. */
  private static Map<String, BigDecimal> listPriced(JsonNode run) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (JsonNode r : run.get("recommendations")) {
      BigDecimal amount = new BigDecimal(r.get("monthly_savings").get("amount").asText());
      if (r.get("basis").asText().equals("LIST_PRICE") && amount.signum() > 0) {
        out.put(r.get("id").asText(), amount);
      }
    }
    return out;
  }
}
