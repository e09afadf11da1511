package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** History of sync runs. */
public interface SyncRunStore {

  /** Inserts or replaces the run by id. */
  void save(SyncRun run);

  Optional<SyncRun> find(AccountId accountId, String runId);

  /** Newest first, at most {@code limit}. */
  List<SyncRun> recent(AccountId accountId, int limit);

  /**
   * Marks every {@link SyncState#RUNNING} run of the account {@link SyncRun#abandoned abandoned}:
   * ended at {@code foundAt} (or its start, if later) with {@code reason} as its error, the rest
   * kept. Called by the taker of the account's lock, who knows no run of the account is still
   * going.
   *
   * @return how many runs were abandoned
   */
  int abandonUnfinished(AccountId accountId, Instant foundAt, String reason);

  /** Retention: deletes finished runs that started before {@code cutoff}; returns how many. */
  int deleteBefore(AccountId accountId, Instant cutoff);
}
