package app.cloudey.testkit;

import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.spi.AccountProfile;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CloudProvider;

/**
 * A {@link CloudProvider} that forwards every call to another, for tests that intercept one part:
 * override {@link #connect(Account, Credentials)} to wrap connections (every connect goes through
 * it), or {@link #close()} to see whether Cloudey closed the provider. {@link #close()} does not
 * close the delegate, which stays its creator's.
 *
 * <pre>{@code
 * CloudProvider counting = new ForwardingCloudProvider(Fixtures.provider()) {
 *   @Override public CloudConnection connect(Account account, Credentials credentials) {
 *     connects.incrementAndGet();
 *     return super.connect(account, credentials);
 *   }
 * };
 * }</pre>
 */
public class ForwardingCloudProvider implements CloudProvider {
  private final CloudProvider delegate;

  public ForwardingCloudProvider(CloudProvider delegate) {
    this.delegate = delegate;
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public AccountProfile describe(Credentials credentials) {
    return delegate.describe(credentials);
  }

  @Override
  public AccountProfile validate(Credentials credentials) {
    return delegate.validate(credentials);
  }

  @Override
  public CloudConnection connect(Account account, Credentials credentials) {
    return delegate.connect(account, credentials);
  }

  @Override
  public java.util.List<app.cloudey.spi.AdvisorRule> advisorRules() {
    return delegate.advisorRules();
  }

  /**
   * The delegate's rules for the account, unless a subclass overrides {@link #advisorRules()}: then
   * those (the same for every account).
   */
  @Override
  public java.util.List<app.cloudey.spi.AdvisorRule> advisorRules(
      app.cloudey.Credentials credentials) {
    java.util.List<app.cloudey.spi.AdvisorRule> general = advisorRules();
    return general == delegate.advisorRules() ? delegate.advisorRules(credentials) : general;
  }

  @Override
  public java.util.Optional<app.cloudey.spi.PriceBook> priceBook() {
    return delegate.priceBook();
  }
}
