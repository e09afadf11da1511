/**
 * Backtest of the cost forecast on simulated tenancies with realistic cost dynamics, against the
 * naive run rate. A {@code main} run in its own JVM.
 */
@NullMarked
package app.cloudey.bench.forecast;

import org.jspecify.annotations.NullMarked;
