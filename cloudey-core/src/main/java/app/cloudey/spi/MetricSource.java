package app.cloudey.spi;

import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads utilisation metrics as daily aggregates. Thread-safe. */
public interface MetricSource {

  /** The metrics this source reports for a resource type (empty when none). */
  Set<MetricName> metricsFor(ResourceType type);

  /**
   * Daily aggregates for every given resource, every applicable metric and every day of {@code
   * window}: exactly one {@link MetricDaily} per (resource, metric, day), {@link
   * MetricDaily#missing missing} where there was no data. Resources of types without metrics are
   * ignored. The caller closes the stream.
   */
  Stream<MetricDaily> fetchDaily(List<Resource> resources, Period window);
}
