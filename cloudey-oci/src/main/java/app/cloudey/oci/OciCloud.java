package app.cloudey.oci;

import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.oci.internal.OciCalls;
import app.cloudey.oci.internal.OciClients;
import app.cloudey.oci.internal.OciConnection;
import app.cloudey.oci.internal.RateLimits;
import app.cloudey.oci.internal.SharedExecutors;
import app.cloudey.spi.AccountProfile;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CloudProvider;
import app.cloudey.spi.CloudeyListener;
import app.cloudey.spi.PriceBook;
import com.oracle.bmc.Region;
import com.oracle.bmc.identity.model.Tenancy;
import com.oracle.bmc.identity.requests.GetTenancyRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Cloudey's {@link CloudProvider} for Oracle Cloud, on the OCI Java SDK: inventory (Identity,
 * Compute, Block Storage, Object Storage, File Storage, Database, Load Balancer), costs (Usage API)
 * and metrics (Monitoring).
 *
 * <p>Thread-safe: share one instance for every OCI account. Its rate limits (per service and per
 * tenancy, from {@link OciOptions}) are kept per tenancy, so every connection to one tenancy made
 * through this instance (two accounts on one tenancy, a reconnect, two {@code Cloudey} instances
 * built with it) shares them. Each {@link #connect connection} holds its own SDK clients and
 * concurrency limit, and must be closed. Every call is retried on throttling, server errors and
 * timeouts within those limits; the SDK's own retries and circuit breaker are switched off.
 *
 * <p>Threads: the HTTP calls of every connection ({@link OciOptions#httpThreads()}) and their
 * background work (Monitoring batches fetched ahead, attachment listings of other compartments) run
 * on small pools this instance owns and shares, so a thousand accounts use no more threads than
 * one. Their daemon threads start on demand and end after half a minute idle; {@link #close()} ends
 * them for good.
 *
 * <p>Advisor: it contributes the whole rule catalogue with OCI's knowledge ({@link
 * #advisorRules()}: list-price estimates, shapes that bill while stopped, old shape generations)
 * and the bundled list prices ({@link #priceBook()}), so {@code Cloudey.builder().oci(cfg)} needs
 * no rule registered by hand; an explicit {@code Builder.rule} replaces the rule of the same id. An
 * account whose {@link OciConfig#pricing()} sets a discount or contract prices gets the catalogue
 * built with them at each of its runs ({@link #advisorRules(Credentials)}).
 *
 * <p>Errors: {@link app.cloudey.CloudeyConfigException} for invalid configuration (with what to
 * fix), {@link CloudeyAuthException} when OCI refuses the key or a policy is missing, {@link
 * app.cloudey.CloudeyRateLimitedException} and {@link app.cloudey.CloudeyProviderException} after
 * retries; each carries OCI's {@code opc-request-id}.
 *
 * <pre>{@code
 * CloudProvider oci = OciCloud.create();
 * OciConfig config = OciConfig.fromFile(Path.of(home, ".oci/config"), "DEFAULT");
 * AccountProfile profile = oci.validate(config.toCredentials()); // signs one GetTenancy call
 * try (CloudConnection c = oci.connect(account, config.toCredentials())) {
 *   List<String> regions = c.inventory().regions();
 * }
 * }</pre>
 */
public final class OciCloud implements CloudProvider, AutoCloseable {
  private final OciOptions options;
  private final ConcurrentMap<String, RateLimits> rateLimits = new ConcurrentHashMap<>();
  private final SharedExecutors executors;
  private final List<AdvisorRule> rules = OciPriceBook.bundled().advisorRules();

  /** Rules per account pricing (accounts with equal pricing share them); bounded. */
  private final ConcurrentMap<AccountPricing, List<AdvisorRule>> pricedRules =
      new ConcurrentHashMap<>();

  private static final int MAX_PRICED_RULE_SETS = 1024;
  private volatile boolean closed;

  private OciCloud(OciOptions options) {
    this.options = options;
    this.executors = new SharedExecutors(options);
  }

  /** With {@link OciOptions#ofDefaults()}. */
  public static OciCloud create() {
    return new OciCloud(OciOptions.ofDefaults());
  }

  public static OciCloud create(OciOptions options) {
    if (options == null) {
      throw new app.cloudey.CloudeyConfigException(
          "options must not be null; use OciOptions.ofDefaults()");
    }
    return new OciCloud(options);
  }

  public OciOptions options() {
    return options;
  }

  @Override
  public String id() {
    return OciConfig.PROVIDER;
  }

  /**
   * What the configuration says without calling OCI: the tenancy OCID, the configured region as
   * home region and the tenancy OCID as provisional name ({@link #validate} reads the real ones).
   *
   * @throws app.cloudey.CloudeyConfigException the configuration is invalid
   */
  @Override
  public AccountProfile describe(Credentials credentials) {
    OciConfig config = OciConfig.fromCredentials(credentials);
    return new AccountProfile(config.tenancyId(), config.region(), config.tenancyId());
  }

  /**
   * Checks the configuration locally (OCIDs, region, PEM key, passphrase, fingerprint), then signs
   * one {@code GetTenancy} call to confirm OCI accepts the key.
   *
   * @throws app.cloudey.CloudeyConfigException the configuration is invalid
   * @throws CloudeyAuthException OCI refused the key (401) or the user may not read the tenancy
   */
  @Override
  public AccountProfile validate(Credentials credentials) {
    OciConfig config = OciConfig.fromCredentials(credentials);
    return validate(config);
  }

  /** {@link #validate(Credentials)} for a configuration at hand. */
  public AccountProfile validate(OciConfig config) {
    String hint = OciConnection.authHint(config);
    OciCalls calls = new OciCalls(options, rateLimits(config), hint);
    try (OciClients clients = new OciClients(config, options, executors.http())) {
      Tenancy tenancy =
          calls
              .call(
                  OciService.IDENTITY,
                  "GetTenancy",
                  () ->
                      clients
                          .identity(config.region())
                          .getTenancy(
                              GetTenancyRequest.builder().tenancyId(config.tenancyId()).build()))
              .getTenancy();
      String name =
          tenancy.getName() == null || tenancy.getName().isBlank()
              ? config.tenancyId()
              : tenancy.getName();
      return new AccountProfile(config.tenancyId(), homeRegion(tenancy, config), name);
    } catch (CloudeyNotFoundException e) {
      throw new CloudeyAuthException(
          "OCI does not let user "
              + config.userId()
              + " read tenancy "
              + config.tenancyId()
              + " (404 NotAuthorizedOrNotFound): check the tenancy OCID, and that the user's group"
              + " may 'inspect tenancies' (e.g. 'Allow group <group> to inspect all-resources in"
              + " tenancy')",
          e,
          e.requestId().orElse(null));
    }
  }

  private static String homeRegion(Tenancy tenancy, OciConfig config) {
    String key = tenancy.getHomeRegionKey();
    if (key != null && !key.isBlank()) {
      try {
        return Region.fromRegionCode(key.toLowerCase(java.util.Locale.ROOT)).getRegionId();
      } catch (IllegalArgumentException e) {
        // a region newer than the SDK: the configured region is the best we know
      }
    }
    return config.region();
  }

  /** Opens a connection; no call is made until a source is used. The caller closes it. */
  @Override
  public CloudConnection connect(Account account, Credentials credentials) {
    return connect(account.id(), OciConfig.fromCredentials(credentials));
  }

  /**
   * Opens a connection whose call events go to {@code listener} as well as to {@link
   * OciOptions#listener()}.
   */
  @Override
  public CloudConnection connect(
      Account account, Credentials credentials, CloudeyListener listener) {
    OciOptions withListener =
        options.toBuilder()
            .listener(CloudeyListener.composite(List.of(options.listener(), listener)))
            .build();
    OciConfig config = OciConfig.fromCredentials(credentials);
    checkOpen();
    return new OciConnection(account.id(), config, withListener, rateLimits(config), executors);
  }

  /** A connection for a configuration at hand, e.g. with per-account endpoint overrides. */
  public CloudConnection connect(AccountId accountId, OciConfig config) {
    checkOpen();
    return new OciConnection(accountId, config, options, rateLimits(config), executors);
  }

  /**
   * Ends the shared background threads; connections still open keep working (their background work
   * then runs in the calling thread), new ones are refused. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    executors.close();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this OciCloud is closed; create a new one");
    }
  }

  /** The tenancy's limits, made on its first connection; OCI throttles per tenancy. */
  private RateLimits rateLimits(OciConfig config) {
    return rateLimits.computeIfAbsent(config.tenancyId(), t -> new RateLimits(options));
  }

  /**
   * The full advisor rule catalogue with OCI's knowledge ({@link OciPriceBook#advisorRules()} of
   * the bundled list prices): resources without billed cost are priced from their configuration at
   * the tenancy's billed unit prices, else at list prices (cited); shapes that bill while stopped
   * and old shape generations come from {@link OciShapes}. {@code Cloudey.builder().oci(cfg)}
   * registers them; a rule given to {@code Builder.rule} with the same id replaces one of these.
   * The same list (same instances) on every call.
   */
  @Override
  public List<AdvisorRule> advisorRules() {
    return rules;
  }

  /**
   * The rule catalogue for one account: {@link #advisorRules()} (the same list) when its
   * configuration sets no {@link OciConfig#pricing() pricing}, else the same rules estimating with
   * its contract prices and discount ({@link OciPriceBook#advisorRules(AccountPricing)}). Cloudey
   * calls this at each run of an OCI account, so {@code .oci(config)} and {@code accounts().add(id,
   * config)} with a priced {@code OciConfig} are all it takes. Reads only the {@code pricing.*}
   * properties; no call to OCI.
   *
   * @throws app.cloudey.CloudeyConfigException a stored pricing property is invalid
   */
  @Override
  public List<AdvisorRule> advisorRules(Credentials credentials) {
    AccountPricing pricing = OciConfig.pricing(credentials);
    if (pricing.equals(AccountPricing.listPrices())) {
      return rules;
    }
    if (pricedRules.size() >= MAX_PRICED_RULE_SETS) {
      pricedRules.clear(); // many distinct contracts: rebuilding rules is cheap
    }
    return pricedRules.computeIfAbsent(pricing, p -> OciPriceBook.bundled().advisorRules(p));
  }

  /** The bundled OCI list prices ({@link OciPriceBook#bundled()}). */
  @Override
  public Optional<PriceBook> priceBook() {
    return Optional.of(OciPriceBook.bundled());
  }

  @Override
  public String toString() {
    return "OciCloud[" + options + "]";
  }
}
