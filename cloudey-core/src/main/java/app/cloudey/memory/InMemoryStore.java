package app.cloudey.memory;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyLockTimeoutException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.spi.AccountStore;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.ConversationStore;
import app.cloudey.spi.CostStore;
import app.cloudey.spi.InventoryStore;
import app.cloudey.spi.JobStore;
import app.cloudey.spi.MetricStore;
import app.cloudey.spi.RecommendationStore;
import app.cloudey.spi.SyncRunStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CloudeyStore} in the JVM's heap: the reference implementation of every store SPI, and
 * the default for demos and tests.
 *
 * <p><b>Not durable, not encrypted.</b> Data lives only as long as this object (and the JVM).
 * Credentials are kept exactly as given, in plain memory; use a durable store such as {@code
 * PostgresStore} for anything that must survive a restart or keep secrets encrypted at rest.
 *
 * <p><b>Semantics</b> follow the SPI javadoc to the letter: every read and write is scoped to one
 * account; writes to several rows (a scope replace, a cost ingest, a month close, an account
 * delete) are atomic; a refused write changes nothing. Writes need not wait for the account to be
 * registered: data of an unregistered id is kept, and dropped by {@code accounts().delete(id)}.
 *
 * <p><b>Thread-safety.</b> Safe for any number of threads. Each account has a fair read-write lock
 * shared by all its stores, so readers of one account run in parallel, a write excludes the
 * account's readers and writers for its duration, and accounts never block each other. A cost
 * ingest consumes its stream before taking the lock. Results are immutable snapshots.
 *
 * <p><b>Data versions.</b> Each account has one version per {@link DataKind}, moved exactly as
 * {@link CloudeyStore#dataVersion} specifies: by a write that changes data of that kind (a
 * compartment or resource added, changed or deleted; cost lines that differ from the stored ones, a
 * month close that changes the month's close record or rollups; a metric row added, changed or
 * deleted), and never by a write that changes nothing, a refused write, a sync run, account
 * registration or a read. Versions come from one store-wide sequence and are never reused, so after
 * {@code accounts().delete(id)} every version is 0 again and the next write still yields a number
 * no cache entry was keyed by.
 *
 * <p><b>Store id.</b> {@link #storeId()} is a random UUID per instance, so two in-memory stores
 * sharing one cache never read each other's entries.
 *
 * <p><b>Account lock.</b> {@link #lock} is a fair {@link ReentrantLock} per account, independent of
 * the data locks: it is reentrant for the thread holding it, must be released by that thread, and
 * covers only this store instance (this JVM), not other processes.
 *
 * <pre>{@code
 * try (InMemoryStore store = InMemoryStore.create()) {
 *   AccountId acme = AccountId.of("acme");
 *   store.accounts().add(account, credentials);
 *   try (CloudeyStore.AccountLock lock = store.lock(acme, Duration.ofSeconds(5))) {
 *     SyncCount count = store.inventory().replaceScope(acme, scope, listed, Instant.now());
 *   }
 *   long version = store.dataVersion(acme, DataKind.INVENTORY); // keys cached inventory queries
 * }
 * }</pre>
 */
public final class InMemoryStore implements CloudeyStore {
  private final String storeId = UUID.randomUUID().toString();
  private final Tenants tenants = new Tenants();
  private final InMemoryAccountStore accounts;
  private final InMemoryInventoryStore inventory;
  private final InMemoryCostStore costs;
  private final InMemoryMetricStore metrics;
  private final InMemorySyncRunStore syncRuns;
  private final InMemoryJobStore jobs = new InMemoryJobStore();
  private final InMemoryConversationStore conversations = new InMemoryConversationStore();
  private final InMemoryRecommendationStore recommendations;

  private InMemoryStore(Clock clock) {
    inventory = new InMemoryInventoryStore(tenants);
    costs = new InMemoryCostStore(tenants, clock, inventory);
    metrics = new InMemoryMetricStore(tenants);
    syncRuns = new InMemorySyncRunStore(tenants);
    recommendations = new InMemoryRecommendationStore(tenants);
    accounts =
        new InMemoryAccountStore(
            tenants,
            List.of(inventory, costs, metrics, syncRuns, jobs, conversations, recommendations));
  }

  /** An empty store on the system UTC clock. */
  public static InMemoryStore create() {
    return new InMemoryStore(Clock.systemUTC());
  }

  /**
   * An empty store reading {@code clock} for the times it records itself ({@link
   * CostStore#lastIngestAt}); every other time is passed in by the caller.
   */
  public static InMemoryStore create(@Nullable Clock clock) {
    return new InMemoryStore(Check.notNull(clock, "clock"));
  }

  @Override
  public AccountStore accounts() {
    return accounts;
  }

  @Override
  public InventoryStore inventory() {
    return inventory;
  }

  @Override
  public CostStore costs() {
    return costs;
  }

  @Override
  public MetricStore metrics() {
    return metrics;
  }

  @Override
  public SyncRunStore syncRuns() {
    return syncRuns;
  }

  @Override
  public JobStore jobs() {
    return jobs;
  }

  @Override
  public ConversationStore conversations() {
    return conversations;
  }

  @Override
  public RecommendationStore recommendations() {
    return recommendations;
  }

  /**
   * {@inheritDoc}
   *
   * @throws CloudeyLockTimeoutException when the lock is not free within {@code timeout}
   * @throws CloudeyException when the thread is interrupted while waiting (its interrupt flag is
   *     restored)
   */
  @Override
  public AccountLock lock(@Nullable AccountId accountId, @Nullable Duration timeout) {
    Check.notNull(accountId, "accountId");
    Check.notNegative(timeout, "timeout");
    ReentrantLock lock = tenants.accountLock(accountId);
    boolean acquired;
    try {
      acquired = lock.tryLock(saturatedNanos(timeout), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CloudeyException(
          "interrupted while waiting for the lock of account '" + accountId + "'", e);
    }
    if (!acquired) {
      throw new CloudeyLockTimeoutException(
          "account '"
              + accountId
              + "' is locked by another sync or month close; waited "
              + timeout
              + ". Retry when it has finished, or wait longer.");
    }
    return new HeldLock(accountId, lock);
  }

  private static long saturatedNanos(Duration timeout) {
    try {
      return timeout.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE; // about 292 years: forever
    }
  }

  @Override
  public long dataVersion(@Nullable AccountId accountId, @Nullable DataKind kind) {
    Check.notNull(accountId, "accountId");
    Check.notNull(kind, "kind");
    return tenants.version(accountId, kind);
  }

  @Override
  public java.util.Map<DataKind, Long> dataVersions(
      @Nullable AccountId accountId, java.util.@Nullable Set<DataKind> kinds) {
    Check.notNull(accountId, "accountId");
    Check.notNull(kinds, "kinds");
    java.util.Map<DataKind, Long> versions = new java.util.EnumMap<>(DataKind.class);
    for (DataKind kind : kinds) {
      versions.put(kind, tenants.version(accountId, Check.notNull(kind, "kind")));
    }
    return versions;
  }

  /** A random UUID drawn when this store was created: its data lives and dies with it. */
  @Override
  public String storeId() {
    return storeId;
  }

  /** Nothing to release: the data stays readable until this object is garbage. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "InMemoryStore[" + accounts.list().size() + " accounts]";
  }

  /** Releases once; a second close is a no-op. */
  private static final class HeldLock implements AccountLock {
    private final AccountId accountId;
    private final ReentrantLock lock;
    private final AtomicBoolean released = new AtomicBoolean();

    HeldLock(AccountId accountId, ReentrantLock lock) {
      this.accountId = accountId;
      this.lock = lock;
    }

    /** An in-process lock cannot be lost: held until closed. */
    @Override
    public boolean isHeld() {
      return !released.get();
    }

    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      try {
        lock.unlock();
      } catch (IllegalMonitorStateException e) {
        released.set(false);
        throw new CloudeyException(
            "the lock of account '" + accountId + "' must be released by the thread that took it",
            e);
      }
    }
  }
}
