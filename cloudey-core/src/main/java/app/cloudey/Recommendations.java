package app.cloudey;

import app.cloudey.internal.AdvisorEngine;
import app.cloudey.internal.JobExecution;
import app.cloudey.internal.JobRunner;
import app.cloudey.internal.NarrativeCheck;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobState;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.spi.Explainer;
import app.cloudey.spi.JobListener;
import app.cloudey.spi.RecommendationStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One account's savings recommendations, from the rules registered on the builder. Each {@link
 * #run()} is stored as a snapshot in the store's {@link RecommendationStore} (when the store keeps
 * one), so {@link #latest()}, {@link #history(int)} and {@link #summary()} read what was found
 * without running the rules again.
 *
 * <p>An {@link Explainer} (from {@code Builder.llm(...)} or {@code Builder.explainer(...)}) adds an
 * executive summary on demand through {@link #explain}; recommendations never need one.
 */
public final class Recommendations {
  private final AccountId accountId;
  private final AdvisorEngine engine;
  private final JobRunner jobs;
  private final @Nullable RecommendationStore store;
  private final @Nullable Explainer explainer;

  Recommendations(
      AccountId accountId,
      AdvisorEngine engine,
      JobRunner jobs,
      @Nullable RecommendationStore store,
      @Nullable Explainer explainer) {
    this.accountId = accountId;
    this.engine = engine;
    this.jobs = jobs;
    this.store = store;
    this.explainer = explainer;
  }

  /** {@link #generate()} as a background job; its result is the {@code List<Recommendation>}. */
  public Job generateAsync() {
    return generateAsync(JobListener.NOOP);
  }

  /** {@link #generate()} as a background job followed by {@code listener}. */
  public Job generateAsync(JobListener listener) {
    return new Job(
        jobs.submit(
            accountId,
            JobKind.RECOMMENDATIONS,
            listener,
            control -> {
              control.stopIfCancelled();
              RecommendationRun run = run();
              if (!run.failures().isEmpty()) {
                // stored with the other rules' findings, but the job (and scheduled work) fails
                throw new CloudeyException(run.failureSummary());
              }
              List<Recommendation> found = run.recommendations();
              control.progress(new JobProgress(1, 1, found.size()));
              return new JobExecution.Outcome(
                  JobState.SUCCEEDED,
                  found,
                  Map.of(
                      "recommendations",
                      String.valueOf(found.size()),
                      "failedRules",
                      String.valueOf(run.failures().size()),
                      "runId",
                      run.id()));
            }));
  }

  /**
   * Runs every rule over a snapshot of stored data and stores the run; a rule that throws is listed
   * in the run's {@link RecommendationRun#failures()} while the others complete.
   */
  public RecommendationRun run() {
    RecommendationRun run = engine.run(accountId);
    if (store != null) {
      store.save(run);
    }
    return run;
  }

  /** {@link #run()}'s recommendations: most severe first, then largest saving. */
  public List<Recommendation> generate() {
    return run().recommendations();
  }

  /** The latest stored run, if any. */
  public Optional<RecommendationRun> latest() {
    return store == null ? Optional.empty() : store.latest(accountId);
  }

  /** The newest {@code n} stored runs, newest first. */
  public List<RecommendationRun> history(int n) {
    return store == null ? List.of() : store.history(accountId, n);
  }

  /**
   * The latest stored run in brief: count by severity, total monthly saving per currency (each
   * resource counted once), what the run before it found that this one no longer does.
   */
  public RecommendationSummary summary() {
    return store == null ? RecommendationSummary.none(accountId) : store.summary(accountId);
  }

  /** Whether an {@link Explainer} is configured, so that {@link #explain} can be called. */
  public boolean canExplain() {
    return explainer != null;
  }

  /**
   * The executive summary of a run of this account, written by the configured {@link Explainer} and
   * checked: every amount of money it states must be an amount of {@code run} (see {@link
   * Explainer} for what counts). Blocks for the explainer's call; not cached.
   *
   * @throws CloudeyConfigException when no explainer is configured, or the run is another account's
   * @throws CloudeyNarrativeException when the narrative states an amount the run does not contain
   *     (the narrative is dropped; the run is unaffected)
   * @throws CloudeyProviderException when the explainer returns nothing, or its provider fails
   */
  public String explain(RecommendationRun run) {
    if (explainer == null) {
      throw new CloudeyConfigException(
          "no explainer is configured: build Cloudey with .llm(CloudeyAi.of(...)) from cloudey-ai,"
              + " or .explainer(...); the recommendations themselves are complete without one");
    }
    if (run == null) {
      throw new CloudeyConfigException("run must not be null");
    }
    if (!run.accountId().equals(accountId)) {
      throw new CloudeyConfigException(
          "recommendations run "
              + run.id()
              + " belongs to account '"
              + run.accountId()
              + "', not '"
              + accountId
              + "'");
    }
    String narrative = explainer.explain(run);
    if (narrative == null || narrative.isBlank()) {
      throw new CloudeyProviderException(
          "the explainer returned no narrative for recommendations run " + run.id(),
          -1,
          null,
          null);
    }
    NarrativeCheck.verify(narrative, run);
    return narrative.strip();
  }

  /** {@link #explain} of the {@link #latest()} stored run; empty when none is stored. */
  public Optional<String> explainLatest() {
    return latest().map(this::explain);
  }
}
