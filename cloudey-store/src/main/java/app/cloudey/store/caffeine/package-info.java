/** The in-process cache of query results: {@link app.cloudey.store.caffeine.CaffeineCache}. */
@NullMarked
package app.cloudey.store.caffeine;

import org.jspecify.annotations.NullMarked;
