package app.cloudey.internal;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.FailedScope;
import app.cloudey.model.JobProgress;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
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
    return run(accountId, requestedTypes, JobControl.NONE);
  }

  /**
   * Runs one sync for a job: once the job is cancelled no further scope is taken (scopes in flight
   * finish and are written whole, scopes not taken are left untouched, the deleted-compartment
   * sweep waits for the next sync) and the run is recorded {@link SyncState#CANCELLED}.
   */
  public SyncRun run(AccountId accountId, Set<ResourceType> requestedTypes, JobControl control) {
    CloudeyStore store = runtime.store();
    try (CloudeyStore.AccountLock lock = runtime.lockAccount(accountId)) {
      String runId = UUID.randomUUID().toString();
      Instant startedAt = runtime.clock().instant();
      runtime.listener().syncStarted(accountId, SyncKind.INVENTORY, runId);
      SyncRun running = SyncRun.started(runId, accountId, SyncKind.INVENTORY, startedAt);
      store.syncRuns().save(running);
      try {
        SyncRun run = sync(accountId, runId, startedAt, requestedTypes, control);
        store.syncRuns().save(run);
        store
            .syncRuns()
            .deleteBefore(
                accountId,
                startedAt.minus(Duration.ofDays(runtime.settings().syncRunRetentionDays())));
        runtime.listener().syncFinished(run);
        return run;
      } catch (JobCancelledException e) {
        SyncRun cancelled = running.cancelled(finishedAt(startedAt));
        store.syncRuns().save(cancelled);
        runtime.listener().syncFinished(cancelled);
        return cancelled;
      } catch (RuntimeException e) {
        SyncRun failed = running.failed(finishedAt(startedAt), describe(e));
        store.syncRuns().save(failed);
        runtime.listener().syncFinished(failed);
        throw e;
      }
    }
  }

  private SyncRun sync(
      AccountId accountId,
      String runId,
      Instant startedAt,
      Set<ResourceType> requestedTypes,
      JobControl control) {
    // leased for the whole sync: never closed idle while a scope is listing
    try (Runtime.Lease lease = runtime.lease(accountId)) {
      return sync(
          accountId, runId, startedAt, requestedTypes, control, lease.connection().inventory());
    }
  }

  private SyncRun sync(
      AccountId accountId,
      String runId,
      Instant startedAt,
      Set<ResourceType> requestedTypes,
      JobControl control,
      InventorySource source) {
    control.stopIfCancelled();
    List<String> regions = source.regions();
    control.stopIfCancelled();
    List<Compartment> listed = source.compartments();
    Set<ResourceType> types = new LinkedHashSet<>(source.resourceTypes());
    if (!requestedTypes.isEmpty()) {
      types.retainAll(requestedTypes);
    }
    Set<String> goneCompartments = new LinkedHashSet<>();
    runtime.store().inventory().compartments(accountId).forEach(c -> goneCompartments.add(c.id()));
    listed.forEach(c -> goneCompartments.remove(c.id()));
    runtime.store().inventory().replaceCompartments(accountId, listed, startedAt);

    // types innermost: consecutive scopes hit different services, so every service's rate limit
    // is in use at once instead of one service at a time
    List<Scope> scopes = new ArrayList<>();
    for (Compartment compartment : listed) {
      for (String region : regions) {
        types.forEach(type -> scopes.add(new Scope(region, compartment.id(), type)));
      }
    }
    control.progress(new JobProgress(0, scopes.size(), 0));
    Pass pass = listScopes(accountId, runId, startedAt, source, scopes, control);
    if (control.isCancelled()) {
      // the scopes not taken were never listed, so nothing may be deleted from them; the sweep
      // below is completed by the next sync
      return new SyncRun(
          runId,
          accountId,
          SyncKind.INVENTORY,
          SyncState.CANCELLED,
          startedAt,
          finishedAt(startedAt),
          pass.total,
          pass.done.get() - pass.failures.size(),
          merge(pass.counts),
          goneCompartments.size(),
          0,
          sortFailures(pass.failures),
          null);
    }
    // after the listing, so a resource moved out of a deleted compartment is already stored in its
    // new one; every sync sweeps, whatever its regions and types, so a deletion noticed by a sync
    // that could not finish the sweep is completed by the next one
    List<SyncCount> withCompartments =
        runtime.store().inventory().deleteResourcesOfDeletedCompartments(accountId, startedAt);
    List<SyncCount> counts = new ArrayList<>(pass.counts);
    counts.addAll(withCompartments);
    return new SyncRun(
        runId,
        accountId,
        SyncKind.INVENTORY,
        SyncState.SUCCEEDED,
        startedAt,
        finishedAt(startedAt),
        pass.total,
        pass.total - pass.failures.size(),
        merge(counts),
        goneCompartments.size(),
        withCompartments.stream().mapToInt(SyncCount::deleted).sum(),
        sortFailures(pass.failures),
        null);
  }

  /**
   * Lists the scopes in two lanes, each with {@code syncConcurrency} workers taking scopes in
   * order: types the source says wait on shared lookups ({@link
   * InventorySource#typesWithSharedLookups()}) in one, the rest in the other, so scopes that wait
   * never hold back those that could be listing. Workers of the first lane help the other once
   * theirs is empty.
   */
  private Pass listScopes(
      AccountId accountId,
      String runId,
      Instant startedAt,
      InventorySource source,
      List<Scope> scopes,
      JobControl control) {
    Set<ResourceType> waiting = source.typesWithSharedLookups();
    Queue<Scope> lane = new ConcurrentLinkedQueue<>();
    Queue<Scope> waitingLane = new ConcurrentLinkedQueue<>();
    scopes.forEach(scope -> (waiting.contains(scope.type()) ? waitingLane : lane).add(scope));
    Pass pass = new Pass(accountId, runId, startedAt, source, scopes.size(), control);
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
    return pass;
  }

  /** One sync's listing: what its workers share. */
  private final class Pass {
    private final AccountId accountId;
    private final String runId;
    private final Instant seenAt;
    private final InventorySource source;
    private final int total;
    private final JobControl control;
    private final AtomicInteger done = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong itemsSeen =
        new java.util.concurrent.atomic.AtomicLong();
    private final Queue<SyncCount> counts = new ConcurrentLinkedQueue<>();
    private final Queue<FailedScope> failures = new ConcurrentLinkedQueue<>();

    Pass(
        AccountId accountId,
        String runId,
        Instant seenAt,
        InventorySource source,
        int total,
        JobControl control) {
      this.control = control;
      this.accountId = accountId;
      this.runId = runId;
      this.seenAt = seenAt;
      this.source = source;
      this.total = total;
    }

    /** Lists scopes from the queues, in order, until all are empty or the job is cancelled. */
    @SafeVarargs
    final void drain(Queue<Scope>... queues) {
      for (Queue<Scope> queue : queues) {
        Scope scope;
        while (!control.isCancelled() && (scope = queue.poll()) != null) {
          list(scope);
        }
      }
    }

    private void list(Scope scope) {
      try {
        SyncCount count = syncScope(accountId, source, scope, seenAt);
        counts.add(count);
        int now = done.incrementAndGet();
        long seen = itemsSeen.addAndGet(count.created() + count.updated() + count.unchanged());
        runtime.listener().scopeCompleted(accountId, runId, scope, count, now, total);
        control.progress(new JobProgress(now, total, seen));
      } catch (RuntimeException e) {
        FailedScope failure = new FailedScope(scope, describe(e), requestId(e));
        failures.add(failure);
        int now = done.incrementAndGet();
        runtime.listener().scopeFailed(accountId, runId, failure, now, total);
        control.progress(new JobProgress(now, total, itemsSeen.get()));
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
    return byTypeRegion.values().stream().sorted(SyncCount.BY_TYPE_AND_REGION).toList();
  }

  private static List<FailedScope> sortFailures(Iterable<FailedScope> failures) {
    List<FailedScope> sorted = new ArrayList<>();
    failures.forEach(sorted::add);
    sorted.sort(java.util.Comparator.comparing(f -> f.scope().toString()));
    return sorted;
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
