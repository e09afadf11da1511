package app.cloudey.advisor;

import app.cloudey.model.Money;
import app.cloudey.model.Resource;
import app.cloudey.spi.PriceBook;
import java.util.Optional;

/**
 * The monthly list price of a resource as configured (shape and OCPUs, size and VPUs), for
 * resources without billed cost. Provider knowledge: the OCI adapter supplies one that maps shapes
 * and volumes to SKUs of its price book. The default prices nothing, so a finding without billed
 * cost says it has no amount rather than guessing one.
 */
@FunctionalInterface
public interface ListPriceEstimator {
  /** Prices nothing. */
  ListPriceEstimator NONE = (resource, priceBook) -> Optional.empty();

  /** The resource's monthly list price, if the price book can price it. */
  Optional<Money> monthly(Resource resource, PriceBook priceBook);
}
