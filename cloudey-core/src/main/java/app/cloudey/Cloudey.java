package app.cloudey;

import app.cloudey.internal.AdvisorEngine;
import app.cloudey.internal.CompositeListener;
import app.cloudey.internal.CostEngine;
import app.cloudey.internal.MetricEngine;
import app.cloudey.internal.QueryCache;
import app.cloudey.internal.Runtime;
import app.cloudey.memory.InMemoryCache;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.CloudProvider;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.spi.CloudeyListener;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.PriceBook;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Cloudey: cloud inventory, costs, metrics and savings recommendations for one or many cloud
 * accounts, behind one thread-safe object meant to be shared.
 *
 * <pre>{@code
 * try (Cloudey cloudey = Cloudey.builder()
 *         .cloud(OciCloud.create(), OciConfig.fromFile(configPath, "DEFAULT").toCredentials())
 *         .store(PostgresStore.create(dataSource))
 *         .build()) {
 *   SyncRun run = cloudey.inventory().sync();
 *   cloudey.costs().refresh(Period.lastMonths(3, Clock.systemUTC()));
 *   CostReport bySvc = cloudey.costs().query(CostQuery.of(Period.month(2026, 10)).groupBy(SERVICE));
 * }
 * }</pre>
 *
 * <p>Multi-tenant: {@code cloudey.accounts().add(id, credentials)} registers an account and {@code
 * cloudey.account(id)} gives a view scoped to it. {@link #inventory()}, {@link #costs()} and the
 * other shortcuts act on the default account registered by {@link Builder#cloud(CloudProvider,
 * Credentials)}.
 *
 * <p>Defaults: an in-memory store, an in-process cache, the system UTC clock. {@link #close()}
 * closes what the builder created (default store, cache, executor, cloud connections), never what
 * it was given.
 *
 * <p>Many accounts: each account's cloud connection is opened on its first sync and closed after
 * {@link Builder#connectionIdleTimeout(Duration) connectionIdleTimeout} unused, so a process
 * serving thousands of accounts holds connections only for those working lately.
 */
public final class Cloudey implements AutoCloseable {
  /** Id of the account registered by {@link Builder#cloud(CloudProvider, Credentials)}. */
  public static final AccountId DEFAULT_ACCOUNT = AccountId.of("default");

  private final Runtime runtime;
  private final QueryCache queryCache;
  private final Accounts accounts;
  private final CostEngine costEngine;
  private final MetricEngine metricEngine;
  private final AdvisorEngine advisorEngine;
  private final Map<String, String> advisorOptions;
  private final List<AutoCloseable> owned;
  private final @Nullable AccountId defaultAccount;

  private Cloudey(Builder b, Runtime runtime, List<AutoCloseable> owned) {
    this.runtime = runtime;
    this.owned = owned;
    this.queryCache = new QueryCache(runtime);
    this.accounts = new Accounts(runtime, queryCache);
    this.costEngine = new CostEngine(runtime, queryCache);
    this.metricEngine = new MetricEngine(runtime);
    this.advisorEngine = new AdvisorEngine(runtime);
    this.advisorOptions = Map.copyOf(b.advisorOptions);
    this.defaultAccount = b.defaultCredentials == null ? null : DEFAULT_ACCOUNT;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Registers and manages accounts. */
  public Accounts accounts() {
    return accounts;
  }

  /**
   * A view scoped to one account.
   *
   * @throws app.cloudey.CloudeyNotFoundException when the account is not registered
   */
  public CloudeyAccount account(AccountId id) {
    Account account = runtime.account(id);
    return new CloudeyAccount(
        account,
        new Inventory(runtime, id),
        new Costs(id, costEngine),
        new Metrics(runtime, id, metricEngine),
        new Recommendations(id, advisorEngine, advisorOptions));
  }

  /** {@code account(AccountId.of(id))}. */
  public CloudeyAccount account(String id) {
    return account(AccountId.of(id));
  }

  /** The default account's inventory. */
  public Inventory inventory() {
    return defaultAccount().inventory();
  }

  /** The default account's costs. */
  public Costs costs() {
    return defaultAccount().costs();
  }

  /** The default account's metrics. */
  public Metrics metrics() {
    return defaultAccount().metrics();
  }

  /** The default account's recommendations. */
  public Recommendations recommendations() {
    return defaultAccount().recommendations();
  }

  private CloudeyAccount defaultAccount() {
    if (defaultAccount == null) {
      throw new CloudeyConfigException(
          "no default account: build with .cloud(provider, credentials), or use"
              + " cloudey.account(id) for accounts added with cloudey.accounts().add(...)");
    }
    return account(defaultAccount);
  }

  /** Closes cloud connections and whatever the builder created; idempotent. */
  @Override
  public void close() {
    runtime.close();
    for (AutoCloseable resource : owned) {
      try {
        resource.close();
      } catch (Exception e) {
        // closing is best effort: one failing resource must not keep the others open
      }
    }
  }

  /**
   * Configures a {@link Cloudey}. Not thread-safe; {@link #build()} validates and may be called
   * once per configuration.
   */
  public static final class Builder {
    /** Scopes listed at once per sync. */
    public static final int DEFAULT_SYNC_CONCURRENCY = 16;

    /** How long a sync or refresh waits for the account's lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    /** Cache lifetime of results that touch a month still open. */
    public static final Duration DEFAULT_OPEN_MONTH_CACHE_TTL = Duration.ofMinutes(15);

    /** Days after a month's end before it is due for close (providers correct late). */
    public static final int DEFAULT_SETTLING_DAYS = 5;

    /** Metric look-back of {@link Metrics#sync()} and the advisor. */
    public static final int DEFAULT_METRIC_LOOKBACK_DAYS = 14;

    /** Daily metrics kept per account. */
    public static final int DEFAULT_METRIC_RETENTION_DAYS = 90;

    /** Sync runs kept per account. */
    public static final int DEFAULT_SYNC_RUN_RETENTION_DAYS = 90;

    /**
     * How long an account's cloud connection stays open unused: long enough for one account's jobs
     * run back to back, short enough that a thousand accounts synced in turn hold few (an OCI
     * connection keeps about 3 MB of SDK clients).
     */
    public static final Duration DEFAULT_CONNECTION_IDLE_TIMEOUT = Duration.ofMinutes(1);

    private final Map<String, CloudProvider> providers = new LinkedHashMap<>();
    private @Nullable Credentials defaultCredentials;
    private @Nullable CloudeyStore store;
    private @Nullable CloudeyCache cache;
    private Clock clock = Clock.systemUTC();
    private final List<CloudeyListener> listeners = new ArrayList<>();
    private @Nullable ExecutorService executor;
    private final List<AdvisorRule> rules = new ArrayList<>();
    private PriceBook priceBook = PriceBook.empty();
    private final Map<String, String> advisorOptions = new LinkedHashMap<>();
    private int syncConcurrency = DEFAULT_SYNC_CONCURRENCY;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private Duration openMonthCacheTtl = DEFAULT_OPEN_MONTH_CACHE_TTL;
    private int settlingDays = DEFAULT_SETTLING_DAYS;
    private int metricLookbackDays = DEFAULT_METRIC_LOOKBACK_DAYS;
    private int metricRetentionDays = DEFAULT_METRIC_RETENTION_DAYS;
    private int syncRunRetentionDays = DEFAULT_SYNC_RUN_RETENTION_DAYS;
    private Duration connectionIdleTimeout = DEFAULT_CONNECTION_IDLE_TIMEOUT;

    private Builder() {}

    /** Registers a cloud provider so accounts of it can be added. */
    public Builder cloud(CloudProvider provider) {
      require(provider, "provider");
      CloudProvider previous = providers.putIfAbsent(provider.id(), provider);
      if (previous != null && previous != provider) {
        throw new CloudeyConfigException(
            "a different provider with id '" + provider.id() + "' is already registered");
      }
      return this;
    }

    /**
     * Registers the provider and one default account ({@link #DEFAULT_ACCOUNT}) with these
     * credentials, which {@link Cloudey#inventory()}, {@link Cloudey#costs()} etc. act on.
     */
    public Builder cloud(CloudProvider provider, Credentials credentials) {
      cloud(provider);
      require(credentials, "credentials");
      if (!provider.id().equals(credentials.provider())) {
        throw new CloudeyConfigException(
            "credentials are for provider '"
                + credentials.provider()
                + "', not '"
                + provider.id()
                + "'");
      }
      this.defaultCredentials = credentials;
      return this;
    }

    /** Durable storage; default: a new in-memory store (data lives as long as the JVM). */
    public Builder store(CloudeyStore store) {
      this.store = require(store, "store");
      return this;
    }

    /** Query-result cache; default: an in-process cache. */
    public Builder cache(CloudeyCache cache) {
      this.cache = require(cache, "cache");
      return this;
    }

    /** The clock for "today", month status and TTLs; default: system UTC. */
    public Builder clock(Clock clock) {
      this.clock = require(clock, "clock");
      return this;
    }

    /** Adds a listener; several may be added. */
    public Builder listener(CloudeyListener listener) {
      listeners.add(require(listener, "listener"));
      return this;
    }

    /**
     * Runs sync work on this executor (not closed by Cloudey); default: a pool of twice {@link
     * #syncConcurrency} daemon threads that Cloudey owns (one share per lane, see there). A smaller
     * pool works, but lists the waiting lane only as threads come free.
     */
    public Builder executor(ExecutorService executor) {
      this.executor = require(executor, "executor");
      return this;
    }

    /** Adds an advisor rule. */
    public Builder rule(AdvisorRule rule) {
      rules.add(require(rule, "rule"));
      return this;
    }

    /** List prices for estimates without billed cost; default: none. */
    public Builder priceBook(PriceBook priceBook) {
      this.priceBook = require(priceBook, "priceBook");
      return this;
    }

    /** A rule option, e.g. {@code advisorOption("idle-instance.cpuP95Percent", "5")}. */
    public Builder advisorOption(String name, String value) {
      advisorOptions.put(require(name, "name"), require(value, "value"));
      return this;
    }

    /**
     * Scopes an inventory sync lists at once in each of its two lanes (default {@value
     * #DEFAULT_SYNC_CONCURRENCY}): one for types that wait on lookups shared across scopes ({@link
     * app.cloudey.spi.InventorySource#typesWithSharedLookups()}), one for the rest.
     */
    public Builder syncConcurrency(int scopes) {
      this.syncConcurrency = positive(scopes, "syncConcurrency");
      return this;
    }

    public Builder lockTimeout(Duration timeout) {
      this.lockTimeout = positive(timeout, "lockTimeout");
      return this;
    }

    public Builder openMonthCacheTtl(Duration ttl) {
      this.openMonthCacheTtl = positive(ttl, "openMonthCacheTtl");
      return this;
    }

    public Builder settlingDays(int days) {
      if (days < 0) {
        throw new CloudeyConfigException("settlingDays must not be negative, was " + days);
      }
      this.settlingDays = days;
      return this;
    }

    public Builder metricLookbackDays(int days) {
      if (days < 1 || days > 90) {
        throw new CloudeyConfigException(
            "metricLookbackDays must be 1-90 (OCI keeps 90 days), was " + days);
      }
      this.metricLookbackDays = days;
      return this;
    }

    public Builder metricRetentionDays(int days) {
      this.metricRetentionDays = positive(days, "metricRetentionDays");
      return this;
    }

    public Builder syncRunRetentionDays(int days) {
      this.syncRunRetentionDays = positive(days, "syncRunRetentionDays");
      return this;
    }

    /**
     * How long an account's cloud connection (its SDK clients and their HTTP pools) stays open
     * while unused (default {@link #DEFAULT_CONNECTION_IDLE_TIMEOUT}, 1 minute); then it is closed,
     * and the account's next sync or refresh reopens it. A connection in use is never closed. Only
     * syncs and refreshes use connections (queries read the store), so a short time costs little.
     * Measured on {@link #clock(Clock)}: under a fixed clock connections are never closed idle.
     */
    public Builder connectionIdleTimeout(Duration timeout) {
      this.connectionIdleTimeout = positive(timeout, "connectionIdleTimeout");
      return this;
    }

    /**
     * Builds the instance; with {@link #cloud(CloudProvider, Credentials)} it validates and
     * registers (or updates) the default account.
     */
    public Cloudey build() {
      List<AutoCloseable> owned = new ArrayList<>();
      CloudeyStore theStore = store;
      if (theStore == null) {
        theStore = InMemoryStore.create(clock);
        owned.add(theStore);
      }
      CloudeyCache theCache = cache;
      if (theCache == null) {
        theCache = InMemoryCache.create(InMemoryCache.DEFAULT_MAX_ENTRIES, clock);
        owned.add(theCache);
      }
      ExecutorService theExecutor = executor;
      if (theExecutor == null) {
        theExecutor = Executors.newFixedThreadPool(2 * syncConcurrency, daemonThreads());
        ExecutorService pool = theExecutor;
        owned.add(pool::shutdownNow);
      }
      Runtime runtime =
          new Runtime(
              providers,
              theStore,
              theCache,
              clock,
              new CompositeListener(listeners),
              theExecutor,
              new Runtime.Settings(
                  syncConcurrency,
                  lockTimeout,
                  openMonthCacheTtl,
                  settlingDays,
                  metricLookbackDays,
                  metricRetentionDays,
                  syncRunRetentionDays,
                  connectionIdleTimeout),
              rules,
              priceBook);
      Cloudey cloudey = new Cloudey(this, runtime, owned);
      if (defaultCredentials != null) {
        try {
          registerDefault(cloudey, defaultCredentials);
        } catch (RuntimeException e) {
          cloudey.close();
          throw e;
        }
      }
      return cloudey;
    }

    private static void registerDefault(Cloudey cloudey, Credentials credentials) {
      if (cloudey.accounts().find(DEFAULT_ACCOUNT).isPresent()) {
        cloudey.accounts().updateCredentials(DEFAULT_ACCOUNT, credentials);
      } else {
        cloudey.accounts().add(DEFAULT_ACCOUNT, credentials);
      }
    }

    private static ThreadFactory daemonThreads() {
      AtomicInteger n = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, "cloudey-worker-" + n.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      };
    }

    private static <T> T require(@Nullable T value, String field) {
      if (value == null) {
        throw new CloudeyConfigException(field + " must not be null");
      }
      return value;
    }

    private static int positive(int value, String field) {
      if (value < 1) {
        throw new CloudeyConfigException(field + " must be at least 1, was " + value);
      }
      return value;
    }

    private static Duration positive(@Nullable Duration value, String field) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new CloudeyConfigException(field + " must be a positive duration, was " + value);
      }
      return value;
    }
  }
}
