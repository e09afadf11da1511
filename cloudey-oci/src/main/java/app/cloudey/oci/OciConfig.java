package app.cloudey.oci;

import app.cloudey.CloudeyConfigException;
import app.cloudey.Credentials;
import app.cloudey.oci.internal.ConfigChecks;
import app.cloudey.oci.internal.ConfigFile;
import app.cloudey.oci.internal.PemKeys;
import app.cloudey.spi.CloudConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One OCI account's API-key configuration: tenancy and user OCIDs, key fingerprint, home region and
 * the private key's PEM text (held in memory only, never written to disk), with its passphrase when
 * the key is encrypted.
 *
 * <p>Every way of building one validates it locally and fails with a {@link CloudeyConfigException}
 * that says what to fix: malformed OCIDs, an unknown region, a key that is not PEM, a public key,
 * an encrypted key without (or with a wrong) passphrase, or a fingerprint that does not match the
 * key. Whether OCI accepts the key is checked by {@link OciCloud#validate}.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never prints the key or passphrase.
 *
 * <pre>{@code
 * OciConfig fromFile = OciConfig.fromFile(Path.of(home, ".oci/config"), "DEFAULT");
 * OciConfig explicit = OciConfig.builder()
 *     .tenancyId("ocid1.tenancy.oc1..aaaa...")
 *     .userId("ocid1.user.oc1..aaaa...")
 *     .fingerprint("20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34")
 *     .region("eu-frankfurt-1")
 *     .privateKey(pemText)
 *     .build();
 * Credentials stored = explicit.toCredentials(); // key and passphrase marked secret
 * }</pre>
 */
public final class OciConfig implements CloudConfig {
  /** Provider id of OCI credentials. */
  public static final String PROVIDER = "oci";

  public static final String TENANCY = "tenancy";
  public static final String USER = "user";
  public static final String FINGERPRINT = "fingerprint";
  public static final String REGION = "region";

  /** Secret: the private key's PEM text. */
  public static final String PRIVATE_KEY = "privateKey";

  /** Secret: the private key's passphrase, present only for encrypted keys. */
  public static final String PASSPHRASE = "passphrase";

  /** The account's discount on list prices in percent (see {@link Builder#pricing}). */
  public static final String PRICING_DISCOUNT_PERCENT = "pricing.discountPercent";

  /** The currency of the account's contract prices, when not USD (see {@link Builder#pricing}). */
  public static final String PRICING_CURRENCY = "pricing.currency";

  /**
   * Prefix of the account's contract unit prices: {@code pricing.contractUnitPrice.B97384 = 0.024}
   * (see {@link Builder#pricing}).
   */
  public static final String PRICING_CONTRACT_PREFIX = "pricing.contractUnitPrice.";

  private final String tenancyId;
  private final String userId;
  private final String fingerprint;
  private final String region;
  private final String privateKey;
  private final @Nullable String passphrase;
  private final @Nullable EndpointOverride endpoints;
  private final OciOptions options;
  private final AccountPricing pricing;

  private OciConfig(Builder b) {
    this.tenancyId = ConfigChecks.ocid(b.tenancyId, "tenancy", "tenancyId");
    this.userId = ConfigChecks.ocid(b.userId, "user", "userId");
    this.fingerprint = ConfigChecks.fingerprint(b.fingerprint, "fingerprint");
    this.region = ConfigChecks.region(b.region, "region");
    // stored normalised, so the SDK signs with exactly the text that was validated
    this.privateKey =
        PemKeys.normalise(
            ConfigChecks.required(b.privateKey, "privateKey (the PEM text of the key)"));
    this.passphrase = b.passphrase == null || b.passphrase.isEmpty() ? null : b.passphrase;
    this.endpoints = b.endpoints;
    this.options = b.options;
    this.pricing = b.pricing;
    String actual = PemKeys.parse(privateKey, passphrase).fingerprint();
    if (!actual.equals(fingerprint)) {
      throw new CloudeyConfigException(
          "fingerprint "
              + fingerprint
              + " does not match the private key, whose fingerprint is "
              + actual
              + ": use the fingerprint the OCI console shows for this key (Identity > Users >"
              + " API keys) or supply the matching key");
    }
  }

  /**
   * Overrides the base URL of an SDK client in a region, e.g. to talk to a simulator. Return null
   * to keep OCI's default endpoint.
   */
  @FunctionalInterface
  public interface EndpointOverride {
    /**
     * @param clientName simple name of the SDK client class, e.g. {@code ComputeClient} (see {@link
     *     OciService#clientName()})
     * @param region region id, e.g. {@code us-ashburn-1}
     * @return base URL such as {@code http://127.0.0.1:8123/us-ashburn-1/compute}, or null
     */
    @Nullable String baseUrl(String clientName, String region);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .tenancyId(tenancyId)
        .userId(userId)
        .fingerprint(fingerprint)
        .region(region)
        .privateKey(privateKey)
        .passphrase(passphrase)
        .endpoints(endpoints)
        .options(options)
        .pricing(pricing);
  }

  /**
   * Reads a profile of an OCI config file: {@code tenancy}, {@code user}, {@code fingerprint},
   * {@code region}, {@code key_file} and optionally {@code pass_phrase}; values in {@code
   * [DEFAULT]} are inherited. The key file is read once, into memory.
   *
   * @throws CloudeyConfigException the file, profile or key cannot be read, or a value is invalid
   */
  public static OciConfig fromFile(Path configFile, String profile) {
    ConfigFile.Profile p = ConfigFile.read(configFile, profile);
    return builder()
        .tenancyId(p.require("tenancy"))
        .userId(p.require("user"))
        .fingerprint(p.require("fingerprint"))
        .region(p.require("region"))
        .privateKey(p.get("key_content") != null ? p.require("key_content") : p.readKeyFile())
        .passphrase(p.get("pass_phrase"))
        .build();
  }

  /**
   * Rebuilds a configuration from stored credentials (see {@link #toCredentials()}). Endpoint
   * overrides are code and do not travel through credentials; set them on {@link
   * OciOptions.Builder#endpoints} instead.
   */
  public static OciConfig fromCredentials(Credentials credentials) {
    if (!PROVIDER.equals(credentials.provider())) {
      throw new CloudeyConfigException(
          "credentials are for provider '" + credentials.provider() + "', not '" + PROVIDER + "'");
    }
    return builder()
        .tenancyId(credentials.require(TENANCY))
        .userId(credentials.require(USER))
        .fingerprint(credentials.require(FINGERPRINT))
        .region(credentials.require(REGION))
        .privateKey(credentials.require(PRIVATE_KEY))
        .passphrase(credentials.properties().get(PASSPHRASE))
        .pricing(pricing(credentials))
        .build();
  }

  /**
   * The account pricing stored in OCI credentials ({@link #toCredentials()}): discount, contract
   * unit prices and their currency; {@link AccountPricing#listPrices()} when none is set. Reads
   * only those properties (no key check), so the advisor can call it at every run.
   *
   * @throws CloudeyConfigException a pricing property is not a valid number or currency
   */
  static AccountPricing pricing(Credentials credentials) {
    AccountPricing.Builder b = AccountPricing.builder();
    boolean any = false;
    for (Map.Entry<String, String> e : credentials.properties().entrySet()) {
      String key = e.getKey();
      if (key.equals(PRICING_DISCOUNT_PERCENT)) {
        b.discountPercent(decimal(key, e.getValue()));
        any = true;
      } else if (key.equals(PRICING_CURRENCY)) {
        b.currency(e.getValue().trim());
        any = true;
      } else if (key.startsWith(PRICING_CONTRACT_PREFIX)
          && key.length() > PRICING_CONTRACT_PREFIX.length()) {
        b.contractUnitPrice(
            key.substring(PRICING_CONTRACT_PREFIX.length()), decimal(key, e.getValue()));
        any = true;
      }
    }
    return any ? b.build() : AccountPricing.listPrices();
  }

  private static java.math.BigDecimal decimal(String key, String value) {
    try {
      return new java.math.BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw new CloudeyConfigException(
          "OCI credentials property " + key + " must be a decimal number, was '" + value + "'", e);
    }
  }

  /** The configuration as credentials, the key and passphrase marked secret. */
  public Credentials toCredentials() {
    Map<String, String> properties = new HashMap<>();
    properties.put(TENANCY, tenancyId);
    properties.put(USER, userId);
    properties.put(FINGERPRINT, fingerprint);
    properties.put(REGION, region);
    properties.put(PRIVATE_KEY, privateKey);
    if (passphrase != null) {
      properties.put(PASSPHRASE, passphrase);
    }
    if (pricing.discountPercent().signum() != 0) {
      properties.put(PRICING_DISCOUNT_PERCENT, pricing.discountPercent().toPlainString());
    }
    if (!pricing.currency().equals(AccountPricing.DEFAULT_CURRENCY)) {
      properties.put(PRICING_CURRENCY, pricing.currency().getCurrencyCode());
    }
    pricing
        .contractUnitPrices()
        .forEach(
            (sku, price) -> properties.put(PRICING_CONTRACT_PREFIX + sku, price.toPlainString()));
    return new Credentials(PROVIDER, properties, Set.of(PRIVATE_KEY, PASSPHRASE));
  }

  @Override
  public String providerId() {
    return PROVIDER;
  }

  /** {@link #toCredentials()}. */
  @Override
  public Credentials credentials() {
    return toCredentials();
  }

  /**
   * A new {@link OciCloud} with this configuration's {@link #options()}, and its {@link
   * #endpoints()} when set (so a simulator or private endpoint applies to every account of that
   * provider). The caller closes it; {@code Cloudey} closes the one it builds from {@code
   * .oci(config)}.
   */
  @Override
  public OciCloud createProvider() {
    OciOptions effective =
        endpoints == null ? options : options.toBuilder().endpoints(endpoints).build();
    return OciCloud.create(effective);
  }

  /**
   * Options of the provider {@link #createProvider()} builds; default {@link
   * OciOptions#ofDefaults()}.
   */
  public OciOptions options() {
    return options;
  }

  public String tenancyId() {
    return tenancyId;
  }

  public String userId() {
    return userId;
  }

  /** Lower-case {@code aa:bb:...} form. */
  public String fingerprint() {
    return fingerprint;
  }

  /** The home region (or the region the account is used from), e.g. {@code us-ashburn-1}. */
  public String region() {
    return region;
  }

  /** Secret: the private key's PEM text. */
  public String privateKey() {
    return privateKey;
  }

  /** Secret: the passphrase of an encrypted key. */
  public Optional<String> passphrase() {
    return Optional.ofNullable(passphrase);
  }

  public Optional<EndpointOverride> endpoints() {
    return Optional.ofNullable(endpoints);
  }

  /**
   * How this account is priced on top of the OCI list prices: its contract unit prices and its
   * discount ({@link AccountPricing#listPrices()} unless {@link Builder#pricing} was set). Stored
   * with the account's credentials; the advisor's list-price estimates for this account use it.
   */
  public AccountPricing pricing() {
    return pricing;
  }

  @Override
  public String toString() {
    return "OciConfig[tenancyId="
        + tenancyId
        + ", userId="
        + userId
        + ", fingerprint="
        + fingerprint
        + ", region="
        + region
        + ", privateKey=<redacted>"
        + (passphrase == null ? "" : ", passphrase=<redacted>")
        + (endpoints == null ? "" : ", endpoints=overridden")
        + (pricing.equals(AccountPricing.listPrices()) ? "" : ", pricing=" + describe(pricing))
        + "]";
  }

  private static String describe(AccountPricing pricing) {
    return "discount "
        + pricing.discountPercent().toPlainString()
        + " %, "
        + pricing.contractUnitPrices().size()
        + " contract unit prices"
        + (pricing.currency().equals(AccountPricing.DEFAULT_CURRENCY)
            ? ""
            : " in " + pricing.currency().getCurrencyCode());
  }

  /** Builder for {@link OciConfig}; {@link #build()} validates everything at once. */
  public static final class Builder {
    private @Nullable String tenancyId;
    private @Nullable String userId;
    private @Nullable String fingerprint;
    private @Nullable String region;
    private @Nullable String privateKey;
    private @Nullable String passphrase;
    private @Nullable EndpointOverride endpoints;
    private OciOptions options = OciOptions.ofDefaults();
    private AccountPricing pricing = AccountPricing.listPrices();

    private Builder() {}

    public Builder tenancyId(String tenancyId) {
      this.tenancyId = tenancyId;
      return this;
    }

    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    public Builder fingerprint(String fingerprint) {
      this.fingerprint = fingerprint;
      return this;
    }

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The PEM text of the private key (PKCS#1 or PKCS#8, optionally encrypted). */
    public Builder privateKey(String pem) {
      this.privateKey = pem;
      return this;
    }

    public Builder passphrase(@Nullable String passphrase) {
      this.passphrase = passphrase;
      return this;
    }

    /** Per-account endpoint overrides (tests, simulators, private endpoints). */
    public Builder endpoints(@Nullable EndpointOverride endpoints) {
      this.endpoints = endpoints;
      return this;
    }

    /**
     * Timeouts, rate limits and retries of the provider that {@link OciConfig#createProvider()}
     * builds (used by {@code Cloudey.builder().oci(config)}); not part of the stored credentials.
     */
    public Builder options(OciOptions options) {
      if (options == null) {
        throw new CloudeyConfigException("options must not be null; use OciOptions.ofDefaults()");
      }
      this.options = options;
      return this;
    }

    /**
     * This account's prices on top of the OCI list prices, for the advisor's estimates of resources
     * without billed cost (a resource with billed cost is always priced at it): contract unit
     * prices per SKU, and a discount on list prices. Per SKU, the tenancy's own unit prices from
     * its cost lines still win, then a contract price, then the list price less the discount. Set
     * the {@linkplain AccountPricing.Builder#currency currency} when contract prices are in another
     * currency than USD (by default they are taken in the currency the account bills in).
     *
     * <p>It is stored with the account's credentials (not secret: {@code pricing.*} properties), so
     * {@code Cloudey.builder().oci(config)} and {@code cloudey.accounts().add(id, config)} are
     * enough: each account's runs use its own pricing. Default: {@link
     * AccountPricing#listPrices()}.
     *
     * <pre>{@code
     * OciConfig acme = OciConfig.fromFile(path, "ACME").toBuilder()
     *     .pricing(AccountPricing.builder().discountPercent(new BigDecimal("12.5")).build())
     *     .build();
     * }</pre>
     *
     * @throws CloudeyConfigException (on {@link #build()}) the pricing carries billed unit prices
     *     or tenancy quantities, which come from the account's cost lines at each run
     */
    public Builder pricing(AccountPricing pricing) {
      if (pricing == null) {
        throw new CloudeyConfigException(
            "pricing must not be null; use AccountPricing.listPrices() for none");
      }
      this.pricing = pricing;
      return this;
    }

    /**
     * @throws CloudeyConfigException a value is missing or invalid, with what to fix
     */
    public OciConfig build() {
      if (!pricing.billed().isEmpty() || !pricing.tenancyMonthlyQuantities().isEmpty()) {
        throw new CloudeyConfigException(
            "an OciConfig's pricing takes contract unit prices, a discount and a currency only: the"
                + " tenancy's billed unit prices and monthly quantities come from its cost lines at"
                + " each advisor run; build it with AccountPricing.builder() without billed(...)"
                + " or tenancyMonthlyQuantity(...)");
      }
      return new OciConfig(this);
    }
  }
}
