package app.cloudey.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Period;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every engine shares: the wired components and the per-account cloud connections (opened on
 * first use and leased for each sync, closed once idle for {@code connectionIdleTimeout}, when the
 * account changes, or with the runtime).
 */
public final class Runtime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Runtime.class);

  private final Map<String, CloudProvider> providers;
  private final CloudeyStore store;
  private final CloudeyCache cache;
  private final Clock clock;
  private final CloudeyListener listener;
  private final ExecutorService executor;
  private final Settings settings;
  private final List<AdvisorRule> explicitRules;
  private final List<AdvisorRule> rules;
  private final PriceBook priceBook;
  private final Map<AccountId, Slot> connections = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor sweeper;
  private final AtomicBoolean sweepScheduled = new AtomicBoolean();
  private final ConcurrentReads viewReads;
  private volatile boolean closed;

  public Runtime(
      Map<String, CloudProvider> providers,
      CloudeyStore store,
      CloudeyCache cache,
      Clock clock,
      CloudeyListener listener,
      ExecutorService executor,
      Settings settings,
      List<AdvisorRule> explicitRules,
      PriceBook priceBook) {
    this.providers =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(providers));
    this.store = store;
    this.cache = cache;
    this.clock = clock;
    this.listener = listener;
    this.executor = executor;
    this.settings = settings;
    this.explicitRules = List.copyOf(explicitRules);
    this.rules = compose(null, List.of());
    this.priceBook = priceBook;
    this.viewReads = new ConcurrentReads(settings.viewReadThreads());
    this.sweeper =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "cloudey-idle-connections");
              thread.setDaemon(true);
              return thread;
            });
    // no thread while no connection is open
    sweeper.setKeepAliveTime(10, TimeUnit.SECONDS);
    sweeper.allowCoreThreadTimeOut(true);
    sweeper.setRemoveOnCancelPolicy(true);
  }

  /** Days of the advisor's cost window: its monthly savings are 30 × cost ÷ days of data. */
  static final int ADVISOR_COST_WINDOW_DAYS = 30;

  /** Tunables of the engines (see {@code Cloudey.Builder} for their meaning and defaults). */
  public record Settings(
      int syncConcurrency,
      Duration lockTimeout,
      Duration openMonthCacheTtl,
      int settlingDays,
      int metricLookbackDays,
      int metricRetentionDays,
      int syncRunRetentionDays,
      Duration connectionIdleTimeout,
      int viewReadThreads,
      int advisorReadConcurrency) {}

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

  /**
   * Runs {@code refresh}, a store's refresh of what it keeps ready for the advisor, after the data
   * has been written. Best effort: the data is committed and a read computes whatever is not kept,
   * so a store failure here is logged rather than thrown, and never fails the sync or refresh that
   * wrote.
   */
  public void keepReadyForAdvisor(AccountId accountId, String what, Runnable refresh) {
    try {
      refresh.run();
    } catch (CloudeyException e) {
      LOG.warn(
          "could not keep the {} of account {} ready for the advisor; its next run computes them"
              + " instead: {}",
          what,
          accountId,
          e.getMessage());
    }
  }

  /**
   * The advisor's cost window: the trailing 30 days, today excluded. The cost refresh and month
   * close have the store keep its per-resource costs ready ({@link
   * app.cloudey.spi.CostStore#refreshResourceCosts}).
   */
  public Period advisorCostWindow() {
    return Period.lastDays(ADVISOR_COST_WINDOW_DAYS, clock);
  }

  /**
   * The advisor's metric window: the look-back days before today. The metric sync has the store
   * keep its summaries ready ({@link app.cloudey.spi.MetricStore#refreshSummaries}).
   */
  public Period advisorMetricWindow() {
    return Period.lastDays(settings.metricLookbackDays(), clock);
  }

  /** Runs a view's independent store reads at once. */
  ConcurrentReads viewReads() {
    return viewReads;
  }

  /**
   * The rules every account runs unless its provider has account-specific ones: the explicit rules
   * first, then each provider's {@link CloudProvider#advisorRules()} whose ids are not taken yet.
   */
  public List<AdvisorRule> rules() {
    return rules;
  }

  /**
   * The rules of one account's run: as {@link #rules()}, with the account's own provider
   * contributing {@link CloudProvider#advisorRules(app.cloudey.Credentials)} for its stored
   * credentials (e.g. the account's contract prices). When its credentials cannot be read, the
   * provider's general rules run and the run reports why in {@link AccountRules#failures()}.
   */
  public AccountRules rules(AccountId accountId) {
    java.util.Optional<Account> account = store.accounts().find(accountId);
    if (account.isEmpty() || !providers.containsKey(account.get().provider())) {
      return new AccountRules(rules, List.of());
    }
    CloudProvider own = providers.get(account.get().provider());
    List<AdvisorRule> contributed;
    try {
      contributed = own.advisorRules(store.accounts().credentials(accountId));
    } catch (RuntimeException e) {
      LOG.warn("cannot make the advisor rules of account {} from its settings", accountId, e);
      return new AccountRules(
          rules,
          List.of(
              new app.cloudey.model.RuleFailure(
                  own.id() + "-account-rules",
                  "the account's own rules could not be made from its stored settings, so the"
                      + " provider's general rules ran (no account-specific prices): "
                      + e.getClass().getSimpleName()
                      + ": "
                      + e.getMessage())));
    }
    if (contributed == own.advisorRules()) {
      return new AccountRules(rules, List.of());
    }
    return new AccountRules(compose(own, contributed), List.of());
  }

  /**
   * Explicit rules, then each provider's (for {@code own}, {@code ownRules}) whose ids are not
   * taken yet: an explicit rule replaces the provider's of the same id.
   */
  private List<AdvisorRule> compose(
      @org.jspecify.annotations.Nullable CloudProvider own, List<AdvisorRule> ownRules) {
    List<AdvisorRule> all = new java.util.ArrayList<>(explicitRules);
    java.util.Set<String> ids = new java.util.HashSet<>();
    explicitRules.forEach(r -> ids.add(r.id()));
    for (CloudProvider provider : providers.values()) {
      for (AdvisorRule contributed : provider == own ? ownRules : provider.advisorRules()) {
        if (ids.add(contributed.id())) {
          all.add(contributed);
        }
      }
    }
    return List.copyOf(all);
  }

  /**
   * One account's rules, and why account-specific rules could not be made (reported in the run).
   *
   * @param rules the rules to run, each id once
   * @param failures empty, or why the account's own provider rules were not used
   */
  public record AccountRules(
      List<AdvisorRule> rules, List<app.cloudey.model.RuleFailure> failures) {}

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

  /**
   * The account's connection, held open until the lease is closed: opened on first use, and again
   * after it was closed for being idle. Engines lease it for a whole sync, so a connection in use
   * is never closed under it. Every lease also closes other accounts' connections that have been
   * idle for {@code connectionIdleTimeout} (on the Cloudey clock).
   */
  public Lease lease(AccountId id) {
    checkOpen();
    closeIdleConnections();
    while (true) {
      Slot slot = connections.computeIfAbsent(id, this::open);
      synchronized (slot) {
        if (!slot.retired) {
          slot.leases++;
          return new Lease(slot);
        }
      }
      // retired between the lookup and the lease (closed idle, or disconnected): open another
    }
  }

  private Slot open(AccountId id) {
    Account account = account(id);
    CloudConnection connection =
        provider(account.provider()).connect(account, store.accounts().credentials(id), listener);
    return new Slot(id, connection, clock.instant());
  }

  /**
   * Closes the account's connection, e.g. after its credentials changed: at once when it is not
   * leased, else when its last lease ends. The next lease opens a new one.
   */
  public void disconnect(AccountId id) {
    Slot slot = connections.remove(id);
    if (slot != null) {
      retire(slot);
    }
  }

  /** Closes every connection not leased and unused for {@code connectionIdleTimeout}. */
  void closeIdleConnections() {
    Instant now = clock.instant();
    Duration idle = settings.connectionIdleTimeout();
    for (Slot slot : connections.values()) {
      boolean idleTooLong;
      synchronized (slot) {
        idleTooLong = slot.leases == 0 && !now.isBefore(slot.lastUsed.plus(idle));
      }
      // a lease taken between the check and the removal keeps it open until that lease ends
      if (idleTooLong && connections.remove(slot.accountId, slot)) {
        retire(slot);
      }
    }
  }

  /**
   * Marks a slot removed from the map and closes its connection now if nobody leases it, else
   * leaves that to its last lease.
   */
  private void retire(Slot slot) {
    boolean close;
    synchronized (slot) {
      slot.retired = true;
      close = slot.leases == 0 && !slot.closed;
      slot.closed |= close;
    }
    if (close) {
      closeQuietly(slot.connection);
    }
  }

  private void released(Slot slot) {
    boolean close;
    synchronized (slot) {
      slot.leases--;
      slot.lastUsed = clock.instant();
      close = slot.retired && slot.leases == 0 && !slot.closed;
      slot.closed |= close;
    }
    if (close) {
      closeQuietly(slot.connection);
    }
    scheduleSweep();
  }

  /**
   * While any connection is open, a sweep is due within {@code connectionIdleTimeout} (at least a
   * second, at most a minute) of real time, so a process that goes quiet still closes them.
   */
  private void scheduleSweep() {
    if (closed || !sweepScheduled.compareAndSet(false, true)) {
      return;
    }
    Duration idle = settings.connectionIdleTimeout();
    long delayMillis =
        idle.compareTo(Duration.ofMinutes(1)) >= 0 ? 60_000 : Math.max(1_000, idle.toMillis());
    try {
      sweeper.schedule(this::sweep, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      sweepScheduled.set(false);
    }
  }

  private void sweep() {
    sweepScheduled.set(false);
    closeIdleConnections();
    if (!connections.isEmpty()) {
      scheduleSweep();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this Cloudey is closed; build a new one");
    }
  }

  private static void closeQuietly(CloudConnection connection) {
    try {
      connection.close();
    } catch (RuntimeException e) {
      LOG.debug("closing a cloud connection failed", e);
    }
  }

  /** Closes every connection, leased or not: the runtime is going away. */
  @Override
  public void close() {
    closed = true;
    sweeper.shutdownNow();
    viewReads.close();
    for (Slot slot : connections.values()) {
      if (connections.remove(slot.accountId, slot)) {
        synchronized (slot) {
          slot.retired = true;
          slot.closed = true;
        }
        closeQuietly(slot.connection);
      }
    }
  }

  /** One account's open connection and who uses it. */
  private static final class Slot {
    final AccountId accountId;
    final CloudConnection connection;
    // guarded by this
    int leases;
    Instant lastUsed;
    boolean retired;
    boolean closed;

    Slot(AccountId accountId, CloudConnection connection, Instant openedAt) {
      this.accountId = accountId;
      this.connection = connection;
      this.lastUsed = openedAt;
    }
  }

  /** A use of an account's connection; closing it (once) lets the connection go idle. */
  public final class Lease implements AutoCloseable {
    private final Slot slot;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(Slot slot) {
      this.slot = slot;
    }

    public CloudConnection connection() {
      return slot.connection;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        released(slot);
      }
    }
  }
}
