package app.cloudey.spi;

import app.cloudey.model.SkuPrice;
import java.util.Optional;

/**
 * List prices by SKU part number, used where no billed cost exists. Implementations say where their
 * prices come from (source and date) so estimates can cite it.
 */
public interface PriceBook {

  Optional<SkuPrice> find(String skuPartNumber);

  /** Where the prices come from, e.g. "OCI list prices, opencost snapshot 2025-06". */
  String source();

  /** A price book without prices. */
  static PriceBook empty() {
    return new PriceBook() {
      @Override
      public Optional<SkuPrice> find(String skuPartNumber) {
        return Optional.empty();
      }

      @Override
      public String source() {
        return "none";
      }
    };
  }
}
