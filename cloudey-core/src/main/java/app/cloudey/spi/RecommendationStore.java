package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.RecommendationRun;
import java.util.List;
import java.util.Optional;

/**
 * Advisor runs kept as snapshots, so a user sees the history of recommendations and what was
 * resolved between runs. Every method is scoped to the account it takes. Thread-safe.
 *
 * <p>Saving a run moves the account's {@link app.cloudey.model.DataKind#RECOMMENDATIONS} data
 * version (views that show recommendations, such as the dashboard, key their cache on it); nothing
 * else does, except deleting the account, which deletes its runs.
 *
 * <p>Reference implementations: {@code InMemoryStore} (core) and {@code PostgresStore}
 * (cloudey-store); both pass the test kit's {@code RecommendationStoreContract}.
 */
public interface RecommendationStore {

  /**
   * Stores a run whole (recommendations, failures, reconciliation) and moves the data version.
   *
   * @throws app.cloudey.CloudeyConfigException when the account already has a run of that id
   */
  void save(RecommendationRun run);

  /** The account's newest run (by {@code generatedAt}, then id). */
  Optional<RecommendationRun> latest(AccountId accountId);

  /** The account's newest runs, newest first (by {@code generatedAt}, then id), at most limit. */
  List<RecommendationRun> history(AccountId accountId, int limit);
}
