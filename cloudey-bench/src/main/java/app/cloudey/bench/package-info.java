/**
 * Benchmarks of Cloudey, each a main or JMH benchmark run in its own JVM; see the module README.
 */
@NullMarked
package app.cloudey.bench;

import org.jspecify.annotations.NullMarked;
