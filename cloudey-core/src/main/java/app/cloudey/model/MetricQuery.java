package app.cloudey.model;

import java.util.Set;

/**
 * Which stored daily metrics to read; an empty set means "any".
 *
 * @param period days
 * @param resourceIds only these resources
 * @param metrics only these metrics
 */
public record MetricQuery(Period period, Set<String> resourceIds, Set<MetricName> metrics) {
  public MetricQuery {
    Checks.notNull(period, "period");
    resourceIds = Checks.copy(resourceIds, "resourceIds");
    metrics = Checks.copy(metrics, "metrics");
  }

  public static MetricQuery of(Period period) {
    return new MetricQuery(period, Set.of(), Set.of());
  }

  public MetricQuery resources(Set<String> ids) {
    return new MetricQuery(period, ids, metrics);
  }

  public MetricQuery metrics(MetricName... names) {
    return new MetricQuery(period, resourceIds, Checks.setOf(names, "metrics"));
  }

  public boolean matches(MetricDaily m) {
    return period.contains(m.day())
        && (resourceIds.isEmpty() || resourceIds.contains(m.resourceId()))
        && (metrics.isEmpty() || metrics.contains(m.metric()));
  }
}
