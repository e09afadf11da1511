package app.cloudey.spi;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A read-only snapshot an {@link AdvisorRule} evaluates: the account's live inventory, the cost
 * lines of the cost window, daily metrics of the metric window, list prices and the clock.
 */
public interface RuleContext {

  AccountId accountId();

  Clock clock();

  /** Live resources. */
  List<Resource> resources();

  /** The window {@link #costLines()} covers (the last complete months). */
  Period costWindow();

  List<CostLine> costLines();

  /** The window {@link #metrics()} covers (the look-back). */
  Period metricWindow();

  /** Daily metrics of the metric window. */
  List<MetricDaily> metrics();

  PriceBook priceBook();

  /** Rule options by name, e.g. {@code idle-instance.cpuP95Percent -> 5}. */
  Map<String, String> options();
}
