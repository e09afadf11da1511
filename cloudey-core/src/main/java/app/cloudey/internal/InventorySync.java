package app.cloudey.internal;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.FailedScope;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.InventorySource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The provider-neutral inventory sync: lists regions and the compartment tree, then every scope
 * (region × compartment × type) in parallel, writing each completed scope atomically. A failed
 * scope changes nothing and is reported; resources are marked deleted only when absent from a
 * completed listing. Syncs of one account are serialised by the store's account lock.
 */
public final class InventorySync {
  private final Runtime runtime;

  public InventorySync(Runtime runtime) {
    this.runtime = runtime;
  }

  /**
   * Runs one sync of the account and returns its record. A failure of the whole run (regions or
   * compartments cannot be listed) is recorded in the run and rethrown.
   */
  public SyncRun run(AccountId accountId, Set<ResourceType> requestedTypes) {
    CloudeyStore store = runtime.store();
    try (CloudeyStore.AccountLock lock = store.lock(accountId, runtime.settings().lockTimeout())) {
      String runId = UUID.randomUUID().toString();
      Instant startedAt = runtime.clock().instant();
      runtime.listener().syncStarted(accountId, SyncKind.INVENTORY, runId);
      store.syncRuns().save(running(runId, accountId, startedAt));
      try {
        SyncRun run = sync(accountId, runId, startedAt, requestedTypes);
        store.syncRuns().save(run);
        store
            .syncRuns()
            .deleteBefore(
                accountId,
                startedAt.minus(Duration.ofDays(runtime.settings().syncRunRetentionDays())));
        runtime.listener().syncFinished(run);
        return run;
      } catch (RuntimeException e) {
        SyncRun failed =
            new SyncRun(
                runId,
                accountId,
                SyncKind.INVENTORY,
                startedAt,
                finishedAt(startedAt),
                0,
                0,
                List.of(),
                List.of(),
                describe(e));
        store.syncRuns().save(failed);
        runtime.listener().syncFinished(failed);
        throw e;
      }
    }
  }

  private SyncRun sync(
      AccountId accountId, String runId, Instant startedAt, Set<ResourceType> requestedTypes) {
    // leased for the whole sync: never closed idle while a scope is listing
    try (Runtime.Lease lease = runtime.lease(accountId)) {
      return sync(accountId, runId, startedAt, requestedTypes, lease.connection().inventory());
    }
  }

  private SyncRun sync(
      AccountId accountId,
      String runId,
      Instant startedAt,
      Set<ResourceType> requestedTypes,
      InventorySource source) {
    List<String> regions = source.regions();
    List<Compartment> listed = source.compartments();
    Set<ResourceType> types = new LinkedHashSet<>(source.resourceTypes());
    if (!requestedTypes.isEmpty()) {
      types.retainAll(requestedTypes);
    }
    // compartments gone from a completed tree listing take their resources with them (OCI only
    // deletes empty compartments, so these were already terminated)
    Set<String> goneCompartments = new LinkedHashSet<>();
    runtime.store().inventory().compartments(accountId).forEach(c -> goneCompartments.add(c.id()));
    listed.forEach(c -> goneCompartments.remove(c.id()));
    runtime.store().inventory().replaceCompartments(accountId, listed, startedAt);

    // types innermost: consecutive scopes hit different services, so every service's rate limit
    // is in use at once instead of one service at a time
    List<Scope> scopes = new ArrayList<>();
    List<Scope> emptied = new ArrayList<>();
    for (Compartment compartment : listed) {
      for (String region : regions) {
        types.forEach(type -> scopes.add(new Scope(region, compartment.id(), type)));
      }
    }
    for (String id : goneCompartments) {
      for (String region : regions) {
        types.forEach(type -> emptied.add(new Scope(region, id, type)));
      }
    }
    for (Scope scope : emptied) {
      runtime.store().inventory().replaceScope(accountId, scope, List.of(), startedAt);
    }
    return listScopes(accountId, runId, startedAt, source, scopes);
  }

  /**
   * Lists the scopes in two lanes, each with {@code syncConcurrency} workers taking scopes in
   * order: types the source says wait on shared lookups ({@link
   * InventorySource#typesWithSharedLookups()}) in one, the rest in the other, so scopes that wait
   * never hold back those that could be listing. Workers of the first lane help the other once
   * theirs is empty.
   */
  private SyncRun listScopes(
      AccountId accountId,
      String runId,
      Instant startedAt,
      InventorySource source,
      List<Scope> scopes) {
    Set<ResourceType> waiting = source.typesWithSharedLookups();
    Queue<Scope> lane = new ConcurrentLinkedQueue<>();
    Queue<Scope> waitingLane = new ConcurrentLinkedQueue<>();
    scopes.forEach(scope -> (waiting.contains(scope.type()) ? waitingLane : lane).add(scope));
    Pass pass = new Pass(accountId, runId, startedAt, source, scopes.size());
    int concurrency = runtime.settings().syncConcurrency();
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    for (int i = 0; i < Math.min(concurrency, lane.size()); i++) {
      workers.add(
          CompletableFuture.runAsync(() -> pass.drain(lane, waitingLane), runtime.executor()));
    }
    for (int i = 0; i < Math.min(concurrency, waitingLane.size()); i++) {
      workers.add(CompletableFuture.runAsync(() -> pass.drain(waitingLane), runtime.executor()));
    }
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
    return new SyncRun(
        runId,
        accountId,
        SyncKind.INVENTORY,
        startedAt,
        finishedAt(startedAt),
        pass.total,
        pass.total - pass.failures.size(),
        merge(pass.counts),
        sortFailures(pass.failures),
        null);
  }

  /** One sync's listing: what its workers share. */
  private final class Pass {
    private final AccountId accountId;
    private final String runId;
    private final Instant seenAt;
    private final InventorySource source;
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private final Queue<SyncCount> counts = new ConcurrentLinkedQueue<>();
    private final Queue<FailedScope> failures = new ConcurrentLinkedQueue<>();

    Pass(AccountId accountId, String runId, Instant seenAt, InventorySource source, int total) {
      this.accountId = accountId;
      this.runId = runId;
      this.seenAt = seenAt;
      this.source = source;
      this.total = total;
    }

    /** Lists scopes from the queues, in order, until all are empty. */
    @SafeVarargs
    final void drain(Queue<Scope>... queues) {
      for (Queue<Scope> queue : queues) {
        Scope scope;
        while ((scope = queue.poll()) != null) {
          list(scope);
        }
      }
    }

    private void list(Scope scope) {
      try {
        SyncCount count = syncScope(accountId, source, scope, seenAt);
        counts.add(count);
        runtime
            .listener()
            .scopeCompleted(accountId, runId, scope, count, done.incrementAndGet(), total);
      } catch (RuntimeException e) {
        FailedScope failure = new FailedScope(scope, describe(e), requestId(e));
        failures.add(failure);
        runtime.listener().scopeFailed(accountId, runId, failure, done.incrementAndGet(), total);
      }
    }
  }

  private SyncCount syncScope(
      AccountId accountId, InventorySource source, Scope scope, Instant seenAt) {
    List<Resource> listed = source.list(scope); // complete or throws: nothing written on failure
    return runtime.store().inventory().replaceScope(accountId, scope, listed, seenAt);
  }

  private static List<SyncCount> merge(Iterable<SyncCount> counts) {
    Map<String, SyncCount> byTypeRegion = new LinkedHashMap<>();
    for (SyncCount count : counts) {
      byTypeRegion.merge(count.type() + "@" + count.region(), count, SyncCount::plus);
    }
    return byTypeRegion.values().stream()
        .sorted(java.util.Comparator.comparing(SyncCount::type).thenComparing(SyncCount::region))
        .toList();
  }

  private static List<FailedScope> sortFailures(Iterable<FailedScope> failures) {
    List<FailedScope> sorted = new ArrayList<>();
    failures.forEach(sorted::add);
    sorted.sort(java.util.Comparator.comparing(f -> f.scope().toString()));
    return sorted;
  }

  private SyncRun running(String runId, AccountId accountId, Instant startedAt) {
    return new SyncRun(
        runId, accountId, SyncKind.INVENTORY, startedAt, null, 0, 0, List.of(), List.of(), null);
  }

  private Instant finishedAt(Instant startedAt) {
    Instant now = runtime.clock().instant();
    return now.isBefore(startedAt) ? startedAt : now;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static @org.jspecify.annotations.Nullable String requestId(Throwable e) {
    return e instanceof CloudeyException ce ? ce.requestId().orElse(null) : null;
  }

  /** Live resources of the account matching the filter. */
  public List<Resource> resources(AccountId accountId, ResourceFilter filter) {
    return runtime.store().inventory().resources(accountId, filter);
  }
}
