/**
 * Oracle Cloud (OCI) adapter: {@link app.cloudey.oci.OciCloud} reads inventory, costs (Usage API)
 * and metrics (Monitoring) through the OCI Java SDK. Configure an account with {@link
 * app.cloudey.oci.OciConfig} and tune calls (timeouts, concurrency, rate limits, retries) with
 * {@link app.cloudey.oci.OciOptions}.
 *
 * <p>Prices: {@link app.cloudey.oci.OciPriceBook} (bundled OCI list prices, tier-aware, cited by
 * source and date) with {@link app.cloudey.oci.OciShapes} (shape to SKUs, shapes that bill while
 * stopped, old generations); {@link app.cloudey.oci.AccountPriceBook} prices one account's usage
 * from its own billed unit prices ({@link app.cloudey.oci.BilledUnitPrices}), contract prices or
 * discounted list prices ({@link app.cloudey.oci.AccountPricing}).
 */
@NullMarked
package app.cloudey.oci;

import org.jspecify.annotations.NullMarked;
