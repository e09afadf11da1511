package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.RecommendationRun;
import app.cloudey.spi.RecommendationStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Advisor runs per account, under the account's data lock so a save and its version move as one.
 */
final class InMemoryRecommendationStore
    implements RecommendationStore, InMemoryAccountStore.AccountDataOwner {
  static final Comparator<RecommendationRun> NEWEST_FIRST =
      Comparator.comparing(RecommendationRun::generatedAt)
          .thenComparing(RecommendationRun::id)
          .reversed();

  private final Tenants tenants;
  private final ConcurrentMap<AccountId, Map<String, RecommendationRun>> runs =
      new ConcurrentHashMap<>();

  InMemoryRecommendationStore(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public void save(@Nullable RecommendationRun run) {
    Check.notNull(run, "run");
    AccountId accountId = run.accountId();
    tenants.write(
        accountId,
        () -> {
          Map<String, RecommendationRun> ofAccount =
              runs.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>());
          if (ofAccount.putIfAbsent(run.id(), run) != null) {
            throw new CloudeyConfigException(
                "account " + accountId + " already has a recommendation run " + run.id());
          }
          tenants.changed(accountId, DataKind.RECOMMENDATIONS);
          return null;
        });
  }

  @Override
  public Optional<RecommendationRun> latest(@Nullable AccountId accountId) {
    return history(accountId, 1).stream().findFirst();
  }

  @Override
  public List<RecommendationRun> history(@Nullable AccountId accountId, int limit) {
    Check.notNull(accountId, "accountId");
    if (limit < 0) {
      throw new CloudeyConfigException("limit must not be negative, was " + limit);
    }
    return tenants.read(
        accountId,
        () -> {
          List<RecommendationRun> all =
              new ArrayList<>(runs.getOrDefault(accountId, Map.of()).values());
          all.sort(NEWEST_FIRST);
          return List.copyOf(all.subList(0, Math.min(limit, all.size())));
        });
  }

  @Override
  public void clear(AccountId accountId) {
    runs.remove(accountId);
  }
}
