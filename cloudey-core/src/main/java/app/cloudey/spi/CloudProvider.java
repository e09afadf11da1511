package app.cloudey.spi;

import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyConfigException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;

/**
 * A cloud (OCI, later others): a factory of per-account connections. Implementations are
 * thread-safe and shared by every account of that provider.
 *
 * <pre>{@code
 * CloudProvider oci = OciCloud.create();
 * try (CloudConnection c = oci.connect(account, credentials)) {
 *   List<String> regions = c.inventory().regions();
 * }
 * }</pre>
 */
public interface CloudProvider extends AutoCloseable {

  /** Stable id stored with each account, e.g. {@code "oci"}. */
  String id();

  /**
   * What the credentials say about their account without calling the provider: the tenancy they
   * reach, and a provisional name and home region. Cloudey registers its builder's default account
   * from this, so {@code build()} makes no network call.
   *
   * @throws CloudeyConfigException malformed credentials, with what to fix
   */
  AccountProfile describe(Credentials credentials);

  /**
   * Checks credentials before an account is registered: well-formed values, a key that parses, a
   * fingerprint that matches. May call the provider once to confirm them.
   *
   * @throws CloudeyConfigException malformed credentials, with what to fix
   * @throws CloudeyAuthException the provider refused them
   */
  AccountProfile validate(Credentials credentials);

  /**
   * Opens a connection for one account. The caller closes it. Connecting is cheap and does not call
   * the provider; failures surface on first use.
   */
  CloudConnection connect(Account account, Credentials credentials);

  /**
   * Opens a connection that also reports its provider calls ({@link CloudeyListener#apiCall},
   * {@link CloudeyListener#retry}) to {@code listener}. Cloudey connects through this method with
   * the listeners given to its builder, so they see every call without being configured twice. The
   * default ignores the listener.
   */
  default CloudConnection connect(
      Account account, Credentials credentials, CloudeyListener listener) {
    return connect(account, credentials);
  }

  /**
   * Advisor rules that need this provider's knowledge (shapes, price book), added to every {@code
   * Cloudey} the provider is registered with, so {@code .oci(cfg)} alone gives them. A rule
   * registered explicitly with {@code Builder.rule} under the same {@link AdvisorRule#id() id}
   * replaces the provider's. The default contributes none.
   */
  default java.util.List<AdvisorRule> advisorRules() {
    return java.util.List.of();
  }

  /**
   * The rules for one account's runs, given its stored credentials: where an account carries
   * settings that change the rules (OCI: its contract prices or discount, set on its {@code
   * OciConfig}), the provider returns its rules built with them, under the same ids as {@link
   * #advisorRules()}. Cloudey asks for them at each run of an account of this provider, so every
   * account of a multi-tenant {@code Cloudey} gets its own settings; rules registered with {@code
   * Builder.rule} still replace these by id. Must be cheap (no network call). The default is {@link
   * #advisorRules()}.
   */
  default java.util.List<AdvisorRule> advisorRules(Credentials credentials) {
    return advisorRules();
  }

  /**
   * The provider's list prices, used when the builder was given no {@code priceBook}. The default
   * has none.
   */
  default java.util.Optional<PriceBook> priceBook() {
    return java.util.Optional.empty();
  }

  /**
   * Releases what the provider holds (shared threads, rate-limit state). Connections it opened must
   * be closed first. The default holds nothing.
   */
  @Override
  default void close() {}
}
