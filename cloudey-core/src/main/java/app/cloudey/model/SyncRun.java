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
 * @param state where the run is in its life
 * @param startedAt start time
 * @param finishedAt end time, null exactly while {@link SyncState#RUNNING}; for an {@link
 *     SyncState#ABANDONED} run, when it was found abandoned (it stopped at some earlier time)
 * @param scopesTotal scopes planned
 * @param scopesCompleted scopes listed and written
 * @param counts per type and region, ordered by type then region; deletions include the resources
 *     deleted with their compartment
 * @param compartmentsDeleted compartments absent from the run's compartment tree listing, now
 *     marked deleted
 * @param resourcesDeletedWithCompartments resources marked deleted because their compartment is
 *     deleted (by this run or an earlier one that could not finish the job)
 * @param failures scopes that failed
 * @param error why a {@link SyncState#FAILED} run failed (e.g. regions could not be listed) or an
 *     {@link SyncState#ABANDONED} one was abandoned; null for the other states
 */
public record SyncRun(
    String id,
    AccountId accountId,
    SyncKind kind,
    SyncState state,
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
    Checks.notNull(state, "state");
    Checks.notNull(startedAt, "startedAt");
    Checks.require(
        (state == SyncState.RUNNING) == (finishedAt == null),
        "finishedAt must be null exactly while the run is RUNNING; state "
            + state
            + ", finishedAt "
            + finishedAt);
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
    boolean explained = state == SyncState.FAILED || state == SyncState.ABANDONED;
    Checks.require(
        explained == (error != null),
        explained
            ? "error must say why the run is " + state
            : "error must be null for a " + state + " run, was '" + error + "'");
  }

  /** A run that has just started: RUNNING, nothing counted yet. */
  public static SyncRun started(String id, AccountId accountId, SyncKind kind, Instant startedAt) {
    return new SyncRun(
        id,
        accountId,
        kind,
        SyncState.RUNNING,
        startedAt,
        null,
        0,
        0,
        List.of(),
        0,
        0,
        List.of(),
        null);
  }

  /** This run SUCCEEDED at {@code finishedAt} (not before its start), keeping what it counted. */
  public SyncRun succeeded(Instant finishedAt) {
    return ended(
        SyncState.SUCCEEDED, finishedAt.isBefore(startedAt) ? startedAt : finishedAt, null);
  }

  /** This run FAILED at {@code finishedAt} for {@code error}, keeping what it counted. */
  public SyncRun failed(Instant finishedAt, String error) {
    return ended(SyncState.FAILED, finishedAt, error);
  }

  /**
   * This run ABANDONED: found RUNNING at {@code foundAt} by the next taker of the account's lock.
   * The end is {@code foundAt}, or the start if the clocks disagree; what it counted is kept.
   */
  public SyncRun abandoned(Instant foundAt, String reason) {
    return ended(SyncState.ABANDONED, foundAt.isBefore(startedAt) ? startedAt : foundAt, reason);
  }

  /** This run CANCELLED at {@code finishedAt} (its job was cancelled), keeping what it counted. */
  public SyncRun cancelled(Instant finishedAt) {
    return ended(SyncState.CANCELLED, finishedAt, null);
  }

  private SyncRun ended(SyncState endState, Instant at, @Nullable String why) {
    return new SyncRun(
        id,
        accountId,
        kind,
        endState,
        startedAt,
        at,
        scopesTotal,
        scopesCompleted,
        counts,
        compartmentsDeleted,
        resourcesDeletedWithCompartments,
        failures,
        why);
  }

  public boolean isFinished() {
    return state.isFinal();
  }

  /** SUCCEEDED with every scope completed. */
  public boolean isSuccessful() {
    return state == SyncState.SUCCEEDED && failures.isEmpty();
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
