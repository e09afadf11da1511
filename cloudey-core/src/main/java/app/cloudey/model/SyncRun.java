package app.cloudey.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The record of one sync of one account: counts per type and region, and the scopes that failed
 * with their reasons. Successful scopes are summarised in the counts, not listed one by one.
 *
 * @param id unique id of the run
 * @param accountId account synced
 * @param kind what was synced
 * @param startedAt start time
 * @param finishedAt end time; null while running
 * @param scopesTotal scopes planned
 * @param scopesCompleted scopes listed and written
 * @param counts per type and region, ordered by type then region; deletions include the resources
 *     deleted with their compartment
 * @param compartmentsDeleted compartments absent from the run's compartment tree listing, now
 *     marked deleted
 * @param resourcesDeletedWithCompartments resources marked deleted because their compartment is
 *     deleted (by this run or an earlier one that could not finish the job)
 * @param failures scopes that failed
 * @param error a failure of the whole run (e.g. regions could not be listed), null otherwise
 */
public record SyncRun(
    String id,
    AccountId accountId,
    SyncKind kind,
    Instant startedAt,
    @Nullable Instant finishedAt,
    int scopesTotal,
    int scopesCompleted,
    List<SyncCount> counts,
    int compartmentsDeleted,
    int resourcesDeletedWithCompartments,
    List<FailedScope> failures,
    @Nullable String error) {

  public SyncRun {
    Checks.notBlank(id, "id");
    Checks.notNull(accountId, "accountId");
    Checks.notNull(kind, "kind");
    Checks.notNull(startedAt, "startedAt");
    if (finishedAt != null) {
      Checks.require(
          !finishedAt.isBefore(startedAt),
          "finishedAt (" + finishedAt + ") is before startedAt (" + startedAt + ")");
    }
    Checks.notNegative(scopesTotal, "scopesTotal");
    Checks.notNegative(scopesCompleted, "scopesCompleted");
    Checks.require(
        scopesCompleted <= scopesTotal,
        "scopesCompleted (" + scopesCompleted + ") exceeds scopesTotal (" + scopesTotal + ")");
    counts = Checks.copy(counts, "counts");
    Checks.notNegative(compartmentsDeleted, "compartmentsDeleted");
    Checks.notNegative(resourcesDeletedWithCompartments, "resourcesDeletedWithCompartments");
    failures = Checks.copy(failures, "failures");
    error = Checks.blankToNull(error);
  }

  public boolean isFinished() {
    return finishedAt != null;
  }

  /** Finished with every scope completed and no run-level error. */
  public boolean isSuccessful() {
    return finishedAt != null && error == null && failures.isEmpty();
  }

  public @Nullable Duration duration() {
    return finishedAt == null ? null : Duration.between(startedAt, finishedAt);
  }

  /** Sum over regions for one type. */
  public SyncCount total(ResourceType type) {
    int c = 0, u = 0, d = 0, n = 0;
    for (SyncCount count : counts) {
      if (count.type() == type) {
        c += count.created();
        u += count.updated();
        d += count.deleted();
        n += count.unchanged();
      }
    }
    return new SyncCount(type, "*", c, u, d, n);
  }
}
