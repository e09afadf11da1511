package app.cloudey.spi;

import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
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

  /**
   * As {@link #fetchDaily(List, Period)}, and tells {@code failedRequest} about each provider
   * request that failed after retries (a description of what and where, without secrets), whose
   * days are in the stream as missing: so a caller can tell a failure from no data. It may be
   * called from the source's own threads. The default reports no failure.
   */
  default Stream<MetricDaily> fetchDaily(
      List<Resource> resources, Period window, Consumer<String> failedRequest) {
    return fetchDaily(resources, window);
  }
}
