package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
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

  /**
   * The newest run in brief, compared with the run before it: {@link RecommendationSummary#of}
   * applied to the two newest runs. This default reads both runs whole; a store that keeps each
   * run's summary when it saves the run (PostgreSQL) answers without reading them, which matters
   * for the dashboard of an account whose runs hold tens of thousands of findings.
   */
  default RecommendationSummary summary(AccountId accountId) {
    List<RecommendationRun> lastTwo = history(accountId, 2);
    return RecommendationSummary.of(
        accountId,
        lastTwo.isEmpty() ? null : lastTwo.get(0),
        lastTwo.size() < 2 ? null : lastTwo.get(1));
  }
}
