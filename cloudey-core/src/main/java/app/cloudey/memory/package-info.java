/**
 * In-memory reference implementations of the storage SPIs: {@link app.cloudey.memory.InMemoryStore}
 * (every store interface of {@link app.cloudey.spi.CloudeyStore}) and {@link
 * app.cloudey.memory.InMemoryCache} (a bounded LRU {@link app.cloudey.spi.CloudeyCache}). They are
 * the defaults for demos and tests: thread-safe, dependency-free, and gone when the JVM exits.
 */
@NullMarked
package app.cloudey.memory;

import org.jspecify.annotations.NullMarked;
