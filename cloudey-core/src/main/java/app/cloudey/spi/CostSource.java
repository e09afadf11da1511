package app.cloudey.spi;

import app.cloudey.CloudeyException;
import app.cloudey.model.CostLine;
import app.cloudey.model.Period;
import java.util.stream.Stream;

/**
 * Reads billed costs. The stream is lazy: pages are fetched as it is consumed, so memory stays
 * bounded whatever the period. The caller must close it. A failure while consuming throws a {@link
 * CloudeyException} from the stream; the consumer (a store ingest) then rolls back.
 */
public interface CostSource {

  /** Cost lines of every day in {@code period} (UTC days, end exclusive), one per natural key. */
  Stream<CostLine> fetch(Period period);
}
