package app.cloudey;

import app.cloudey.internal.AdvisorEngine;
import app.cloudey.model.AccountId;
import app.cloudey.model.Recommendation;
import java.util.List;
import java.util.Map;

/** One account's savings recommendations, from the rules registered on the builder. */
public final class Recommendations {
  private final AccountId accountId;
  private final AdvisorEngine engine;
  private final Map<String, String> options;

  Recommendations(AccountId accountId, AdvisorEngine engine, Map<String, String> options) {
    this.accountId = accountId;
    this.engine = engine;
    this.options = options;
  }

  /** Runs every rule over a snapshot of stored data; most severe first, then largest saving. */
  public List<Recommendation> generate() {
    return engine.generate(accountId, options);
  }
}
