package app.cloudey.oci;

import app.cloudey.CloudeyConfigException;
import app.cloudey.advisor.ListPriceEstimator;
import app.cloudey.advisor.OldGenerationShapeRule;
import app.cloudey.advisor.StandardRules;
import app.cloudey.model.SkuPrice;
import app.cloudey.oci.internal.OciGenerations;
import app.cloudey.oci.internal.OciListPrices;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.PriceBook;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCI list prices (USD, pay-as-you-go), tier-aware, with the shape knowledge pricing needs ({@link
 * #shapes()}). {@link #bundled()} is the snapshot shipped in this jar: Oracle's public price-list
 * API as captured by OpenCost ({@code prices_usd.json}, 450 SKUs, 2024-01-19, Apache-2.0; see
 * {@code app/cloudey/oci/pricing/NOTICE.md}). Every estimate cites {@link #source()}.
 *
 * <p>List prices are the fallback: {@link #forAccount} gives an {@link AccountPriceBook} where the
 * tenancy's own billed unit prices win, then contract prices, then these less a discount, and where
 * an account billed in another currency gets no list-price amount at all.
 *
 * <p>Tiers: a SKU with a free monthly allowance (A1 compute, load balancer base and bandwidth,
 * object storage, egress) has several tiers, sorted by their start; price with {@link
 * SkuPrice#marginalUnitPrice} or {@link SkuPrice#costBetween}, never the first tier alone.
 *
 * <p>Immutable and thread-safe; the bundled book is parsed once per class loader.
 *
 * <pre>{@code
 * OciPriceBook book = OciPriceBook.bundled();
 * book.find("B93297").orElseThrow().marginalUnitPrice(new BigDecimal("5000")); // 0.01 (A1 OCPU)
 * AccountPriceBook prices = book.forAccount(AccountPricing.builder().billed(billed).build());
 * }</pre>
 */
public final class OciPriceBook implements PriceBook {

  /** The date of the bundled capture (the file's last change in OpenCost). */
  public static final LocalDate BUNDLED_DATE = LocalDate.of(2024, 1, 19);

  /** How estimates cite the bundled prices. */
  public static final String BUNDLED_SOURCE =
      "OCI list prices (USD, pay-as-you-go) of "
          + BUNDLED_DATE
          + ": Oracle's price-list API captured by OpenCost (prices_usd.json)";

  /**
   * Hours in Cloudey's month for list-price estimates: 30 days, the same month as the billed-cost
   * monthly figure (trailing 30 days x 30 / days of data). Oracle's own estimator uses 744.
   */
  public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(720);

  private static final Currency USD = Currency.getInstance("USD");
  private static final String RESOURCES = "/app/cloudey/oci/pricing/";

  private final Map<String, SkuPrice> prices;
  private final OciShapes shapes;
  private final String source;
  private final LocalDate date;

  private OciPriceBook(
      Map<String, SkuPrice> prices, OciShapes shapes, String source, LocalDate date) {
    this.prices = Map.copyOf(prices);
    this.shapes = shapes;
    this.source = source;
    this.date = date;
  }

  /** The list prices bundled in this jar (see the class comment for source and date). */
  public static OciPriceBook bundled() {
    return Bundled.BOOK;
  }

  /**
   * A price book from another capture of the same API ({@code items[]} with {@code partNumber},
   * {@code currencyCodeLocalizations[].prices[]}) and an OpenCost-style shape map, e.g. a newer
   * snapshot. Streams are read, not closed.
   *
   * @throws CloudeyConfigException when a document is not in that format
   */
  public static OciPriceBook of(
      InputStream pricesJson, InputStream shapesJson, String source, LocalDate date) {
    ObjectMapper mapper = new ObjectMapper();
    try {
      return new OciPriceBook(
          parsePrices(mapper.readTree(pricesJson)),
          new OciShapes(parseShapes(mapper.readTree(shapesJson))),
          source,
          date);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the OCI price list: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<SkuPrice> find(String skuPartNumber) {
    return Optional.ofNullable(prices.get(skuPartNumber.trim()));
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public Optional<LocalDate> sourceDate() {
    return Optional.of(date);
  }

  /** The list currency (USD). */
  public Currency currency() {
    return USD;
  }

  /** Number of SKUs priced. */
  public int size() {
    return prices.size();
  }

  public OciShapes shapes() {
    return shapes;
  }

  /** This book as one account pays it (billed prices, contract prices, discount, currency). */
  public AccountPriceBook forAccount(AccountPricing pricing) {
    return new AccountPriceBook(this, pricing);
  }

  /**
   * Prices resources without billed cost from their configuration, for the advisor rules: at the
   * account's own billed unit prices (from the run's cost lines) where it has them, else at these
   * list prices, citing {@link #source()} (see {@code OciListPrices}). An account billed in another
   * currency than USD gets no list-price amount: the recommendation says why.
   */
  public ListPriceEstimator estimator() {
    return estimator(AccountPricing.listPrices());
  }

  /**
   * As {@link #estimator()}, with contract unit prices or a discount on list prices; the billed
   * unit prices of each run still win (unless {@code pricing} carries billed prices of its own).
   */
  public ListPriceEstimator estimator(AccountPricing pricing) {
    return new OciListPrices(this, pricing);
  }

  /** Old shape generations and their price ratio at these list prices, for the advisor. */
  public OldGenerationShapeRule.ShapeGenerations generations() {
    return new OciGenerations(this);
  }

  /**
   * The full rule catalogue at its defaults with this book's OCI knowledge: its {@link
   * #estimator()}, {@link OciShapes#billsWhileStopped} and {@link #generations()}. {@link
   * OciCloud#advisorRules()} contributes exactly these, so {@code .oci(cfg)} needs nothing else. An
   * account's discount or contract prices go on its {@link OciConfig.Builder#pricing} (the provider
   * then contributes {@link #advisorRules(AccountPricing)} for that account); registering {@code
   * book.advisorRules(pricing).forEach(builder::rule)} explicitly also works and applies to every
   * account (explicit rules replace the provider's of the same id).
   */
  public List<AdvisorRule> advisorRules() {
    return advisorRules(AccountPricing.listPrices());
  }

  /** As {@link #advisorRules()}, estimating with {@link #estimator(AccountPricing)}. */
  public List<AdvisorRule> advisorRules(AccountPricing pricing) {
    return StandardRules.all(estimator(pricing), OciShapes::billsWhileStopped, generations());
  }

  private static Map<String, SkuPrice> parsePrices(JsonNode root) {
    JsonNode items = root.path("items");
    if (!items.isArray() || items.isEmpty()) {
      throw new CloudeyConfigException(
          "the price list has no 'items' array: expected Oracle's price-list API response");
    }
    Map<String, SkuPrice> prices = new HashMap<>();
    for (JsonNode item : items) {
      String part = item.path("partNumber").asText("");
      for (JsonNode local : item.path("currencyCodeLocalizations")) {
        if (USD.getCurrencyCode().equals(local.path("currencyCode").asText())) {
          prices.put(part, skuPrice(part, item, local.path("prices")));
        }
      }
    }
    return prices;
  }

  /** One SKU; tiers sorted by {@code rangeMin} (the API lists them in any order). */
  private static SkuPrice skuPrice(String part, JsonNode item, JsonNode priceNodes) {
    List<SkuPrice.Tier> tiers = new ArrayList<>();
    for (JsonNode p : priceNodes) {
      BigDecimal from = p.has("rangeMin") ? p.path("rangeMin").decimalValue() : BigDecimal.ZERO;
      tiers.add(new SkuPrice.Tier(from, p.path("value").decimalValue()));
    }
    tiers.sort(Comparator.comparing(SkuPrice.Tier::fromQuantity));
    return new SkuPrice(
        part,
        item.path("displayName").asText("").replaceAll("\\s+", " ").trim(),
        item.path("metricName").asText(""),
        USD,
        tiers);
  }

  private static Map<String, OciShapes.ShapeSkus> parseShapes(JsonNode root) {
    if (!root.isObject()) {
      throw new CloudeyConfigException(
          "the shape map is not a JSON object of shape -> {OCPU, Memory, GPU, Disk}");
    }
    Map<String, OciShapes.ShapeSkus> shapes = new HashMap<>();
    root.fields()
        .forEachRemaining(
            e -> {
              String shape = e.getKey();
              JsonNode n = e.getValue();
              String ocpu = n.path("OCPU").asText("");
              String gpu = n.path("GPU").asText("");
              if (shape.isBlank() || (ocpu.isEmpty() && gpu.isEmpty())) {
                return; // the map's "" default entry
              }
              shapes.put(
                  shape,
                  new OciShapes.ShapeSkus(
                      shape,
                      ocpu,
                      n.path("Memory").asText(""),
                      gpu,
                      n.path("Disk").asText(""),
                      gpu.isEmpty() ? 0 : gpus(shape)));
            });
    return shapes;
  }

  /** GPUs of a GPU shape: the last number of its name ({@code BM.GPU.A100-v2.8} has 8). */
  private static int gpus(String shape) {
    String last = shape.substring(shape.lastIndexOf('.') + 1);
    try {
      return Integer.parseInt(last);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static final class Bundled {
    static final OciPriceBook BOOK = load();

    private static OciPriceBook load() {
      try (InputStream prices = open("prices_usd.json");
          InputStream shapes = open("shape_part_numbers.json")) {
        return of(prices, shapes, BUNDLED_SOURCE, BUNDLED_DATE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static InputStream open(String name) {
      InputStream in = OciPriceBook.class.getResourceAsStream(RESOURCES + name);
      if (in == null) {
        throw new IllegalStateException(
            RESOURCES + name + " is missing from the cloudey-oci jar: rebuild it");
      }
      return in;
    }
  }
}
