/** Implementation of the Redis cache; not API. */
@NullMarked
package app.cloudey.store.redis.internal;

import org.jspecify.annotations.NullMarked;
