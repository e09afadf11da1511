package app.cloudey.oci.simulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SKUs the simulator bills, priced from the bundled OCI list-price capture (prices_usd.json,
 * OpenCost, Apache-2.0) and converted to the billing currency at fixed rates.
 */
final class PriceList {

  /** Fixed conversion rates from USD (the simulator is not a currency service). */
  static final Map<String, BigDecimal> RATES =
      Map.of(
          "USD", BigDecimal.ONE,
          "EUR", new BigDecimal("0.92"),
          "GBP", new BigDecimal("0.79"),
          "JPY", new BigDecimal("150"),
          "CAD", new BigDecimal("1.36"),
          "AUD", new BigDecimal("1.52"),
          "CHF", new BigDecimal("0.88"),
          "INR", new BigDecimal("83"));

  // part number -> unit as the Usage API shows it
  private static final String[][] BILLED = {
    {"B93113", "OCPU Hours"},
    {"B93114", "GB Hours"},
    {"B97384", "OCPU Hours"},
    {"B97385", "GB Hours"},
    {"B93297", "OCPU Hours"},
    {"B93298", "GB Hours"},
    {"B88514", "OCPU Hours"},
    {"B91961", "GB Months"},
    {"B91962", "Performance Units Per GB Months"},
    {"B91628", "GB Months"},
    {"B93000", "GB Months"},
    {"B91633", "GB Months"},
    {"B89057", "GB Months"},
    {"B90570", "OCPU Hours"},
    {"B95701", "ECPU Hours"},
    {"B95702", "ECPU Hours"},
    {"B93030", "Load Balancer Hours"},
    {"B93031", "Mbps Hours"},
    {"B88327", "GB"},
    {"B90569", "OCPU Hours"},
  };

  static final String SUPPORT = "SIM-SUPPORT";
  static final String CREDIT = "SIM-CREDIT";

  private final List<Sku> skus = new ArrayList<>();
  private final Map<String, Sku> byPart = new HashMap<>();
  private final String currency;

  PriceList(String currency) {
    this.currency = currency.toUpperCase(Locale.ROOT);
    BigDecimal rate = RATES.get(this.currency);
    if (rate == null) {
      throw new IllegalArgumentException(
          "currency '" + currency + "' is not supported; use one of " + RATES.keySet());
    }
    JsonNode items = read().path("items");
    Map<String, JsonNode> catalogue = new HashMap<>();
    items.forEach(item -> catalogue.put(item.path("partNumber").asText(), item));
    for (String[] billed : BILLED) {
      JsonNode item = catalogue.get(billed[0]);
      if (item == null) {
        throw new IllegalStateException("price list has no SKU " + billed[0]);
      }
      JsonNode prices = item.path("currencyCodeLocalizations").get(0).path("prices");
      // tier-aware: a zero-priced first tier is the monthly free allowance, the marginal price is
      // the last tier's (every SKU used here has at most these two tiers)
      JsonNode last = prices.get(prices.size() - 1);
      long free = 0;
      if (prices.size() > 1 && prices.get(0).path("value").decimalValue().signum() == 0) {
        free = units(prices.get(0).path("rangeMax").decimalValue());
      }
      long price = micros(last.path("value").decimalValue().multiply(rate));
      add(billed[0], item.path("displayName").asText().replace("  ", " "), billed[1], price, free);
    }
    add(
        SUPPORT,
        "Oracle Cloud Support (simulated)",
        "Days",
        micros(new BigDecimal("3").multiply(rate)),
        0);
    add(
        CREDIT,
        "Promotional Credit (simulated)",
        "Credits",
        micros(new BigDecimal("-40").multiply(rate)),
        0);
  }

  private void add(String part, String name, String unit, long price, long free) {
    Sku sku = new Sku(skus.size(), part, name, unit, price, price, free);
    skus.add(sku);
    byPart.put(part, sku);
  }

  private static long micros(BigDecimal value) {
    return value.setScale(Sku.PRICE_SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
  }

  private static long units(BigDecimal quantity) {
    return quantity
        .setScale(Sku.QUANTITY_SCALE, RoundingMode.HALF_UP)
        .unscaledValue()
        .longValueExact();
  }

  private static JsonNode read() {
    try (InputStream in = PriceList.class.getResourceAsStream("prices_usd.json")) {
      if (in == null) {
        throw new IllegalStateException("prices_usd.json is missing from the simulator jar");
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Sku sku(String partNumber) {
    Sku sku = byPart.get(partNumber);
    if (sku == null) {
      throw new IllegalArgumentException("unknown SKU " + partNumber);
    }
    return sku;
  }

  List<Sku> all() {
    return skus;
  }

  String currency() {
    return currency;
  }
}
