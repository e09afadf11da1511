package app.cloudey.server.internal;

import app.cloudey.CloudeyAccount;
import app.cloudey.CloudeyConfigException;
import app.cloudey.Credentials;
import app.cloudey.Job;
import app.cloudey.model.AccountId;
import app.cloudey.oci.AccountPricing;
import app.cloudey.oci.OciConfig;
import app.cloudey.server.internal.Api.Access;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code PUT /pricing/{user_id}} and {@code GET /pricing/{user_id}}: the account's discount on OCI
 * list prices, its contract unit prices per SKU and their currency ({@link
 * OciConfig.Builder#pricing}), stored inside the account's encrypted OCI credentials. A change
 * replaces only the pricing (the key and the other fields stay as stored; no OCI call) and starts a
 * recommendation run, so the stored run, and the dashboard's summary of it, are re-priced rather
 * than left showing the old estimates.
 */
public final class PricingRoutes {
  /** Most contract prices one account may carry: they travel in its credentials. */
  static final int MAX_CONTRACT_PRICES = 1_000;

  /** Most digits after the point, and before it, of a discount or unit price. */
  static final int MAX_DECIMALS = 12;

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** OCI part numbers are like {@code B93113}; this is looser, but keeps keys printable. */
  private static final Pattern SKU = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final Set<String> FIELDS =
      Set.of("discount_percent", "contract_prices", "currency");

  /** Exact decimals: a JSON number is read as a BigDecimal, never through a double. */
  private static final ObjectReader TREE =
      Json.MAPPER.readerFor(JsonNode.class).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private PricingRoutes() {}

  /**
   * The pricing as stored (decimal strings).
   *
   * @param currency ISO 4217 code of the contract prices and of the estimates
   * @param recommendationsJobId the recommendation run the change started; null on {@code GET} and
   *     when a {@code PUT} changed nothing
   */
  record PricingView(
      long userId,
      String discountPercent,
      String currency,
      Map<String, String> contractPrices,
      @Nullable String recommendationsJobId) {
    static PricingView of(long userId, AccountPricing p, @Nullable String jobId) {
      Map<String, String> prices = new TreeMap<>();
      p.contractUnitPrices().forEach((sku, price) -> prices.put(sku, price.toPlainString()));
      return new PricingView(
          userId,
          p.discountPercent().toPlainString(),
          p.currency().getCurrencyCode(),
          prices,
          jobId);
    }
  }

  public static void register(Api api, Services s) {
    api.tag("pricing");
    api.put(
        "/pricing/{user_id}",
        Access.OWNER,
        "Replace your account's pricing: {discount_percent, contract_prices: {SKU: unit price},"
            + " currency} with decimal strings or numbers (absent = 0 / none) and an ISO 4217"
            + " code for the contract prices and estimates (absent = keep the stored currency,"
            + " USD by default; 400 invalid_currency); only the pricing of the stored OCI"
            + " configuration changes. A change, of the currency alone too, starts a"
            + " recommendation run (recommendations_job_id). 409 oci_config_missing before POST"
            + " /oci-config",
        200,
        (ctx, user) -> {
          Requested requested = parse(ctx);
          CloudeyAccount account = s.account(user); // 409 oci_config_missing before a config
          AccountId id = user.accountId();
          // read, change and write in one step of the store: a concurrent POST /oci-config (a new
          // key) or PUT is neither undone by this one nor undoes it
          AccountPricing[] before = new AccountPricing[1];
          AccountPricing[] after = new AccountPricing[1];
          s.store()
              .accounts()
              .updateCredentials(
                  id,
                  stored -> {
                    OciConfig config = OciConfig.fromCredentials(stored);
                    before[0] = config.pricing();
                    after[0] = requested.on(config.pricing());
                    // the store re-encrypts; the key is unchanged, so the open connection stays
                    // valid and the advisor reads the pricing from the store at its next run
                    return config.toBuilder().pricing(after[0]).build().toCredentials();
                  });
          AccountPricing pricing = after[0];
          String jobId = null;
          if (!pricing.equals(before[0])) {
            Job run = account.recommendations().generateAsync();
            jobId = run.id();
          }
          ctx.json(PricingView.of(user.id(), pricing, jobId));
        });
    api.get(
        "/pricing/{user_id}",
        Access.OWNER,
        "Your account's pricing: discount on list prices, contract unit prices per SKU and their"
            + " currency",
        200,
        (ctx, user) -> {
          s.account(user);
          ctx.json(PricingView.of(user.id(), storedPricing(s, user.accountId()), null));
        });
  }

  /** The pricing stored with the account's OCI credentials. */
  static AccountPricing storedPricing(Services s, AccountId id) {
    return OciConfig.fromCredentials(s.store().accounts().credentials(id)).pricing();
  }

  /**
   * New credentials with the pricing stored with the old ones, so that posting the OCI
   * configuration again (a new key, say) keeps the account's pricing: the merge of {@link
   * app.cloudey.Accounts#updateCredentials(AccountId, Credentials,
   * java.util.function.BinaryOperator)}, applied atomically with the write. The new credentials
   * alone when the stored ones cannot be read as an OCI configuration.
   */
  static Credentials keepStoredPricing(Credentials stored, Credentials fresh) {
    AccountPricing pricing;
    try {
      pricing = OciConfig.fromCredentials(stored).pricing();
    } catch (RuntimeException unreadable) {
      return fresh;
    }
    return OciConfig.fromCredentials(fresh).toBuilder().pricing(pricing).build().toCredentials();
  }

  /**
   * What a {@code PUT} asks for: the discount and the contract prices, both replaced.
   *
   * @param currency the contract prices' currency; null keeps the stored one
   */
  record Requested(
      BigDecimal discountPercent,
      Map<String, BigDecimal> contractPrices,
      @Nullable Currency currency) {
    /** The new pricing, in the requested currency, else the stored pricing's. */
    AccountPricing on(AccountPricing stored) {
      Currency cur = currency != null ? currency : stored.currency();
      AccountPricing.Builder b =
          AccountPricing.builder().currency(cur.getCurrencyCode()).discountPercent(discountPercent);
      contractPrices.forEach(b::contractUnitPrice);
      return b.build();
    }
  }

  /** The body, checked; 400 naming the field when a value is wrong. */
  static Requested parse(Context ctx) {
    JsonNode root = Json.body(ctx, TREE);
    if (!root.isObject()) {
      throw ApiException.badRequest("invalid_json", "the JSON body must be an object");
    }
    // the route replaces the pricing: a misspelt field must not silently reset it
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw ApiException.badRequest(
            "invalid_json",
            "unknown field '"
                + Auth.clip(name)
                + "': the body takes discount_percent, contract_prices and currency");
      }
    }
    BigDecimal discount = BigDecimal.ZERO;
    JsonNode d = root.get("discount_percent");
    if (d != null && !d.isNull()) {
      discount = decimal(d, "discount_percent", "invalid_discount_percent");
      if (discount.signum() < 0 || discount.compareTo(HUNDRED) >= 0) {
        throw ApiException.badRequest(
            "invalid_discount_percent",
            "discount_percent must be at least 0 and below 100, was " + discount.toPlainString());
      }
    }
    Map<String, BigDecimal> prices = new TreeMap<>();
    JsonNode c = root.get("contract_prices");
    if (c != null && !c.isNull()) {
      if (!c.isObject()) {
        throw ApiException.badRequest(
            "invalid_contract_prices",
            "contract_prices must be an object of SKU part number to unit price, e.g."
                + " {\"B93113\": \"0.0214\"}");
      }
      if (c.size() > MAX_CONTRACT_PRICES) {
        throw ApiException.badRequest(
            "invalid_contract_prices",
            "contract_prices has " + c.size() + " SKUs; at most " + MAX_CONTRACT_PRICES);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String sku = e.getKey().strip();
        if (sku.isEmpty()) {
          throw ApiException.badRequest(
              "invalid_contract_prices", "contract_prices has a blank SKU part number");
        }
        if (!SKU.matcher(sku).matches()) {
          throw ApiException.badRequest(
              "invalid_contract_prices",
              "contract_prices SKU part number '"
                  + Auth.clip(sku)
                  + "' must be 1-64 letters, digits, '.', '_' or '-' (e.g. B93113)");
        }
        String field = "contract_prices." + sku;
        BigDecimal price = decimal(e.getValue(), field, "invalid_contract_prices");
        if (price.signum() < 0) {
          throw ApiException.badRequest(
              "invalid_contract_prices",
              field + " must not be negative, was " + price.toPlainString());
        }
        if (prices.put(sku, price) != null) {
          throw ApiException.badRequest(
              "invalid_contract_prices", "contract_prices names SKU " + sku + " twice");
        }
      }
    }
    return new Requested(discount, prices, currency(root.get("currency")));
  }

  /**
   * The requested currency; null (keep the stored one) when absent or {@code null}: unlike the
   * other fields it has no neutral value, and a client that only edits prices should not have to
   * know it.
   */
  private static @Nullable Currency currency(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String example = " such as \"EUR\" or \"USD\"";
    if (!node.isTextual()) {
      throw ApiException.badRequest(
          "invalid_currency",
          "currency must be a string, an ISO 4217 code" + example + ", was " + node.getNodeType());
    }
    try {
      return AccountPricing.billingCurrency(node.asText()); // trimmed, any case
    } catch (CloudeyConfigException notBillable) {
      // blank, not a code, or one nothing is billed in (XXX, XAU...): with the field's example
      throw ApiException.badRequest(
          "invalid_currency",
          "currency must be an ISO 4217 code"
              + example
              + ", was '"
              + Auth.clip(node.asText())
              + "'");
    }
  }

  /** A decimal string or JSON number, of bounded size (its plain text is stored and returned). */
  private static BigDecimal decimal(JsonNode node, String field, String code) {
    BigDecimal value;
    if (node.isNumber()) {
      value = node.decimalValue();
    } else if (node.isTextual()) {
      try {
        value = new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        throw ApiException.badRequest(
            code, field + " must be a decimal number, was '" + Auth.clip(node.asText()) + "'");
      }
    } else {
      throw ApiException.badRequest(
          code, field + " must be a decimal string or number, was " + node.getNodeType());
    }
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    // long: an exponent near Integer.MIN_VALUE must not wrap past the check
    if (value.scale() > MAX_DECIMALS || (long) value.precision() - value.scale() > MAX_DECIMALS) {
      throw ApiException.badRequest(
          code,
          field
              + " must have at most "
              + MAX_DECIMALS
              + " digits before and after the decimal point");
    }
    return value.scale() < 0 ? value.setScale(0) : value;
  }
}
