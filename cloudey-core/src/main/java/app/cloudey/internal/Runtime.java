package app.cloudey.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CloudProvider;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.spi.CloudeyListener;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.PriceBook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * What every engine shares: the wired components and the per-account cloud connections (opened on
 * first use, reused, closed with the runtime or when the account changes).
 */
public final class Runtime implements AutoCloseable {
  private final Map<String, CloudProvider> providers;
  private final CloudeyStore store;
  private final CloudeyCache cache;
  private final Clock clock;
  private final CloudeyListener listener;
  private final ExecutorService executor;
  private final Settings settings;
  private final List<AdvisorRule> rules;
  private final PriceBook priceBook;
  private final Map<AccountId, CloudConnection> connections = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public Runtime(
      Map<String, CloudProvider> providers,
      CloudeyStore store,
      CloudeyCache cache,
      Clock clock,
      CloudeyListener listener,
      ExecutorService executor,
      Settings settings,
      List<AdvisorRule> rules,
      PriceBook priceBook) {
    this.providers = Map.copyOf(providers);
    this.store = store;
    this.cache = cache;
    this.clock = clock;
    this.listener = listener;
    this.executor = executor;
    this.settings = settings;
    this.rules = List.copyOf(rules);
    this.priceBook = priceBook;
  }

  /** Tunables of the engines (see {@code Cloudey.Builder} for their meaning and defaults). */
  public record Settings(
      int syncConcurrency,
      Duration lockTimeout,
      Duration openMonthCacheTtl,
      int settlingDays,
      int metricLookbackDays,
      int metricRetentionDays,
      int syncRunRetentionDays) {}

  public CloudeyStore store() {
    return store;
  }

  public CloudeyCache cache() {
    return cache;
  }

  public Clock clock() {
    return clock;
  }

  public CloudeyListener listener() {
    return listener;
  }

  public ExecutorService executor() {
    return executor;
  }

  public Settings settings() {
    return settings;
  }

  public List<AdvisorRule> rules() {
    return rules;
  }

  public PriceBook priceBook() {
    return priceBook;
  }

  public CloudProvider provider(String id) {
    CloudProvider provider = providers.get(id);
    if (provider == null) {
      throw new CloudeyConfigException(
          "no cloud provider '"
              + id
              + "' is registered; pass it to Cloudey.builder().cloud(...) (registered: "
              + providers.keySet()
              + ")");
    }
    return provider;
  }

  public Account account(AccountId id) {
    return store
        .accounts()
        .find(id)
        .orElseThrow(
            () ->
                new CloudeyNotFoundException(
                    "account '"
                        + id
                        + "' is not registered; add it with cloudey.accounts().add(...)"));
  }

  /**
   * Takes the account's lock for work that writes the account's data (sync, refresh, close), and
   * under it: checks that the account is still registered (a removal, by any process, takes the
   * same lock, so nothing is written for an account removed before or while the caller waited),
   * then marks the account's runs still RUNNING abandoned (runs only run under this lock, so
   * whoever ran them stopped before finishing).
   *
   * @throws CloudeyNotFoundException when the account is not registered (the lock is released)
   */
  public CloudeyStore.AccountLock lockAccount(AccountId id) {
    CloudeyStore.AccountLock lock = store.lock(id, settings.lockTimeout());
    try {
      account(id);
    } catch (RuntimeException e) {
      lock.close();
      disconnect(id); // opened before another process removed the account
      throw e;
    }
    try {
      Instant now = clock.instant();
      store
          .syncRuns()
          .abandonUnfinished(
              id,
              now,
              "the process running it stopped before it finished; found when the account's lock"
                  + " was next taken at "
                  + now);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }

  /** The account's open connection, created on first use. */
  public CloudConnection connection(AccountId id) {
    if (closed) {
      throw new IllegalStateException("this Cloudey is closed; build a new one");
    }
    return connections.computeIfAbsent(
        id,
        key -> {
          Account account = account(key);
          return provider(account.provider())
              .connect(account, store.accounts().credentials(key), listener());
        });
  }

  /** Closes the account's connection, e.g. after its credentials changed. */
  public void disconnect(AccountId id) {
    CloudConnection connection = connections.remove(id);
    if (connection != null) {
      connection.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    connections.keySet().forEach(this::disconnect);
  }
}
