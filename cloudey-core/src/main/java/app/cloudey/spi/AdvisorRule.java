package app.cloudey.spi;

import app.cloudey.model.Recommendation;
import java.util.List;

/**
 * One savings rule: a pure function from a snapshot to recommendations. It reads nothing else and
 * writes nothing. Thread-safe.
 */
public interface AdvisorRule {

  /** Stable id, e.g. {@code idle-instance}. */
  String id();

  List<Recommendation> evaluate(RuleContext context);
}
