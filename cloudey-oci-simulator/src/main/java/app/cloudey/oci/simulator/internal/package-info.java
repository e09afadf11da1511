/**
 * The simulator's implementation: tenancy generator, cost and metric models, the HTTP front with
 * signature verification and faults, and one handler per OCI service. Not a public API.
 */
@NullMarked
package app.cloudey.oci.simulator.internal;

import org.jspecify.annotations.NullMarked;
