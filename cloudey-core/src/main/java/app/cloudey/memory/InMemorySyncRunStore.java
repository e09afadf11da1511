package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.SyncRunStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/** Sync runs by account and id. */
final class InMemorySyncRunStore implements SyncRunStore, InMemoryAccountStore.AccountDataOwner {
  /** Newest first; the id breaks ties so the order is total. */
  private static final Comparator<SyncRun> NEWEST_FIRST =
      Comparator.comparing(SyncRun::startedAt).thenComparing(SyncRun::id).reversed();

  private final Tenants tenants;
  private final ConcurrentMap<AccountId, Map<String, SyncRun>> runs = new ConcurrentHashMap<>();

  InMemorySyncRunStore(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public void save(@Nullable SyncRun run) {
    Check.notNull(run, "run");
    tenants.write(
        run.accountId(),
        () -> runs.computeIfAbsent(run.accountId(), id -> new HashMap<>()).put(run.id(), run));
  }

  @Override
  public Optional<SyncRun> find(@Nullable AccountId accountId, @Nullable String runId) {
    Check.notNull(accountId, "accountId");
    Check.notNull(runId, "runId");
    return tenants.read(
        accountId, () -> Optional.ofNullable(runs.get(accountId)).map(byId -> byId.get(runId)));
  }

  @Override
  public List<SyncRun> recent(@Nullable AccountId accountId, int limit) {
    Check.notNull(accountId, "accountId");
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    return tenants.read(
        accountId,
        () ->
            runs.getOrDefault(accountId, Map.of()).values().stream()
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList());
  }

  @Override
  public int abandonUnfinished(
      @Nullable AccountId accountId, @Nullable Instant foundAt, @Nullable String reason) {
    Check.notNull(accountId, "accountId");
    Check.notNull(foundAt, "foundAt");
    Check.notNull(reason, "reason");
    // every lock taker calls this: only a run actually left RUNNING is worth a write
    boolean anyRunning =
        tenants.read(
            accountId,
            () ->
                runs.getOrDefault(accountId, Map.of()).values().stream()
                    .anyMatch(run -> !run.isFinished()));
    if (!anyRunning) {
      return 0;
    }
    return tenants.write(
        accountId,
        () -> {
          int abandoned = 0;
          for (Map.Entry<String, SyncRun> entry :
              runs.getOrDefault(accountId, new HashMap<>()).entrySet()) {
            if (!entry.getValue().isFinished()) {
              entry.setValue(entry.getValue().abandoned(foundAt, reason));
              abandoned++;
            }
          }
          return abandoned;
        });
  }

  @Override
  public int deleteBefore(@Nullable AccountId accountId, @Nullable Instant cutoff) {
    Check.notNull(accountId, "accountId");
    Check.notNull(cutoff, "cutoff");
    return tenants.write(
        accountId,
        () -> {
          Map<String, SyncRun> byId = runs.get(accountId);
          if (byId == null) {
            return 0;
          }
          int before = byId.size();
          // a run still going is kept whatever its age: it is not history yet
          byId.values().removeIf(run -> run.isFinished() && run.startedAt().isBefore(cutoff));
          return before - byId.size();
        });
  }

  @Override
  public void clear(AccountId accountId) {
    runs.remove(accountId);
  }
}
