package app.cloudey.spi;

/**
 * One account's live connection to its cloud: the sources that read inventory, costs and metrics.
 * Thread-safe; holds clients (HTTP pools) until closed.
 */
public interface CloudConnection extends AutoCloseable {

  InventorySource inventory();

  CostSource costs();

  MetricSource metrics();

  @Override
  void close();
}
