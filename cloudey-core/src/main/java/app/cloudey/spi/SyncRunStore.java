package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.SyncRun;
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

  /** Retention: deletes finished runs that started before {@code cutoff}; returns how many. */
  int deleteBefore(AccountId accountId, Instant cutoff);
}
