package app.cloudey;

import app.cloudey.internal.AdvisorEngine;
import app.cloudey.internal.JobExecution;
import app.cloudey.internal.JobRunner;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobState;
import app.cloudey.model.Recommendation;
import app.cloudey.spi.JobListener;
import java.util.List;
import java.util.Map;

/** One account's savings recommendations, from the rules registered on the builder. */
public final class Recommendations {
  private final AccountId accountId;
  private final AdvisorEngine engine;
  private final Map<String, String> options;
  private final JobRunner jobs;

  Recommendations(
      AccountId accountId, AdvisorEngine engine, Map<String, String> options, JobRunner jobs) {
    this.accountId = accountId;
    this.engine = engine;
    this.options = options;
    this.jobs = jobs;
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
              List<Recommendation> found = engine.generate(accountId, options);
              control.progress(new JobProgress(1, 1, found.size()));
              return new JobExecution.Outcome(
                  JobState.SUCCEEDED,
                  found,
                  Map.of("recommendations", String.valueOf(found.size())));
            }));
  }

  /** Runs every rule over a snapshot of stored data; most severe first, then largest saving. */
  public List<Recommendation> generate() {
    return engine.generate(accountId, options);
  }
}
