/**
 * Sync and metrics benchmarks of the OCI adapter against a simulator running in another JVM (see
 * {@code cloudey-bench/README.md}, section "OCI sync").
 */
@NullMarked
package app.cloudey.bench.sync;

import org.jspecify.annotations.NullMarked;
