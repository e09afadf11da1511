package app.cloudey.server.internal;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.model.AccountId;
import app.cloudey.scheduler.CloudeyScheduler;
import app.cloudey.server.ServerConfig;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.store.postgres.PostgresStore;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** What the routes work with; built and closed by {@code CloudeyServer}. */
public final class Services {
  private final ServerConfig config;
  private final Cloudey cloudey;
  private final PostgresStore store;
  private final CloudeyCache cache;
  private final DataSource dataSource;
  private final Users users;
  private final Sessions sessions = new Sessions();
  private final @Nullable CloudeyScheduler scheduler;
  private final PrometheusMeterRegistry registry;
  private final @Nullable String llmProvider;

  /**
   * Account handles for the request path, so that a cached view costs no account read (the read
   * decrypts the credentials). A handle carries no data of its own beyond the account record; the
   * routes that change an account forget it here, other instances see the change within the TTL.
   */
  private final Cache<AccountId, CloudeyAccount> accounts =
      Caffeine.newBuilder().expireAfterWrite(ACCOUNT_HANDLE_TTL).maximumSize(10_000).build();

  static final Duration ACCOUNT_HANDLE_TTL = Duration.ofSeconds(10);

  public Services(
      ServerConfig config,
      Cloudey cloudey,
      PostgresStore store,
      CloudeyCache cache,
      DataSource dataSource,
      Users users,
      @Nullable CloudeyScheduler scheduler,
      PrometheusMeterRegistry registry,
      @Nullable String llmProvider) {
    this.config = config;
    this.cloudey = cloudey;
    this.store = store;
    this.cache = cache;
    this.dataSource = dataSource;
    this.users = users;
    this.scheduler = scheduler;
    this.registry = registry;
    this.llmProvider = llmProvider;
  }

  public ServerConfig config() {
    return config;
  }

  public Cloudey cloudey() {
    return cloudey;
  }

  public PostgresStore store() {
    return store;
  }

  public CloudeyCache cache() {
    return cache;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Users users() {
    return users;
  }

  public Sessions sessions() {
    return sessions;
  }

  public Optional<CloudeyScheduler> scheduler() {
    return Optional.ofNullable(scheduler);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The configured LLM provider ({@code openai}, {@code anthropic}), if any. */
  public Optional<String> llmProvider() {
    return Optional.ofNullable(llmProvider);
  }

  /**
   * The user's Cloudey account.
   *
   * @throws ApiException 409 {@code oci_config_missing} before the user posted an OCI configuration
   */
  public CloudeyAccount account(User user) {
    CloudeyAccount cached = accounts.getIfPresent(user.accountId());
    if (cached != null) {
      return cached;
    }
    try {
      CloudeyAccount account = cloudey.account(user.accountId());
      accounts.put(user.accountId(), account);
      return account;
    } catch (CloudeyNotFoundException e) {
      throw new ApiException(
          409,
          "oci_config_missing",
          "user "
              + user.id()
              + " has no OCI configuration yet: POST /oci-config/"
              + user.id()
              + " first");
    }
  }

  /** Drops this instance's account handle after the account's configuration changed. */
  public void forgetAccount(AccountId accountId) {
    accounts.invalidate(accountId);
  }
}
