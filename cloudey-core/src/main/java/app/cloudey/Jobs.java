package app.cloudey;

import app.cloudey.internal.Runtime;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import java.util.List;
import java.util.Optional;

/**
 * Background jobs as saved in the store: those of this process and of any other sharing the
 * database. Thread-safe.
 */
public final class Jobs {
  private final Runtime runtime;

  Jobs(Runtime runtime) {
    this.runtime = runtime;
  }

  /** The job with this id, of any account. */
  public Optional<JobRecord> find(String jobId) {
    return runtime.store().jobs().find(jobId);
  }

  /** The account's jobs, newest first, at most {@code limit}. */
  public List<JobRecord> recent(AccountId accountId, int limit) {
    return runtime.store().jobs().recent(accountId, limit);
  }
}
