package app.cloudey;

import app.cloudey.internal.InventorySync;
import app.cloudey.internal.JobExecution;
import app.cloudey.internal.JobRunner;
import app.cloudey.internal.Runtime;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobState;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import app.cloudey.spi.JobListener;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One account's inventory: sync it from the cloud, read what is stored. Thread-safe; concurrent
 * syncs of one account run one after the other.
 */
public final class Inventory {
  private final Runtime runtime;
  private final AccountId accountId;
  private final InventorySync sync;
  private final JobRunner jobs;

  Inventory(Runtime runtime, AccountId accountId, JobRunner jobs) {
    this.runtime = runtime;
    this.accountId = accountId;
    this.sync = new InventorySync(runtime);
    this.jobs = jobs;
  }

  /**
   * Syncs every resource type in every subscribed region and compartment. Blocks until done. Scopes
   * that fail are listed in {@link SyncRun#failures()} and their stored resources are untouched.
   *
   * @throws app.cloudey.CloudeyException when regions or compartments cannot be listed (the failed
   *     run is still recorded)
   */
  public SyncRun sync() {
    return sync.run(accountId, Set.of());
  }

  /** Syncs only the given resource types. */
  public SyncRun sync(Set<ResourceType> types) {
    return sync.run(accountId, Set.copyOf(types));
  }

  /** {@link #sync()} as a background job; its result is the {@link SyncRun}. */
  public Job syncAsync() {
    return syncAsync(JobListener.NOOP);
  }

  /**
   * {@link #sync()} as a background job followed by {@code listener}; progress counts scopes and
   * resources seen. Cancelling it takes no further scope: the scopes listed are written whole, the
   * others left untouched, and the run is recorded CANCELLED.
   */
  public Job syncAsync(JobListener listener) {
    return new Job(
        jobs.submit(
            accountId,
            JobKind.INVENTORY_SYNC,
            listener,
            control -> {
              SyncRun run = sync.run(accountId, Set.of(), control);
              return new JobExecution.Outcome(
                  run.state() == SyncState.CANCELLED ? JobState.CANCELLED : JobState.SUCCEEDED,
                  run,
                  Map.of(
                      "syncRunId", run.id(),
                      "scopesTotal", String.valueOf(run.scopesTotal()),
                      "scopesCompleted", String.valueOf(run.scopesCompleted()),
                      "scopesFailed", String.valueOf(run.failures().size())));
            }));
  }

  /** Live resources, ordered by id. */
  public List<Resource> resources() {
    return resources(ResourceFilter.ALL);
  }

  public List<Resource> resources(ResourceFilter filter) {
    return runtime.store().inventory().resources(accountId, filter);
  }

  /** A resource by id, live or deleted. */
  public Optional<Resource> find(String resourceId) {
    return runtime.store().inventory().findResource(accountId, resourceId);
  }

  /** Live compartments ordered by path. */
  public List<Compartment> compartments() {
    return runtime.store().inventory().compartments(accountId);
  }

  /** Live resources per type (types without resources are absent). */
  public Map<ResourceType, Integer> counts() {
    Map<ResourceType, Integer> counts = new EnumMap<>(ResourceType.class);
    resources().forEach(r -> counts.merge(r.type(), 1, Integer::sum));
    return counts;
  }

  /** Recent sync runs of every kind, newest first. */
  public List<SyncRun> history(int limit) {
    return runtime.store().syncRuns().recent(accountId, limit);
  }
}
