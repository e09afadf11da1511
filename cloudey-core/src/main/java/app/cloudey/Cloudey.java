package app.cloudey;

import app.cloudey.internal.AdvisorEngine;
import app.cloudey.internal.CompositeListener;
import app.cloudey.internal.CostEngine;
import app.cloudey.internal.CostViews;
import app.cloudey.internal.JobRunner;
import app.cloudey.internal.MetricEngine;
import app.cloudey.internal.QueryCache;
import app.cloudey.internal.Runtime;
import app.cloudey.internal.UnavailableAssistant;
import app.cloudey.memory.InMemoryCache;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.spi.AccountConversations;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.AssistantContext;
import app.cloudey.spi.AssistantFactory;
import app.cloudey.spi.CloudConfig;
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
 *         .oci(OciConfig.fromFile(configPath, "DEFAULT"))
 *         .store(PostgresStore.create(dataSource))
 *         .build()) {                                   // no network call yet
 *   SyncRun run = cloudey.inventory().sync();
 *   cloudey.costs().refresh(Period.lastMonths(3));      // on Cloudey's clock
 *   CostReport bySvc = cloudey.costs().query(CostQuery.of(Period.month(2026, 10)).groupBy(SERVICE));
 * }
 * }</pre>
 *
 * <p>Multi-tenant: {@code cloudey.accounts().add(id, config)} registers an account and {@code
 * cloudey.account(id)} gives a view scoped to it. {@link #inventory()}, {@link #costs()} and the
 * other shortcuts act on the default account ({@link #DEFAULT_ACCOUNT}) configured by {@link
 * Builder#oci}, {@link Builder#cloud(CloudConfig)} or {@link Builder#cloud(CloudProvider,
 * Credentials)}.
 *
 * <p>{@link Builder#build()} makes no network call: credentials are checked on first use, by {@link
 * #validate()} or by {@code accounts().add(...)}.
 *
 * <p>Defaults: an in-memory store, an in-process cache, the system UTC clock. {@link #close()}
 * closes what the builder created (default store, cache, executor, providers built from a {@link
 * CloudConfig}, cloud connections), never what it was given.
 *
 * <p>Many accounts: each account's cloud connection is opened on its first sync and closed after
 * {@link Builder#connectionIdleTimeout(Duration) connectionIdleTimeout} unused, so a process
 * serving thousands of accounts holds connections only for those working lately.
 */
public final class Cloudey implements AutoCloseable {
  /** Id of the account configured by {@link Builder#oci} or {@link Builder#cloud(CloudConfig)}. */
  public static final AccountId DEFAULT_ACCOUNT = AccountId.of("default");

  private final Runtime runtime;
  private final QueryCache queryCache;
  private final Accounts accounts;
  private final CostEngine costEngine;
  private final CostViews costViews;
  private final MetricEngine metricEngine;
  private final AdvisorEngine advisorEngine;
  private final JobRunner jobRunner;
  private final Jobs jobs;
  private final Schedules schedules;
  private final List<AutoCloseable> owned;
  private final @Nullable AccountId defaultAccount;
  private final @Nullable AssistantFactory llm;
  private final app.cloudey.spi.@Nullable Explainer explainer;

  private Cloudey(Builder b, Runtime runtime, List<AutoCloseable> owned) {
    this.runtime = runtime;
    this.owned = owned;
    this.queryCache = new QueryCache(runtime);
    this.accounts = new Accounts(runtime, queryCache);
    this.costEngine = new CostEngine(runtime, queryCache);
    this.costViews = new CostViews(runtime, queryCache);
    this.metricEngine = new MetricEngine(runtime);
    this.advisorEngine = new AdvisorEngine(runtime);
    this.jobRunner =
        new JobRunner(
            runtime,
            Executors.newFixedThreadPool(b.jobThreads, Builder.daemonThreads("cloudey-job-")),
            new JobRunner.Liveness(b.jobHeartbeatInterval, b.jobMissedHeartbeats),
            newInstanceId());
    this.jobs = new Jobs(jobRunner);
    this.schedules = new Schedules(runtime, this::account);
    this.defaultAccount =
        b.defaultCredentials == null && b.defaultConfig == null ? null : DEFAULT_ACCOUNT;
    this.llm = b.llm;
    this.explainer =
        b.explainer != null ? b.explainer : b.llm == null ? null : b.llm.explainer().orElse(null);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** "pid@host" of this JVM and a random suffix: unique per instance, readable in a job record. */
  private static String newInstanceId() {
    String jvm;
    try {
      jvm = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    } catch (RuntimeException | LinkageError e) {
      jvm = "pid-" + ProcessHandle.current().pid();
    }
    return jvm + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Id of this instance: the {@link app.cloudey.model.JobRecord#owner() owner} of the jobs it runs
   * and heartbeats, e.g. {@code "4242@api-1/9f2c01ab"}.
   */
  public String instanceId() {
    return jobRunner.owner();
  }

  /**
   * Background jobs of every account, as saved in the store (also by other processes): find, list
   * and cancel them by id, wherever they run. Jobs of processes that stopped heartbeating are shown
   * ABANDONED (see {@link Builder#jobHeartbeat}).
   */
  public Jobs jobs() {
    return jobs;
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
        new Inventory(runtime, id, jobRunner),
        new Costs(id, costEngine, costViews, jobRunner),
        new Metrics(runtime, id, metricEngine, jobRunner),
        new Recommendations(id, advisorEngine, jobRunner, recommendationStore(), explainer),
        this::assistant);
  }

  /**
   * The store's recommendation runs, or null when the store keeps none (runs are then not kept).
   */
  private app.cloudey.spi.@Nullable RecommendationStore recommendationStore() {
    try {
      return runtime.store().recommendations();
    } catch (CloudeyConfigException e) {
      return null;
    }
  }

  private Assistant assistant(CloudeyAccount account) {
    AccountConversations conversations =
        new AccountConversations(runtime.store().conversations(), account.id());
    if (llm == null) {
      return new UnavailableAssistant(conversations, runtime.clock());
    }
    return llm.create(
        new AssistantContext(new AccountView(account, runtime), conversations, runtime.clock()));
  }

  /** {@code account(AccountId.of(id))}. */
  public CloudeyAccount account(String id) {
    return account(AccountId.of(id));
  }

  /**
   * Checks the default account's credentials with its provider (OCI: one signed call) and records
   * the tenancy name and home region it reports.
   *
   * @return the default account as now stored
   * @throws CloudeyAuthException the provider refused the credentials
   * @throws CloudeyConfigException no default account was configured
   */
  public Account validate() {
    return accounts.validate(defaultAccount().id());
  }

  /** What background work is due per account on a {@link Schedule}, and running it. */
  public Schedules schedules() {
    return schedules;
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

  /** The default account's chat assistant (needs {@link Builder#llm}). */
  public Assistant assistant() {
    return defaultAccount().assistant();
  }

  private CloudeyAccount defaultAccount() {
    if (defaultAccount == null) {
      throw new CloudeyConfigException(
          "no default account: build with .oci(config) or .cloud(config), or use"
              + " cloudey.account(id) for accounts added with cloudey.accounts().add(...)");
    }
    return account(defaultAccount);
  }

  /** Closes cloud connections and whatever the builder created; idempotent. */
  @Override
  public void close() {
    jobRunner.close(); // first: running jobs stop at their next check, before connections go
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

    /**
     * Threads that run the cost views' independent store reads at once (shared by every view of
     * this instance).
     */
    public static final int DEFAULT_VIEW_READ_THREADS = 8;

    /** How long a sync or refresh waits for the account's lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    /** Cache lifetime of results that touch a month still open. */
    public static final Duration DEFAULT_OPEN_MONTH_CACHE_TTL = Duration.ofMinutes(15);

    /** Time after a month's end before it is due for close (providers correct late). */
    public static final Duration DEFAULT_SETTLING_PERIOD = Duration.ofDays(5);

    /** Metric look-back of {@link Metrics#sync()} and the advisor. */
    public static final Duration DEFAULT_METRIC_LOOKBACK = Duration.ofDays(14);

    /** How long daily metrics are kept per account. */
    public static final Duration DEFAULT_METRIC_RETENTION = Duration.ofDays(90);

    /** Threads running background jobs ({@code *Async} methods); more jobs wait in a queue. */
    public static final int DEFAULT_JOB_THREADS = 2;

    /** How often an instance heartbeats the jobs it runs. */
    public static final Duration DEFAULT_JOB_HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    /** Heartbeats a job may miss before other instances take its process for dead. */
    public static final int DEFAULT_JOB_MISSED_HEARTBEATS = 4;

    /** How long sync runs are kept per account. */
    public static final Duration DEFAULT_SYNC_RUN_RETENTION = Duration.ofDays(90);

    /** OCI keeps 90 days of metrics at hourly resolution. */
    private static final Duration MAX_METRIC_LOOKBACK = Duration.ofDays(90);

    /**
     * How long an account's cloud connection stays open unused: long enough for one account's jobs
     * run back to back, short enough that a thousand accounts synced in turn hold few (an OCI
     * connection keeps about 3 MB of SDK clients).
     */
    public static final Duration DEFAULT_CONNECTION_IDLE_TIMEOUT = Duration.ofMinutes(1);

    private final Map<String, CloudProvider> providers = new LinkedHashMap<>();
    private @Nullable CloudConfig defaultConfig;
    private @Nullable Credentials defaultCredentials;
    private boolean replaceDefaultAccount;
    private @Nullable CloudeyStore store;
    private @Nullable CloudeyCache cache;
    private Clock clock = Clock.systemUTC();
    private final List<CloudeyListener> listeners = new ArrayList<>();
    private @Nullable ExecutorService executor;
    private final List<AdvisorRule> rules = new ArrayList<>();
    private @Nullable PriceBook priceBook;
    private @Nullable AssistantFactory llm;
    private app.cloudey.spi.@Nullable Explainer explainer;
    private int syncConcurrency = DEFAULT_SYNC_CONCURRENCY;
    private int advisorReadConcurrency =
        defaultAdvisorReadConcurrency(java.lang.Runtime.getRuntime().availableProcessors());
    private int jobThreads = DEFAULT_JOB_THREADS;
    private int viewReadThreads = DEFAULT_VIEW_READ_THREADS;
    private Duration jobHeartbeatInterval = DEFAULT_JOB_HEARTBEAT_INTERVAL;
    private int jobMissedHeartbeats = DEFAULT_JOB_MISSED_HEARTBEATS;
    private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
    private Duration openMonthCacheTtl = DEFAULT_OPEN_MONTH_CACHE_TTL;
    private Duration settlingPeriod = DEFAULT_SETTLING_PERIOD;
    private Duration metricLookback = DEFAULT_METRIC_LOOKBACK;
    private Duration metricRetention = DEFAULT_METRIC_RETENTION;
    private Duration syncRunRetention = DEFAULT_SYNC_RUN_RETENTION;
    private Duration connectionIdleTimeout = DEFAULT_CONNECTION_IDLE_TIMEOUT;

    private Builder() {}

    /**
     * The default account's OCI configuration ({@code OciConfig} from cloudey-oci): registers the
     * OCI provider it builds (with its endpoints and options) and binds {@link #DEFAULT_ACCOUNT} to
     * its tenancy. Same as {@link #cloud(CloudConfig)}, but refuses a configuration of another
     * cloud.
     */
    public Builder oci(CloudConfig config) {
      require(config, "config");
      if (!"oci".equals(config.providerId())) {
        throw new CloudeyConfigException(
            ".oci(...) takes an OCI configuration (OciConfig from cloudey-oci), not one for"
                + " provider '"
                + config.providerId()
                + "': use .cloud(config) for other clouds");
      }
      return cloud(config);
    }

    /**
     * The default account's configuration for any cloud: registers the provider it builds and binds
     * {@link #DEFAULT_ACCOUNT} to it. The provider is built by {@link #build()} and closed with the
     * Cloudey. Add further accounts with {@code cloudey.accounts().add(id, config)}.
     */
    public Builder cloud(CloudConfig config) {
      require(config, "config");
      requireNoDefault();
      this.defaultConfig = config;
      return this;
    }

    /**
     * Lets {@link #build()} replace a stored {@link #DEFAULT_ACCOUNT} bound to another tenancy,
     * deleting that account's data. Without it, such a build fails rather than mix two tenancies'
     * data under one id.
     */
    public Builder replaceDefaultAccount() {
      this.replaceDefaultAccount = true;
      return this;
    }

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
     * The explicit form of {@link #cloud(CloudConfig)}: registers a provider you built (and close)
     * and binds the default account ({@link #DEFAULT_ACCOUNT}) to these credentials, which {@link
     * Cloudey#inventory()}, {@link Cloudey#costs()} etc. act on.
     */
    public Builder cloud(CloudProvider provider, Credentials credentials) {
      require(credentials, "credentials");
      requireNoDefault();
      cloud(provider);
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

    /**
     * Adds an advisor rule. Rules take their options as a typed record when constructed, e.g.
     * {@code new IdleInstanceRule(IdleInstanceRule.Options.DEFAULTS.withCpuP95Percent(3))}.
     */
    public Builder rule(AdvisorRule rule) {
      rules.add(require(rule, "rule"));
      return this;
    }

    /**
     * List prices for estimates without billed cost; default: the first registered provider's
     * {@link CloudProvider#priceBook()}, else none.
     */
    public Builder priceBook(PriceBook priceBook) {
      this.priceBook = require(priceBook, "priceBook");
      return this;
    }

    /**
     * The LLM behind {@link Cloudey#assistant()}: an {@link AssistantFactory} such as {@code
     * CloudeyAi.of(chatModel, streamingChatModel)} from cloudey-ai. Without it the assistant is
     * unavailable and says so.
     */
    public Builder llm(AssistantFactory factory) {
      this.llm = require(factory, "llm");
      return this;
    }

    /**
     * The narrator of {@link Recommendations#explain}: default, the {@link
     * AssistantFactory#explainer() explainer} of {@link #llm}, else none (recommendations need
     * none).
     */
    public Builder explainer(app.cloudey.spi.Explainer explainer) {
      this.explainer = require(explainer, "explainer");
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

    /**
     * How many of an advisor run's four independent snapshot reads (the inventory, the per-resource
     * costs, the metric summaries and the insights' grouped cost aggregate), and then of its rules,
     * run at the same time, 1 to 4. With 1 they run one after another on the calling thread; with
     * more, on that many threads of the run's own, so a run costs about its slowest read instead of
     * their sum, if the store and the machine have the connections, cores and heap to serve them
     * together. Default: half the available processors, between 2 and 4 (1 on a single processor):
     * on the 2-core benchmark machine with a 512 MB heap, two at once took the 100k-resource run
     * from 9.07 s to 8.39 s (medians of three invocations each; see docs/benchmarks.md), while four
     * at once had been slower than one (CPU and garbage-collection contention).
     */
    public Builder advisorReadConcurrency(int reads) {
      positive(reads, "advisorReadConcurrency");
      if (reads > 4) {
        throw new CloudeyConfigException(
            "advisorReadConcurrency must be at most 4 (a snapshot has four reads), was " + reads);
      }
      this.advisorReadConcurrency = reads;
      return this;
    }

    /** The default {@link #advisorReadConcurrency}: half the processors, 2 to 4; 1 for one. */
    static int defaultAdvisorReadConcurrency(int processors) {
      return processors < 2 ? 1 : Math.min(4, Math.max(2, processors / 2));
    }

    /**
     * Background jobs run at once (default {@value #DEFAULT_JOB_THREADS}) on daemon threads Cloudey
     * owns and stops on close; further jobs wait QUEUED.
     */
    public Builder jobThreads(int threads) {
      this.jobThreads = positive(threads, "jobThreads");
      return this;
    }

    /**
     * Threads that run the independent store reads of an uncached cost view at once (default
     * {@value #DEFAULT_VIEW_READ_THREADS}, shared by every view of this instance; daemon threads
     * Cloudey owns, started on demand and stopped after 30 s idle): the dashboard's seven reads
     * then cost about the time of the slowest instead of their sum, each on its own connection of a
     * pooled store. A read that finds no idle thread runs on the caller's thread; 0 runs every read
     * in turn on the caller. Results are the same either way.
     */
    public Builder viewReadThreads(int threads) {
      if (threads < 0) {
        throw new CloudeyConfigException("viewReadThreads must be at least 0, was " + threads);
      }
      this.viewReadThreads = threads;
      return this;
    }

    /**
     * Job liveness (default every {@link #DEFAULT_JOB_HEARTBEAT_INTERVAL 15 s}, {@value
     * #DEFAULT_JOB_MISSED_HEARTBEATS} missed): every {@code interval} of real time this instance
     * stamps the jobs it runs with the time on {@link #clock(Clock)}, picks up cancel requests made
     * by other processes ({@link Jobs#cancel(String)}: so a remote cancel takes effect within one
     * interval), and marks ABANDONED the unfinished jobs of any process whose last heartbeat is
     * older than {@code interval × missedHeartbeats}. Give every instance sharing a store the same
     * setting, with a timeout well above your longest pause (GC, a stalled connection pool): a live
     * process taken for dead has its jobs abandoned, and stops them when it notices.
     */
    public Builder jobHeartbeat(Duration interval, int missedHeartbeats) {
      this.jobHeartbeatInterval = positive(interval, "jobHeartbeat interval");
      if (interval.toMillis() < 1) {
        throw new CloudeyConfigException(
            "jobHeartbeat interval must be at least 1 ms, was " + interval);
      }
      this.jobMissedHeartbeats = positive(missedHeartbeats, "missedHeartbeats");
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

    /** Time after a month's end before it is due for close; whole days, zero allowed. */
    public Builder settlingPeriod(Duration period) {
      require(period, "settlingPeriod");
      if (period.isNegative()) {
        throw new CloudeyConfigException("settlingPeriod must not be negative, was " + period);
      }
      this.settlingPeriod = wholeDays(period, "settlingPeriod");
      return this;
    }

    /** Metric window of {@link Metrics#sync()} and the advisor; whole days, 1 to 90. */
    public Builder metricLookback(Duration lookback) {
      positive(lookback, "metricLookback");
      if (wholeDays(lookback, "metricLookback").compareTo(MAX_METRIC_LOOKBACK) > 0) {
        throw new CloudeyConfigException(
            "metricLookback must be at most 90 days (OCI keeps 90 days), was " + lookback);
      }
      this.metricLookback = lookback;
      return this;
    }

    /** How long daily metrics are kept; whole days. */
    public Builder metricRetention(Duration retention) {
      this.metricRetention = wholeDays(positive(retention, "metricRetention"), "metricRetention");
      return this;
    }

    /** How long finished sync runs are kept; whole days. */
    public Builder syncRunRetention(Duration retention) {
      this.syncRunRetention =
          wholeDays(positive(retention, "syncRunRetention"), "syncRunRetention");
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
     * Builds the instance without any network call. With a default account configured, it registers
     * {@link #DEFAULT_ACCOUNT} from what the credentials say, or updates its credentials when the
     * store already binds it to the same tenancy.
     *
     * @throws CloudeyConfigException the store binds {@link #DEFAULT_ACCOUNT} to another tenancy
     *     (see {@link #replaceDefaultAccount()}), or a provider id is registered twice
     */
    public Cloudey build() {
      List<AutoCloseable> owned = new ArrayList<>();
      Map<String, CloudProvider> allProviders = new LinkedHashMap<>(providers);
      Credentials theDefault = defaultCredentials;
      if (defaultConfig != null) {
        CloudProvider built = defaultConfig.createProvider();
        owned.add(built);
        CloudProvider previous = allProviders.putIfAbsent(built.id(), built);
        if (previous != null) {
          built.close();
          throw new CloudeyConfigException(
              "a provider with id '"
                  + built.id()
                  + "' is already registered: pass either the provider or a configuration of it");
        }
        theDefault = defaultConfig.credentials();
      }
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
        theExecutor =
            Executors.newFixedThreadPool(2 * syncConcurrency, daemonThreads("cloudey-worker-"));
        ExecutorService pool = theExecutor;
        owned.add(pool::shutdownNow);
      }
      // the providers' rules join the explicit ones per account run (Runtime.rules(AccountId)):
      // an explicit rule replaces a provider's of the same id
      PriceBook thePriceBook = priceBook;
      for (CloudProvider provider : allProviders.values()) {
        if (thePriceBook == null) {
          thePriceBook = provider.priceBook().orElse(null);
        }
      }
      Runtime runtime =
          new Runtime(
              allProviders,
              theStore,
              theCache,
              clock,
              new CompositeListener(listeners),
              theExecutor,
              new Runtime.Settings(
                  syncConcurrency,
                  lockTimeout,
                  openMonthCacheTtl,
                  (int) settlingPeriod.toDays(),
                  (int) metricLookback.toDays(),
                  (int) metricRetention.toDays(),
                  (int) syncRunRetention.toDays(),
                  connectionIdleTimeout,
                  viewReadThreads,
                  advisorReadConcurrency),
              List.copyOf(rules),
              thePriceBook == null ? PriceBook.empty() : thePriceBook);
      Cloudey cloudey = new Cloudey(this, runtime, owned);
      cloudey.jobRunner.start(); // abandons dead processes' jobs now, then heartbeats
      if (theDefault != null) {
        try {
          cloudey.accounts().bind(DEFAULT_ACCOUNT, theDefault, replaceDefaultAccount);
        } catch (RuntimeException e) {
          cloudey.close();
          throw e;
        }
      }
      return cloudey;
    }

    private void requireNoDefault() {
      if (defaultConfig != null || defaultCredentials != null) {
        throw new CloudeyConfigException(
            "the default account is already configured; add further accounts with"
                + " cloudey.accounts().add(id, config)");
      }
    }

    private static Duration wholeDays(Duration value, String field) {
      if (!value.equals(Duration.ofDays(value.toDays()))) {
        throw new CloudeyConfigException(
            field + " must be a whole number of days (e.g. Duration.ofDays(14)), was " + value);
      }
      return value;
    }

    private static ThreadFactory daemonThreads(String prefix) {
      AtomicInteger n = new AtomicInteger();
      return task -> {
        Thread thread = new Thread(task, prefix + n.incrementAndGet());
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
