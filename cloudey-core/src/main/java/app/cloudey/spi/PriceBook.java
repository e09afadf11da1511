package app.cloudey.spi;

import app.cloudey.model.SkuPrice;
import java.time.LocalDate;
import java.util.Optional;

/**
 * List prices by SKU part number, used where no billed cost exists. Implementations say where their
 * prices come from (source and date) so estimates can cite it.
 *
 * <p>Prices may be tiered (free monthly allowances): use {@link SkuPrice#marginalUnitPrice} or
 * {@link SkuPrice#costBetween}, never the first tier alone. Implementations are immutable and
 * thread-safe; the OCI one is {@code app.cloudey.oci.OciPriceBook}.
 */
public interface PriceBook {

  /** The list price of a SKU, or empty when the book does not know it. */
  Optional<SkuPrice> find(String skuPartNumber);

  /** Where the prices come from, e.g. "OCI list prices, opencost snapshot 2025-06". */
  String source();

  /** The date the prices were captured, when known; {@link #source()} names it too. */
  default Optional<LocalDate> sourceDate() {
    return Optional.empty();
  }

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
