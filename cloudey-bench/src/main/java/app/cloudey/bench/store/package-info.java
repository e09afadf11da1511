/**
 * Benchmarks of cloudey-store: cost ingest against a raw {@code COPY}, and month close against the
 * bare rollup SQL. Each is a {@code main} run in its own JVM.
 */
@NullMarked
package app.cloudey.bench.store;

import org.jspecify.annotations.NullMarked;
