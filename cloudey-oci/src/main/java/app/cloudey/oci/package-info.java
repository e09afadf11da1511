/**
 * Oracle Cloud (OCI) adapter: {@link app.cloudey.oci.OciCloud} reads inventory, costs (Usage API)
 * and metrics (Monitoring) through the OCI Java SDK. Configure an account with {@link
 * app.cloudey.oci.OciConfig} and tune calls (timeouts, concurrency, rate limits, retries) with
 * {@link app.cloudey.oci.OciOptions}.
 */
@NullMarked
package app.cloudey.oci;

import org.jspecify.annotations.NullMarked;
